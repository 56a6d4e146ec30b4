// Find and replace over the report body (shared, pure): matches in headings, paragraphs and table cells.
import { leavesText, type Block } from '../model/schema';
import type { TextEdit } from './ops';

export interface FindOptions {
  /** Match full-width and half-width forms and letter case alike (ｘ = x = X). */
  loose?: boolean;
}

export interface TextMatch {
  /** [i] for a heading or paragraph, [i, r, c] for a table cell. */
  path: number[];
  start: number;
  end: number;
  text: string;
}

/** Folds full-width ASCII to half-width and upper to lower case; keeps string length so offsets stay valid. */
function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : c === 0x3000 ? ' ' : s[i]!;
  }
  return out.toLowerCase();
}

function unitsOf(body: readonly Block[]): { path: number[]; text: string }[] {
  const out: { path: number[]; text: string }[] = [];
  body.forEach((b, i) => {
    if (b.type === 'table') {
      b.children.forEach((row, r) => row.children.forEach((cell, c) => out.push({ path: [i, r, c], text: leavesText(cell.children) })));
    } else {
      out.push({ path: [i], text: leavesText(b.children) });
    }
  });
  return out;
}

/** Every non-overlapping occurrence of `query` in the body, in document order. Empty query: none. */
export function findMatches(body: readonly Block[], query: string, options: FindOptions = {}): TextMatch[] {
  if (!query) return [];
  const q = options.loose ? fold(query) : query;
  const matches: TextMatch[] = [];
  for (const unit of unitsOf(body)) {
    const hay = options.loose ? fold(unit.text) : unit.text;
    let from = 0;
    for (;;) {
      const at = hay.indexOf(q, from);
      if (at < 0) break;
      matches.push({ path: unit.path, start: at, end: at + q.length, text: unit.text.slice(at, at + q.length) });
      from = at + Math.max(1, q.length);
    }
  }
  return matches;
}

/** The edits that replace every match with `replacement` (apply with ops.replaceMany as one undoable step). */
export function replaceAllEdits(matches: readonly TextMatch[], replacement: string): TextEdit[] {
  return matches.map((m) => ({ path: m.path, start: m.start, end: m.end, expected: m.text, replacement }));
}
