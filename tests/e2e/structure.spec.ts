// Structure as Word users expect it, in Chromium against the real services: the paragraph-style control shows the
// caret's block style and changes it, as Word's style gallery does; undo takes the change back.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importText } from '../../shared/import/text';
import { serializeDocument } from '../../shared/model/format';
import { test, expect } from './harness';

const REPORT = `某某县司法局关于2025年度法治政府建设情况的报告
一、2025年推进法治政府建设的主要举措和成效
（一）推进依法行政
全年审核规范性文件12件。
（二）加强执法监督
开展执法检查3次。
`;

test('the paragraph-style control shows the caret block style and changes it; undo restores', async ({ app }) => {
  const { page } = app;
  const path = join(app.workDir, '样式.fzbg');
  writeFileSync(path, serializeDocument(importText(REPORT, { id: 'styles' }).doc));
  app.dialogs.opens.push(path);
  await page.getByRole('button', { name: '打开…' }).click();
  const blocks = page.locator('.doc-body > [data-slate-node="element"]');
  await expect(blocks).toHaveCount(5);
  const style = page.getByLabel('段落样式');

  await blocks.nth(0).click();
  await expect(style).toHaveValue('setHeading1');
  await expect(style.locator('option:checked')).toHaveText('一级标题');
  await blocks.nth(2).click();
  await expect(style.locator('option:checked')).toHaveText('正文');

  await style.selectOption({ label: '二级标题' });
  await expect(blocks.nth(2)).toHaveClass(/\bh2\b/);
  await expect(blocks.nth(2)).toHaveAttribute('data-marker', '（二）');
  await expect(blocks.nth(3)).toHaveAttribute('data-marker', '（三）');
  await expect(style.locator('option:checked')).toHaveText('二级标题');
  // The caret is back in the text: typing goes on in the same block.
  await page.keyboard.press('End');
  await page.keyboard.insertText('情况');
  await expect(blocks.nth(2)).toContainText('全年审核规范性文件12件。情况');
  await app.screenshot('structure-style-control');

  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(blocks.nth(2)).toHaveClass(/\bpara\b/);
  await expect(blocks.nth(3)).toHaveAttribute('data-marker', '（二）');
});
