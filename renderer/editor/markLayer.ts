// The marks painted over the editor's text (renderer): findings, placeholders and find hits. The text itself is never
// split for them, so Slate keeps one leaf per text and an IME composition is never disturbed. The unit (a heading, a
// paragraph or a table cell) the caret is in paints its marks as CSS Custom Highlights (::highlight(fzbg-…) in
// styles.css), which follow its text as it is typed; every other unit draws them as static boxes in its own mark layer
// (markBoxes.ts), since Chromium rebuilds and repaints every highlight range at each DOM change, and a key would
// otherwise pay for the marks of the whole screen. The two swap when the caret goes to another unit. Only units on
// screen, or nearly, are painted (a unit scrolled into view is painted a frame later). After a change only the units
// whose Slate node, DOM element, findings, hits, visibility or painting changed are repainted; boxes are measured
// again when their unit changes size or a font loads. The finding under the pointer is found from the painted spans
// (caretPositionFromPoint and the unit offsets) and handed to the listener that shows its popover.
import { Node } from 'slate';
import { ReactEditor } from 'slate-react';
import type { Finding } from '../../shared/check/types';
import type { Block, HeadingElement, ParagraphElement, TableCellElement } from '../../shared/model/schema';
import { findingsAt, MARK_KINDS, unitSpans, type Hit, type MarkKind, type MarkSpan, type UnitMarks } from '../../shared/editor/marks';
import { boxLayerOf, clearBoxes, drawBoxes, measureBoxes, showLayer, sizeOf, type BoxMark } from './markBoxes';

/** The highlight name of each kind (the ::highlight() selectors in styles.css). */
export const HIGHLIGHT_NAMES: Record<MarkKind, string> = {
  info: 'fzbg-info',
  warning: 'fzbg-warning',
  error: 'fzbg-error',
  placeholder: 'fzbg-placeholder',
  hit: 'fzbg-hit',
  'hit-current': 'fzbg-hit-current',
};

/** Overlapping highlights paint in this order (a higher one on top). */
const PRIORITY: Record<MarkKind, number> = { placeholder: 0, info: 1, warning: 2, error: 3, hit: 4, 'hit-current': 5 };

interface PaintedUnit {
  key: string;
  /** The Slate node painted from; null when the DOM did not hold its text yet (painted again at the next sync). */
  node: object | null;
  element: HTMLElement;
  /** On screen or nearly, and so painted. */
  visible: boolean;
  marks: UnitMarks | undefined;
  hits: Hit[] | undefined;
  spans: MarkSpan[];
  /** The spans ending at or before this offset are drawn as boxes in `layer`, the others as highlights. */
  split: number;
  ranges: [MarkKind, StaticRange][];
  layer: HTMLElement | null;
  /** The spans drawn as boxes (kind and offsets), the unit's size when they were measured ('' when none are drawn) and
   * what was drawn. */
  boxSpans: string;
  boxSize: string;
  drawn: string;
  /** The unit's DOM text nodes in order, and the unit offset each starts at. */
  texts: Text[];
  starts: number[];
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

/** The findings painted under the pointer, and the box (on screen) of the line of the first one's mark there. */
export interface MarkHover {
  findings: Finding[];
  rect: DOMRect;
}

function sameActive(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

const NO_UNITS = new Map<string, UnitMarks>();
const NO_HITS = new Map<string, Hit[]>();

export class MarkLayer {
  private readonly units = new Map<string, PaintedUnit>();
  private readonly byElement = new WeakMap<HTMLElement, PaintedUnit>();
  private readonly highlights: Map<MarkKind, Highlight> | null;
  private readonly observer: IntersectionObserver | null = null;
  private readonly inView = new WeakSet<Element>();
  /** The unit elements the observer watches. */
  private readonly observed = new Set<HTMLElement>();
  /** Watches the size of the units drawn as boxes (a new width or height re-flows their text). */
  private readonly resized: ResizeObserver | null = null;
  private readonly sized = new Set<HTMLElement>();
  /** The units that paint highlights, as the last sync saw the caret: key → the offset up to which marks are boxes. */
  private active = new Map<string, number>();
  /** Units whose boxes are measured and drawn at the end of this sync, all reads before all writes. */
  private readonly toDraw = new Set<PaintedUnit>();
  private marks: Map<string, UnitMarks> = NO_UNITS;
  private hits: Map<string, Hit[]> = NO_HITS;
  /** The editor's blocks as the last sync saw them. */
  private painted: readonly Block[] = [];
  private frame = 0;
  private hoverFrame = 0;
  /** Units the last sync could not paint (not rendered yet), and how many frames in a row that has happened. */
  private behind = false;
  private retries = 0;
  /** A unit got a different element, or went away, during this sync: the observed set needs updating. */
  private elementsMoved = false;
  /** Where the pointer was last over the editor, and whether it is over it now. */
  private pointer: { x: number; y: number } | null = null;
  private inside = false;
  /** Findings were reported under the pointer, and no null since. */
  private reported = false;
  private onHover: ((hover: MarkHover | null) => void) | null = null;
  /** During syncTyped: a unit's node that React has not rendered yet, and the element that already shows its text. */
  private typed: { node: object; element: HTMLElement } | null = null;

  /** `scrollRoot`: the element the page scrolls in (the units it shows are painted). */
  constructor(
    private readonly editor: ReactEditor,
    scrollRoot: HTMLElement | null,
  ) {
    // Without the Highlight API (an engine older than the app's Electron) nothing is painted; the panel still lists
    // every finding.
    if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') {
      this.highlights = null;
      return;
    }
    this.highlights = new Map();
    for (const kind of MARK_KINDS) {
      const h = new Highlight();
      h.priority = PRIORITY[kind];
      this.highlights.set(kind, h);
      CSS.highlights.set(HIGHLIGHT_NAMES[kind], h);
    }
    this.observer = new IntersectionObserver(
      (entries) => {
        // Chromium also reports targets whose state did not change (a trace showed one report at every key while
        // typing): only a unit that came into or went out of view needs a repaint, else each key would cost a frame.
        let changed = false;
        for (const e of entries) {
          if (e.isIntersecting === this.inView.has(e.target)) continue;
          changed = true;
          if (e.isIntersecting) this.inView.add(e.target);
          else this.inView.delete(e.target);
        }
        if (changed) this.schedule();
      },
      { root: scrollRoot, rootMargin: '10% 0px' },
    );
    if (typeof ResizeObserver !== 'undefined') {
      this.resized = new ResizeObserver((entries) => {
        for (const e of entries) {
          const unit = this.byElement.get(e.target as HTMLElement);
          if (unit?.boxSize && unit.layer && this.units.get(unit.key) === unit && sizeOf(unit.element) !== unit.boxSize) this.toDraw.add(unit);
        }
        this.drawPending();
      });
    }
    // A font that loads late moves every glyph.
    document.fonts?.addEventListener?.('loadingdone', this.redrawAll);
  }

  private readonly redrawAll = (): void => {
    for (const unit of this.units.values()) if (unit.boxSize) this.toDraw.add(unit);
    this.drawPending();
  };

  /** New findings (per unit, from the last check) and find hits; repainted at the next frame. */
  setMarks(marks: Map<string, UnitMarks>, hits: Map<string, Hit[]>): void {
    this.marks = marks;
    this.hits = hits;
    this.schedule();
  }

  /** Repaints what changed at the next frame (after the editor's DOM has caught up with its value). */
  schedule(): void {
    if (this.frame || !this.highlights) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.sync();
    });
  }

  /** Repaints now every unit whose node, DOM element, visibility, findings or hits changed since it was painted. */
  sync(): void {
    if (!this.highlights) return;
    this.behind = false;
    this.elementsMoved = false;
    this.active = this.activeUnits();
    const seen = new Set<string>();
    (this.editor.children as Block[]).forEach((block, i) => {
      if (block.type === 'table') {
        block.children.forEach((row, r) => row.children.forEach((cell, c) => this.syncUnit(`${i}.${r}.${c}`, cell, seen)));
      } else {
        this.syncUnit(String(i), block, seen);
      }
    });
    for (const [key, unit] of this.units) {
      if (!seen.has(key)) {
        this.clear(unit);
        this.units.delete(key);
        this.elementsMoved = true;
      }
    }
    if (this.elementsMoved) this.watchUnitElements();
    this.drawPending();
    this.painted = this.editor.children as Block[];
    // A unit not in the DOM yet (its render still pending): try again at the next frames, not forever.
    this.retries = this.behind ? this.retries + 1 : 0;
    if (this.behind && this.retries <= 10) this.schedule();
  }

  /**
   * After an edit: repaints the blocks that are new objects since the last sync, when no block was added or removed
   * and no table changed (else, and while a unit waits for its render, everything is looked at as by sync()). What
   * sync() would find unchanged is not visited: this runs at every key.
   */
  syncEdit(): void {
    if (!this.highlights) return;
    const blocks = this.editor.children as Block[];
    const before = this.painted;
    if (this.behind || blocks.length !== before.length) return this.sync();
    const active = this.activeUnits();
    const moved = !sameActive(active, this.active);
    if (moved && (active.size !== this.active.size || [...active.keys()].some((k) => !this.active.has(k) || k.includes('.')))) return this.sync();
    this.active = active;
    const changed: number[] = [];
    for (let i = 0; i < blocks.length; i++) {
      if (blocks[i] === before[i] && !(moved && active.has(String(i)))) continue;
      if (blocks[i]!.type === 'table' || before[i]!.type === 'table') return this.sync();
      changed.push(i);
    }
    if (changed.length === 0) return;
    this.elementsMoved = false;
    const seen = new Set<string>();
    for (const i of changed) this.syncUnit(String(i), blocks[i] as HeadingElement | ParagraphElement, seen);
    if (this.elementsMoved) this.watchUnitElements();
    this.drawPending();
    this.painted = blocks;
    if (this.behind) {
      this.retries = 1;
      this.schedule();
    }
  }

  /**
   * After a key the browser typed into the DOM itself, before React renders it (nativeInsert.ts): `node` (a heading,
   * paragraph or table cell the model holds now) is shown by `element` already, with its new text. Repaints as
   * syncEdit() does, so that the marks after the caret move with their text in the key's own frame; the sync after
   * the render then finds nothing changed.
   */
  syncTyped(node: object, element: HTMLElement): void {
    this.typed = { node, element };
    try {
      this.syncEdit();
    } finally {
      this.typed = null;
    }
    // Its boxes before the caret stayed: measured again at the next frame, when the layout is done anyway, in case
    // the key pulled the character before it onto the next line (a mark that may not start a line).
    for (const key of this.active.keys()) {
      const unit = this.units.get(key);
      if (unit?.node === node && unit.boxSize) {
        this.toDraw.add(unit);
        this.schedule();
      }
    }
  }

  /**
   * The units that paint highlights, and up to which offset each still draws boxes: the unit holding the caret, whose
   * text before the caret does not move as it is typed into (its marks there stay boxes), and the paragraph after a
   * run-in heading that holds it (they share a line, so all of the paragraph's text moves as the heading is typed into).
   */
  private activeUnits(): Map<string, number> {
    const out = new Map<string, number>();
    const focus = this.editor.selection?.focus;
    const path = focus?.path;
    const i = path?.[0];
    const block = i === undefined ? undefined : (this.editor.children as Block[])[i];
    if (!focus || !path || !block) return out;
    const unitPath = block.type === 'table' ? path.slice(0, 3) : path.slice(0, 1);
    if (unitPath.length !== path.length - 1) return out; // not in a unit's text
    const unit = block.type === 'table' ? block.children[path[1]!]?.children[path[2]!] : block;
    if (!unit) return out;
    let offset = focus.offset;
    for (let c = 0; c < path[path.length - 1]!; c++) offset += Node.string(unit.children[c]!).length;
    out.set(unitPath.join('.'), offset);
    if (block.type === 'heading' && block.runIn) out.set(String(i! + 1), 0);
    return out;
  }

  /** Measures the boxes of the units queued in this sync, then draws them, and watches the size of exactly those drawn. */
  private drawPending(): void {
    if (this.toDraw.size === 0) return;
    const units = [...this.toDraw].filter((u) => u.layer?.isConnected && this.units.get(u.key) === u);
    this.toDraw.clear();
    for (const u of units) showLayer(u.layer!);
    const measured = units.map((u) => measureBoxes(u.element, u.layer!, this.boxMarks(u)));
    units.forEach((u, i) => {
      const m = measured[i]!;
      const drawn = JSON.stringify(m.marks);
      // Measured again (a new size, a font, after a key) and found where they were: the boxes stay.
      if (drawn !== u.drawn) drawBoxes(m);
      u.drawn = drawn;
      u.boxSize = m.size;
      if (!this.sized.has(u.element)) {
        this.sized.add(u.element);
        this.resized?.observe(u.element);
      }
    });
  }

  /** A unit's spans as the DOM text pieces they cover (in priority order: a later box is drawn on top). */
  private boxMarks(unit: PaintedUnit): BoxMark[] {
    const { texts, starts } = unit;
    const spans = unit.spans.filter((s) => s.end <= unit.split).sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind]);
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

  /** Watches exactly the elements of today's units (a moved block's element may now belong to another unit). */
  private watchUnitElements(): void {
    const used = new Set<HTMLElement>();
    for (const unit of this.units.values()) used.add(unit.element);
    for (const el of this.observed) {
      if (!used.has(el)) {
        this.observer?.unobserve(el);
        this.observed.delete(el);
      }
    }
    for (const el of used) {
      if (!this.observed.has(el)) {
        this.observer?.observe(el);
        this.observed.add(el);
      }
    }
  }

  private syncUnit(key: string, node: HeadingElement | ParagraphElement | TableCellElement, seen: Set<string>): void {
    seen.add(key);
    const marks = this.marks.get(key);
    const hits = this.hits.get(key);
    const prev = this.units.get(key);
    const split = this.active.get(key) ?? Infinity;
    const same = prev !== undefined && prev.node === node && prev.marks === marks && prev.hits === hits && prev.split === split;
    // The same node keeps its element while it stays mounted: an unchanged unit is told apart without a DOM lookup.
    if (same && prev.element.isConnected && prev.visible === this.inView.has(prev.element)) return;
    let element: HTMLElement | null = this.typed?.node === node ? this.typed.element : null;
    try {
      element ??= ReactEditor.toDOMNode(this.editor, node);
    } catch {
      // Not rendered (yet).
    }
    const visible = element !== null && this.inView.has(element);
    if (same && prev.element === element && prev.visible === visible) return;
    if (prev) {
      this.clearRanges(prev);
      this.units.delete(key);
    }
    if (!prev || prev.element !== element) this.elementsMoved = true;
    if (!element) {
      if (prev) this.clearBoxes(prev);
      this.behind = true;
      return;
    }
    const layer = boxLayerOf(element);
    const unit: PaintedUnit = { key, node, element, visible, marks, hits, spans: [], split, ranges: [], layer, boxSpans: '', boxSize: '', drawn: '', texts: [], starts: [] };
    this.units.set(key, unit);
    this.byElement.set(element, unit);
    const text = Node.string(node);
    const spans = (unit.spans = visible ? unitSpans(node, text, marks, hits) : []);
    const boxed = spans.filter((s) => s.end <= split);
    unit.boxSpans = boxed.map((s) => `${s.kind}:${s.start}:${s.end}`).join();
    // A key typed at the caret moved no text before it: the boxes drawn there stay where they are.
    const keep = prev !== undefined && prev.element === element && prev.boxSize !== '' && prev.boxSpans === unit.boxSpans && (prev.node === node || this.typed?.node === node);
    if (keep) {
      unit.boxSize = prev.boxSize;
      unit.drawn = prev.drawn;
    } else if (prev) this.clearBoxes(prev);
    if (spans.length === 0) return;
    let length = 0;
    for (const s of element.querySelectorAll('[data-slate-string]')) {
      const t = s.firstChild;
      if (!(t instanceof Text)) continue;
      unit.texts.push(t);
      unit.starts.push(length);
      length += t.data.length;
    }
    if (length < text.length) {
      unit.node = null; // The DOM is behind the value: try again at the next sync.
      this.behind = true;
      return;
    }
    if (!layer) unit.split = -1; // no layer to draw boxes in: all highlights
    else if (boxed.length > 0 && !keep) this.toDraw.add(unit);
    for (const span of spans) {
      if (span.end <= unit.split) continue;
      const [startContainer, startOffset] = this.domPoint(unit, span.start, false);
      const [endContainer, endOffset] = this.domPoint(unit, span.end, true);
      const range = new StaticRange({ startContainer, startOffset, endContainer, endOffset });
      unit.ranges.push([span.kind, range]);
      this.highlights!.get(span.kind)!.add(range);
    }
  }

  /** The DOM position of unit offset `offset`: at the end of a text node for an end, at the start of the next for a start. */
  private domPoint(unit: PaintedUnit, offset: number, isEnd: boolean): [Text, number] {
    const { texts, starts } = unit;
    for (let i = 0; i < texts.length; i++) {
      const end = starts[i]! + texts[i]!.data.length;
      if (offset < end || (offset === end && (isEnd || i === texts.length - 1))) return [texts[i]!, offset - starts[i]!];
    }
    const last = texts[texts.length - 1]!;
    return [last, last.data.length];
  }

  private clear(unit: PaintedUnit): void {
    this.clearRanges(unit);
    this.clearBoxes(unit);
  }

  private clearRanges(unit: PaintedUnit): void {
    for (const [kind, range] of unit.ranges) this.highlights?.get(kind)?.delete(range);
    unit.ranges = [];
  }

  private clearBoxes(unit: PaintedUnit): void {
    if (unit.layer) clearBoxes(unit.layer);
    unit.boxSize = unit.drawn = '';
    if (this.sized.delete(unit.element)) this.resized?.unobserve(unit.element);
  }

  // ---- the finding under the pointer ---------------------------------------------------------------------------

  /** Who hears of the findings under the pointer (the popover): at each frame the pointer moved in, null once when none. */
  setHoverListener(listener: ((hover: MarkHover | null) => void) | null): void {
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
    if (this.hoverFrame || !this.highlights) return;
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = 0;
      if (this.inside && this.pointer) this.updateHover(this.pointer.x, this.pointer.y);
    });
  }

  /** The pointer left the editor (where it was is kept: coming back to the same place is not a move). */
  leave(): void {
    this.inside = false;
    this.report(null);
  }

  private updateHover(x: number, y: number): void {
    const found = this.charAt(x, y);
    const findings = found ? findingsAt(found.unit.spans, found.offset) : [];
    if (!found || findings.length === 0) return this.report(null);
    // The line box of the first finding's mark under the pointer: the popover is placed against it.
    const span = found.unit.spans.find((s) => s.finding === findings[0] && s.start <= found.offset && found.offset < s.end)!;
    const range = document.createRange();
    range.setStart(...this.domPoint(found.unit, span.start, false));
    range.setEnd(...this.domPoint(found.unit, span.end, true));
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
  private charAt(x: number, y: number): { unit: PaintedUnit; offset: number } | null {
    const pos = caretAt(x, y);
    const node = pos?.node;
    if (!pos || !(node instanceof Text)) return null;
    const element = node.parentElement?.closest<HTMLElement>('[data-slate-node="element"]');
    const unit = element ? this.byElement.get(element) : undefined;
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

  /** Stops painting: the highlights are removed from the page. */
  dispose(): void {
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.hoverFrame);
    this.frame = this.hoverFrame = 0;
    this.onHover = null;
    this.observer?.disconnect();
    this.observed.clear();
    this.resized?.disconnect();
    this.sized.clear();
    document.fonts?.removeEventListener?.('loadingdone', this.redrawAll);
    for (const unit of this.units.values()) if (unit.layer) clearBoxes(unit.layer);
    if (this.highlights) for (const kind of MARK_KINDS) CSS.highlights.delete(HIGHLIGHT_NAMES[kind]);
    this.units.clear();
  }
}
