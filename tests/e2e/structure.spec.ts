// Structure as Word users expect it, in Chromium against the real services: the paragraph-style control shows the
// caret's block style and changes it, as Word's style gallery does; undo takes the change back.
import { test, expect } from './harness';
import { bodyBlocks, writeReport } from './report';

const REPORT = `某某县司法局关于2025年度法治政府建设情况的报告
一、2025年推进法治政府建设的主要举措和成效
（一）推进依法行政
全年审核规范性文件12件。
（二）加强执法监督
开展执法检查3次。
`;

test('the paragraph-style control shows the caret block style and changes it; undo restores', async ({ app }) => {
  const { page } = app;
  app.dialogs.opens.push(writeReport(app, REPORT, 'styles'));
  await page.getByRole('button', { name: '打开…' }).click();
  const blocks = bodyBlocks(page);
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

test('a heading marker typed at the start of a paragraph makes a heading on Enter; one Ctrl+Z gives the typed text back', async ({ app }) => {
  const { page } = app;
  app.dialogs.opens.push(writeReport(app, REPORT, 'markers'));
  await page.getByRole('button', { name: '打开…' }).click();
  const blocks = bodyBlocks(page);
  await expect(blocks).toHaveCount(5);
  const text = (i: number) => blocks.nth(i).evaluate((e) => (e.textContent ?? '').replace(/\uFEFF/g, ''));

  await blocks.nth(4).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('（七）加强法治队伍建设');
  await page.keyboard.press('Enter');
  // A level-2 heading numbered by the structure (the third), not “（七）” and never “（三）（七）”.
  await expect(blocks.nth(5)).toHaveClass(/\bh2\b/);
  await expect(blocks.nth(5)).toHaveAttribute('data-marker', '（三）');
  expect(await text(5)).toBe('加强法治队伍建设');
  await page.keyboard.insertText('培训执法人员200人次。');
  await expect(blocks.nth(6)).toHaveClass(/\bpara\b/);
  expect(await text(6)).toBe('培训执法人员200人次。');

  // 3. and 四、 give levels 3 and 1.
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('3.规范执法程序');
  await page.keyboard.press('Enter');
  await expect(blocks.nth(7)).toHaveClass(/\bh3\b/);
  expect(await text(7)).toBe('规范执法程序');
  await page.keyboard.insertText('四、下一年度安排');
  await page.keyboard.press('Enter');
  await expect(blocks.nth(8)).toHaveClass(/\bh1\b/);
  await expect(blocks.nth(8)).toHaveAttribute('data-marker', '二、');

  // Prose that starts with a numeral stays a paragraph.
  for (const prose of ['3.5亿元专项资金全部到位。', '一、二季度完成全部审查。', '一是健全制度。']) {
    await page.keyboard.insertText(prose);
    await page.keyboard.press('Enter');
  }
  const last = (await blocks.count()) - 2;
  for (let i = last - 2; i <= last; i++) await expect(blocks.nth(i)).toHaveClass(/\bpara\b/);
  expect(await text(last - 2)).toBe('3.5亿元专项资金全部到位。');

  // Ctrl+Z takes back the last conversion only: （2） typed, Enter, Ctrl+Z → the paragraph as typed, the new line kept.
  await page.keyboard.insertText('（2）细化裁量基准');
  await page.keyboard.press('Enter');
  const n = (await blocks.count()) - 2;
  await expect(blocks.nth(n)).toHaveClass(/\bh4\b/);
  await page.keyboard.press('Control+z');
  await expect(blocks.nth(n)).toHaveClass(/\bpara\b/);
  expect(await text(n)).toBe('（2）细化裁量基准');
  await expect(blocks).toHaveCount(n + 2);
  await app.screenshot('structure-typed-markers');
});
