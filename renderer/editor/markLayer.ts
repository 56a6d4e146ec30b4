// The marks painted under the editor's text (renderer): findings, placeholders and find hits as boxes in an overlay of
// their own (.mark-overlay, behind the page's text, styles.css). Nothing is added to the editor's DOM, so Slate keeps
// one leaf per text and an IME composition is never disturbed; and nothing is attached to the text either. (CSS Custom
// Highlights were used before: Chromium rebuilds every highlight marker and repaints every highlighted text at each
// DOM change, which made each key typed cost about 3 ms more of paint with a screenful of marks.) Only units (a
// heading, a paragraph or a table cell) on screen, or nearly, are painted (a unit scrolled into view is painted a
// frame later). After a change only the units whose Slate node, DOM element, findings, hits, visibility or box changed
// are painted again; a unit moved by an edit above it, or by a change of the page's size, is moved as a whole. The
// finding under the pointer is found from the painted spans (caretPositionFromPoint and the unit offsets, no DOM node
// per mark) and handed to the listener that shows its popover.
import { Node } from 'slate';
import { ReactEditor } from 'slate-react';
import type { Finding } from '../../shared/check/types';
import type { Block, HeadingElement, ParagraphElement, TableCellElement } from '../../shared/model/schema';
import { findingsAt, unitSpans, type Hit, type MarkKind, type MarkSpan, type UnitMarks } from '../../shared/editor/marks';

/** Overlapping marks paint in this order (a higher one on top): the painting order of a unit's spans. */
const PRIORITY: Record<MarkKind, number> = { placeholder: 0, info: 1, warning: 2, error: 3, hit: 4, 'hit-current': 5 };

interface PaintedUnit {
  /** The Slate node painted from; null when the DOM did not hold its text yet (painted again at the next sync). */
  node: object | null;
  element: HTMLElement;
  /** On screen or nearly, and so painted. */
  visible: boolean;
  marks: UnitMarks | undefined;
  hits: Hit[] | undefined;
  spans: MarkSpan[];
  /** The unit's marks in the overlay (null when it has none painted), what they are, and the box they were drawn in. */
  group: HTMLElement | null;
  drawn: DrawnMark[];
  box: Box | null;
  /** The unit's DOM text nodes in order, and the unit offset each starts at. */
  texts: Text[];
  starts: number[];
}

/** A drawn mark: its kind, text and line sizes (`shape`), its element, its lines and where each line was put. */
interface DrawnMark {
  shape: string;
  element: HTMLElement;
  lines: HTMLElement[];
  at: string[];
}

/** A unit's box relative to the overlay. */
interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
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

const NO_UNITS = new Map<string, UnitMarks>();
const NO_HITS = new Map<string, Hit[]>();

export class MarkLayer {
  private readonly units = new Map<string, PaintedUnit>();
  private readonly byElement = new WeakMap<HTMLElement, PaintedUnit>();
  /** Where the marks are drawn; null when nothing can be (no IntersectionObserver: an engine older than Electron's). */
  private readonly overlay: HTMLElement | null;
  private readonly observer: IntersectionObserver | null = null;
  /** The page's size changed (a window or panel resized, lines added or removed): units may have moved. */
  private readonly resizeObserver: ResizeObserver | null = null;
  private readonly inView = new WeakSet<Element>();
  /** The unit elements the observer watches. */
  private readonly observed = new Set<HTMLElement>();
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
  private pointer: { x: number; y: number } | null = null;
  /** Findings were reported under the pointer, and no null since. */
  private reported = false;
  private onHover: ((hover: MarkHover | null) => void) | null = null;

  /**
   * `scrollRoot`: the element the page scrolls in (the units it shows are painted); `overlay`: the element the marks
   * are drawn in, absolutely placed in the page behind its text.
   */
  constructor(
    private readonly editor: ReactEditor,
    scrollRoot: HTMLElement | null,
    overlay: HTMLElement | null,
  ) {
    // Without an overlay or IntersectionObserver nothing is painted; the panel still lists every finding.
    if (!overlay || typeof IntersectionObserver === 'undefined') {
      this.overlay = null;
      return;
    }
    this.overlay = overlay;
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
    if (typeof ResizeObserver !== 'undefined' && overlay.parentElement) {
      // Reported after the frame's layout and before its paint: the units are moved before they are seen elsewhere.
      this.resizeObserver = new ResizeObserver(() => this.sync());
      this.resizeObserver.observe(overlay.parentElement);
    }
  }

  /** New findings (per unit, from the last check) and find hits; repainted at the next frame. */
  setMarks(marks: Map<string, UnitMarks>, hits: Map<string, Hit[]>): void {
    this.marks = marks;
    this.hits = hits;
    this.schedule();
  }

  /** Repaints what changed at the next frame (after the editor's DOM has caught up with its value). */
  schedule(): void {
    if (this.frame || !this.overlay) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.sync();
    });
  }

  /**
   * The editor changed: the marks of the units it changed are drawn again now, in the change's own task (a frame
   * callback at every key would also make Chromium compute every IntersectionObserver target in that frame). A frame
   * already asked for repaints everything, this change too.
   */
  edited(): void {
    if (this.overlay && !this.frame) this.syncEdited();
  }

  /** Repaints now every unit whose node, DOM element, visibility, findings or hits changed since it was painted. */
  sync(): void {
    if (!this.overlay) return;
    const boxes = this.measure();
    this.behind = false;
    this.elementsMoved = false;
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
    this.place(boxes);
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
  private syncEdited(): void {
    const blocks = this.editor.children as Block[];
    const before = this.painted;
    if (this.behind || blocks.length !== before.length) return this.sync();
    const changed: number[] = [];
    for (let i = 0; i < blocks.length; i++) {
      if (blocks[i] === before[i]) continue;
      if (blocks[i]!.type === 'table' || before[i]!.type === 'table') return this.sync();
      changed.push(i);
    }
    if (changed.length === 0) return;
    // Units are not measured here: one moves only when a unit above it changes in height, and then so does the page,
    // which the resize observer hears of in this same frame.
    this.elementsMoved = false;
    const seen = new Set<string>();
    for (const i of changed) this.syncUnit(String(i), blocks[i] as HeadingElement | ParagraphElement, seen);
    if (this.elementsMoved) this.watchUnitElements();
    this.painted = blocks;
    if (this.behind) {
      this.retries = 1;
      this.schedule();
    }
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
    const same = prev !== undefined && prev.node === node && prev.marks === marks && prev.hits === hits;
    // The same node keeps its element while it stays mounted: an unchanged unit is told apart without a DOM lookup.
    if (same && prev.element.isConnected && prev.visible === this.inView.has(prev.element)) return;
    let element: HTMLElement | null = null;
    try {
      element = ReactEditor.toDOMNode(this.editor, node);
    } catch {
      // Not rendered (yet).
    }
    const visible = element !== null && this.inView.has(element);
    if (same && prev.element === element && prev.visible === visible) return;
    // The unit's drawn marks are reused (only what moved is moved) while its element stays.
    const reuse = prev && prev.element === element && prev.group ? prev : null;
    if (prev) {
      if (!reuse) this.clear(prev);
      this.units.delete(key);
    }
    if (!prev || prev.element !== element) this.elementsMoved = true;
    if (!element) {
      this.behind = true;
      return;
    }
    const unit: PaintedUnit = { node, element, visible, marks, hits, spans: [], group: reuse?.group ?? null, drawn: reuse?.drawn ?? [], box: null, texts: [], starts: [] };
    this.units.set(key, unit);
    this.byElement.set(element, unit);
    if (!visible) return this.clear(unit);
    const text = Node.string(node);
    const spans = (unit.spans = unitSpans(node, text, marks, hits));
    if (spans.length === 0) return this.clear(unit);
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
      return this.clear(unit);
    }
    this.draw(key, unit, text);
  }

  /** The unit's box relative to the overlay. */
  private boxOf(element: HTMLElement, overlay: DOMRect): Box {
    const r = element.getBoundingClientRect();
    return { left: r.left - overlay.left, top: r.top - overlay.top, width: r.width, height: r.height };
  }

  /**
   * Draws the unit's spans, a box per line of each, in a group placed at the unit's box; a group drawn before is
   * reused, and its marks that kept their kind, text and size are only moved (a transform: nothing is painted again).
   * Everything is read before anything is written.
   */
  private draw(key: string, unit: PaintedUnit, text: string): void {
    const overlay = this.overlay!.getBoundingClientRect();
    const origin = unit.element.getBoundingClientRect();
    const box = { left: origin.left - overlay.left, top: origin.top - overlay.top, width: origin.width, height: origin.height };
    const range = document.createRange();
    const wanted = [...unit.spans]
      .sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind])
      .map((span) => {
        range.setStart(...this.domPoint(unit, span.start, false));
        range.setEnd(...this.domPoint(unit, span.end, true));
        // The empty box at a line's end is left out.
        const lines = [...range.getClientRects()].filter((r) => r.width >= 0.5).map((r) => ({ x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height }));
        return { className: `mark mark-${span.kind}`, text: text.slice(span.start, span.end), lines };
      });
    const group = unit.group ?? this.overlay!.appendChild(document.createElement('div'));
    if (!unit.group) {
      group.className = 'mark-unit';
      group.dataset.unit = key;
    }
    group.style.transform = `translate(${box.left}px, ${box.top}px)`;
    const old = unit.drawn;
    const drawn = wanted.map((want, i): DrawnMark => {
      const shape = `${want.className}\u0001${want.text}\u0001${want.lines.map((l) => `${l.w} ${l.h}`).join(';')}`;
      let mark = old[i];
      if (mark?.shape !== shape) {
        const element = document.createElement('div');
        element.className = want.className;
        element.dataset.text = want.text;
        const lines = want.lines.map((l) => {
          const line = element.appendChild(document.createElement('div'));
          line.style.width = `${l.w}px`;
          line.style.height = `${l.h}px`;
          return line;
        });
        if (mark) mark.element.replaceWith(element);
        else group.append(element);
        mark = { shape, element, lines, at: [] };
      }
      want.lines.forEach((l, j) => {
        const at = `${l.x} ${l.y}`;
        if (mark.at[j] === at) return;
        mark.at[j] = at;
        mark.lines[j]!.style.transform = `translate(${l.x}px, ${l.y}px)`;
      });
      return mark;
    });
    for (const extra of old.slice(wanted.length)) extra.element.remove();
    unit.group = group;
    unit.drawn = drawn;
    unit.box = box;
  }

  /** The boxes of the drawn units now (read before this frame writes anything, so the page is laid out once). */
  private measure(): Map<PaintedUnit, Box> {
    const boxes = new Map<PaintedUnit, Box>();
    let overlay: DOMRect | null = null;
    for (const unit of this.units.values()) {
      if (!unit.group || !unit.box || !unit.element.isConnected) continue;
      overlay ??= this.overlay!.getBoundingClientRect();
      boxes.set(unit, this.boxOf(unit.element, overlay));
    }
    return boxes;
  }

  /**
   * Keeps every drawn unit at its box: moved as a whole when only its place changed (an edit above it, the page
   * resized in height), drawn again when its size did (its lines reflowed). `boxes`: measure() before this frame's
   * writes; a unit drawn since is in place already.
   */
  private place(boxes: Map<PaintedUnit, Box>): void {
    for (const [key, unit] of this.units) {
      const box = boxes.get(unit);
      if (!box || !unit.group || !unit.box) continue;
      const was = unit.box;
      if (box.width !== was.width || box.height !== was.height) {
        this.draw(key, unit, Node.string(unit.node as Node));
      } else if (box.left !== was.left || box.top !== was.top) {
        unit.group.style.transform = `translate(${box.left}px, ${box.top}px)`;
        unit.box = box;
      }
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
    unit.group?.remove();
    unit.group = null;
    unit.drawn = [];
    unit.box = null;
  }

  // ---- the finding under the pointer ---------------------------------------------------------------------------

  /** Who hears of the findings under the pointer (the popover): at each frame the pointer moved in, null once when none. */
  setHoverListener(listener: ((hover: MarkHover | null) => void) | null): void {
    this.onHover = listener;
  }

  /** The pointer moved over the editor: the findings under it are looked up at the next frame. */
  hover(x: number, y: number): void {
    // Chromium repeats a mousemove at the same place when the text moves under a still pointer (typing): not a move.
    if (this.pointer && this.pointer.x === x && this.pointer.y === y) return;
    this.pointer = { x, y };
    if (this.hoverFrame || !this.overlay) return;
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = 0;
      if (this.pointer) this.updateHover(this.pointer.x, this.pointer.y);
    });
  }

  /** The pointer left the editor. */
  leave(): void {
    this.pointer = null;
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

  /** Stops painting: the marks are removed from the page. */
  dispose(): void {
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.hoverFrame);
    this.frame = this.hoverFrame = 0;
    this.onHover = null;
    this.observer?.disconnect();
    this.resizeObserver?.disconnect();
    this.observed.clear();
    for (const unit of this.units.values()) this.clear(unit);
    this.units.clear();
  }
}
