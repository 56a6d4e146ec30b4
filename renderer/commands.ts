// One gate for commands that can arrive twice (renderer): a shortcut pressed in the page and the same accelerator
// of the Electron menu. A command runs unless the same command came from the other source a moment ago.
import type { MenuCommand } from '../shared/ipc/contract';

export type CommandSource = 'key' | 'menu' | 'button';

const WINDOW_MS = 400;
const last = new Map<MenuCommand, { source: CommandSource; at: number }>();

/** Whether `command` from `source` should run now (false when it is the echo of the same press from elsewhere). */
export function commandGate(command: MenuCommand, source: CommandSource): boolean {
  const now = performance.now();
  const prev = last.get(command);
  last.set(command, { source, at: now });
  return !(prev && prev.source !== source && source !== 'button' && prev.source !== 'button' && now - prev.at < WINDOW_MS);
}

/** The command a key press in the page means, if any (the same accelerators as the menu). */
export function commandForKey(e: KeyboardEvent): MenuCommand | null {
  if (e.key === 'F1') return 'help';
  const mod = e.ctrlKey || e.metaKey;
  if (!mod || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === 'n' && !e.shiftKey) return 'new';
  if (k === 'o' && !e.shiftKey) return 'open';
  if (k === 's') return e.shiftKey ? 'saveAs' : 'save';
  if (k === 'i' && !e.shiftKey) return 'import';
  if (k === 'e' && !e.shiftKey) return 'export';
  if (k === 'f' && !e.shiftKey) return 'find';
  if (k === 'h' && !e.shiftKey) return 'replace';
  return null;
}
