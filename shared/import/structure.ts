// Turning lines of report text into headings and paragraphs (shared, pure). Used by the text importer and by the
// Word importer for paragraphs that carry no heading style. Words and punctuation are kept exactly as written;
// only indentation is normalised and sequence markers are turned into structure (they are derived, never stored).
import type { ImportNote } from '../model/importNote';
import { parseChineseNumeral, sequenceMarkers } from '../model/numbering';
import { heading, paragraph, type Block, type HeadingLevel } from '../model/schema';
import { parseHeadingMarker, type HeadingMarker } from '../outline/markers';

/** A heading's marker as the source wrote it, kept so that notes (and the checker) can refer to it. */
export interface WrittenMarker {
  /** Slate path of the heading in the body. */
  path: number[];
  level: HeadingLevel;
  /** As written, e.g. `(一)`, `1、`. */
  written: string;
  /** The number written in it. */
  number: number;
  /** What the structure numbers it now, e.g. `（二）`. */
  derived: string;
  malformed?: string;
}

export interface StructuredBody {
  blocks: Block[];
  notes: ImportNote[];
  markers: WrittenMarker[];
}

/** Longest heading text (without marker) accepted; a longer numbered line is an enumerated paragraph. */
const HEADING_MAX = 60;


/**
 * Normalises a line's whitespace without touching its words: trims indentation and trailing space of every kind
 * (spaces, tabs, NBSP, full-width spaces, BOM, zero-width spaces) and turns interior NBSPs into plain spaces.
 */
export function normalizeLine(raw: string): string {
  // String.prototype.trim covers every Unicode space (NBSP, U+3000, BOM …) except the zero-width space.
  let s = raw.trim();
  if (/[\u00a0\u202f\u200b\ufeff]/.test(s)) s = s.replace(/[\u00a0\u202f]/g, ' ').replace(/[\u200b\ufeff]/g, '').trim();
  return s;
}

const OPENERS = '（(“‘《「『【〈［[';
const CLOSERS = '）)”’》」』】〉］]';
const RUN_IN_END = '。！？!?';

/**
 * The index of the mark that closes a run-in heading (`标题。正文…`): the first 。！？ outside brackets and quotes,
 * or -1 when there is none.
 */
export function runInEnd(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && RUN_IN_END.includes(ch)) return i;
  }
  return -1;
}

/**
 * The blocks for one paragraph of source text: a heading (when it starts with a marker), a run-in heading and its
 * paragraph (`（一）标题。正文…`), or a paragraph. `marker` is the recognised marker, if any became a heading.
 */
export function structureLine(text: string): { blocks: Block[]; marker: HeadingMarker | null } {
  const line = normalizeLine(text);
  if (line.length === 0) return { blocks: [], marker: null };
  const m = parseHeadingMarker(line);
  if (!m) return { blocks: [paragraph(line)], marker: null };
  const rest = m.rest;
  const end = runInEnd(rest);
  if (end >= 0 && end < rest.length - 1) {
    const head = rest.slice(0, end + 1);
    const tail = normalizeLine(rest.slice(end + 1));
    if (head.length <= HEADING_MAX) {
      if (tail.length === 0) return { blocks: [heading(m.level, head)], marker: m };
      return { blocks: [heading(m.level, head, { runIn: true }), paragraph(tail)], marker: m };
    }
    return { blocks: [paragraph(line)], marker: null };
  }
  // `1.行政执法方面：全年…` — a short lead-in closed by a colon is a run-in heading too.
  const colon = colonRunInEnd(rest);
  if (colon > 0) {
    return { blocks: [heading(m.level, rest.slice(0, colon + 1), { runIn: true }), paragraph(normalizeLine(rest.slice(colon + 1)))], marker: m };
  }
  if (rest.length <= HEADING_MAX) return { blocks: [heading(m.level, rest)], marker: m };
  return { blocks: [paragraph(line)], marker: null };
}

/** Longest lead-in closed by a colon that is taken for a run-in heading. */
const COLON_HEAD_MAX = 20;

/** The index of a colon closing a short lead-in (no comma before it, text after it), or -1. */
function colonRunInEnd(text: string): number {
  const limit = Math.min(text.length - 1, COLON_HEAD_MAX);
  for (let i = 1; i < limit; i++) {
    const ch = text[i]!;
    if (ch === '：' || ch === ':') return normalizeLine(text.slice(i + 1)).length > 0 ? i : -1;
    if ('，,；;。、“"《（('.includes(ch)) return -1;
  }
  return -1;
}

const MAX_LISTED = 5;

function listed(items: string[]): string {
  const shown = items.slice(0, MAX_LISTED).join('；');
  return items.length > MAX_LISTED ? `${shown}；等共 ${items.length} 处` : shown;
}

function short(text: string, max = 16): string {
  return text.length > max ? text.slice(0, max) + '…' : text;
}

/**
 * Structures a list of paragraphs: headings from their markers (level from the marker's form, marker removed),
 * run-in headings split from their text, everything else a paragraph. Notes report malformed, half-width and
 * out-of-sequence markers, since the printed numbers are now derived from the structure.
 */
export function structureParagraphs(paragraphs: readonly string[]): StructuredBody {
  const blocks: Block[] = [];
  const found: { index: number; marker: HeadingMarker }[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    let text = paragraphs[i]!;
    // A marker alone on its line (`一、` then the heading on the next line): join the two.
    if (/^[\s\u00a0\u3000]*(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)]?[、.．]?)[\s\u00a0\u3000]*$/.test(text) && normalizeLine(text).length > 0) {
      const next = paragraphs[i + 1];
      if (next !== undefined && normalizeLine(next).length > 0 && parseHeadingMarker(normalizeLine(text) + normalizeLine(next))) {
        text = normalizeLine(text) + normalizeLine(next);
        i++;
      }
    }
    const { blocks: made, marker } = structureLine(text);
    if (marker) found.push({ index: blocks.length, marker });
    blocks.push(...made);
  }

  const derived = sequenceMarkers(blocks);
  const markers: WrittenMarker[] = found.map(({ index, marker }) => {
    const w: WrittenMarker = { path: [index], level: marker.level, written: marker.marker, number: marker.number, derived: derived[index]! };
    if (marker.malformed) w.malformed = marker.malformed;
    return w;
  });

  const notes: ImportNote[] = [];
  const headingText = (i: number): string => {
    const b = blocks[i]!;
    return b.type === 'table' ? '' : b.children.map((l) => l.text).join('');
  };
  const malformed = markers.filter((m) => m.malformed).map((m) => `“${m.written}${short(headingText(m.path[0]!))}”：${m.malformed}`);
  if (malformed.length > 0) {
    notes.push({ severity: 'warning', message: `标题序号写法不规范：${listed(malformed)}。导入后序号按结构自动生成，请核对。` });
  }
  const outOfSequence = markers
    .filter((m) => !sameNumber(m))
    .map((m) => `原文“${m.written}${short(headingText(m.path[0]!))}”现为“${m.derived}”`);
  if (outOfSequence.length > 0) {
    notes.push({ severity: 'warning', message: `标题序号不连续或层级不符：${listed(outOfSequence)}。请核对是否漏了或多了一节。` });
  }
  const halfWidth = markers.filter((m) => /[()]/.test(m.written));
  if (halfWidth.length > 0) {
    notes.push({ severity: 'info', message: `${halfWidth.length} 个标题序号使用了半角括号（如“${halfWidth[0]!.written}”），导入后序号按规范显示为全角括号。` });
  }
  return { blocks, notes, markers };
}

/** Whether the written marker's number is the one the structure gives it (so only real gaps are noted). */
function sameNumber(m: WrittenMarker): boolean {
  const digits = m.derived.replace(/[（）、.]/g, '');
  const value = m.level <= 2 ? parseChineseNumeral(digits) : Number(digits);
  return value === m.number;
}
