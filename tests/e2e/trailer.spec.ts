// The 附件说明 and 附注 fields of the page in Chromium against the real services: typed under the body and the date,
// saved in the .fzbg, and carried by the Word export and its import; the title shows the breaks the export prints.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportDocx } from '../../shared/docx/export';
import { importDocx } from '../../shared/docx/import';
import { titleLines } from '../../shared/docx/title';
import { importText } from '../../shared/import/text';
import { parseDocument, serializeDocument } from '../../shared/model/format';
import { test, expect, REPO } from './harness';

const JIANGHAI = join(REPO, '..', 'shared', 'fixtures', 'reports', 'jianghai-2025-webpage.txt');

test('附件 and 附注 are typed on the page, saved, and exported below the body and the date', async ({ app }) => {
  const { page } = app;
  const { doc } = importText(readFileSync(JIANGHAI, 'utf8'), { id: 'jianghai' });
  // The title of the issue that asked for typesetter's breaks (its organ's name has 21 characters).
  doc.meta.title = '中共江门市江海区委全面依法治区委员会办公室关于2025年度法治政府建设情况的报告';
  const path = join(app.workDir, '江海.fzbg');
  writeFileSync(path, serializeDocument(doc));
  app.dialogs.opens.push(path);
  await page.getByRole('button', { name: '打开…' }).click();
  await expect(page.locator('.doc-body')).toBeVisible();

  // The name does not fit on a title line: broken after 区委, no line of one or two characters, as the export does.
  const printed = '中共江门市江海区委\n全面依法治区委员会办公室关于2025年度\n法治政府建设情况的报告';
  expect(titleLines(doc.meta.title).join('\n')).toBe(printed);
  await expect(page.getByLabel('报告标题')).toHaveValue(printed);

  await page.getByRole('button', { name: '＋ 添加附件' }).click();
  await page.getByLabel('附件名称 1').fill('2025年度行政执法数据统计表');
  await page.getByRole('button', { name: '＋ 添加附件' }).click();
  await page.getByLabel('附件名称 2').fill('重大行政决策事项目录。');
  await expect(page.getByLabel('附件名称 2')).toHaveValue('重大行政决策事项目录');
  // Typed with its parentheses or without: kept without, shown and printed with them.
  await page.getByLabel('附注').fill('（此件公开发布）');
  await expect(page.getByLabel('附注')).toHaveValue('此件公开发布');
  await page.getByLabel('附注').scrollIntoViewIfNeeded();
  await app.screenshot('editor-attachments-notation');
  // A third attachment added and taken away again.
  await page.getByRole('button', { name: '＋ 添加附件' }).click();
  await page.getByRole('button', { name: '删除附件 3' }).click();
  await expect(page.getByLabel('附件名称 3')).toHaveCount(0);

  await page.keyboard.press('Control+s');
  await expect.poll(() => parseDocument(readFileSync(path, 'utf8')).meta.notation, { timeout: 20_000 }).toBe('此件公开发布');
  const saved = parseDocument(readFileSync(path, 'utf8'));
  expect(saved.meta.attachments).toEqual(['2025年度行政执法数据统计表', '重大行政决策事项目录']);
  expect(JSON.stringify(saved.body)).not.toContain('此件公开发布');

  // The Word file carries both where the standard puts them, and reads back into the same fields.
  const back = importDocx(await exportDocx(saved)).doc;
  expect(back.meta.notation).toBe('此件公开发布');
  expect(back.meta.attachments).toEqual(saved.meta.attachments);
});
