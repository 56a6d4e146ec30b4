// Finishing the job in the app (Chromium against the real services): a new report from a template is written, then
// exported from the toolbar, with Ctrl+E and from the menu; the 送审前检查 dialog is answered both ways; the .docx on
// disk passes the schema validator and opens in LibreOffice; failures say why in Chinese; 关于; 打印 with its page
// count; 成文日期 in 年/月/日 fields. Every dialog added here shows no English.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, REPO, SCREENSHOTS } from './harness';
import { serializeDocument } from '../../shared/model/format';
import { featureDoc } from '../unit/helpers/docxDocs';

const VALIDATOR = join(REPO, '..', 'shared', 'ooxml', 'validate-docx.sh');
const FONTS_CONF = join(REPO, '..', 'shared', 'fonts', 'fonts.conf');

async function newReport(page: Page, template: string, organ: string, year: number) {
  await page.getByRole('button', { name: '新建报告' }).click();
  const dialog = page.getByRole('dialog', { name: '新建报告' });
  await dialog.getByLabel(template).check();
  await dialog.getByLabel('机关名称').fill(organ);
  await dialog.getByLabel('报告年度').fill(String(year));
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.doc-body')).toBeVisible();
}

/** Latin words in the visible text of `scope`, except file extensions, "Word" and text the user supplied (paths). */
function latinWords(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[data-user-text]') || el.getClientRects().length === 0) continue;
      // Paths the user chose are theirs, not the app's words.
      const text = n.textContent!.replace(/(?:[A-Za-z]:\\|\/)[^\s“”]*/g, '');
      for (const w of text.match(/[A-Za-z]{2,}/g) ?? []) if (!/^(Word|docx|fzbg|pdf|txt)$/.test(w)) out.push(w);
    }
    return out;
  });
}

/** Validates a .docx with the OOXML schemas and converts it with LibreOffice; returns the PDF's page count. */
function validateAndRender(file: string, render = true): number {
  const v = spawnSync('bash', [VALIDATOR, file], { encoding: 'utf8' });
  expect(v.status, `${v.stdout}${v.stderr}`).toBe(0);
  if (!render) return 0;
  const outDir = join(file, '..', 'pdf');
  mkdirSync(outDir, { recursive: true });
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(outDir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file], {
    encoding: 'utf8', timeout: 180_000, env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
  });
  expect(r.status, r.stderr).toBe(0);
  const pdf = join(outDir, file.split('/').pop()!.replace(/\.docx$/, '.pdf'));
  return Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)![1]);
}

const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

test('new report → write → export from the toolbar with 送审前检查 answered both ways; Ctrl+E and the menu do the same', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  await newReport(page, '政府部门', '江海区司法局', 2025);
  const title = '江海区司法局关于2025年度法治政府建设情况的报告';
  // Write: a sentence at the end of the first paragraph.
  const first = page.locator('.doc-body [data-slate-node="element"]').first();
  await first.click();
  await page.keyboard.press('End');
  await page.keyboard.type('全年共审查规范性文件12件。');
  await expect(first).toContainText('全年共审查规范性文件12件。');
  await expect(page.locator('.page-estimate')).toHaveText(/^约 \d+ 页$/);

  // The toolbar's 导出Word: errors remain (the template's placeholders), so the dialog lists them by kind.
  await page.getByRole('button', { name: '导出Word' }).click();
  const dialog = page.getByRole('alertdialog', { name: '送审前检查' });
  await expect(dialog).toBeVisible();
  const placeholders = dialog.locator('.presubmit-row[data-kind="placeholder"]');
  await expect(placeholders).toContainText('未填写的占位符');
  await expect(placeholders).toContainText(/\d+ 处/);
  await expect(dialog.getByRole('button', { name: '返回修改' })).toBeFocused();
  expect(await latinWords(dialog)).toEqual([]);
  await app.screenshot('export-presubmit-dialog');

  // A row jumps to the first place of its kind.
  await placeholders.click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toMatch(/^【.*】$/);
  await app.screenshot('export-presubmit-jumped');

  // 返回修改 writes nothing.
  await page.getByRole('button', { name: '导出Word' }).click();
  await dialog.getByRole('button', { name: '返回修改' }).click();
  await expect(dialog).toBeHidden();
  expect(app.dialogs.saveOptions).toEqual([]);

  // Ctrl+E, then 仍然导出: main's save dialog proposes the title as the name; the file is written.
  const outDir = join(app.workDir, '送审');
  mkdirSync(outDir);
  const target = join(outDir, '年报送审稿.docx');
  app.dialogs.saves.push(target);
  await page.locator('.doc-body').click();
  await page.keyboard.press('Control+e');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '仍然导出' }).click();
  const notice = page.getByRole('status').filter({ hasText: '已导出“年报送审稿.docx”' });
  await expect(notice).toBeVisible();
  expect(await latinWords(notice)).toEqual([]);
  await app.screenshot('export-notice');
  expect(app.dialogs.saveOptions[0]).toEqual({ title: '导出 Word 文件（公文格式）', defaultName: `${title}.docx`, defaultFolder: undefined });
  expect(existsSync(target)).toBe(true);
  expect(validateAndRender(target)).toBeGreaterThan(0);
  // 在文件夹中显示 shows the file in the file manager (the shell port), it never opens it.
  await notice.getByRole('button', { name: '在文件夹中显示' }).click();
  expect(app.shell.shown).toEqual([target]);
  // The report is still open, unchanged.
  await expect(first).toContainText('全年共审查规范性文件12件。');

  // The menu's 导出为Word…: the same dialog; the save dialog now opens in the last export folder.
  const second = join(outDir, '菜单导出.docx');
  app.dialogs.saves.push(second);
  await app.emit('menuCommand', 'export');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '仍然导出' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已导出“菜单导出.docx”' })).toBeVisible();
  expect(app.dialogs.saveOptions[1]!.defaultFolder).toBe(outDir);
  validateAndRender(second, false);
});

test('a report without errors exports at once, into its own folder, and LibreOffice opens the file', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  const folder = join(app.workDir, '报告');
  mkdirSync(folder);
  const file = join(folder, '市场监管局年报.fzbg');
  writeFileSync(file, serializeDocument(featureDoc()));
  app.dialogs.opens.push(file);
  await page.getByRole('button', { name: '打开…' }).click();
  await expect(page.locator('.doc-body')).toContainText('依法全面履行职能');
  const target = join(folder, '导出.docx');
  app.dialogs.saves.push(target);
  await page.getByRole('button', { name: '导出Word' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已导出“导出.docx”' })).toBeVisible();
  await expect(page.getByRole('alertdialog', { name: '送审前检查' })).toHaveCount(0);
  expect(app.dialogs.saveOptions[0]!.defaultFolder).toBe(folder);
  const pages = validateAndRender(target);
  await expect(page.locator('.page-estimate')).toHaveText(`约 ${pages} 页`);
});

test('an export that cannot be written says why in Chinese and leaves the report open and unchanged', async ({ app }) => {
  const { page } = app;
  const file = join(app.workDir, '年报.fzbg');
  writeFileSync(file, serializeDocument(featureDoc()));
  app.dialogs.opens.push(file);
  await page.getByRole('button', { name: '打开…' }).click();
  await expect(page.locator('.doc-body')).toContainText('依法全面履行职能');
  // The folder chosen has gone (a network drive disconnected): a file stands where the folder was.
  writeFileSync(join(app.workDir, '网络盘'), '');
  app.dialogs.saves.push(join(app.workDir, '网络盘', '年报.docx'));
  await page.keyboard.press('Control+e');
  const alert = page.getByRole('alert').filter({ hasText: '无法导出“年报.docx”' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('报告本身未受影响，仍在窗口中打开');
  expect(await latinWords(alert.locator('.banner-text'))).toEqual([]);
  await app.screenshot('export-failed');
  await expect(page.locator('.doc-body')).toContainText('依法全面履行职能');
  expect(readFileSync(file, 'utf8')).toBe(serializeDocument(featureDoc()));
});

test('关于 shows the product, version, the offline statement and the data folder', async ({ app }) => {
  const { page } = app;
  await app.emit('menuCommand', 'about');
  const dialog = page.getByRole('dialog', { name: '关于法治年报助手' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('法治年报助手');
  await expect(dialog).toContainText('版本 test');
  await expect(dialog).toContainText('完全离线运行');
  await expect(dialog.locator('.about-data-dir')).toHaveText(app.dataDir);
  expect(await latinWords(dialog)).toEqual([]);
  await app.screenshot('export-about');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();
});

test('打印 (Ctrl+P) shows the page count first; the print view prints as many A4 pages as the status bar says', async ({ app }) => {
  const { page } = app;
  const file = join(app.workDir, '年报.fzbg');
  writeFileSync(file, serializeDocument(featureDoc()));
  app.dialogs.opens.push(file);
  await page.getByRole('button', { name: '打开…' }).click();
  await expect(page.locator('.doc-body')).toContainText('依法全面履行职能');
  const estimate = Number(await page.locator('.page-estimate').getAttribute('data-pages'));
  await page.locator('.doc-body').click();
  await page.keyboard.press('Control+p');
  const view = page.getByRole('dialog', { name: '打印预览' });
  await expect(view.locator('.print-count')).toHaveText(`共 ${estimate} 页`);
  await expect(view.locator('.print-page')).toHaveCount(estimate);
  await expect(view.locator('.print-folio').first()).toHaveText('— 1 —');
  expect(await latinWords(view.locator('.print-bar'))).toEqual([]);
  await app.screenshot('print-view');
  // What Electron's print gets: only the pages, A4.
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(join(SCREENSHOTS, 'print-view.pdf'), pdf);
  expect(pdfPages(pdf)).toBe(estimate);
  spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', join(SCREENSHOTS, 'print-view.pdf'), join(SCREENSHOTS, 'print-view-page')]);
  await view.getByRole('button', { name: '打印…' }).click();
  await expect(view).toBeHidden();
  expect(app.shell.printed).toBe(1);
  await expect(page.getByRole('status').filter({ hasText: '已发送到打印机' })).toBeVisible();
});

test('成文日期 is entered in 年/月/日 fields, never mm/dd/yyyy; a day that does not exist is refused', async ({ app }) => {
  const { page } = app;
  await newReport(page, '乡镇（街道）', '礼乐街道办事处', 2025);
  await expect(page.locator('input[type="date"]')).toHaveCount(0);
  await page.getByRole('button', { name: '成文日期', exact: true }).click();
  const group = page.getByRole('group', { name: '成文日期', exact: true });
  await group.getByRole('textbox', { name: '年' }).fill('2026');
  await group.getByRole('textbox', { name: '月' }).fill('2');
  await group.getByRole('textbox', { name: '日' }).fill('30');
  await expect(group.getByRole('status')).toHaveText('请填写有效的日期');
  expect(await latinWords(group)).toEqual([]);
  await app.screenshot('date-fields-invalid');
  await group.getByRole('textbox', { name: '日' }).fill('28');
  await expect(group.getByRole('status')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '成文日期', exact: true })).toHaveText('2026年2月28日');
  await app.screenshot('date-fields-set');
  expect(await page.locator('.page').evaluate((el) => el.textContent)).not.toMatch(/mm|dd|yyyy/i);
});
