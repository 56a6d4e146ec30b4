// The mark layer's view of what is on screen and its pointer (renderer/editor/markLayer.ts, unitsInView.ts): a unit's
// place is read once until the page scrolls, changes size or the layer looks again; a scroll or a resized view asks
// for a frame at once, content that grew a line only when the page is idle; a pointer reported again where it left is
// no move. The browser's Highlight API, observers, frames and idle callbacks are stood in for here; the painting
// itself is covered in the e2e specs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactEditor } from 'slate-react';
import { MarkLayer } from '../../renderer/editor/markLayer';
import { UnitsInView } from '../../renderer/editor/unitsInView';

describe('mark layer: what is in view, and the pointer', () => {
  let frames: FrameRequestCallback[];
  let idles: IdleRequestCallback[];
  let resized: ((entries: { target: object }[]) => void) | null;

  beforeEach(() => {
    frames = [];
    idles = [];
    resized = null;
    vi.stubGlobal('CSS', { highlights: new Map() });
    vi.stubGlobal('Highlight', class { priority = 0; add() {} delete() {} });
    vi.stubGlobal('ResizeObserver', class {
      constructor(callback: (entries: { target: object }[]) => void) {
        resized ??= callback; // the view's own observer is made first
      }
      observe() {}
      unobserve() {}
      disconnect() {}
    });
    vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback) => idles.push(cb));
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    vi.stubGlobal('document', {});
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** Runs the frames asked for so far; returns how many there were. */
  function runFrames(): number {
    const due = frames.splice(0);
    for (const cb of due) cb(0);
    return due.length;
  }

  /** An element placed at `top`…`bottom`, counting how often its place is read. */
  function placed(top: number, bottom: number) {
    const el = { reads: 0, top, bottom, getBoundingClientRect: () => (el.reads++, { top: el.top, bottom: el.bottom }) };
    return el;
  }

  /** A scroll root 0…1000 with one child (the page), remembering its scroll listener. */
  function scrollRoot() {
    const root = { ...placed(0, 1000), firstElementChild: {}, scroll: null as (() => void) | null, addEventListener: (_: string, f: () => void) => (root.scroll = f), removeEventListener: () => undefined };
    return root;
  }

  it('reads a unit\'s place once, until the view scrolls or changes size; the margin is a tenth of the view', () => {
    const root = scrollRoot();
    let moves = 0;
    const view = new UnitsInView(root as unknown as HTMLElement, () => moves++);
    const [near, far, above] = [placed(1050, 1090), placed(1150, 1200), placed(-300, -95)];
    expect([near, far, above].map((e) => view.has(e as unknown as Element))).toEqual([true, false, true]);
    view.has(near as unknown as Element);
    expect(near.reads).toBe(1);
    far.top = 900; // it moved: not seen until the view is told
    expect(view.has(far as unknown as Element)).toBe(false);
    root.scroll!();
    expect(moves).toBe(1);
    expect(view.has(far as unknown as Element)).toBe(true);
    expect(far.reads).toBe(2);
    resized!([{ target: root }]); // the window was resized: at once
    expect(moves).toBe(2);
    view.dispose();
  });

  it('asks again only once the page is idle when the content grew, however often it did', () => {
    const root = scrollRoot();
    let moves = 0;
    const view = new UnitsInView(root as unknown as HTMLElement, () => moves++);
    const unit = placed(1150, 1200);
    expect(view.has(unit as unknown as Element)).toBe(false);
    unit.top = 1000; // a line less above it
    resized!([{ target: root.firstElementChild }]);
    resized!([{ target: root.firstElementChild }]);
    expect(moves).toBe(0);
    expect(view.has(unit as unknown as Element)).toBe(false); // kept until then: no layout read at a key
    expect(idles).toHaveLength(1);
    idles[0]!({} as IdleDeadline);
    expect(moves).toBe(1);
    expect(view.has(unit as unknown as Element)).toBe(true);
    view.dispose();
  });

  it('asks for one frame when the view scrolls', () => {
    const root = scrollRoot();
    const layer = new MarkLayer({ children: [] } as unknown as ReactEditor, root as unknown as HTMLElement);
    root.scroll!();
    root.scroll!();
    expect(runFrames()).toBe(1);
    layer.dispose();
  });

  it('takes a pointer back at the place it left for no move (a popover closed under a still mouse stays closed)', () => {
    vi.stubGlobal('document', { caretPositionFromPoint: () => null });
    const layer = new MarkLayer({ children: [] } as unknown as ReactEditor, null);
    const heard: unknown[] = [];
    layer.setHoverListener((hover) => heard.push(hover));
    layer.hover(40, 50);
    expect(runFrames()).toBe(1); // looked up at the next frame
    layer.hover(40, 50);
    expect(runFrames()).toBe(0); // the same place again (the text moved under it)
    layer.leave(); // a popover came up under the pointer
    layer.hover(40, 50); // it closed: Chromium reports the pointer again where it was
    expect(runFrames()).toBe(0);
    layer.hover(41, 50);
    expect(runFrames()).toBe(1);
    expect(heard).toEqual([]); // no findings under the pointer, and none reported gone
    layer.dispose();
  });
});
