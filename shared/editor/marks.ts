// Inline marks of the report editor (shared, pure): checker findings underlined by severity, placeholders marked, find
// hits highlighted, as character spans of one text unit (a heading, a paragraph or a table cell). The renderer paints
// them over the text (highlights and static boxes: renderer/editor/markLayer.ts) without splitting the text into leaves.
import { Node, type Point } from 'slate';
import type { Block, Severity } from '../model/schema';
import type { Finding } from '../check/types';

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

/** Findings of one text unit from the last check. */
export interface UnitMarks {
  /** The unit's text when it was checked (to re-place marks after an edit in the same unit). */
  text: string;
  findings: Finding[];
}

/** What a span shows: a finding's severity, a placeholder, a find hit (the current one stronger). */
export type MarkKind = Severity | 'placeholder' | 'hit' | 'hit-current';

export const MARK_KINDS: readonly MarkKind[] = ['info', 'warning', 'error', 'placeholder', 'hit', 'hit-current'];

export interface MarkSpan {
  start: number;
  end: number;
  kind: MarkKind;
  /** The finding painted (shown in the popover over the span); absent for placeholders and find hits. */
  finding?: Finding;
}

const SEVERITY_ORDER: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * Groups body findings by text unit (key = path joined by '.'); a unit whose findings are unchanged keeps its previous
 * entry (cheap equality), and when every unit is unchanged the previous map itself is returned, so the editor can tell
 * by identity which units need repainting.
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
    list.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.start - b.start);
    const prev = previous?.get(key);
    if (prev && prev.text === text && sameFindings(prev.findings, list)) out.set(key, prev);
    else out.set(key, { text, findings: list });
  }
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

/**
 * The marks of one unit whose text is now `text`: its placeholders, its findings from the last check (re-placed after
 * an edit in the unit: kept where their text still stands, shifted by the length change when the edit came before
 * them, dropped otherwise until the next check) and its find hits. Neighbouring spans of the same kind and finding
 * are merged.
 */
export function unitSpans(element: object, text: string, marks: UnitMarks | undefined, hits: readonly Hit[] | undefined): MarkSpan[] {
  const out: MarkSpan[] = [];
  for (const [start, end] of placeholdersOf(element, text)) out.push({ start, end, kind: 'placeholder' });
  if (marks) {
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
          if (f.text[k] !== f.fix[k]) push(out, { start: s + k, end: s + k + 1, kind: f.severity, finding: f });
        }
        continue;
      }
      // A zero-width finding (e.g. a missing mark) is shown on the character before it.
      const a = e > s ? s : Math.max(0, s - 1);
      const b = e > s ? e : Math.min(text.length, a + 1);
      if (b > a) push(out, { start: a, end: b, kind: f.severity, finding: f });
    }
  }
  if (hits) for (const h of hits) out.push({ start: h.start, end: h.end, kind: h.current ? 'hit-current' : 'hit' });
  return out;
}

function push(out: MarkSpan[], span: MarkSpan): void {
  const last = out[out.length - 1];
  if (last && last.end === span.start && last.kind === span.kind && last.finding === span.finding) last.end = span.end;
  else out.push(span);
}

/** The findings painted over the character at `offset`, most severe first, each once. */
export function findingsAt(spans: readonly MarkSpan[], offset: number): Finding[] {
  const found = spans
    .filter((s) => s.finding !== undefined && s.start <= offset && offset < s.end)
    .sort((a, b) => SEVERITY_ORDER[b.kind as Severity] - SEVERITY_ORDER[a.kind as Severity]);
  return [...new Set(found.map((s) => s.finding!))];
}

/**
 * The units that paint their marks as highlights, which follow the text as it is typed (key → the unit offset up to
 * which marks are still drawn as static boxes): the unit holding the caret `focus`, whose text before the caret does not
 * move as it is typed into, and the paragraph after a run-in heading that holds it (the two share a line, so all of the
 * paragraph's text moves as the heading is typed into). Keys as in unitsFromFindings.
 */
export function caretUnits(body: readonly Block[], focus: Point | undefined): Map<string, number> {
  const out = new Map<string, number>();
  const path = focus?.path;
  const i = path?.[0];
  const block = i === undefined ? undefined : body[i];
  if (!focus || !path || !block) return out;
  const unitPath = block.type === 'table' ? path.slice(0, 3) : path.slice(0, 1);
  const unit = block.type === 'table' ? block.children[path[1]!]?.children[path[2]!] : block;
  if (!unit || unitPath.length !== path.length - 1) return out; // not in a unit's text
  let offset = focus.offset;
  for (let c = 0; c < path[path.length - 1]!; c++) offset += Node.string(unit.children[c]!).length;
  out.set(unitPath.join('.'), offset);
  if (block.type === 'heading' && block.runIn) out.set(String(i! + 1), 0);
  return out;
}
