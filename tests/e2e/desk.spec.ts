// The reviewer's desk in Chromium against the real services: 审核 → 批量检查文件夹… over a folder of 12 reports (made
// from the fixtures and templates), last year's folder, the summary table (sorted, filtered, safety in red), the
// .xlsx read back with exceljs, one report opened read-only with its copied paragraphs marked and its 审阅稿 exported
// (validated, its comments read back).
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUMMARY_COLUMNS } from '../../main/services/batchXlsx';
import { readReviewerFile } from '../../shared/docx/review/readReview';
import { REVIEW_AUTHOR } from '../../shared/docx/review/reviewCopy';
import { makeDeskFolder } from '../fixtures/deskFolder';
import { test, expect, REPO } from './harness';

test('a folder of reports: table, last year, workbook, one report read-only', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  const folders = await makeDeskFolder(app.workDir);
  await app.emit('menuCommand', 'desk');
  await expect(page.getByRole('button', { name: '选择报告文件夹…' })).toBeVisible();

  app.dialogs.folders.push(folders.current);
  await page.getByRole('button', { name: '选择报告文件夹…' }).click();
  const rows = page.locator('tr.desk-row');
  await expect(rows).toHaveCount(12, { timeout: 120_000 });
  await expect(page.locator('.desk-totals')).toContainText('共 12 份');
  await expect(page.locator('.desk-totals')).toContainText('1 份有公开发布安全问题');
  await expect(page.locator('.desk-totals')).toContainText('1 份无法读取');

  const row = (key: string) => page.locator(`tr.desk-row[data-key="${key}"]`);
  await expect(row('10-损坏的文件.docx')).toContainText('不是 Word 文档');
  await expect(row('09-应急管理局.txt')).toHaveClass(/desk-row-safety/);
  await expect(row('09-应急管理局.txt').locator('td.desk-safety')).toHaveText('身份证号1');
  await expect(row('04-财政局.docx')).toContainText('逾期');
  await expect(row('各部门/08-教育局.fzbg')).toContainText('未填日期');
  // Made from a template: its 下一年度安排 holds only placeholders, so the part is 未填写, not ✓ (the checker's template-text rule).
  await expect(row('03-司法局.docx').locator('td.desk-part')).toHaveText(['✓', '✓', '✓', '未填写']);
  await app.screenshot('desk-table');

  // Last year's folder: the batch runs again and compares.
  app.dialogs.folders.push(folders.previous);
  await page.getByRole('button', { name: '选择上年报告文件夹…' }).click();
  await expect(page.getByRole('columnheader', { name: /沿用上年/ })).toBeVisible({ timeout: 120_000 });
  await expect(rows).toHaveCount(12);
  await expect(row('01-江海区政务服务和数据管理局.txt').locator('td').last()).toHaveText('100%');
  await expect(row('02-阳江市政数局.txt').locator('td').last()).toHaveText(/^9\d%$/);
  await expect(row('03-司法局.docx').locator('td').last()).toHaveText('无上年报告');
  await expect(page.locator('.desk-totals')).toContainText('3 份大量沿用上年文字');

  // Filter and sort.
  await page.getByRole('combobox', { name: '筛选' }).selectOption('safety');
  await expect(rows).toHaveCount(1);
  await page.getByRole('combobox', { name: '筛选' }).selectOption('all');
  await page.getByPlaceholder('按文件名或机关筛选').fill('各部门');
  await expect(rows).toHaveCount(3);
  await page.getByPlaceholder('按文件名或机关筛选').fill('');
  await page.locator('button.desk-sort[data-column="chars"]').click();
  await page.locator('button.desk-sort[data-column="chars"]').click();
  await expect(rows.first()).toHaveAttribute('data-key', '09-应急管理局.txt');
  await app.screenshot('desk-compared');

  // The workbook, read back.
  const xlsx = join(app.workDir, '汇总.xlsx');
  app.dialogs.saves.push(xlsx);
  await page.getByRole('button', { name: '导出汇总表（Excel）…' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已导出“汇总.xlsx”' })).toBeVisible();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const summary = wb.getWorksheet('汇总')!;
  expect(summary.getRow(1).values).toEqual([undefined, ...SUMMARY_COLUMNS]);
  expect(summary.rowCount).toBe(13);
  const col = (name: (typeof SUMMARY_COLUMNS)[number]) => SUMMARY_COLUMNS.indexOf(name) + 1;
  const byKey = new Map<string, ExcelJS.Row>();
  summary.eachRow((r, n) => n > 1 && byKey.set(String(r.getCell(1).value), r));
  const idRow = byKey.get('09-应急管理局.txt')!;
  expect(idRow.getCell(col('身份证号')).value).toBe(1);
  expect(idRow.getCell(col('身份证号')).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
  expect(byKey.get('10-损坏的文件.docx')!.getCell(col('无法读取的原因')).value).toMatch(/不是 Word 文档/);
  const jh = byKey.get('01-江海区政务服务和数据管理局.txt')!;
  expect(jh.getCell(col('机关')).value).toBe('江海区政务服务和数据管理局');
  expect(jh.getCell(col('年度')).value).toBe(2026);
  expect(jh.getCell(col('沿用上年段落占比')).value).toBe('100%');
  expect(byKey.get('04-财政局.docx')!.getCell(col('是否按期')).value).toBe('逾期');
  expect(byKey.get('04-财政局.docx')!.getCell(col('报送期限')).value).toBe('2026-03-01');
  expect(byKey.get('03-司法局.docx')!.getCell(col('未填占位符')).value).toBeGreaterThan(0);
  // One sheet per readable report, named after the organ.
  expect(wb.worksheets.length).toBe(12);
  const sheet = wb.getWorksheet('阳江市应急管理局')!;
  const texts: string[] = [];
  sheet.eachRow((r) => texts.push(r.values.toString()));
  expect(texts.join('\n')).toContain('居民身份证号码');

  // One report, read-only, with its copied paragraphs marked.
  await row('01-江海区政务服务和数据管理局.txt').click();
  await expect(page.getByRole('button', { name: '返回汇总表' })).toBeVisible();
  await expect(page.locator('.desk-copied').first()).toBeVisible();
  expect(await page.locator('.desk-copied').count()).toBeGreaterThan(10);
  await expect(page.locator('.findings-panel')).toBeVisible();
  await expect(page.locator('.findings-panel .finding-actions')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: '对应的上年报告：' })).toHaveValue('江海区政数局2025.txt');
  // A finding in the body (the first ones may be about the report as a whole, which has no paragraph to mark).
  await page.locator('.findings-panel .finding[data-rule^="punct."] .finding-main').first().click();
  await expect(page.locator('.desk-focus')).toHaveCount(1);
  await app.screenshot('desk-report');

  // 导出审阅稿 of this report: named after the organ, its findings as Word comments on its text.
  const copy = join(app.workDir, '江海区审阅稿.docx');
  app.dialogs.saves.push(copy);
  await page.getByRole('button', { name: '导出审阅稿…' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已导出“江海区审阅稿.docx”' })).toBeVisible();
  expect(app.dialogs.saveOptions.at(-1)!.defaultName).toBe('江海区政务服务和数据管理局（审阅稿）.docx');
  const v = spawnSync('bash', [join(REPO, '..', 'shared', 'ooxml', 'validate-docx.sh'), copy], { encoding: 'utf8' });
  expect(v.status, `${v.stdout}${v.stderr}`).toBe(0);
  const back = readReviewerFile(new Uint8Array(readFileSync(copy)));
  const comments = back.items.filter((i) => i.kind === 'comment');
  // The panel's rows hold their findings' count (identical ones and a sub-part's placeholders share a row).
  const counts = await page.locator('.findings-panel .finding').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-count') ?? '1')));
  const findings = counts.reduce((a, n) => a + n, 0);
  // One comment per finding, plus the counts on the title.
  expect(comments.length).toBe(findings + 1);
  expect(comments.every((c) => c.author === REVIEW_AUTHOR)).toBe(true);
  // The first punctuation finding of the panel is a comment on exactly its text.
  const first = page.locator('.findings-panel .finding[data-rule^="punct."]').first();
  const message = (await first.locator('.finding-msg').textContent())!;
  // The panel shows the first 24 characters of a longer text, with an ellipsis.
  const quoted = (await first.locator('.finding-text').textContent())!.replace(/^“|”$/g, '').replace(/…$/, '');
  const on = comments.find((c) => c.text.includes(message));
  expect(on, comments.map((c) => c.text).join('\n')).toBeDefined();
  const commented = back.paragraphs[on!.paragraph]!.original.slice(on!.start, on!.end);
  expect(commented.startsWith(quoted) && commented.length >= quoted.length).toBe(true);

  // A manual pairing: no counterpart → the share disappears from the table.
  await page.getByRole('combobox', { name: '对应的上年报告：' }).selectOption('');
  await page.getByRole('button', { name: '返回汇总表' }).click();
  await expect(row('01-江海区政务服务和数据管理局.txt').locator('td').last()).toHaveText('无上年报告');
});

test('compare with the team folder\'s archive of earlier years: only the year before counts', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  const folders = await makeDeskFolder(app.workDir);
  // The team folder as set in the settings; its 往年报告 holds last year's report and one from two years before.
  const team = join(app.workDir, '共享盘');
  const jianghai = readFileSync(join(folders.previous, '江海区政数局2025.txt'), 'utf8');
  mkdirSync(join(team, '往年报告', '2025'), { recursive: true });
  mkdirSync(join(team, '往年报告', '2023'), { recursive: true });
  writeFileSync(join(team, '往年报告', '2025', '江海区政数局.txt'), jianghai);
  writeFileSync(join(team, '往年报告', '2023', '江海区政数局.txt'), jianghai.replaceAll('2025年', '2023年'));

  await app.emit('menuCommand', 'desk');
  app.dialogs.folders.push(folders.current);
  await page.getByRole('button', { name: '选择报告文件夹…' }).click();
  await expect(page.locator('tr.desk-row')).toHaveCount(12, { timeout: 120_000 });

  // No team folder set yet: a clear message, nothing changes.
  await page.getByRole('button', { name: '用团队文件夹的往年报告' }).click();
  await expect(page.getByRole('alert')).toContainText('尚未设置团队文件夹');
  await page.getByRole('alert').getByRole('button', { name: '关闭' }).click();

  await page.getByRole('button', { name: '返回' }).click();
  await page.getByRole('button', { name: '设置…' }).click();
  const dialog = page.getByRole('dialog', { name: '设置' });
  await dialog.getByRole('textbox', { name: '团队模板文件夹' }).fill(team);
  await dialog.getByRole('button', { name: '保存设置' }).click();
  await expect(dialog).toBeHidden();
  await app.emit('menuCommand', 'desk');
  app.dialogs.folders.push(folders.current);
  await page.getByRole('button', { name: '选择报告文件夹…' }).click();
  await expect(page.locator('tr.desk-row')).toHaveCount(12, { timeout: 120_000 });

  await page.getByRole('button', { name: '用团队文件夹的往年报告' }).click();
  await expect(page.locator('.desk-folders')).toContainText(join(team, '往年报告'));
  await expect(page.getByRole('columnheader', { name: /沿用上年/ })).toBeVisible({ timeout: 120_000 });
  const jh = page.locator('tr.desk-row[data-key="01-江海区政务服务和数据管理局.txt"]');
  await expect(jh.locator('td').last()).toHaveText('100%');
  // Paired with the 2025 report, not the 2023 one of the same organ: the archive's other years do not pair.
  await jh.click();
  const pick = page.getByRole('combobox', { name: '对应的上年报告：' });
  await expect(pick).toHaveValue('2025/江海区政数局.txt');
  await app.screenshot('desk-team-archive');
});
