// The marks painted over the editor's text (renderer): findings, placeholders and find hits. The text itself is never
// split for them, so Slate keeps one leaf per text and an IME composition is never disturbed. In the unit (a heading, a
// paragraph or a table cell) the caret is in, the marks after the caret are CSS Custom Highlights (::highlight(fzbg-…)
// in styles.css), which follow the text as it is typed; every other mark is a static box in its unit's mark layer
// (markBoxes.ts), which a key does not touch: Chromium rebuilds and repaints every highlight range at each DOM change,
// so a key would otherwise pay for the marks of the whole screen (shared/editor/marks.ts caretUnits says which units
// paint highlights, and from where). Only units on screen, or nearly, are painted (a unit scrolled into view is
// painted a frame later). After a change only the units whose Slate node, DOM element, findings, hits, visibility or
// caret changed are repainted. The finding under the pointer is looked up from the painted spans (markHover.ts).
import { Node } from 'slate';
import { ReactEditor } from 'slate-react';
import type { Block, HeadingElement, ParagraphElement, TableCellElement } from '../../shared/model/schema';
import { caretUnits, MARK_KINDS, unitSpans, type Hit, type MarkKind, type MarkSpan, type UnitMarks } from '../../shared/editor/marks';
import { BoxPainter, boxLayerOf, boxMarks } from './markBoxes';
import { domPoint, MarkPointer, type MarkHover } from './markHover';
import { UnitsInView } from './unitsInView';

export type { MarkHover } from './markHover';

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
  /** Those spans, in the order they are drawn (a later one on top). */
  boxed: MarkSpan[];
  boxSize: string;
  drawn: string;
  /** The unit's DOM text nodes in order, and the unit offset each starts at. */
  texts: Text[];
  starts: number[];
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
  private readonly view: UnitsInView | null = null;
  private readonly boxes = new BoxPainter<PaintedUnit>(
    (unit) => boxMarks(unit.boxed, unit.texts, unit.starts),
    (unit) => this.units.get(unit.key) === unit,
  );
  private readonly pointer = new MarkPointer((element) => this.byElement.get(element));
  /** The units that paint highlights, as the last sync saw the caret: key → the offset up to which marks are boxes. */
  private active = new Map<string, number>();
  private marks: Map<string, UnitMarks> = NO_UNITS;
  private hits: Map<string, Hit[]> = NO_HITS;
  /** The editor's blocks as the last sync saw them. */
  private painted: readonly Block[] = [];
  private frame = 0;
  /** Units the last sync could not paint (not rendered yet), and how many frames in a row that has happened. */
  private behind = false;
  private retries = 0;
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
    this.view = new UnitsInView(scrollRoot, () => this.schedule());
  }

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
      // What is in view is looked at again (a block moved, the page scrolled); the units' places are all read before
      // anything is painted.
      this.view?.forget();
      for (const unit of this.units.values()) if (unit.element.isConnected) this.view?.has(unit.element);
      this.sync();
    });
  }

  /** Repaints now every unit whose node, DOM element, visibility, findings or hits changed since it was painted. */
  sync(): void {
    if (!this.highlights) return;
    this.behind = false;
    this.active = caretUnits(this.editor.children as Block[], this.editor.selection?.focus);
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
      }
    }
    this.boxes.flush();
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
    // The caret moved: within the same paragraphs, they are repainted below; to others or in a table, all is looked at.
    const active = caretUnits(this.editor.children as Block[], this.editor.selection?.focus);
    const moved = !sameActive(active, this.active);
    const sameUnits = active.size === this.active.size && [...active.keys()].every((k) => this.active.has(k) && !k.includes('.'));
    if (moved && !sameUnits) return this.sync();
    this.active = active;
    const changed: number[] = [];
    for (let i = 0; i < blocks.length; i++) {
      if (blocks[i] === before[i] && !(moved && active.has(String(i)))) continue;
      if (blocks[i]!.type === 'table' || before[i]!.type === 'table') return this.sync();
      changed.push(i);
    }
    if (changed.length === 0) return;
    const seen = new Set<string>();
    for (const i of changed) this.syncUnit(String(i), blocks[i] as HeadingElement | ParagraphElement, seen);
    this.boxes.flush();
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
    // Its boxes before the caret stayed: checked again once the page is idle, in case the key pulled the character
    // before it onto the next line (a mark that may not start a line) without the unit changing size.
    for (const key of this.active.keys()) {
      const unit = this.units.get(key);
      if (unit?.node === node && unit.boxSize) {
        this.boxes.queue(unit);
        this.boxes.flushWhenIdle();
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
    if (same && prev.element.isConnected && prev.visible === this.inView(prev.element)) return;
    let element: HTMLElement | null = this.typed?.node === node ? this.typed.element : null;
    try {
      element ??= ReactEditor.toDOMNode(this.editor, node);
    } catch {
      // Not rendered (yet).
    }
    const visible = element !== null && this.inView(element);
    if (same && prev.element === element && prev.visible === visible) return;
    if (prev) {
      this.clearRanges(prev);
      this.units.delete(key);
    }
    if (!element) {
      if (prev) this.boxes.clear(prev);
      this.behind = true;
      return;
    }
    const layer = boxLayerOf(element);
    const unit: PaintedUnit = { key, node, element, visible, marks, hits, spans: [], split, ranges: [], layer, boxSpans: '', boxed: [], boxSize: '', drawn: '', texts: [], starts: [] };
    this.units.set(key, unit);
    this.byElement.set(element, unit);
    const text = Node.string(node);
    const spans = (unit.spans = visible ? unitSpans(node, text, marks, hits) : []);
    // Without a layer to draw boxes in (none is rendered), every mark is a highlight.
    const boxed = (unit.boxed = layer ? spans.filter((s) => s.end <= split).sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind]) : []);
    unit.boxSpans = boxed.map((s) => `${s.kind}:${s.start}:${s.end}`).join();
    // A key typed at the caret moved no text before it: the boxes drawn there stay where they are.
    const keep = prev !== undefined && prev.element === element && prev.boxSize !== '' && prev.boxSpans === unit.boxSpans && (prev.node === node || this.typed?.node === node);
    if (keep) this.boxes.adopt(prev, unit);
    else if (prev) this.boxes.clear(prev);
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
    if (boxed.length > 0 && !keep) this.boxes.queue(unit);
    for (const span of spans) {
      if (layer && span.end <= split) continue;
      const [startContainer, startOffset] = domPoint(unit, span.start, false);
      const [endContainer, endOffset] = domPoint(unit, span.end, true);
      const range = new StaticRange({ startContainer, startOffset, endContainer, endOffset });
      unit.ranges.push([span.kind, range]);
      this.highlights!.get(span.kind)!.add(range);
    }
  }

  private inView(element: HTMLElement): boolean {
    return this.view?.has(element) ?? false;
  }

  private clear(unit: PaintedUnit): void {
    this.clearRanges(unit);
    this.boxes.clear(unit);
  }

  private clearRanges(unit: PaintedUnit): void {
    for (const [kind, range] of unit.ranges) this.highlights?.get(kind)?.delete(range);
    unit.ranges = [];
  }

  // ---- the finding under the pointer (markHover.ts) --------------------------------------------------------------

  /** Who hears of the findings under the pointer (the popover): at each frame the pointer moved in, null once when none. */
  setHoverListener(listener: ((hover: MarkHover | null) => void) | null): void {
    this.pointer.setListener(listener);
  }

  /** The pointer moved over the editor: the findings under it are looked up at the next frame. */
  hover(x: number, y: number): void {
    if (this.highlights) this.pointer.hover(x, y);
  }

  /** The pointer left the editor. */
  leave(): void {
    this.pointer.leave();
  }

  /** Stops painting: the highlights are removed from the page. */
  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pointer.dispose();
    this.view?.dispose();
    this.boxes.dispose();
    if (this.highlights) for (const kind of MARK_KINDS) CSS.highlights.delete(HIGHLIGHT_NAMES[kind]);
    this.units.clear();
  }
}
