// The page's context menu and whole parts, in Chromium against the real services: right click (or Shift+F10) in the
// body, pick a style, 插入表格, 删除本节, 上移 / 下移, each one undo step; a whole part selected and deleted leaves no
// empty paragraph; a missing part is inserted from the findings panel at its mandated place.
import { test, expect, type AppHarness } from './harness';
import { blockTexts, bodyBlocks, SMALL_REPORT, writeReport } from './report';


const menu = (app: AppHarness) => app.page.getByRole('menu', { name: '正文右键菜单' });

async function open(app: AppHarness, text: string, name: string, templateId?: string) {
  app.dialogs.opens.push(writeReport(app, text, name, templateId));
  await app.page.getByRole('button', { name: '打开…' }).click();
  await expect(app.page.locator('.files-busy')).toHaveCount(0);
}

test('right click: the styles with the current one checked, 上移, 删除本节, 插入表格; one Ctrl+Z each', async ({ app }) => {
  const { page } = app;
  await open(app, SMALL_REPORT, '右键');
  await expect(bodyBlocks(app.page)).toHaveCount(7);
  const original = await blockTexts(app.page);

  // A style: 正文 is checked on a paragraph; 二级标题 makes it a heading; one Ctrl+Z takes it back.
  await bodyBlocks(app.page).nth(2).click({ button: 'right' });
  await expect(menu(app)).toBeVisible();
  await expect(menu(app).getByRole('menuitemradio', { name: /正文/ })).toHaveAttribute('aria-checked', 'true');
  await expect(menu(app).getByRole('menuitemradio', { name: /二级标题/ })).toHaveAttribute('aria-checked', 'false');
  await app.screenshot('context-menu-paragraph');
  await menu(app).getByRole('menuitemradio', { name: /二级标题/ }).click();
  await expect(menu(app)).toHaveCount(0);
  await expect(bodyBlocks(app.page).nth(2)).toHaveClass(/\bh2\b/);
  await expect(bodyBlocks(app.page).nth(2)).toHaveAttribute('data-marker', '（二）');
  await page.keyboard.press('Control+z');
  await expect(bodyBlocks(app.page).nth(2)).toHaveClass(/\bpara\b/);

  // 上移 on a paragraph moves its section (the heading before it, with its content); the caret stays in it: typing
  // goes on there.
  await bodyBlocks(app.page).nth(4).click({ button: 'right' });
  await expect(menu(app).getByRole('menuitem', { name: /下移/ })).toBeDisabled();
  await menu(app).getByRole('menuitem', { name: /上移/ }).click();
  expect((await blockTexts(app.page)).slice(1, 5)).toEqual(['加强执法监督', '开展执法检查3次。', '推进依法行政', '全年审核规范性文件12件。']);
  await expect(bodyBlocks(app.page).nth(1)).toHaveAttribute('data-marker', '（一）');
  await page.keyboard.press('End');
  await page.keyboard.insertText('覆盖全部科室。');
  await expect.poll(async () => (await blockTexts(app.page))[2]).toBe('开展执法检查3次。覆盖全部科室。');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect.poll(() => blockTexts(app.page)).toEqual(original);

  // 删除本节 from a paragraph: its heading and content go, no empty paragraph is left; one Ctrl+Z restores them.
  await bodyBlocks(app.page).nth(2).click({ button: 'right' });
  await menu(app).getByRole('menuitem', { name: /删除本节/ }).click();
  await expect(bodyBlocks(app.page)).toHaveCount(5);
  expect(await blockTexts(app.page)).toEqual([original[0], '加强执法监督', '开展执法检查3次。', original[5], original[6]]);
  await expect(bodyBlocks(app.page).nth(1)).toHaveAttribute('data-marker', '（一）');
  await app.screenshot('context-menu-section-deleted');
  await page.keyboard.press('Control+z');
  await expect.poll(() => blockTexts(app.page)).toEqual(original);

  // 插入表格 after the last paragraph, the caret in its first cell.
  await bodyBlocks(app.page).nth(6).click({ button: 'right' });
  await menu(app).getByRole('menuitem', { name: /插入表格/ }).click();
  await expect(bodyBlocks(app.page)).toHaveCount(8);
  await expect(bodyBlocks(app.page).nth(7)).toHaveClass(/\btable-wrap\b/);
  await page.keyboard.insertText('检查项目');
  await expect(bodyBlocks(app.page).nth(7).locator('td').first()).toHaveText('检查项目');
  await expect(page.getByRole('toolbar', { name: '表格' })).toContainText('第1行第1列（共2行3列）');
  await app.screenshot('context-menu-table');
});

test('Shift+F10 opens the menu at the caret; arrows and Enter pick, Esc closes and typing goes on in the text', async ({ app }) => {
  const { page } = app;
  await open(app, SMALL_REPORT, '键盘菜单');
  await expect(bodyBlocks(app.page)).toHaveCount(7);

  await bodyBlocks(app.page).nth(3).click();
  await page.keyboard.press('Shift+F10');
  await expect(menu(app)).toBeVisible();
  // The current style has the focus, as Word's menus start on the checked item.
  await expect(menu(app).getByRole('menuitemradio', { name: /二级标题/ })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu(app).getByRole('menuitemradio', { name: /一级标题/ })).toBeFocused();
  // End: the last item that applies (下移 does not: （二） is the last of its level) is 上移.
  await page.keyboard.press('End');
  await expect(menu(app).getByRole('menuitem', { name: /上移/ })).toBeFocused();
  await app.screenshot('context-menu-keyboard');
  await page.keyboard.press('Enter');
  await expect(menu(app)).toHaveCount(0);
  expect((await blockTexts(app.page))[1]).toBe('加强执法监督');

  await page.keyboard.press('Shift+F10');
  await expect(menu(app)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu(app)).toHaveCount(0);
  await page.keyboard.press('End');
  await page.keyboard.insertText('工作');
  await expect.poll(async () => (await blockTexts(app.page))[1]).toBe('加强执法监督工作');
});

test('a whole part selected and deleted (Delete or Backspace) leaves no empty paragraph behind', async ({ app }) => {
  const { page } = app;
  await open(app, SMALL_REPORT, '删除部分');
  await expect(bodyBlocks(app.page)).toHaveCount(7);
  const original = await blockTexts(app.page);

  // 二、 and its paragraph, selected from the heading's start to the end of the report.
  await bodyBlocks(app.page).nth(5).click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+Shift+End');
  await page.keyboard.press('Delete');
  await expect(bodyBlocks(app.page)).toHaveCount(5);
  expect(await blockTexts(app.page)).toEqual(original.slice(0, 5));
  await page.keyboard.press('Control+z');
  await expect.poll(() => blockTexts(app.page)).toEqual(original);

  // （一） and its paragraph, selected line by line, Backspace.
  await bodyBlocks(app.page).nth(1).click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('Backspace');
  await expect(bodyBlocks(app.page)).toHaveCount(5);
  expect(await blockTexts(app.page)).toEqual([original[0], ...original.slice(3)]);
  await expect(bodyBlocks(app.page).nth(1)).toHaveAttribute('data-marker', '（一）');
  // The caret is at the start of what followed: typing goes into the next heading.
  await page.keyboard.insertText('全面');
  await expect.poll(async () => (await blockTexts(app.page))[1]).toBe('全面加强执法监督');
});

test('a missing part: 插入此部分 puts its heading and the template guidance at its mandated place, one undo step', async ({ app }) => {
  const { page } = app;
  const WITHOUT_SHORTCOMINGS = `某某县司法局关于2025年度法治政府建设情况的报告
一、2025年推进法治政府建设的主要举措和成效
（一）推进依法行政
全年审核规范性文件12件。
二、2026年工作安排
继续推进依法行政。
`;
  await open(app, WITHOUT_SHORTCOMINGS, '缺少部分', 'department');
  await expect(bodyBlocks(app.page)).toHaveCount(5);
  const original = await blockTexts(app.page);
  const finding = page.locator('.finding[data-rule="struct.part-missing"]');
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText('存在的不足和原因');
  await app.screenshot('insert-part-finding');

  await finding.getByRole('button', { name: '插入此部分' }).click();
  await expect(bodyBlocks(app.page)).toHaveCount(7);
  const after = await blockTexts(app.page);
  expect(after.slice(0, 3)).toEqual(original.slice(0, 3));
  expect(after[3]).toBe('存在的不足和原因');
  await expect(bodyBlocks(app.page).nth(3)).toHaveClass(/\bh1\b/);
  await expect(bodyBlocks(app.page).nth(3)).toHaveAttribute('data-marker', '二、');
  expect(after[4]).toMatch(/^（写存在的不足，并说明原因/);
  await expect(bodyBlocks(app.page).nth(5)).toHaveAttribute('data-marker', '三、');
  await expect(finding).toHaveCount(0);
  await app.screenshot('insert-part-inserted');

  // One Ctrl+Z takes the whole part back.
  await page.keyboard.press('Control+z');
  await expect.poll(() => blockTexts(app.page)).toEqual(original);
  await expect(finding).toHaveCount(1);

  // Again, and write: the caret is in the guidance, which typing replaces whole.
  await finding.getByRole('button', { name: '插入此部分' }).click();
  await expect(bodyBlocks(app.page)).toHaveCount(7);
  await page.keyboard.insertText('执法人员力量不足，原因是编制紧张。');
  await expect.poll(async () => (await blockTexts(app.page))[4]).toBe('执法人员力量不足，原因是编制紧张。');
  await app.screenshot('insert-part-written');
});
