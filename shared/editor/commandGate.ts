// One gate for commands that can arrive twice (shared, pure): a shortcut pressed in the page and the same accelerator
// of the Electron menu. A command runs unless the same command came from the other source a moment ago.
import type { CommandId } from '../commands';

export type CommandSource = 'key' | 'menu' | 'button';

const WINDOW_MS = 400;

/** A gate: `(command, source, now)` says whether the command should run now (false for the echo of a press). */
export function createCommandGate(): (command: CommandId, source: CommandSource, now: number) => boolean {
  const last = new Map<CommandId, { source: CommandSource; at: number }>();
  return (command, source, now) => {
    const prev = last.get(command);
    const echo = !!prev && prev.source !== source && source !== 'button' && prev.source !== 'button' && now - prev.at < WINDOW_MS;
    // An echo is not remembered: a key held down (auto-repeat) must not be taken for the echo of its own echo.
    if (!echo) last.set(command, { source, at: now });
    return !echo;
  };
}
