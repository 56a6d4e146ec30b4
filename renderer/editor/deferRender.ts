// Holding the editor's render of a key the browser typed itself until that key's frame is painted (renderer). The
// DOM already shows the character and the model already holds it (nativeInsert.ts); only React's render of the new
// value is left (2–3 ms a key: slate-react's Editable, its selection effect, the changed chunk), and it changes no
// DOM. Run in the key's own task, it delays the frame that shows the character; held, it runs just after that frame.
// Anything that may read what the render sets up (slate-react's maps from a node to its element, the app's
// callbacks) comes as an event, and the held render is run before that event reaches anyone.
import { useEffect, useRef, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { BaseEditor, Operation } from 'slate';

/** Events before which a held render must have run: the next key or input, the pointer, the clipboard, focus. */
const FLUSH_BEFORE = ['keydown', 'beforeinput', 'compositionstart', 'mousedown', 'pointerdown', 'touchstart', 'contextmenu', 'paste', 'cut', 'copy', 'dragstart', 'drop', 'focusout', 'pagehide', 'visibilitychange'] as const;

/** A hidden window paints no frames: the held render then runs after this long. */
export const HOLD_MAX_MS = 100;

type ChangeOptions = Parameters<BaseEditor['onChange']>[0];

interface Held {
  operations: Operation[];
  options: ChangeOptions;
}

/**
 * Wraps `editor.onChange` (until dispose). `holdNext()`, called right after an edit the browser has already drawn,
 * holds the onChange that edit queued (slate calls it in a microtask) until after the next frame, or until flush().
 * `runSync` runs the held call so that React renders before it returns.
 */
export class RenderHold {
  private readonly onChange: BaseEditor['onChange'];
  private holding = false;
  private held: Held | null = null;
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly channel = new MessageChannel();

  constructor(
    private readonly editor: BaseEditor,
    private readonly runSync: (fn: () => void) => void,
  ) {
    this.onChange = editor.onChange;
    editor.onChange = (options) => this.changed(options);
    this.channel.port1.onmessage = () => this.flush();
  }

  /** The edit just made is drawn already: its onChange (queued by slate for after this task's code) is held. */
  holdNext(): void {
    this.holding = true;
    // Queued after slate's own microtask for the edit: if that did not call onChange, nothing is held.
    queueMicrotask(() => {
      this.holding = false;
    });
  }

  /** Runs the held onChange now, React's render included. */
  flush(): void {
    const held = this.held;
    if (!held) return;
    this.held = null;
    this.cancel();
    this.replay(held, this.runSync);
  }

  /** Gives the editor its onChange back; a change still held is reported (no render: the editor's view is gone). */
  dispose(): void {
    this.editor.onChange = this.onChange;
    this.cancel();
    this.channel.port1.close();
    const held = this.held;
    this.held = null;
    if (held) this.replay(held, (fn) => fn());
  }

  private changed(options: ChangeOptions): void {
    if (this.holding && !this.held) {
      this.holding = false;
      this.held = { operations: this.editor.operations.slice(), options };
      // After the frame: a frame callback runs before the paint, a message posted from it after.
      this.frame = requestAnimationFrame(() => this.channel.port2.postMessage(0));
      this.timer = setTimeout(() => this.flush(), HOLD_MAX_MS);
      return;
    }
    this.holding = false;
    const held = this.held;
    if (held) {
      // Another change before the held one ran: one render for both, told of every operation.
      this.held = null;
      this.cancel();
      this.editor.operations = [...held.operations, ...this.editor.operations];
    }
    this.onChange(options);
  }

  /** Calls onChange with the operations it was held with (slate has cleared them since). */
  private replay({ operations, options }: Held, call: (fn: () => void) => void): void {
    const later = this.editor.operations;
    this.editor.operations = [...operations, ...later];
    try {
      call(() => this.onChange(options));
    } finally {
      this.editor.operations = later;
    }
  }

  private cancel(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.frame = 0;
    this.timer = undefined;
  }
}

/** The editor's render hold while mounted (flushed before every event in FLUSH_BEFORE); null before its effect. */
export function useRenderHold(editor: BaseEditor): RefObject<RenderHold | null> {
  const hold = useRef<RenderHold | null>(null);
  useEffect(() => {
    const h = new RenderHold(editor, flushSync);
    const flush = () => h.flush();
    for (const type of FLUSH_BEFORE) window.addEventListener(type, flush, true);
    hold.current = h;
    return () => {
      for (const type of FLUSH_BEFORE) window.removeEventListener(type, flush, true);
      hold.current = null;
      h.dispose();
    };
  }, [editor]);
  return hold;
}
