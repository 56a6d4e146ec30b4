// The render hold of a key the browser typed itself (renderer/editor/deferRender.ts) on a real Slate editor: the
// onChange of a held edit runs once, after the frame (or before the next event, or after HOLD_MAX_MS in a window that
// paints no frames), told of the edit's operations; a change in between makes one call for both; nothing else is held.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEditor, Transforms, type Editor, type Operation } from 'slate';
import { withHistory } from 'slate-history';
import { HOLD_MAX_MS, RenderHold } from '../../renderer/editor/deferRender';

/** A flush of microtasks (slate calls onChange in one). */
const microtasks = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** A posted message to have arrived. */
const message = () => new Promise<void>((resolve) => setTimeout(resolve, 5));
/** Longer than a held render waits without a frame. */
const pastHoldMax = () => new Promise<void>((resolve) => setTimeout(resolve, HOLD_MAX_MS + 20));

describe('render hold', () => {
  let frames: FrameRequestCallback[];
  let editor: Editor;
  let calls: { ops: Operation['type'][]; sync: boolean }[];
  let hold: RenderHold;
  let inSync: boolean;

  beforeEach(async () => {
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => {
      if (id > 0) frames[id - 1] = () => undefined;
    });
    editor = withHistory(createEditor());
    editor.children = [{ children: [{ text: '依法行政' }] } as never];
    Transforms.select(editor, { path: [0, 0], offset: 2 });
    calls = [];
    inSync = false;
    editor.onChange = () => calls.push({ ops: editor.operations.map((o) => o.type), sync: inSync });
    hold = new RenderHold(editor, (fn) => {
      inSync = true;
      try {
        fn();
      } finally {
        inSync = false;
      }
    });
    await microtasks();
    calls.length = 0;
  });
  afterEach(() => {
    hold.dispose();
    vi.unstubAllGlobals();
  });

  /** Types `ch` at the caret as nativeInsert does: the model edit, then the hold. */
  function typeHeld(ch: string): void {
    Transforms.insertText(editor, ch);
    hold.holdNext();
  }

  function runFrames(): void {
    for (const cb of frames.splice(0)) cb(0);
  }

  it('holds the edit until after the frame, then reports it once, rendered in place', async () => {
    typeHeld('全');
    await microtasks();
    expect(calls).toEqual([]);
    runFrames();
    expect(calls).toEqual([]); // the frame callback only posts: the call comes after the paint
    await message();
    expect(calls).toEqual([{ ops: ['insert_text'], sync: true }]);
    // The operations slate cleared after its own call are back to what they are now.
    expect(editor.operations).toEqual([]);
    runFrames();
    await message();
    expect(calls).toHaveLength(1);
  });

  it('runs before the next event (flush) and not again after the frame', async () => {
    typeHeld('全');
    await microtasks();
    hold.flush();
    expect(calls).toEqual([{ ops: ['insert_text'], sync: true }]);
    runFrames();
    await message();
    await pastHoldMax();
    expect(calls).toHaveLength(1);
  });

  it('a change before the held one ran makes one call, told of both', async () => {
    typeHeld('全');
    await microtasks();
    Transforms.select(editor, { path: [0, 0], offset: 0 });
    await microtasks();
    expect(calls).toEqual([{ ops: ['insert_text', 'set_selection'], sync: false }]);
    runFrames();
    await message();
    expect(calls).toHaveLength(1);
  });

  it('a window that paints no frames still hears of the edit', async () => {
    typeHeld('全');
    await microtasks();
    await pastHoldMax();
    expect(calls).toEqual([{ ops: ['insert_text'], sync: true }]);
  });

  it('holds nothing when the edit made no change, and holds only the edit it was asked for', async () => {
    hold.holdNext(); // no edit: slate queues no onChange
    await microtasks();
    Transforms.insertText(editor, '年');
    await microtasks();
    expect(calls).toEqual([{ ops: ['insert_text'], sync: false }]);
    typeHeld('度');
    await microtasks();
    Transforms.insertText(editor, '内');
    await microtasks();
    // The second edit came without a hold: it runs at once and takes the held one with it.
    expect(calls).toEqual([
      { ops: ['insert_text'], sync: false },
      { ops: ['insert_text', 'insert_text'], sync: false },
    ]);
  });

  it('dispose gives the editor its onChange back and reports a change still held', async () => {
    typeHeld('全');
    await microtasks();
    hold.dispose();
    expect(calls).toEqual([{ ops: ['insert_text'], sync: false }]);
    Transforms.insertText(editor, '年');
    await microtasks();
    expect(calls).toHaveLength(2);
    runFrames();
    await message();
    expect(calls).toHaveLength(2);
  });
});
