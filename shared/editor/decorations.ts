// Inline decorations of the report editor (shared, pure Slate): checker findings underlined by severity, placeholders marked,
// find hits highlighted. `decorate` looks at its own block only and memoises per block object, so typing in one
// paragraph re-decorates only that paragraph; while an IME composition is open the last ranges are kept as they are.
import { Element, Node, type BaseRange, type NodeEntry, type Path } from 'slate';
import type { Block, Severity } from '../model/schema';
import type { Finding } from '../check/types';

/** What a decoration adds to a leaf (Slate merges these props into the text leaf it covers). */
export interface DecorationMarks {
  sev?: Severity;
  /** The finding's message, shown as the tooltip. */
  msg?: string;
  placeholder?: true;
  hit?: true;
  hitCurrent?: true;
}

export type DecoratedRange = BaseRange & DecorationMarks;

/** Placeholders an officer must fill: 【…】, ××, XX, X件, 〇〇, ＿＿, {{…}} (the checker's figures rule reports them too). */
const PLACEHOLDER = /【[^】\n]{0,40}】|[×xX]{2,}|(?<![A-Za-z])X(?=[件个项次人%％名家])|〇〇+|[＿_]{2,}|\{\{[^}\n]{0,40}\}\}/g;

const placeholderCache = new WeakMap<object, [number, number][]>();

/** Placeholder spans of a text-holding element, cached per element object. */
export function placeholdersOf(element: object, text: string): [number, number][] {
  let spans = placeholderCache.get(element);
  if (!spans) {
    spans = [];
    PLACEHOLDER.lastIndex = 0;
    for (let m = PLACEHOLDER.exec(text); m; m = PLACEHOLDER.exec(text)) spans.push([m.index, m.index + m[0].length]);
    placeholderCache.set(element, spans);
  }
  return spans;
}

export interface Hit {
  start: number;
  end: number;
  current: boolean;
}

/** Findings and hits of one text unit, from the last check. */
export interface UnitMarks {
  /** The unit's text when it was checked (to re-place marks after an edit in the same block). */
  text: string;
  findings: Finding[];
}

/** The state decorate reads: findings per text unit (key = path joined by '.'), the body they were computed on. */
export interface DecorationState {
  body: readonly Block[];
  units: Map<string, UnitMarks>;
  hits: Map<string, Hit[]>;
  /** Bumped when hits change, so cached ranges of blocks with hits are recomputed. */
  hitsVersion: number;
}

export const emptyDecorationState = (): DecorationState => ({ body: [], units: new Map(), hits: new Map(), hitsVersion: 0 });

const SEVERITY_ORDER: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * Groups body findings by text unit; a unit whose findings are unchanged keeps its previous entry (cheap equality), and
 * when every unit is unchanged the previous map itself is returned.
 */
export function unitsFromFindings(findings: readonly Finding[], body: readonly Block[], previous: Map<string, UnitMarks> | null): Map<string, UnitMarks> {
  const grouped = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.path.length === 0 || f.onTitle) continue;
    const key = f.path.join('.');
    let list = grouped.get(key);
    if (!list) grouped.set(key, (list = []));
    list.push(f);
  }
  const out = new Map<string, UnitMarks>();
  for (const [key, list] of grouped) {
    const path = key.split('.').map(Number);
    const text = unitText(body, path);
    // Less severe first: when findings overlap, the more severe one's marks win (Slate merges later ranges last).
    list.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.start - b.start);
    const prev = previous?.get(key);
    if (prev && prev.text === text && sameFindings(prev.findings, list)) out.set(key, prev);
    else out.set(key, { text, findings: list });
  }
  // Nothing changed (typing in a block without findings): the previous map itself, so the decorate function built on
  // it stays the same and the editor does not re-decorate every block.
  if (previous && previous.size === out.size) {
    let same = true;
    for (const [key, marks] of out) if (previous.get(key) !== marks) { same = false; break; }
    if (same) return previous;
  }
  return out;
}

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.rule !== y.rule || x.start !== y.start || x.end !== y.end || x.severity !== y.severity || x.message !== y.message) return false;
  }
  return true;
}

function unitText(body: readonly Block[], path: number[]): string {
  const block = body[path[0]!];
  if (!block) return '';
  if (block.type === 'table') {
    const cell = block.children[path[1]!]?.children[path[2]!];
    return cell ? Node.string(cell) : '';
  }
  return Node.string(block);
}

interface CacheEntry {
  pathKey: string;
  marks: UnitMarks | undefined;
  hits: Hit[] | undefined;
  ranges: DecoratedRange[];
}

/** Ranges already built, kept across successive decorate functions of one editor. */
export interface DecorationCache {
  /** Per block object: an unchanged block with unchanged marks costs one lookup. */
  byNode: WeakMap<object, CacheEntry>;
  /** The last ranges of each text unit path: what a block keeps while an IME composition is open. */
  byPath: Map<string, DecoratedRange[]>;
}

export const createDecorationCache = (): DecorationCache => ({ byNode: new WeakMap(), byPath: new Map() });

/**
 * A decorate function over `state`: for a heading, paragraph or table cell, the ranges of that element alone (the
 * editor and text nodes get none). `isComposing()` true: every element keeps the ranges it last had.
 */
export function createDecorate(state: DecorationState, isComposing: () => boolean, cacheIn: DecorationCache): (entry: NodeEntry) => DecoratedRange[] {
  const cache = cacheIn.byNode;
  const lastByPath = cacheIn.byPath;
  return ([node, path]) => {
    if (!Element.isElement(node)) return NONE;
    if (node.type !== 'heading' && node.type !== 'paragraph' && node.type !== 'table-cell') return NONE;
    const pathKey = path.join('.');
    if (isComposing()) return lastByPath.get(pathKey) ?? NONE;
    const marks = state.units.get(pathKey);
    const hits = state.hits.get(pathKey);
    const cached = cache.get(node);
    if (cached && cached.pathKey === pathKey && cached.marks === marks && cached.hits === hits) return cached.ranges;
    const text = Node.string(node);
    const ranges = buildRanges(node, path, text, marks, hits);
    cache.set(node, { pathKey, marks, hits, ranges });
    lastByPath.set(pathKey, ranges);
    return ranges;
  };
}

const NONE: DecoratedRange[] = [];

function buildRanges(node: Element, path: Path, text: string, marks: UnitMarks | undefined, hits: Hit[] | undefined): DecoratedRange[] {
  const leaves = node.children.map((c) => Node.string(c).length);
  const point = (offset: number, isEnd: boolean) => {
    let rest = offset;
    for (let i = 0; i < leaves.length; i++) {
      const len = leaves[i]!;
      if (rest < len || (rest === len && (isEnd || i === leaves.length - 1))) return { path: [...path, i], offset: rest };
      rest -= len;
    }
    return { path: [...path, Math.max(0, leaves.length - 1)], offset: leaves[leaves.length - 1] ?? 0 };
  };
  const range = (start: number, end: number, m: DecorationMarks): DecoratedRange => ({ anchor: point(start, false), focus: point(end, true), ...m });
  const out: DecoratedRange[] = [];
  for (const [s, e] of placeholdersOf(node, text)) out.push(range(s, e, { placeholder: true }));
  if (marks) {
    // The block may have changed since it was checked: keep a finding where its text still stands, shifted by the
    // length change when the edit happened before it; drop it otherwise until the next check.
    const delta = text.length - marks.text.length;
    for (const f of marks.findings) {
      let s = f.start;
      if (text.slice(s, f.end) !== f.text) {
        s = f.start + delta;
        if (delta === 0 || s < 0 || text.slice(s, s + f.text.length) !== f.text) continue;
      }
      const e = s + (f.end - f.start);
      // A long span whose fix swaps characters one for one (all the half-width marks of a paragraph) underlines
      // only the characters that change, not the whole paragraph.
      if (f.fix !== undefined && f.fix.length === f.text.length && f.text.length > 4) {
        for (let k = 0; k < f.text.length; k++) {
          if (f.text[k] !== f.fix[k]) out.push(range(s + k, s + k + 1, { sev: f.severity, msg: f.message }));
        }
        continue;
      }
      // A zero-width finding (e.g. a missing mark) is shown on the character before it.
      const a = e > s ? s : Math.max(0, s - 1);
      const b = e > s ? e : Math.min(text.length, a + 1);
      if (b > a) out.push(range(a, b, { sev: f.severity, msg: f.message }));
    }
  }
  if (hits) for (const h of hits) out.push(range(h.start, h.end, h.current ? { hit: true, hitCurrent: true } : { hit: true }));
  return out;
}
