// Commands from the keyboard in the page (renderer): a key press → its command in the one table (shared/commands.ts),
// and the gate that runs a press once when the Electron menu echoes it (shared/editor/commandGate.ts).
import { commandForChord, type CommandId } from '../shared/commands';
import { createCommandGate, type CommandSource } from '../shared/editor/commandGate';

export type { CommandSource };

const gate = createCommandGate();

/** Whether `command` from `source` should run now (false when it is the echo of the same press from elsewhere). */
export function commandGate(command: CommandId, source: CommandSource): boolean {
  return gate(command, source, performance.now());
}

/** The command a key press in the page means, if any; none while an IME composes. */
export function commandForKey(e: KeyboardEvent | React.KeyboardEvent): CommandId | null {
  const native = 'nativeEvent' in e ? e.nativeEvent : e;
  if (native.isComposing) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return commandForChord({ mod: e.ctrlKey || e.metaKey, shift: e.shiftKey, alt: e.altKey, key });
}
