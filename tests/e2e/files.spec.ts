// Files in Chromium against the real services: save and reopen, the title's unsaved marker, 保存 / 不保存 / 取消 on
// close, crash recovery after a page crash, a failed save that keeps the text, and versions (snapshot, compare,
// restore). The report is the published Yangjiang 2024 report, imported from the fixture text.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importText } from '../../shared/import/text';
import { parseDocument, serializeDocument } from '../../shared/model/format';
import { test, expect, type AppHarness } from './harness';

const FIXTURE = join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'reports', 'yangjiang-2024-webpage.txt');
const FILE_NAME = '阳江2024年度报告.fzbg';
const TITLE = `${FILE_NAME} — 法治年报助手`;
const ADDED = '本年度新增的一句：全面落实行政规范性文件合法性审核机制。';

/** Writes the Yangjiang report as a .fzbg in the test's folder and returns its path. */
function writeReport(app: AppHarness, name = FILE_NAME): string {
  const { doc } = importText(readFileSync(FIXTURE, 'utf8'), { id: 'yangjiang-2024' });
  const path = join(app.workDir, name);
  writeFileSync(path, serializeDocument(doc));
  return path;
}

function editor(app: AppHarness) {
  return app.page.locator('[data-slate-editor="true"]');
}

/** Opens a report through 打开… on the start screen (main's dialog answered with `path`). */
async function openFromStart(app: AppHarness, path: string): Promise<void> {
  app.dialogs.opens.push(path);
  await app.page.getByRole('button', { name: '打开…' }).click();
  await expect(editor(app)).toBeVisible();
  await expect.poll(() => app.windowState.title).toBe(`${path.split('/').pop()} — 法治年报助手`);
}

/** Types at the end of the report's body. */
async function typeAtEnd(app: AppHarness, text: string): Promise<void> {
  await editor(app).locator('p.para').last().click();
  await app.page.keyboard.press('Control+End');
  await app.page.keyboard.insertText(text);
}

function recoveryFiles(app: AppHarness): string[] {
  try {
    return readdirSync(join(app.dataDir, 'recovery')).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
}

test('save and reopen: the title shows the unsaved marker until Ctrl+S, and the text is in the file', async ({ app }) => {
  const path = writeReport(app);
  await openFromStart(app, path);
  expect(app.windowState.dirty).toBe(false);

  await typeAtEnd(app, ADDED);
  await expect.poll(() => app.windowState.title).toBe(`● ${TITLE}`);
  expect(app.windowState.dirty).toBe(true);
  await app.screenshot('files-unsaved-title');

  await app.page.keyboard.press('Control+s');
  await expect.poll(() => app.windowState.title).toBe(TITLE);
  expect(app.windowState.dirty).toBe(false);
  const saved = parseDocument(readFileSync(path, 'utf8'));
  expect(JSON.stringify(saved.body)).toContain(ADDED);

  // A fresh window: the report is in 最近打开 and opens with the text.
  await app.reload();
  await app.page.getByRole('button', { name: new RegExp(FILE_NAME) }).click();
  await expect(editor(app)).toContainText(ADDED);
  await expect.poll(() => app.windowState.title).toBe(TITLE);
});

test('closing with unsaved changes asks 保存 / 不保存 / 取消, and each does what it says', async ({ app }) => {
  const path = writeReport(app);
  const original = readFileSync(path, 'utf8');
  await openFromStart(app, path);

  // Nothing changed: the window closes without a question.
  await app.emit('closeRequested', { reason: 'close' });
  await expect.poll(() => app.windowState.closeConfirmed).toBe(true);

  await typeAtEnd(app, ADDED);
  const question = app.page.getByRole('alertdialog', { name: '尚未保存的更改' });

  // 取消: the window stays, the text stays, nothing is written.
  app.windowState.closeConfirmed = null;
  await app.emit('closeRequested', { reason: 'close' });
  await expect(question).toBeVisible();
  await expect(question).toContainText(`是否保存对“${FILE_NAME}”的更改？`);
  await app.screenshot('files-unsaved-question');
  await question.getByRole('button', { name: '取消' }).click();
  await expect.poll(() => app.windowState.closeConfirmed).toBe(false);
  await expect(question).toBeHidden();
  await expect(editor(app)).toContainText(ADDED);
  expect(app.windowState.dirty).toBe(true);
  expect(readFileSync(path, 'utf8')).toBe(original);

  // The close wrote the working state to the recovery area first.
  expect(recoveryFiles(app).length).toBe(1);

  // 不保存: the window closes, the file is untouched, the recovery entry is discarded.
  app.windowState.closeConfirmed = null;
  await app.emit('closeRequested', { reason: 'quit' });
  await question.getByRole('button', { name: '不保存' }).click();
  await expect.poll(() => app.windowState.closeConfirmed).toBe(true);
  expect(readFileSync(path, 'utf8')).toBe(original);
  expect(recoveryFiles(app)).toEqual([]);

  // 保存: the file gets the text, then the window closes.
  app.windowState.closeConfirmed = null;
  await typeAtEnd(app, '再补充一句。');
  await app.emit('closeRequested', { reason: 'close' });
  await question.getByRole('button', { name: '保存', exact: true }).click();
  await expect.poll(() => app.windowState.closeConfirmed).toBe(true);
  const saved = JSON.stringify(parseDocument(readFileSync(path, 'utf8')).body);
  expect(saved).toContain('再补充一句。');
  await expect.poll(() => app.windowState.dirty).toBe(false);
  expect(recoveryFiles(app)).toEqual([]);
});

test('type, crash the page, and recover the text from the recovery dialog; a torn entry is listed as not recoverable', async ({ app }) => {
  const path = writeReport(app);
  await openFromStart(app, path);
  await typeAtEnd(app, ADDED);
  // Autosave writes the working state once typing pauses.
  await expect.poll(() => recoveryFiles(app).map((f) => readFileSync(join(app.dataDir, 'recovery', f), 'utf8')).join('')).toContain(ADDED);
  // A torn entry from an earlier power loss.
  writeFileSync(join(app.dataDir, 'recovery', 'torn-entry--00000000000ab.json'), '{"format":"fzbg-recovery","version":1,"docId":"x","fil');

  await app.reload();
  const dialog = app.page.getByRole('dialog', { name: '恢复未保存的文稿' });
  await expect(dialog).toBeVisible();
  const entry = dialog.getByRole('listitem', { name: /阳江市政务服务和数据管理局/ });
  await expect(entry).toContainText(`文件：${FILE_NAME}`);
  await expect(entry).toContainText(/\d[\d,]* 字/);
  await expect(dialog).toContainText('无法恢复的记录');
  await expect(dialog).toContainText('恢复记录不完整');
  await app.screenshot('files-recovery-dialog');

  await entry.getByRole('button', { name: '恢复' }).click();
  await expect(dialog).toBeHidden();
  await expect(editor(app)).toContainText(ADDED);
  // Restored as unsaved; Ctrl+S goes back to its file and clears the entry.
  await expect.poll(() => app.windowState.title).toBe(`● ${TITLE}`);
  await app.page.keyboard.press('Control+s');
  await expect.poll(() => app.windowState.title).toBe(TITLE);
  expect(JSON.stringify(parseDocument(readFileSync(path, 'utf8')).body)).toContain(ADDED);
  expect(recoveryFiles(app)).toEqual(['torn-entry--00000000000ab.json']);
});

test('a failed save shows the error and keeps the text, still unsaved', async ({ app }) => {
  const path = writeReport(app);
  const original = readFileSync(path, 'utf8');
  await openFromStart(app, path);
  await typeAtEnd(app, ADDED);

  app.dialogs.saves.push(join(app.workDir, '不存在的文件夹', '另存.fzbg'));
  await app.page.keyboard.press('Control+Shift+S');
  const alert = app.page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/[\u4e00-\u9fff]/);
  await app.screenshot('files-save-failed');
  await expect(editor(app)).toContainText(ADDED);
  expect(app.windowState.dirty).toBe(true);
  expect(app.windowState.title).toBe(`● ${TITLE}`);
  expect(readFileSync(path, 'utf8')).toBe(original);

  // The document is intact: saving it where it belongs still works.
  await app.page.keyboard.press('Control+s');
  await expect.poll(() => app.windowState.title).toBe(TITLE);
  expect(JSON.stringify(parseDocument(readFileSync(path, 'utf8')).body)).toContain(ADDED);
});

test('versions: keep 送审前, change the text, compare with now, restore, and undo the restore', async ({ app }) => {
  const path = writeReport(app);
  await openFromStart(app, path);

  await app.emit('menuCommand', 'versions');
  const panel = app.page.getByRole('complementary', { name: '版本记录' });
  await expect(panel).toBeVisible();
  await panel.getByRole('textbox').fill('送审前');
  await panel.getByRole('button', { name: '保留当前版本' }).click();
  const version = panel.getByRole('listitem', { name: '送审前' });
  await expect(version).toBeVisible();

  await typeAtEnd(app, ADDED);
  await version.getByRole('button', { name: '与当前比较' }).click();
  const diff = panel.getByLabel('版本比较');
  await expect(diff.locator('ins')).toContainText(ADDED);
  await expect(diff).toContainText(`当前新增 ${ADDED.length} 字，删除 0 字`);
  await app.screenshot('files-versions-compare');

  await version.getByRole('button', { name: '恢复此版本' }).click();
  await expect(editor(app)).not.toContainText(ADDED);
  // The text before the restore was kept as a version too.
  await expect(panel.getByRole('listitem', { name: '恢复“送审前”之前' })).toBeVisible();
  await app.emit('menuCommand', 'undo');
  await expect(editor(app)).toContainText(ADDED);
});

test('基于上一年度报告新建 shifts the year and opens an unsaved report; 另存为模板 saves a user template', async ({ app }) => {
  const path = writeReport(app);
  app.dialogs.opens.push(path);
  await app.emit('menuCommand', 'newFromPrevious');
  await expect(editor(app)).toBeVisible();
  await expect(app.page.getByRole('status').filter({ hasText: '已根据上一年度报告生成 2025 年度的新报告' })).toBeVisible();
  await expect.poll(() => app.windowState.title).toMatch(/^● .*2025年.* — 法治年报助手$/);
  expect(readFileSync(path, 'utf8')).toBe(serializeDocument(parseDocument(readFileSync(path, 'utf8'))));

  await app.emit('menuCommand', 'saveTemplate');
  const dialog = app.page.getByRole('dialog', { name: '另存为模板' });
  await dialog.getByRole('textbox', { name: '模板名称' }).fill('阳江政数局模板');
  await app.screenshot('files-save-template');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const list = await app.page.evaluate(() => (window as unknown as { fzbg: { listTemplates(): Promise<{ ok: true; value: { templates: { name: string; source: string }[] } }> } }).fzbg.listTemplates());
  expect(list.value.templates).toContainEqual(expect.objectContaining({ name: '阳江政数局模板', source: 'user' }));
});

test('settings: a team template folder that cannot be reached is reported as a notice, the app still works', async ({ app }) => {
  await app.page.getByRole('button', { name: '设置…' }).click();
  const dialog = app.page.getByRole('dialog', { name: '设置' });
  await dialog.getByRole('textbox', { name: '默认机关名称' }).fill('阳江市政务服务和数据管理局');
  await dialog.getByRole('textbox', { name: '团队模板文件夹' }).fill(join(app.workDir, '共享盘', '年报模板'));
  await app.screenshot('files-settings');
  await dialog.getByRole('button', { name: '保存设置' }).click();
  await expect(dialog).toBeHidden();

  await app.reload();
  await expect(app.page.getByRole('status').filter({ hasText: /团队/ })).toBeVisible();
  await app.screenshot('files-team-folder-offline');
  const settings = await app.page.evaluate(() => (window as unknown as { fzbg: { getSettings(): Promise<{ ok: true; value: { settings: { defaultOrgan: string } } }> } }).fzbg.getSettings());
  expect(settings.value.settings.defaultOrgan).toBe('阳江市政务服务和数据管理局');
});

test('settings: the team template folder is picked with the folder dialog, and its templates are offered for a new report', async ({ app }) => {
  const folder = join(app.workDir, '共享盘', '年报模板');
  mkdirSync(folder, { recursive: true });
  const builtin = JSON.parse(readFileSync(join(__dirname, '..', '..', 'templates', 'builtin', 'department.json'), 'utf8'));
  writeFileSync(join(folder, '市统一模板.json'), JSON.stringify({ ...builtin, id: 'city-unified', name: '市法治办统一模板', source: 'team' }));

  await app.page.getByRole('button', { name: '设置…' }).click();
  const dialog = app.page.getByRole('dialog', { name: '设置' });
  const field = dialog.getByRole('textbox', { name: '团队模板文件夹' });
  // Cancelling the folder dialog changes nothing; picking a folder fills the field.
  app.dialogs.folders.push(null, folder);
  await dialog.getByRole('button', { name: '选择…' }).click();
  await expect.poll(() => app.dialogs.asked).toContain('选择团队模板文件夹');
  await expect(field).toHaveValue('');
  await dialog.getByRole('button', { name: '选择…' }).click();
  await expect(field).toHaveValue(folder);
  await dialog.getByRole('button', { name: '保存设置' }).click();
  await expect(dialog).toBeHidden();

  await app.page.getByRole('button', { name: '新建报告' }).click();
  const create = app.page.getByRole('dialog', { name: '新建报告' });
  await expect(create.getByLabel(/市法治办统一模板/)).toBeVisible();
});

test('a damaged file opens from its backup, says so, and counts as unsaved until saved over', async ({ app }) => {
  const path = writeReport(app);
  const good = readFileSync(path, 'utf8');
  writeFileSync(path + '.bak', good);
  writeFileSync(path, good.slice(0, 4000));
  app.dialogs.opens.push(path);
  await app.page.getByRole('button', { name: '打开…' }).click();
  await expect(editor(app)).toBeVisible();
  await expect(app.page.getByRole('status').filter({ hasText: '已损坏' })).toContainText(`${FILE_NAME}.bak`);
  await expect.poll(() => app.windowState.title).toBe(`● ${TITLE}`);

  await app.page.keyboard.press('Control+s');
  await expect.poll(() => app.windowState.title).toBe(TITLE);
  expect(parseDocument(readFileSync(path, 'utf8'))).toEqual(parseDocument(good));
});

test('an unsaved new report survives a crash: 稍后处理 keeps it for the next start, restore then asks where to save; 丢弃 removes it', async ({ app }) => {
  const lastYear = writeReport(app);
  app.dialogs.opens.push(lastYear);
  await app.emit('menuCommand', 'newFromPrevious');
  await expect(editor(app)).toBeVisible();
  await typeAtEnd(app, ADDED);
  await expect.poll(() => recoveryFiles(app).map((f) => readFileSync(join(app.dataDir, 'recovery', f), 'utf8')).join('')).toContain(ADDED);

  await app.reload();
  const dialog = app.page.getByRole('dialog', { name: '恢复未保存的文稿' });
  const entry = dialog.getByRole('listitem', { name: /2025年/ });
  await expect(entry).toContainText('从未保存过的新报告');
  await dialog.getByRole('button', { name: '稍后处理' }).click();
  await expect(dialog).toBeHidden();
  expect(recoveryFiles(app).length).toBe(1);

  await app.reload();
  await entry.getByRole('button', { name: '恢复' }).click();
  await expect(editor(app)).toContainText(ADDED);
  await expect.poll(() => app.windowState.title).toMatch(/^● .*2025年.* — 法治年报助手$/);
  const target = join(app.workDir, '阳江2025年度报告.fzbg');
  app.dialogs.saves.push(target);
  await app.page.keyboard.press('Control+s');
  await expect.poll(() => app.windowState.title).toBe('阳江2025年度报告.fzbg — 法治年报助手');
  expect(JSON.stringify(parseDocument(readFileSync(target, 'utf8')).body)).toContain(ADDED);
  expect(recoveryFiles(app)).toEqual([]);

  // Another unsaved change, crash, and this time 丢弃 (after confirming).
  await typeAtEnd(app, '待丢弃的一句。');
  await expect.poll(() => recoveryFiles(app).length).toBe(1);
  await app.reload();
  const again = dialog.getByRole('listitem', { name: /2025年/ });
  await again.getByRole('button', { name: '丢弃' }).click();
  await expect(again).toContainText('丢弃后无法找回');
  await again.getByRole('button', { name: '丢弃' }).click();
  await expect(dialog).toBeHidden();
  expect(recoveryFiles(app)).toEqual([]);
  expect(readFileSync(target, 'utf8')).not.toContain('待丢弃的一句。');
});
