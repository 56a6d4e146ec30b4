// The menu bar (文件 编辑 视图 帮助) as plain data (Node, no Electron): main/menu.ts turns it into a native menu.
import type { MenuCommand } from '../shared/ipc/contract';

export type MenuItemSpec =
  | { kind: 'command'; label: string; command: MenuCommand; accelerator?: string }
  | { kind: 'role'; label: string; role: 'cut' | 'copy' | 'paste' | 'selectAll' | 'zoomIn' | 'zoomOut' | 'resetZoom' | 'togglefullscreen' | 'toggleDevTools' | 'quit' | 'minimize' | 'close'; accelerator?: string }
  | { kind: 'separator' };

export interface MenuSpec { label: string; items: MenuItemSpec[] }

const sep: MenuItemSpec = { kind: 'separator' };

export function menuTemplate(options: { isMac: boolean; devTools: boolean }): MenuSpec[] {
  const menus: MenuSpec[] = [
    {
      label: '文件(&F)',
      items: [
        { kind: 'command', label: '新建报告…', command: 'new', accelerator: 'CmdOrCtrl+N' },
        { kind: 'command', label: '基于上一年度报告新建…', command: 'newFromPrevious' },
        { kind: 'command', label: '打开…', command: 'open', accelerator: 'CmdOrCtrl+O' },
        sep,
        { kind: 'command', label: '保存', command: 'save', accelerator: 'CmdOrCtrl+S' },
        { kind: 'command', label: '另存为…', command: 'saveAs', accelerator: 'CmdOrCtrl+Shift+S' },
        { kind: 'command', label: '版本记录…', command: 'versions' },
        sep,
        { kind: 'command', label: '导入Word或文本…', command: 'import', accelerator: 'CmdOrCtrl+I' },
        { kind: 'command', label: '导出为Word…', command: 'export', accelerator: 'CmdOrCtrl+E' },
        { kind: 'command', label: '导出审阅稿…', command: 'exportReview' },
        { kind: 'command', label: '导入审阅意见…', command: 'importReview' },
        { kind: 'command', label: '另存为模板…', command: 'saveTemplate' },
        sep,
        options.isMac ? { kind: 'role', label: '关闭窗口', role: 'close' } : { kind: 'role', label: '退出', role: 'quit', accelerator: 'Alt+F4' },
      ],
    },
    {
      label: '编辑(&E)',
      items: [
        { kind: 'command', label: '撤销', command: 'undo', accelerator: 'CmdOrCtrl+Z' },
        { kind: 'command', label: '重做', command: 'redo', accelerator: 'CmdOrCtrl+Y' },
        sep,
        { kind: 'role', label: '剪切', role: 'cut' },
        { kind: 'role', label: '复制', role: 'copy' },
        { kind: 'role', label: '粘贴', role: 'paste' },
        { kind: 'role', label: '全选', role: 'selectAll' },
        sep,
        { kind: 'command', label: '查找…', command: 'find', accelerator: 'CmdOrCtrl+F' },
        { kind: 'command', label: '替换…', command: 'replace', accelerator: 'CmdOrCtrl+H' },
      ],
    },
    {
      label: '视图(&V)',
      items: [
        { kind: 'role', label: '放大', role: 'zoomIn' },
        { kind: 'role', label: '缩小', role: 'zoomOut' },
        { kind: 'role', label: '实际大小', role: 'resetZoom' },
        sep,
        { kind: 'role', label: '全屏', role: 'togglefullscreen' },
        ...(options.devTools ? [{ kind: 'role', label: '开发者工具', role: 'toggleDevTools' } as MenuItemSpec] : []),
      ],
    },
    {
      label: '帮助(&H)',
      items: [
        { kind: 'command', label: '快捷键与帮助', command: 'help', accelerator: 'F1' },
        { kind: 'command', label: '关于法治年报助手', command: 'about' },
      ],
    },
  ];
  return menus;
}
