// The marks of a unit the caret is not in (renderer), drawn as boxes in the unit's own mark layer (an empty,
// non-editable, absolutely placed span that elements.tsx renders first in every heading, paragraph and table cell).
// Chromium rebuilds every CSS Custom Highlight range at each DOM change and repaints every text node one touches, so
// the marks of units nobody types in are not highlights: their boxes are static DOM that a key in another unit does
// not touch, and they move with their unit when it moves. Each line of a mark is a box over the text's own line box
// holding a transparent copy of the text (CSS generated content, so it is in no DOM text, copy or find) with the
// mark's underline: the same font, size and offset draw the same underline as ::highlight() does (styles.css).
import type { MarkKind, MarkSpan } from '../../shared/editor/marks';

/** The class of the layer element in each unit (elements.tsx renders it, this file fills it). */
export const BOX_LAYER_CLASS = 'mk-layer';

/** A mark to draw: its kind, its text, and the pieces of DOM text it covers (one per text node). */
interface BoxMark {
  kind: MarkKind;
  text: string;
  pieces: { node: Text; start: number; end: number }[];
}

/** Marks as the pieces of DOM text they cover: `spans` (in the order to draw) of a unit whose text is `texts`, starting
 * at unit offsets `starts`. */
export function boxMarks(spans: readonly MarkSpan[], texts: readonly Text[], starts: readonly number[]): BoxMark[] {
  return spans.map((span) => {
    const pieces: BoxMark['pieces'] = [];
    let text = '';
    texts.forEach((node, i) => {
      const from = Math.max(span.start - starts[i]!, 0);
      const to = Math.min(span.end - starts[i]!, node.data.length);
      if (from >= to) return;
      pieces.push({ node, start: from, end: to });
      text += node.data.slice(from, to);
    });
    return { kind: span.kind, text, pieces };
  });
}

interface Line {
  left: number;
  top: number;
  width: number;
  height: number;
  /** The piece's text, and how far it starts left of this line (the width of its earlier lines). */
  text: string;
  indent: number;
}

/** Where a unit's marks are drawn: its layer, and every line of every mark relative to it. */
interface MeasuredBoxes {
  layer: HTMLElement;
  /** The unit's size when measured (its text re-flows when it changes). */
  size: string;
  marks: { kind: MarkKind; text: string; lines: Line[] }[];
}

/** The layer element of a unit's element, if it renders one. */
export function boxLayerOf(element: HTMLElement): HTMLElement | null {
  const first = element.firstElementChild;
  return first instanceof HTMLElement && first.classList.contains(BOX_LAYER_CLASS) ? first : null;
}

/** A unit's size, to compare (a layout read). */
function sizeOf(element: HTMLElement): string {
  const r = element.getBoundingClientRect();
  return `${r.width}x${r.height}`;
}

/** Shows an empty layer (one is not rendered: styles.css), so that it has a place to be measured from. */
function showLayer(layer: HTMLElement): void {
  if (!layer.firstChild) layer.append(document.createElement('span'));
}

/**
 * Reads where the marks' text lies in unit `element`, relative to its shown layer (a layout read: done for every unit
 * of a sync after every layer is shown and before anything is drawn).
 */
function measureBoxes(element: HTMLElement, layer: HTMLElement, marks: readonly BoxMark[]): MeasuredBoxes {
  const origin = layer.getBoundingClientRect();
  const range = document.createRange();
  const out: MeasuredBoxes = { layer, size: sizeOf(element), marks: [] };
  for (const mark of marks) {
    const lines: Line[] = [];
    for (const piece of mark.pieces) {
      range.setStart(piece.node, piece.start);
      range.setEnd(piece.node, piece.end);
      const text = piece.node.data.slice(piece.start, piece.end);
      let indent = 0;
      for (const r of range.getClientRects()) {
        if (r.width > 0) lines.push({ left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height, text, indent });
        indent += r.width;
      }
    }
    out.marks.push({ kind: mark.kind, text: mark.text, lines });
  }
  return out;
}

/** Draws measured marks in their layer, replacing what it held. */
function drawBoxes({ layer, marks }: MeasuredBoxes): void {
  const groups: HTMLElement[] = [];
  for (const mark of marks) {
    const group = document.createElement('span');
    group.className = `mk mk-${mark.kind}`;
    group.dataset.kind = mark.kind;
    group.dataset.text = mark.text;
    for (const line of mark.lines) {
      const box = document.createElement('span');
      box.dataset.t = line.text;
      const s = box.style;
      s.left = `${line.left}px`;
      s.top = `${line.top}px`;
      s.width = `${line.width}px`;
      s.height = s.lineHeight = `${line.height}px`;
      if (line.indent) s.textIndent = `${-line.indent}px`;
      group.append(box);
    }
    groups.push(group);
  }
  layer.replaceChildren(...groups);
}

/** Removes a layer's boxes. */
function clearBoxes(layer: HTMLElement): void {
  if (layer.firstChild) layer.replaceChildren();
}

/** A unit that draws its marks as boxes (the mark layer's record of it). */
export interface BoxUnit {
  element: HTMLElement;
  layer: HTMLElement | null;
  /** The unit's size when its boxes were measured ('' while none are drawn), and what was drawn. */
  boxSize: string;
  drawn: string;
}

/**
 * Draws the boxes of the units queued since the last flush, all measured before any is drawn (one layout), and draws
 * them again where they moved to when their unit changes size (a new width or height re-flows its text) or a font
 * loads. `marksOf` gives a unit's marks to draw; `isCurrent` tells a unit still painted from one replaced since.
 */
export class BoxPainter<U extends BoxUnit> {
  private readonly queued = new Set<U>();
  /** The units with boxes drawn, by element; their size is watched. */
  private readonly drawnAt = new Map<HTMLElement, U>();
  private readonly resized: ResizeObserver | null = null;
  private idle = 0;

  constructor(
    private readonly marksOf: (unit: U) => BoxMark[],
    private readonly isCurrent: (unit: U) => boolean,
  ) {
    if (typeof ResizeObserver !== 'undefined') {
      this.resized = new ResizeObserver((entries) => {
        for (const e of entries) {
          const unit = this.drawnAt.get(e.target as HTMLElement);
          if (unit && sizeOf(unit.element) !== unit.boxSize) this.queued.add(unit);
        }
        this.flush();
      });
    }
    document.fonts?.addEventListener?.('loadingdone', this.redrawAll);
  }

  /** Measures and draws `unit`'s boxes at the next flush (again, if they are drawn: drawn anew only if they moved). */
  queue(unit: U): void {
    this.queued.add(unit);
  }

  /**
   * Flushes once the page is idle (between two keys, after the last one's frame): the boxes queued are only checked
   * (a key typed at the caret moved no text before it, unless it pulled the character before it onto the next line),
   * and a check in the key's own frame would delay that frame.
   */
  flushWhenIdle(): void {
    if (this.idle) return;
    this.idle = requestIdleCallback(
      () => {
        this.idle = 0;
        this.flush();
      },
      { timeout: 250 },
    );
  }

  /** `next` replaces `prev` for the same element, with its boxes as drawn. */
  adopt(prev: U, next: U): void {
    next.boxSize = prev.boxSize;
    next.drawn = prev.drawn;
    if (this.drawnAt.get(prev.element) === prev) this.drawnAt.set(next.element, next);
  }

  flush(): void {
    if (this.queued.size === 0) return;
    const units = [...this.queued].filter((u) => u.layer?.isConnected && this.isCurrent(u));
    this.queued.clear();
    for (const u of units) showLayer(u.layer!);
    const measured = units.map((u) => measureBoxes(u.element, u.layer!, this.marksOf(u)));
    units.forEach((u, i) => {
      const m = measured[i]!;
      const drawn = JSON.stringify(m.marks);
      // Measured again (a new size, a font, after a key) and found where they were: the boxes stay.
      if (drawn !== u.drawn) drawBoxes(m);
      u.drawn = drawn;
      u.boxSize = m.size;
      if (this.drawnAt.get(u.element) !== u) {
        if (!this.drawnAt.has(u.element)) this.resized?.observe(u.element);
        this.drawnAt.set(u.element, u);
      }
    });
  }

  /** Removes a unit's boxes. */
  clear(unit: U): void {
    if (unit.layer) clearBoxes(unit.layer);
    unit.boxSize = unit.drawn = '';
    if (this.drawnAt.get(unit.element) === unit) {
      this.drawnAt.delete(unit.element);
      this.resized?.unobserve(unit.element);
    }
  }

  dispose(): void {
    if (this.idle) cancelIdleCallback(this.idle);
    this.idle = 0;
    this.resized?.disconnect();
    document.fonts?.removeEventListener?.('loadingdone', this.redrawAll);
    for (const unit of this.drawnAt.values()) if (unit.layer) clearBoxes(unit.layer);
    this.drawnAt.clear();
    this.queued.clear();
  }

  private readonly redrawAll = (): void => {
    for (const unit of this.drawnAt.values()) this.queued.add(unit);
    this.flush();
  };
}
