// Text helpers shared by the checker's rules (shared, pure): character classes, word segmentation, finding builders.
import type { RawFinding, TextUnit } from './types';

export const HAN_CLASS = '\\u3007\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
export const FULLWIDTH_PUNCT = '，。、；：？！“”‘’《》〈〉（）【】…—～·';

/** A CJK ideograph (or 〇) by code unit: cheaper than a regex in the hot loops. */
export function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

const FULLWIDTH_SET = new Set([...FULLWIDTH_PUNCT].map((c) => c.charCodeAt(0)));

export function isChineseContext(ch: string | undefined): boolean {
  if (ch === undefined || ch.length === 0) return false;
  const c = ch.charCodeAt(0);
  return isHanCode(c) || FULLWIDTH_SET.has(c);
}

let segmenter: Intl.Segmenter | undefined;
/** The ICU word segmenter built into V8; created once. */
export function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

export interface WordSpan { start: number; end: number; word: string }

// The segments of the last text asked about: rules ask several questions about one paragraph in a row, and ICU
// segments lazily (only the clause around a position), so one Segments object per text serves them all.
let lastText: string | undefined;
let lastSegments: Intl.Segments | undefined;

function segmentsOf(text: string): Intl.Segments {
  if (text !== lastText || !lastSegments) {
    lastSegments = wordSegmenter().segment(text);
    lastText = text;
  }
  return lastSegments;
}

/**
 * The words of `text` that cover [from - 1, to + 1): enough to tell whether a word boundary falls at `from`, at `to`
 * and between them. Only the clauses around the range are segmented.
 */
export function wordsAround(text: string, from: number, to: number, _pad = 12): WordSpan[] {
  const segments = segmentsOf(text);
  const out: WordSpan[] = [];
  let pos = Math.max(0, from - 1);
  const stop = Math.min(text.length, to + 1);
  while (pos < stop) {
    const s = segments.containing(pos);
    if (!s) break;
    const end = s.index + s.segment.length;
    out.push({ start: s.index, end, word: s.segment });
    pos = end;
  }
  return out;
}

/** A finding at [start, end) of a unit's text. */
export function at(unit: TextUnit, start: number, end: number, message: string, fix?: string, extra: Partial<RawFinding> = {}): RawFinding {
  const f: RawFinding = { path: unit.path, start, end, text: unit.text.slice(start, end), message, ...extra };
  if (fix !== undefined) f.fix = fix;
  return f;
}

/** All matches of a global regex in `text` (the regex must have the g flag; lastIndex is reset). */
export function matches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** Quotes a piece of text for a Chinese message, shortened when long. */
export function q(s: string, max = 24): string {
  const t = s.length > max ? s.slice(0, max - 1) + '…' : s;
  return `“${t}”`;
}

/** Arabic digit string of a value without exponent or float noise (3.5 × 1000 → "3500"). */
export function formatNumber(n: number): string {
  const r = Math.round(n * 1e6) / 1e6;
  return Number.isInteger(r) ? String(r) : String(r);
}
