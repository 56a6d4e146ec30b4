// The mark layer's visibility watch and pointer (renderer/editor/markLayer.ts): a unit coming into or going out of
// view is repainted at the next frame, and the observer's reports that change nothing (Chromium reports a target's
// unchanged state again while the text is typed into) cost no frame; a pointer reported again where it left is no
// move. The browser's Highlight API, IntersectionObserver and frames are stood in for here; the painting itself is
// covered in the e2e specs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactEditor } from 'slate-react';
import { MarkLayer } from '../../renderer/editor/markLayer';

type Report = (entries: { target: object; isIntersecting: boolean }[]) => void;

describe('mark layer: visibility reports and the pointer', () => {
  let report: Report;
  let frames: FrameRequestCallback[];

  beforeEach(() => {
    frames = [];
    vi.stubGlobal('CSS', { highlights: new Map() });
    vi.stubGlobal('Highlight', class { priority = 0; add() {} delete() {} });
    vi.stubGlobal('IntersectionObserver', class {
      constructor(callback: Report) {
        report = callback;
      }
      observe() {}
      unobserve() {}
      disconnect() {}
    });
    vi.stubGlobal('ResizeObserver', class {
      observe() {}
      unobserve() {}
      disconnect() {}
    });
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

  it('asks for a frame only when a unit comes into or goes out of view', () => {
    const layer = new MarkLayer({ children: [] } as unknown as ReactEditor, null);
    const unit = {};
    report([{ target: unit, isIntersecting: false }]);
    expect(runFrames()).toBe(0); // first report, out of view: as it was painted
    report([{ target: unit, isIntersecting: true }]);
    expect(runFrames()).toBe(1);
    report([{ target: unit, isIntersecting: true }]);
    report([{ target: unit, isIntersecting: true }]);
    expect(runFrames()).toBe(0); // the same state again: nothing to repaint
    report([{ target: {}, isIntersecting: false }, { target: unit, isIntersecting: false }]);
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
