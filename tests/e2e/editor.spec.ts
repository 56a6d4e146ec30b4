// The drafting editor in Chromium against the real services: new report from a template, typing (with IME
// composition), live findings and fixes, moving parts with live renumbering, structured paste, undo, find/replace.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, REPO } from './harness';

const JIANGHAI = join(REPO, '..', 'shared', 'fixtures', 'reports', 'jianghai-2025-webpage.txt');

async function newReport(page: Page, opts: { template: string; organ?: string; year?: number }) {
  await page.getByRole('button', { name: '新建报告' }).click();
  const dialog = page.getByRole('dialog', { name: '新建报告' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(opts.template).check();
  if (opts.organ !== undefined) await dialog.getByLabel('机关名称').fill(opts.organ);
  if (opts.year !== undefined) await dialog.getByLabel('报告年度').fill(String(opts.year));
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.doc-body')).toBeVisible();
}

const headingMarkers = (page: Page) =>
  page.locator('.doc-body .h').evaluateAll((els) => els.map((e) => (e.getAttribute('data-marker') ?? '') + (e.textContent ?? '').replace(/\uFEFF/g, '')));

test('a new report from the department template shows the outline, numbering and placeholders', async ({ app }) => {
  const { page } = app;
  await newReport(page, { template: '政府部门', organ: '江海区司法局', year: 2025 });
  await expect(page.getByLabel('报告标题')).toHaveValue('江海区司法局关于2025年度法治政府建设情况的报告');
  const markers = await headingMarkers(page);
  expect(markers[0]).toBe('一、2025年推进法治政府建设的主要举措和成效');
  expect(markers[1]).toBe('（一）依法全面履行部门职能');
  expect(await page.locator('.doc-body .ph').count()).toBeGreaterThan(5);
  await app.screenshot('editor-new-department');
});
