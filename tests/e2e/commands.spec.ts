// Every command of the table (shared/commands.ts) in Chromium against the real services: each menu command (as main's
// menu sends it) and each shortcut (pressed as a user does) has a visible effect. The cases are a Record over every
// command id, so a command added to the table without a case here does not compile.
import { COMMAND_IDS, COMMANDS, type CommandId } from '../../shared/commands';
import { test, expect, type AppHarness } from './harness';
import { blockText, bodyBlocks, SMALL_REPORT, writeReport } from './report';


type Trigger = () => Promise<void>;
type Case = (app: AppHarness, trigger: Trigger) => Promise<void>;

const firstLevel1 = (app: AppHarness) => app.page.locator('.doc-body .h1').first();

async function lastAsked(app: AppHarness, trigger: Trigger, title: RegExp | string) {
  const before = app.dialogs.asked.length;
  await trigger();
  await expect.poll(() => app.dialogs.asked.length).toBe(before + 1);
  expect(app.dialogs.asked.at(-1)).toMatch(title);
}

async function typeInParagraph(app: AppHarness, text: string) {
  await bodyBlocks(app.page).nth(2).click();
  await app.page.keyboard.press('End');
  await app.page.keyboard.insertText(text);
  await expect.poll(() => blockText(app.page, 2)).toBe(`全年审核规范性文件12件。${text}`);
}

async function findTwice(app: AppHarness) {
  await bodyBlocks(app.page).nth(2).click();
  await app.page.keyboard.press('Control+f');
  const bar = app.page.getByRole('search');
  await bar.getByLabel('查找', { exact: true }).fill('推进法治政府建设');
  await expect(bar).toContainText('第 1 处，共 2 处');
  return bar;
}

/** A half-width comma typed into the paragraph: the one finding in the body text (block 2, offset 14). */
async function typeComma(app: AppHarness) {
  await typeInParagraph(app, '甲,乙');
  await expect(app.page.locator('.finding[data-rule="punct.halfwidth"]')).toHaveCount(1);
}

/** The popover over the comma's mark is open (and the comma selected, when `selected`); Escape closes it. */
async function popoverOnComma(app: AppHarness, selected: boolean) {
  const popover = app.page.getByRole('dialog', { name: '检查结果说明' });
  await expect(popover).toContainText('半角标点');
  if (selected) expect(await app.page.evaluate(() => window.getSelection()?.toString())).toBe(',');
  await app.page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
}

const setsLevel = (level: 1 | 2 | 3 | 4): Case => async (app, trigger) => {
  await bodyBlocks(app.page).nth(2).click();
  await trigger();
  await expect(bodyBlocks(app.page).nth(2)).toHaveClass(new RegExp(`\\bh${level}\\b`));
};

const CASES: Record<CommandId, Case> = {
  new: async (app, trigger) => {
    await trigger();
    const dialog = app.page.getByRole('dialog', { name: '新建报告' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: '取消' }).click();
  },
  newFromPrevious: (app, trigger) => lastAsked(app, trigger, '打开报告'),
  open: (app, trigger) => lastAsked(app, trigger, '打开报告'),
  save: async (app, trigger) => {
    await typeInParagraph(app, '甲');
    await expect(app.page.locator('.dirty-mark')).toBeVisible();
    await trigger();
    await expect(app.page.locator('.dirty-mark')).toHaveCount(0);
  },
  saveAs: (app, trigger) => lastAsked(app, trigger, '另存为'),
  versions: async (app, trigger) => {
    await trigger();
    const panel = app.page.getByRole('complementary', { name: '版本记录' });
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: '关闭' }).click();
  },
  import: (app, trigger) => lastAsked(app, trigger, /^导入报告/),
  // The report lacks its 下一年度安排 part: the pre-submission check comes first, 仍然导出 goes on to the save dialog.
  export: (app, trigger) =>
    lastAsked(app, async () => {
      await trigger();
      const check = app.page.getByRole('alertdialog', { name: '送审前检查' });
      await expect(check).toBeVisible();
      await check.getByRole('button', { name: '仍然导出' }).click();
    }, /导出 Word 文件/),
  exportReview: (app, trigger) => lastAsked(app, trigger, /^导出审阅稿/),
  importReview: (app, trigger) => lastAsked(app, trigger, /^导入审阅意见/),
  // The print view first (the pages as the Word file lays them out), then the system's print through main.
  print: async (app, trigger) => {
    const before = app.shell.printed;
    await trigger();
    const view = app.page.getByRole('dialog', { name: '打印预览' });
    await expect(view.locator('.print-count')).toHaveText('共 1 页');
    await view.getByRole('button', { name: '打印…' }).click();
    await expect.poll(() => app.shell.printed).toBe(before + 1);
  },
  saveTemplate: async (app, trigger) => {
    await trigger();
    const dialog = app.page.getByRole('dialog', { name: '另存为模板' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: '取消' }).click();
  },
  undo: async (app, trigger) => {
    await typeInParagraph(app, '乙');
    await trigger();
    await expect.poll(() => blockText(app.page, 2)).toBe('全年审核规范性文件12件。');
  },
  redo: async (app, trigger) => {
    await typeInParagraph(app, '丙');
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => blockText(app.page, 2)).toBe('全年审核规范性文件12件。');
    await trigger();
    await expect.poll(() => blockText(app.page, 2)).toBe('全年审核规范性文件12件。丙');
  },
  find: async (app, trigger) => {
    await bodyBlocks(app.page).nth(2).click();
    await trigger();
    await expect(app.page.getByRole('search').getByLabel('查找', { exact: true })).toBeFocused();
    await expect(app.page.getByRole('search').getByLabel('替换为')).toHaveCount(0);
  },
  replace: async (app, trigger) => {
    await bodyBlocks(app.page).nth(2).click();
    await trigger();
    await expect(app.page.getByRole('search').getByLabel('替换为')).toBeVisible();
  },
  findNext: async (app, trigger) => {
    const bar = await findTwice(app);
    await trigger();
    await expect(bar).toContainText('第 2 处，共 2 处');
  },
  findPrevious: async (app, trigger) => {
    const bar = await findTwice(app);
    await trigger();
    await expect(bar).toContainText('第 2 处，共 2 处'); // from the first hit back round to the last
  },
  nextFinding: async (app, trigger) => {
    await typeComma(app);
    await bodyBlocks(app.page).nth(0).click();
    await trigger();
    await popoverOnComma(app, true);
  },
  previousFinding: async (app, trigger) => {
    await typeComma(app); // the caret after 乙, past the comma
    await trigger();
    await popoverOnComma(app, true);
  },
  desk: async (app, trigger) => {
    await trigger();
    const back = app.page.locator('.desk').getByRole('button', { name: '返回', exact: true });
    await expect(app.page.locator('.desk')).toBeVisible();
    await back.click();
    await expect(app.page.locator('.desk')).toHaveCount(0);
  },
  help: async (app, trigger) => {
    await trigger();
    const help = app.page.getByRole('dialog', { name: '快捷键与帮助' });
    await expect(help).toContainText('Ctrl+Shift+S');
    await help.getByRole('button', { name: '关闭' }).click();
    await expect(help).toBeHidden();
  },
  about: async (app, trigger) => {
    await trigger();
    const dialog = app.page.getByRole('dialog', { name: '关于法治年报助手' });
    await expect(dialog).toContainText('版本 test');
    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect(dialog).toBeHidden();
  },
  paragraphAfter: async (app, trigger) => {
    await bodyBlocks(app.page).nth(2).click();
    await trigger();
    await expect(bodyBlocks(app.page)).toHaveCount(8);
    expect(await blockText(app.page, 3)).toBe('');
  },
  demote: async (app, trigger) => {
    await bodyBlocks(app.page).nth(3).click();
    await trigger();
    await expect(bodyBlocks(app.page).nth(3)).toHaveAttribute('data-marker', '1.');
  },
  promote: async (app, trigger) => {
    await bodyBlocks(app.page).nth(3).click();
    await trigger();
    await expect(bodyBlocks(app.page).nth(3)).toHaveAttribute('data-marker', '二、');
  },
  setParagraph: async (app, trigger) => {
    await bodyBlocks(app.page).nth(1).click();
    await trigger();
    await expect(bodyBlocks(app.page).nth(1)).toHaveClass(/\bpara\b/);
  },
  setHeading1: setsLevel(1),
  setHeading2: setsLevel(2),
  setHeading3: setsLevel(3),
  setHeading4: setsLevel(4),
  moveSectionUp: async (app, trigger) => {
    await bodyBlocks(app.page).nth(5).click();
    await trigger();
    await expect(firstLevel1(app)).toContainText('存在的不足和原因');
    await expect(firstLevel1(app)).toHaveAttribute('data-marker', '一、');
  },
  moveSectionDown: async (app, trigger) => {
    await bodyBlocks(app.page).nth(0).click();
    await trigger();
    await expect(firstLevel1(app)).toContainText('存在的不足和原因');
  },
  insertTable: async (app, trigger) => {
    await bodyBlocks(app.page).nth(2).click();
    await trigger();
    await expect(bodyBlocks(app.page).nth(3)).toHaveClass(/\btable-wrap\b/);
  },
  deleteSection: async (app, trigger) => {
    await bodyBlocks(app.page).nth(2).click();
    await trigger();
    await expect(bodyBlocks(app.page)).toHaveCount(5);
    expect(await blockText(app.page, 1)).toBe('加强执法监督');
  },
  contextMenu: async (app, trigger) => {
    await bodyBlocks(app.page).nth(2).click();
    await trigger();
    const menu = app.page.getByRole('menu', { name: '正文右键菜单' });
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitemradio', { name: /正文/ })).toBeFocused();
    await app.page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
  },
  showFinding: async (app, trigger) => {
    await typeComma(app);
    await app.page.keyboard.press('ArrowLeft'); // right after the comma
    await trigger();
    await expect(app.page.getByRole('dialog', { name: '检查结果说明' }).getByRole('button', { name: '修正' })).toBeFocused();
    await popoverOnComma(app, false);
    await expect(app.page.locator('.doc-body')).toBeFocused();
  },
  noCharacterFormatting: async (app, trigger) => {
    await bodyBlocks(app.page).nth(2).click();
    await trigger();
    await expect(app.page.locator('.editor-notice')).toContainText('公文正文不使用加粗、斜体、下划线');
    expect(await blockText(app.page, 2)).toBe('全年审核规范性文件12件。');
  },
};

/** Electron's accelerator → Playwright's key name. */
function playwrightKey(accelerator: string): string {
  return accelerator.replace('CmdOrCtrl', 'Control').replace(/\+Up$/, '+ArrowUp').replace(/\+Down$/, '+ArrowDown');
}

/** Opens the report afresh (discarding what the previous case did), as the user would with 打开…. */
async function openReport(app: AppHarness, first: boolean) {
  app.dialogs.opens.push(writeReport(app, SMALL_REPORT, '命令')); // written again: the save case saved its change
  if (first) await app.page.getByRole('button', { name: '打开…' }).click();
  else {
    // Past the window in which a menu command is taken for the echo of the same key (renderer/commands.ts).
    await app.page.keyboard.press('Escape');
    await app.page.waitForTimeout(450);
    await app.emit('menuCommand', 'open');
    const prompt = app.page.getByRole('alertdialog', { name: '尚未保存的更改' });
    await expect.poll(async () => app.dialogs.opens.length === 0 || (await prompt.isVisible())).toBe(true);
    if (app.dialogs.opens.length > 0) await prompt.getByRole('button', { name: '不保存' }).click();
  }
  await expect.poll(() => app.dialogs.opens.length).toBe(0);
  await expect(app.page.locator('.files-busy')).toHaveCount(0);
  await expect(bodyBlocks(app.page)).toHaveCount(7);
  await expect(app.page.locator('.dirty-mark')).toHaveCount(0);
  await expect(bodyBlocks(app.page).nth(1)).toHaveAttribute('data-marker', '（一）');
  await app.page.waitForTimeout(450); // the case's own 打开 must not be taken for the echo of this one
}


test('every menu command has a visible effect', async ({ app }) => {
  test.setTimeout(240_000);
  const fromMenu = COMMAND_IDS.filter((id) => { const c = COMMANDS[id]; return 'menu' in c && !!c.menu; });
  expect(fromMenu.length).toBeGreaterThan(12);
  let first = true;
  for (const id of fromMenu) {
    await openReport(app, first);
    first = false;
    await test.step(`menu: ${id}`, () => CASES[id](app, () => app.emit('menuCommand', id)));
  }
});

test('every shortcut has a visible effect, Word\'s keys included', async ({ app }) => {
  test.setTimeout(300_000);
  let first = true;
  for (const id of COMMAND_IDS) {
    for (const key of COMMANDS[id].keys) {
      await openReport(app, first);
      first = false;
      await test.step(`${key}: ${id}`, () => CASES[id](app, () => app.page.keyboard.press(playwrightKey(key))));
    }
  }
  await app.screenshot('commands-shortcuts');
});
