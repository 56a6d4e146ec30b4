// The menu bar: 文件 编辑 审核 视图 帮助 with the usual shortcuts, every command one the renderer understands.
import { describe, expect, it } from 'vitest';
import { COMMAND_IDS, COMMANDS } from '../../shared/commands';
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
    ['saveAs', 'CmdOrCtrl+Shift+S'],
    ['export', 'CmdOrCtrl+E'],
    ['print', 'CmdOrCtrl+P'],
    ['help', 'F1'],
  ])('binds %s to %s', (command, accelerator) => {
    expect(commands.find((c) => c.command === command)?.accelerator).toBe(accelerator);
  });
  it('uses each accelerator once', () => {
    const accelerators = menus.flatMap((m) => m.items).flatMap((i) => ('accelerator' in i && i.accelerator ? [i.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
  it('offers every command the table places in a menu, once, and no other', () => {
    const placed = COMMAND_IDS.filter((id) => 'menu' in COMMANDS[id] && COMMANDS[id].menu);
    expect(commands.map((c) => c.command).sort()).toEqual([...placed].sort());
  });
  it('never binds Ctrl+I (italic in Word) to a command that opens something', () => {
    expect(commands.find((c) => c.command === 'import')?.accelerator).toBeUndefined();
    expect(commands.map((c) => c.accelerator)).not.toContain('CmdOrCtrl+I');
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
