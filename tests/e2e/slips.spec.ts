// The checker's slip rules in the editor (Chromium against the real services): a character doubled inside a word and
// a title typed in << >> are listed in the panel as they are typed, and one click on 修正 puts each right.
import type { Page } from '@playwright/test';
import { test, expect } from './harness';
import { blockText } from './report';

async function newReport(page: Page) {
  await page.getByRole('button', { name: '新建报告' }).click();
  const dialog = page.getByRole('dialog', { name: '新建报告' });
  await dialog.getByLabel('政府部门').check();
  await dialog.getByLabel('机关名称').fill('某县司法局');
  await dialog.getByLabel('报告年度').fill('2025');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.doc-body')).toBeVisible();
}


test('a doubled character inside a word and a title in << >> are found while typing and fixed from the panel', async ({ app }) => {
  const { page } = app;
  await newReport(page);
  const before = await blockText(page, 0);
  await page.locator('.doc-body').click({ position: { x: 5, y: 5 } });
  await page.evaluate(() => {
    const block = document.querySelectorAll('.doc-body > [data-slate-node="element"]')[0]!;
    const strings = block.querySelectorAll('[data-slate-string], [data-slate-zero-width]');
    const node = strings[strings.length - 1]!.firstChild!;
    window.getSelection()!.collapse(node, node.nodeType === Node.TEXT_NODE ? node.textContent!.length : 0);
  });
  await page.keyboard.insertText('完善规范范性文件备案审查，组织学习<<行政复议法>>，中共滑县县委听取汇报。');
  await expect.poll(() => blockText(page, 0)).toBe(before + '完善规范范性文件备案审查，组织学习<<行政复议法>>，中共滑县县委听取汇报。');

  const doubled = page.locator('.finding[data-rule="rep.doubled"]');
  await expect(doubled).toHaveCount(1);
  await expect(doubled).toContainText('“范”字重复');
  const title = page.locator('.finding[data-rule="punct.title-marks"]');
  await expect(title).toHaveCount(1);
  await app.screenshot('slips-findings');

  await doubled.getByRole('button', { name: /^修正/ }).click();
  await expect.poll(() => blockText(page, 0)).toBe(before + '完善规范性文件备案审查，组织学习<<行政复议法>>，中共滑县县委听取汇报。');
  await title.getByRole('button', { name: /^修正/ }).click();
  await expect.poll(() => blockText(page, 0)).toBe(before + '完善规范性文件备案审查，组织学习《行政复议法》，中共滑县县委听取汇报。');
  await expect(page.locator('.finding[data-rule="rep.doubled"], .finding[data-rule="punct.title-marks"]')).toHaveCount(0);
});
