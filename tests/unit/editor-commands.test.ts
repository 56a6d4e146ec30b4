// The command gate: a shortcut and the Electron menu's echo of the same accelerator run the command once.
import { describe, expect, it } from 'vitest';
import { createCommandGate } from '../../shared/editor/commandGate';

describe('command gate', () => {
  it('runs a key press once when the menu echoes it, and lets auto-repeat through', () => {
    const gate = createCommandGate();
    expect(gate('undo', 'key', 1000)).toBe(true);
    expect(gate('undo', 'menu', 1005)).toBe(false);
    expect(gate('undo', 'key', 1035)).toBe(true);
    expect(gate('undo', 'key', 1065)).toBe(true);
    expect(gate('undo', 'menu', 2100)).toBe(true);
    expect(gate('undo', 'button', 2110)).toBe(true);
    // Different commands do not gate each other.
    expect(gate('save', 'key', 3000)).toBe(true);
    expect(gate('find', 'menu', 3001)).toBe(true);
    expect(gate('save', 'menu', 3002)).toBe(false);
  });
});
