// Working through the findings in Chromium against the real services, on the two published reports and a fresh
// template: the panel's parts and sub-parts, collapsed and compact rows, honest bulk-fix counts (asserted against a
// diff of the text) undone in one step, visible punctuation, ↑/↓ and Enter, the ignored list with who and when (kept in
// the .fzbg and in the review copy's appendix), and the per-part progress of the outline.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { importText } from '../../shared/import/text';
import { parseDocument, serializeDocument } from '../../shared/model/format';
import { diffText } from '../../shared/model/diff';
import { test, expect, REPO, type AppHarness } from './harness';

const FIXTURES = join(REPO, '..', 'shared', 'fixtures', 'reports');
const JIANGHAI = readFileSync(join(FIXTURES, 'jianghai-2025-webpage.txt'), 'utf8');
const YANGJIANG = readFileSync(join(FIXTURES, 'yangjiang-2024-webpage.txt'), 'utf8');

async function openReport(app: AppHarness, text: string, name: string): Promise<string> {
  const path = join(app.workDir, `${name}.fzbg`);
  writeFileSync(path, serializeDocument(importText(text, { id: name }).doc));
  app.dialogs.opens.push(path);
  await app.page.getByRole('button', { name: '打开…' }).click();
  await expect(app.page.locator('[data-slate-editor="true"]')).toBeVisible();
  await expect(app.page.locator('.findings-panel .finding').first()).toBeVisible({ timeout: 30_000 });
  return path;
}

async function newFromTemplate(page: Page) {
  await page.getByRole('button', { name: '新建报告' }).click();
  const dialog = page.getByRole('dialog', { name: '新建报告' });
  await dialog.getByLabel('政府部门').check();
  await dialog.getByLabel('机关名称').fill('江海区司法局');
  await dialog.getByLabel('报告年度').fill('2025');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.findings-panel .finding').first()).toBeVisible({ timeout: 30_000 });
}

/** The text of every body block as the page shows it. */
const bodyTexts = (page: Page) =>
  page.locator('.doc-body > [data-slate-node="element"]').evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\uFEFF/g, '')));

/** Places changed between two versions of the body: per block, the runs of a character diff that are not equal. */
function changedPlaces(before: string[], after: string[]): number {
  expect(after.length).toBe(before.length);
  let n = 0;
  before.forEach((b, i) => {
    let inChange = false;
    for (const s of diffText(b, after[i]!)) {
      if (s.kind === 'equal') inChange = false;
      else if (!inChange) { n++; inChange = true; }
    }
  });
  return n;
}

/** The rows of the panel in order (rule and first text), to see that nothing jumps. */
const rowOrder = (page: Page) =>
  page.locator('.findings-panel .finding').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-rule')}|${e.querySelector('.finding-text, .chip')?.textContent ?? ''}`));

async function setUserName(page: Page, name: string) {
  await page.getByRole('button', { name: '设置' }).click();
  const dialog = page.getByRole('dialog', { name: /设置/ });
  await dialog.getByLabel('用户名/姓名').fill(name);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

test('a list longer than a screen comes in screens while the page is idle, until every finding is in it', async ({ app }) => {
  const { page } = app;
  // The Jianghai report with its body four times over: far more rows than the panel's first screen.
  const doc = importText(JIANGHAI, { id: 'long' }).doc;
  const path = join(app.workDir, 'long.fzbg');
  writeFileSync(path, serializeDocument({ ...doc, body: [...doc.body, ...doc.body, ...doc.body, ...doc.body] }));
  app.dialogs.opens.push(path);
  await page.getByRole('button', { name: '打开…' }).click();
  await expect(page.locator('.findings-panel .finding').first()).toBeVisible({ timeout: 30_000 });
  const panel = page.locator('.findings-panel');
  const total = Number(await page.locator('.tab-count').first().textContent());
  const listed = () => panel.locator('.finding').evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute('data-count')), 0));
  await expect.poll(listed).toBe(total);
  expect(await panel.locator('.finding').count()).toBeGreaterThan(90);
  // The last section is listed and reachable.
  await panel.locator('.finding-group').last().scrollIntoViewIfNeeded();
  await expect(panel.locator('.finding-group').last().locator('.finding').first()).toBeVisible();
});

test('Jianghai: parts and sub-parts with their numbers; 全部修正 counts the places it changes, says so, and one Ctrl+Z undoes it', async ({ app }) => {
  const { page } = app;
  await openReport(app, JIANGHAI, 'jianghai');
  const panel = page.locator('.findings-panel');
  // Sections carry the heading numbers the structure gives them: parts 一、 and sub-parts （一）.
  const labels = await panel.locator('.finding-group > summary .group-label').allTextContents();
  expect(labels.some((l) => /^[一二三]、/.test(l))).toBe(true);
  expect(labels.some((l) => /^（[一二三四五六七八九十]+）/.test(l))).toBe(true);
  await expect(panel.locator('.finding-group.lvl2').first()).toBeVisible();

  const bulk = page.locator('[data-bulk-rule="punct.halfwidth"]');
  await expect(bulk).toBeVisible();
  const places = Number(await bulk.getAttribute('data-places'));
  await expect(bulk).toHaveText(`全部修正（${places}处）`);
  const paragraphs = await page.locator('.finding[data-rule="punct.halfwidth"]').count();
  expect(places).toBeGreaterThan(paragraphs); // more marks than paragraphs: the count is of places
  await app.screenshot('findings-jianghai-before');

  const before = await bodyTexts(page);
  await bulk.click();
  await expect(panel.getByRole('status')).toHaveText(`已修正 ${places} 处（可撤销）`);
  await expect(page.locator('.finding[data-rule="punct.halfwidth"]')).toHaveCount(0);
  const after = await bodyTexts(page);
  expect(changedPlaces(before, after)).toBe(places);
  await app.screenshot('findings-jianghai-fixed');

  // One Ctrl+Z takes the whole bulk fix back.
  await page.locator('.doc-body').click();
  await page.keyboard.press('Control+z');
  await expect.poll(() => bodyTexts(page)).toEqual(before);
});

test('Yangjiang: identical findings collapse, punctuation is shown by name, ↑/↓ walk the list, Enter jumps, a fix leaves the rest in place', async ({ app }) => {
  const { page } = app;
  await openReport(app, YANGJIANG, 'yangjiang');
  const panel = page.locator('.findings-panel');
  // A fix that inserts one mark names it; a half-width conversion lists the marks it changes, boxed and named.
  await page.locator('.doc-body').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('开展执法检查3次,整改问题12个,,办结率100%。');
  const doubled = panel.locator('.finding[data-rule="punct.doubled"]').filter({ hasText: ',,' });
  await expect(doubled.locator('.fix-button')).toHaveText('修正为，（全角逗号）');
  await expect(doubled.locator('.fix-button .mark-glyph')).toHaveText('，');
  const half = panel.locator('.finding[data-rule="punct.halfwidth"]').last();
  await expect(half.locator('.finding-suggestion')).toContainText('（半角逗号）→，（全角逗号）');
  await app.screenshot('findings-yangjiang-punctuation');

  // Keyboard: focus the first finding, ↓ twice, Enter: the caret selects that finding's text in the page.
  const nav = panel.locator('[data-nav]');
  // The first finding in the body (one with its text shown), reached from the top of the list with ↓.
  const at = await nav.evaluateAll((els) => els.findIndex((e) => e.querySelector('.finding-text') !== null));
  expect(at).toBeGreaterThan(0);
  await nav.first().focus();
  for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown');
  await expect(nav.nth(at)).toBeFocused();
  const text = ((await nav.nth(at).locator('.finding-text').textContent()) ?? '').replace(/^“|”$/g, '').replace(/…$/, '');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString() ?? '')).toContain(text);
  await page.keyboard.press('ArrowUp'); // back in the text, the arrow moves the caret, not the list
  await expect(nav.nth(1)).not.toBeFocused();

  // Fixing one row: it leaves, every other row keeps its order.
  const order = await rowOrder(page);
  const target = doubled;
  const key = `punct.doubled|${(await target.locator('.finding-text').textContent()) ?? ''}`;
  await target.locator('.fix-button').click();
  await expect(panel.getByRole('status')).toHaveText('已修正 1 处（可撤销）');
  await expect.poll(async () => (await rowOrder(page)).filter((k) => k !== key && !k.startsWith('punct.halfwidth|') && !k.startsWith('rep.'))).toEqual(
    order.filter((k) => k !== key && !k.startsWith('punct.halfwidth|') && !k.startsWith('rep.')),
  );
});

test('a fresh template: placeholders of a sub-part are one compact row; the outline shows 未填写, never ✓', async ({ app }) => {
  const { page } = app;
  await newFromTemplate(page);
  const panel = page.locator('.findings-panel');
  const compact = panel.locator('.finding.compact');
  await expect(compact.first()).toBeVisible();
  const n = Number(await compact.first().getAttribute('data-count'));
  expect(n).toBeGreaterThanOrEqual(2);
  await expect(compact.first().locator('.chip')).toHaveCount(n);
  await expect(compact.first()).toContainText(`共${n}处`);
  await compact.first().scrollIntoViewIfNeeded();
  await app.screenshot('findings-template-compact');

  // Outline: a part of only template text is 未填写, never ✓.
  const states = page.locator('.parts-state .part-state');
  await expect(states.filter({ hasText: '未填写' }).first()).toBeVisible();
  for (const s of await states.all()) {
    const state = await s.getAttribute('data-state');
    if (state === 'unfilled') await expect(s.locator('.part-mark')).not.toHaveText('✓');
  }
  await app.screenshot('findings-template-outline');
});

test('the outline on a real report: ⚠ n with its count, ✓ only without errors, ✗ 缺少 for a missing part', async ({ app }) => {
  const { page } = app;
  // The Jianghai report without its third part (plans for next year).
  const cut = JIANGHAI.slice(0, JIANGHAI.indexOf('三、2026'));
  await openReport(app, cut, 'jianghai-cut');
  const states = page.locator('.parts-state .part-state');
  const warn = states.filter({ has: page.locator('.part-mark', { hasText: /^⚠ \d+$/ }) }).first();
  await expect(warn).toBeVisible();
  await expect(states.filter({ hasText: '缺少' }).first().locator('.part-mark')).toHaveText('✗');
  await app.screenshot('findings-outline-real');
});

test('the outline: ✓ for a part with real content and no errors, ⚠ n once a finding lands in it', async ({ app }) => {
  const { page } = app;
  const text = '某某县司法局关于2025年度法治政府建设情况的报告\n一、2025年推进法治政府建设的主要举措和成效\n全年审核规范性文件12件，办理行政复议案件35件。\n二、2025年推进法治政府建设存在的不足和原因\n部分执法人员的业务能力仍需提升，基层法治力量相对薄弱。\n';
  await openReport(app, text, 'clean');
  const part = page.locator('.parts-state .part-state').nth(1);
  await expect(part).toHaveAttribute('data-state', 'ok');
  await expect(part.locator('.part-mark')).toHaveText('✓');
  await page.locator('.doc-body > [data-slate-node="element"]').nth(3).click();
  await page.keyboard.press('End');
  await page.keyboard.insertText('仍需提升,,');
  await expect(part.locator('.part-mark')).toHaveText(/^⚠ \d+$/);
});

test('已忽略 N 处 opens the list with reason, who and when; 恢复 brings a finding back; the list is saved and in the review copy', async ({ app }) => {
  const { page } = app;
  await setUserName(page, '王法制');
  const path = await openReport(app, YANGJIANG, 'yangjiang-ignore');
  const panel = page.locator('.findings-panel');
  const row = panel.locator('.finding:not(.compact)').first();
  const rule = (await row.getAttribute('data-rule'))!;
  const tabCount = page.locator('.tab-count').first();
  const before = (await tabCount.textContent())!;
  await row.getByRole('button', { name: '忽略' }).click();
  await row.getByLabel('忽略原因（将记入文档）').fill('原文如此，经核实无误');
  await row.getByRole('button', { name: '确定忽略' }).click();
  const toggle = panel.getByRole('button', { name: /^已忽略 \d+ 处$/ });
  await expect(toggle).toBeVisible();
  await toggle.click();
  const list = panel.getByRole('region', { name: '已忽略的检查结果' });
  const item = list.locator('.ignored-item').first();
  await expect(item.locator('.ignored-reason')).toHaveText('原文如此，经核实无误');
  await expect(item.locator('.ignored-by')).toHaveText('王法制');
  await expect(item.locator('.ignored-when')).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  await expect(item).toHaveAttribute('data-rule', rule);
  await app.screenshot('findings-ignored-list');

  // Saved in the .fzbg, with who.
  await page.locator('.doc-body').click();
  await page.keyboard.press('Control+s');
  await expect.poll(() => parseDocument(readFileSync(path, 'utf8')).ignores.map((i) => i.by)).toEqual(['王法制']);

  // The review copy's appendix says who as well.
  const out = join(app.workDir, '审阅稿.docx');
  app.dialogs.saves.push(out);
  await page.getByRole('tab', { name: /审阅/ }).click();
  await page.getByLabel('附已忽略的检查结果').check();
  await page.getByRole('button', { name: '导出审阅稿…' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已导出审阅稿' })).toBeVisible({ timeout: 30_000 });
  const xml = strFromU8(unzipSync(readFileSync(out))['word/document.xml']!);
  expect(xml).toContain('附：已忽略的检查结果');
  expect(xml).toContain('原文如此，经核实无误');
  expect(xml).toContain('王法制');

  // 恢复: the finding counts again.
  await page.getByRole('tab', { name: /检查结果/ }).click();
  await panel.getByRole('button', { name: /^已忽略 \d+ 处$/ }).click();
  await panel.getByRole('region', { name: '已忽略的检查结果' }).getByRole('button', { name: '恢复' }).click();
  await expect(panel.getByRole('button', { name: /^已忽略/ })).toHaveCount(0);
  await expect(tabCount).toHaveText(before);
});
