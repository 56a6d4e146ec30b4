// The one table of commands (shared, pure): id, Chinese title, place in the menu bar, shortcuts, and who runs it.
// main/menuTemplate.ts builds the menu from it, renderer/commands.ts the key handling, renderer/editor/HelpDialog.tsx
// the shortcut list. A command is added here; the compiler then asks for its handler (renderer/App.tsx for 'app'
// commands, renderer/editor/useKeymap.ts for 'editor' ones).

export type MenuId = 'file' | 'edit' | 'audit' | 'view' | 'help';

export interface CommandSpec {
  /** As the menu and the help list show it. */
  readonly title: string;
  /** The menu it sits in and its group there (groups are separated by a line); absent: keyboard (and toolbar) only. */
  readonly menu?: { readonly in: MenuId; readonly group: number };
  /**
   * Shortcuts in Electron's accelerator syntax (CmdOrCtrl+S, Shift+Tab, Alt+Up, F1); the first is the menu's.
   * Word's keys where Word has them.
   */
  readonly keys: readonly string[];
  /**
   * 'app': runs from anywhere in the window (App.tsx); 'editor': acts on the report body, its keys count only while
   * the caret is in the body (useKeymap.ts).
   */
  readonly scope: 'app' | 'editor';
  /** Needs an open report: its keys do nothing on the start screen (they stay the browser's). */
  readonly needsReport: boolean;
  /** What the help list says, when it says more than the title. */
  readonly help?: string;
}

const app = (title: string, keys: string[], menu?: CommandSpec['menu'], needsReport = false, help?: string) =>
  ({ title, keys, menu, scope: 'app', needsReport, help }) as const satisfies CommandSpec;
const inEditor = (title: string, keys: string[], help?: string) => ({ title, keys, scope: 'editor', needsReport: true, help }) as const satisfies CommandSpec;

export const COMMAND_IDS = [
  'new', 'newFromPrevious', 'open', 'save', 'saveAs', 'versions', 'import', 'export', 'exportReview', 'importReview', 'print', 'saveTemplate',
  'undo', 'redo', 'find', 'replace', 'findNext', 'findPrevious', 'nextFinding', 'previousFinding', 'desk', 'help', 'about',
  'paragraphAfter', 'demote', 'promote', 'setParagraph', 'setHeading1', 'setHeading2', 'setHeading3', 'setHeading4',
  'moveSectionUp', 'moveSectionDown', 'insertTable', 'deleteSection', 'contextMenu', 'showFinding', 'noCharacterFormatting',
] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

export const COMMANDS = {
  new: app('新建报告…', ['CmdOrCtrl+N'], { in: 'file', group: 1 }),
  newFromPrevious: app('基于上一年度报告新建…', [], { in: 'file', group: 1 }),
  open: app('打开…', ['CmdOrCtrl+O'], { in: 'file', group: 1 }),
  save: app('保存', ['CmdOrCtrl+S'], { in: 'file', group: 2 }, true),
  saveAs: app('另存为…', ['CmdOrCtrl+Shift+S'], { in: 'file', group: 2 }, true),
  versions: app('版本记录…', [], { in: 'file', group: 2 }, true),
  // No shortcut: Ctrl+I is italic in Word, and a Word key must never do something surprising.
  import: app('导入Word或文本…', [], { in: 'file', group: 3 }),
  export: app('导出为Word…', ['CmdOrCtrl+E'], { in: 'file', group: 3 }, true),
  exportReview: app('导出审阅稿…', [], { in: 'file', group: 3 }, true, '导出带检查意见批注的 Word 审阅稿'),
  importReview: app('导入审阅意见…', [], { in: 'file', group: 3 }, true, '导入审阅人退回的 Word 文件中的批注和修订'),
  print: app('打印…', ['CmdOrCtrl+P'], { in: 'file', group: 3 }, true),
  saveTemplate: app('另存为模板…', [], { in: 'file', group: 3 }, true),
  undo: app('撤销', ['CmdOrCtrl+Z'], { in: 'edit', group: 1 }, true),
  redo: app('重做', ['CmdOrCtrl+Y', 'CmdOrCtrl+Shift+Z'], { in: 'edit', group: 1 }, true),
  find: app('查找…', ['CmdOrCtrl+F'], { in: 'edit', group: 3 }, true),
  replace: app('替换…', ['CmdOrCtrl+H'], { in: 'edit', group: 3 }, true),
  findNext: app('查找下一处', ['F3'], undefined, true),
  findPrevious: app('查找上一处', ['Shift+F3'], undefined, true),
  // F8 / Shift+F8 work from anywhere in the window (the panel included); Word's F8 (extend the selection) has no use here.
  nextFinding: app('下一处检查结果', ['F8'], { in: 'audit', group: 1 }, true, '选中正文中光标之后的下一处检查结果并显示说明，到文末后从头继续'),
  previousFinding: app('上一处检查结果', ['Shift+F8'], { in: 'audit', group: 1 }, true, '选中光标之前的上一处检查结果并显示说明'),
  desk: app('批量检查文件夹…', [], { in: 'audit', group: 2 }, false, '审核一个文件夹中报送的全部报告，生成汇总表'),
  help: app('快捷键与帮助', ['F1'], { in: 'help', group: 1 }, false, '打开本帮助'),
  about: app('关于法治年报助手', [], { in: 'help', group: 1 }),
  paragraphAfter: inEditor('在当前段落之后插入新段落', ['CmdOrCtrl+Enter']),
  demote: inEditor('标题降一级', ['Tab'], '标题降一级（一、→（一）→1.→（1））；在表格中到下一格，最后一格再按则添加一行'),
  promote: inEditor('标题升一级', ['Shift+Tab'], '标题升一级；在表格中回到上一格'),
  setParagraph: inEditor('设为正文', ['CmdOrCtrl+0'], '把当前标题改为正文'),
  setHeading1: inEditor('设为一级标题', ['CmdOrCtrl+1'], '把当前段落设为一级标题（一、）'),
  setHeading2: inEditor('设为二级标题', ['CmdOrCtrl+2'], '把当前段落设为二级标题（（一））'),
  setHeading3: inEditor('设为三级标题', ['CmdOrCtrl+3'], '把当前段落设为三级标题（1.）'),
  setHeading4: inEditor('设为四级标题', ['CmdOrCtrl+4'], '把当前段落设为四级标题（（1））'),
  moveSectionUp: inEditor('本节上移', ['Alt+Up'], '把光标所在的一节（标题连同其下内容）上移'),
  moveSectionDown: inEditor('本节下移', ['Alt+Down'], '把光标所在的一节（标题连同其下内容）下移'),
  insertTable: inEditor('插入表格', [], '在当前段落之后插入一个两行三列的表格（右键菜单）'),
  deleteSection: inEditor('删除本节', [], '删除光标所在的一节：标题连同其下全部内容，不留空段落（右键菜单）'),
  contextMenu: inEditor('右键菜单', ['Shift+F10'], '打开正文的右键菜单（也可按键盘上的菜单键）：段落样式、插入表格、删除本节、上移、下移'),
  // Alt+Enter: free in Word's body (Word's repeat is F4 / Ctrl+Y) and in the desktops' window managers, unlike Alt+F7,
  // Word's key for the next spelling error, which UKUI (Kylin) and other Linux desktops take to move the window.
  showFinding: inEditor('查看光标处的检查结果', ['Alt+Enter'], '显示光标处检查结果的说明和建议，可修正、忽略或在列表中查看；Tab 切换按钮，Esc 关闭并回到正文'),
  noCharacterFormatting: inEditor('加粗、斜体、下划线', ['CmdOrCtrl+B', 'CmdOrCtrl+I', 'CmdOrCtrl+U'], '不适用：公文正文不使用加粗、斜体、下划线（状态栏提示）'),
} satisfies { readonly [K in CommandId]: CommandSpec };

export type AppCommandId = { [K in CommandId]: (typeof COMMANDS)[K]['scope'] extends 'app' ? K : never }[CommandId];
export type EditorCommandId = Exclude<CommandId, AppCommandId>;

export function isEditorCommand(id: CommandId): id is EditorCommandId {
  return COMMANDS[id].scope === 'editor';
}

/** A shortcut taken apart: which modifiers it needs and the key (KeyboardEvent.key, lower-cased for letters). */
export interface KeyChord {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

const KEY_NAMES: Record<string, string> = { Up: 'ArrowUp', Down: 'ArrowDown', Left: 'ArrowLeft', Right: 'ArrowRight' };

function parseAccelerator(accelerator: string): KeyChord {
  const parts = accelerator.split('+');
  const key = parts.pop()!;
  return {
    mod: parts.includes('CmdOrCtrl'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
    key: KEY_NAMES[key] ?? (key.length === 1 ? key.toLowerCase() : key),
  };
}

/** The command a chord means (the same shortcuts as the menu), or null. */
export function commandForChord(chord: KeyChord): CommandId | null {
  for (const [chords, id] of CHORDS) {
    if (chords.some((c) => c.mod === chord.mod && c.shift === chord.shift && c.alt === chord.alt && c.key === chord.key)) return id;
  }
  return null;
}

const CHORDS: [KeyChord[], CommandId][] = COMMAND_IDS.map((id) => [COMMANDS[id].keys.map(parseAccelerator), id]);

/** A shortcut as the help list and tooltips show it on Windows and Linux: Ctrl+Shift+S, Alt+↑. */
function keyLabel(accelerator: string): string {
  return accelerator.replace('CmdOrCtrl+', 'Ctrl+').replace(/\bUp$/, '↑').replace(/\bDown$/, '↓');
}

/** Every shortcut of a command, as shown: "Ctrl+Y / Ctrl+Shift+Z". */
export function keysLabel(id: CommandId): string {
  return COMMANDS[id].keys.map(keyLabel).join(' / ');
}
