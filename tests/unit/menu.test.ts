// The menu bar: 文件 编辑 审核 视图 帮助 with the usual shortcuts, every command one the renderer understands.
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../shared/ipc/contract';
import { menuTemplate, type MenuItemSpec } from '../../main/menuTemplate';

const menus = menuTemplate({ isMac: false, devTools: false });
const commands = menus.flatMap((m) => m.items).filter((i): i is Extract<MenuItemSpec, { kind: 'command' }> => i.kind === 'command');

describe('menu bar', () => {
  it('has 文件 编辑 审核 视图 帮助 in that order', () => {
    expect(menus.map((m) => m.label.replace(/\(&\w\)$/, ''))).toEqual(['文件', '编辑', '审核', '视图', '帮助']);
  });
  it.each([
    ['new', 'CmdOrCtrl+N'],
    ['open', 'CmdOrCtrl+O'],
    ['save', 'CmdOrCtrl+S'],
    ['undo', 'CmdOrCtrl+Z'],
    ['redo', 'CmdOrCtrl+Y'],
    ['find', 'CmdOrCtrl+F'],
    ['replace', 'CmdOrCtrl+H'],
  ])('binds %s to %s', (command, accelerator) => {
    expect(commands.find((c) => c.command === command)?.accelerator).toBe(accelerator);
  });
  it('uses each accelerator once', () => {
    const accelerators = menus.flatMap((m) => m.items).flatMap((i) => ('accelerator' in i && i.accelerator ? [i.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
  it('sends only commands of the contract, and offers every one of them', () => {
    expect(new Set(commands.map((c) => c.command))).toEqual(new Set(MENU_COMMANDS));
  });
  it('labels everything in Chinese', () => {
    for (const item of menus.flatMap((m) => m.items)) {
      if (item.kind !== 'separator') expect(item.label).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  it('hides developer tools unless asked', () => {
    const roles = (o: boolean) => menuTemplate({ isMac: false, devTools: o }).flatMap((m) => m.items).map((i) => (i.kind === 'role' ? i.role : ''));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
