// The menu bar (文件 编辑 审核 视图 帮助) as plain data (Node, no Electron), built from the command table
// (shared/commands.ts): main/menu.ts turns it into a native menu.
import { COMMAND_IDS, COMMANDS, type CommandId, type MenuId } from '../shared/commands';

type Role = 'cut' | 'copy' | 'paste' | 'selectAll' | 'zoomIn' | 'zoomOut' | 'resetZoom' | 'togglefullscreen' | 'toggleDevTools' | 'quit' | 'minimize' | 'close';

export type MenuItemSpec =
  | { kind: 'command'; label: string; command: CommandId; accelerator?: string }
  | { kind: 'role'; label: string; role: Role; accelerator?: string }
  | { kind: 'separator' };

export interface MenuSpec { label: string; items: MenuItemSpec[] }

const MENUS: { id: MenuId; label: string }[] = [
  { id: 'file', label: '文件(&F)' },
  { id: 'edit', label: '编辑(&E)' },
  { id: 'audit', label: '审核(&R)' },
  { id: 'view', label: '视图(&V)' },
  { id: 'help', label: '帮助(&H)' },
];

/** The items Electron provides itself (roles), placed in the groups of the command table's menus. */
function roles(options: { isMac: boolean; devTools: boolean }): { in: MenuId; group: number; item: Extract<MenuItemSpec, { kind: 'role' }> }[] {
  const role = (menu: MenuId, group: number, label: string, r: Role, accelerator?: string) => ({ in: menu, group, item: { kind: 'role' as const, label, role: r, accelerator } });
  return [
    options.isMac ? role('file', 9, '关闭窗口', 'close') : role('file', 9, '退出', 'quit', 'Alt+F4'),
    role('edit', 2, '剪切', 'cut'),
    role('edit', 2, '复制', 'copy'),
    role('edit', 2, '粘贴', 'paste'),
    role('edit', 2, '全选', 'selectAll'),
    role('view', 1, '放大', 'zoomIn'),
    role('view', 1, '缩小', 'zoomOut'),
    role('view', 1, '实际大小', 'resetZoom'),
    role('view', 2, '全屏', 'togglefullscreen'),
    ...(options.devTools ? [role('view', 2, '开发者工具', 'toggleDevTools')] : []),
  ];
}

export function menuTemplate(options: { isMac: boolean; devTools: boolean }): MenuSpec[] {
  const entries = [
    ...COMMAND_IDS.flatMap((id) => {
      const c = COMMANDS[id];
      if (!('menu' in c) || !c.menu) return [];
      const item: MenuItemSpec = { kind: 'command', label: c.title, command: id, accelerator: c.keys[0] };
      return [{ in: c.menu.in, group: c.menu.group, item }];
    }),
    ...roles(options),
  ];
  return MENUS.map(({ id, label }) => {
    const mine = entries.filter((e) => e.in === id).sort((a, b) => a.group - b.group); // stable: table order within a group
    const items: MenuItemSpec[] = [];
    mine.forEach((e, i) => {
      if (i > 0 && mine[i - 1]!.group !== e.group) items.push({ kind: 'separator' });
      items.push(e.item);
    });
    return { label, items };
  });
}
