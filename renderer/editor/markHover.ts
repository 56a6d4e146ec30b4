// The finding under the pointer (renderer): found from the spans a unit painted (markLayer.ts), by
// caretPositionFromPoint and the unit's text offsets, no DOM node per mark, and handed to the listener that shows its
// popover. Also where a unit offset lies in the unit's DOM text, which the mark layer uses to place its highlights.
import type { Finding } from '../../shared/check/types';
import { findingsAt, type MarkSpan } from '../../shared/editor/marks';

/** What the mark layer painted in a unit: its spans, its DOM text nodes in order and the unit offset each starts at. */
export interface PaintedText {
  spans: MarkSpan[];
  texts: Text[];
  starts: number[];
}

/** The findings painted under the pointer, and the box (on screen) of the line of the first one's mark there. */
export interface MarkHover {
  findings: Finding[];
  rect: DOMRect;
}

/** The DOM position of unit offset `offset`: at the end of a text node for an end, at the start of the next for a start. */
export function domPoint({ texts, starts }: PaintedText, offset: number, isEnd: boolean): [Text, number] {
  for (let i = 0; i < texts.length; i++) {
    const end = starts[i]! + texts[i]!.data.length;
    if (offset < end || (offset === end && (isEnd || i === texts.length - 1))) return [texts[i]!, offset - starts[i]!];
  }
  const last = texts[texts.length - 1]!;
  return [last, last.data.length];
}

/** The caret position at a point (caretPositionFromPoint, or the older caretRangeFromPoint of Chromium before 128). */
function caretAt(x: number, y: number): { node: globalThis.Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const p = document.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

export class MarkPointer {
  private frame = 0;
  /** Where the pointer was last over the editor, and whether it is over it now. */
  private pointer: { x: number; y: number } | null = null;
  private inside = false;
  /** Findings were reported under the pointer, and no null since. */
  private reported = false;
  private onHover: ((hover: MarkHover | null) => void) | null = null;

  /** `unitOf`: what was painted in a unit's element, if anything. */
  constructor(private readonly unitOf: (element: HTMLElement) => PaintedText | undefined) {}

  /** Who hears of the findings under the pointer (the popover): at each frame the pointer moved in, null once when none. */
  setListener(listener: ((hover: MarkHover | null) => void) | null): void {
    this.onHover = listener;
  }

  /** The pointer moved over the editor: the findings under it are looked up at the next frame. */
  hover(x: number, y: number): void {
    // Chromium repeats a mousemove at the same place when the text moves under a still pointer (typing), and when what
    // covered it goes (a popover closed with Escape, which would open again under the still pointer): not a move.
    const still = this.pointer !== null && this.pointer.x === x && this.pointer.y === y;
    this.inside = true;
    if (still) return;
    this.pointer = { x, y };
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.inside && this.pointer) this.update(this.pointer.x, this.pointer.y);
    });
  }

  /** The pointer left the editor (where it was is kept: coming back to the same place is not a move). */
  leave(): void {
    this.inside = false;
    this.report(null);
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.onHover = null;
  }

  private update(x: number, y: number): void {
    const found = this.charAt(x, y);
    const findings = found ? findingsAt(found.unit.spans, found.offset) : [];
    if (!found || findings.length === 0) return this.report(null);
    // The line box of the first finding's mark under the pointer: the popover is placed against it.
    const span = found.unit.spans.find((s) => s.finding === findings[0] && s.start <= found.offset && found.offset < s.end)!;
    const range = document.createRange();
    range.setStart(...domPoint(found.unit, span.start, false));
    range.setEnd(...domPoint(found.unit, span.end, true));
    const rects = [...range.getClientRects()];
    const rect = rects.find((r) => y >= r.top && y <= r.bottom) ?? range.getBoundingClientRect();
    this.report({ findings, rect });
  }

  private report(hover: MarkHover | null): void {
    if (!hover && !this.reported) return;
    this.reported = hover !== null;
    this.onHover?.(hover);
  }

  /** The unit and offset of the character under (x, y), if it is painted text. */
  private charAt(x: number, y: number): { unit: PaintedText; offset: number } | null {
    const pos = caretAt(x, y);
    const node = pos?.node;
    if (!pos || !(node instanceof Text)) return null;
    const element = node.parentElement?.closest<HTMLElement>('[data-slate-node="element"]');
    const unit = element ? this.unitOf(element) : undefined;
    const i = unit ? unit.texts.indexOf(node) : -1;
    if (!unit || i < 0) return null;
    // The caret position is between two characters: the one whose box holds the pointer.
    const range = document.createRange();
    for (const o of [pos.offset, pos.offset - 1]) {
      if (o < 0 || o >= node.data.length) continue;
      range.setStart(node, o);
      range.setEnd(node, o + 1);
      for (const r of range.getClientRects()) {
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return { unit, offset: unit.starts[i]! + o };
      }
    }
    return null;
  }
}
