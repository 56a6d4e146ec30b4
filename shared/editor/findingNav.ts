// Findings placed in the body text (shared, pure): the findings at the caret, the caret as an offset of its text unit,
// and the next or previous finding in document order from the caret (F8 / Shift+F8), wrapping at the ends.
import { Element, Node, Path, type Point } from 'slate';
import type { Finding } from '../check/types';

/** A place in the body text: a text unit ([i] a heading or paragraph, [i, r, c] a table cell) and offsets into it. */
export interface UnitRange {
  path: readonly number[];
  start: number;
  end: number;
}

/** A finding's identity across checks (the panel's row key, the popover's 在列表中查看). */
export function findingKey(f: Finding): string {
  return `${f.rule}:${f.path.join('.')}:${f.start}:${f.end}`;
}

/** Whether the finding is about a place in the body text (not the title, not the document as a whole). */
export function inBodyText(f: Finding): boolean {
  return f.path.length > 0 && !f.onTitle;
}

function compare(a: UnitRange, b: UnitRange): number {
  return Path.compare(a.path as Path, b.path as Path) || a.start - b.start || a.end - b.end;
}

/** The body findings in document order (by unit, then start, then end; ties keep the checker's order). */
export function inDocumentOrder(findings: readonly Finding[]): Finding[] {
  return findings.filter(inBodyText).sort(compare);
}

export interface FindingStep {
  finding: Finding;
  /** The search ran past the end (or the start) and went on from the other end. */
  wrapped: boolean;
}

/**
 * The finding after (direction 1) or before (-1) `from` among `ordered` (in document order). `from` is the selection
 * in the body; when it is exactly `current`'s range (the finding just stepped to), the step goes from that finding, so
 * findings sharing a place are each visited. A collapsed caret counts as standing before a finding that starts there.
 */
export function stepFinding(ordered: readonly Finding[], from: UnitRange, direction: 1 | -1, current?: Finding): FindingStep | null {
  if (ordered.length === 0) return null;
  const at = current && compare(current, from) === 0 ? ordered.findIndex((f) => findingKey(f) === findingKey(current)) : -1;
  let index: number;
  if (at >= 0) index = at + direction;
  else {
    // A caret (collapsed) sorts before every finding starting at it.
    const key: UnitRange = from.start === from.end ? { ...from, end: -1 } : from;
    index = direction === 1 ? ordered.findIndex((f) => compare(f, key) > 0) : findLastIndex(ordered, (f) => compare(f, key) < 0);
    if (index < 0) index = direction === 1 ? ordered.length : -1;
  }
  if (index >= 0 && index < ordered.length) return { finding: ordered[index]!, wrapped: false };
  return { finding: ordered[direction === 1 ? 0 : ordered.length - 1]!, wrapped: true };
}

function findLastIndex<T>(list: readonly T[], test: (x: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}

/**
 * The findings of unit `path` at caret `offset`, most severe first: those whose text holds the caret or ends or starts
 * at it (a zero-width finding, shown on the character before it, counts from that character).
 */
export function findingsAtCaret(findings: readonly Finding[], path: readonly number[], offset: number): Finding[] {
  const order = { error: 0, warning: 1, info: 2 } as const;
  return findings
    .filter((f) => inBodyText(f) && Path.equals(f.path, path as Path) && (f.end > f.start ? f.start <= offset && offset <= f.end : f.start - 1 <= offset && offset <= f.start))
    .sort((a, b) => order[a.severity] - order[b.severity] || a.start - b.start);
}

/** A fix up to this long is shown whole. */
const SHORT_FIX = 12;

/**
 * What a long fix swapping characters one for one changes (all the half-width marks of a paragraph), each pair once:
 * [[',', '，'], ['(', '（']]; null for any other fix, and for a short one (they are shown whole).
 */
export function swappedMarks(f: Finding): [string, string][] | null {
  if (f.fix === undefined || f.fix.length !== f.text.length || f.text.length <= SHORT_FIX) return null;
  const pairs = new Map<string, string>();
  for (let i = 0; i < f.text.length; i++) if (f.text[i] !== f.fix[i]) pairs.set(f.text[i]! + f.fix[i]!, '');
  if (pairs.size === 0 || pairs.size > 8) return null;
  return [...pairs.keys()].map((k) => [k[0]!, k.slice(1)]);
}

/** A Slate point of the body as its text unit and the offset into the unit's whole text (the checker's offsets). */
export function unitPointOf(root: Node, point: Point): { path: number[]; offset: number } | null {
  const unit = point.path.slice(0, -1);
  if (unit.length === 0 || !Node.has(root, unit)) return null;
  const element = Node.get(root, unit);
  if (!Element.isElement(element)) return null;
  const leaf = point.path[point.path.length - 1]!;
  let offset = point.offset;
  for (let i = 0; i < leaf && i < element.children.length; i++) offset += Node.string(element.children[i]!).length;
  return { path: unit, offset };
}
