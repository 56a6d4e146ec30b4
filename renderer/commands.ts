// Commands from the keyboard in the page (renderer): the menu's accelerators, and the gate that runs a press once
// when the Electron menu echoes it (shared/editor/commandGate.ts).
import type { MenuCommand } from '../shared/ipc/contract';
import { createCommandGate, type CommandSource } from '../shared/editor/commandGate';

export type { CommandSource };

const gate = createCommandGate();

/** Whether `command` from `source` should run now (false when it is the echo of the same press from elsewhere). */
export function commandGate(command: MenuCommand, source: CommandSource): boolean {
  return gate(command, source, performance.now());
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
  if (k === 'p' && !e.shiftKey) return 'print';
  if (k === 'f' && !e.shiftKey) return 'find';
  if (k === 'h' && !e.shiftKey) return 'replace';
  return null;
}
