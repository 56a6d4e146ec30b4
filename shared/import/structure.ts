// Turning lines of report text into headings and paragraphs (shared, pure). Used by the text importer and by the
// Word importer for paragraphs that carry no heading style. Words and punctuation are kept exactly as written;
// only indentation is normalised and sequence markers are turned into structure (they are derived, never stored).
import type { ImportNote } from '../model/importNote';
import { sequenceMarkers } from '../model/numbering';
import { heading, paragraph, type Block, type HeadingLevel, type TableElement } from '../model/schema';
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

/**
 * A paragraph of a source as an importer read it. `text`: structured by its wording (markers make headings);
 * `heading`: a heading by its style (level given; a marker written in it is read and removed unless `exact`), with
 * the body of a run-in heading in `rest`; `paragraph`: prose whatever its wording; `table`: a table as it is.
 */
export type SourceBlock =
  | { kind: 'text'; text: string }
  | { kind: 'heading'; level: HeadingLevel; text: string; rest?: string; exact?: boolean }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: TableElement };

const LONE_MARKER = /^[\s\u00a0\u3000]*(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)]?[、.．]?)[\s\u00a0\u3000]*$/;

/**
 * Structures a list of paragraphs: headings from their markers (level from the marker's form, marker removed),
 * run-in headings split from their text, everything else a paragraph. `markers` records each marker as written (for
 * the checker); the notes say only what the import changed.
 */
export function structureParagraphs(paragraphs: readonly string[]): StructuredBody {
  return structureBlocks(paragraphs.map((text) => ({ kind: 'text', text })));
}

/** The one structuring of every importer: source paragraphs (by wording or by style) into the body's blocks. */
export function structureBlocks(items: readonly SourceBlock[]): StructuredBody {
  const blocks: Block[] = [];
  const found: { index: number; marker: HeadingMarker; level: HeadingLevel }[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === 'table') {
      blocks.push(item.table);
      continue;
    }
    if (item.kind === 'paragraph') {
      const line = normalizeLine(item.text);
      if (line) blocks.push(paragraph(line));
      continue;
    }
    if (item.kind === 'heading') {
      const line = normalizeLine(item.text);
      const m = item.exact ? null : parseHeadingMarker(line);
      const text = m ? m.rest.trim() : line;
      const rest = normalizeLine(item.rest ?? '');
      if (!text) {
        // A style on a paragraph that is only a marker, or a run-in heading that is only a marker: read the words.
        const made = structureLine(line + rest);
        if (made.marker) found.push({ index: blocks.length, marker: made.marker, level: made.marker.level });
        blocks.push(...made.blocks);
        continue;
      }
      if (m) found.push({ index: blocks.length, marker: m, level: item.level });
      blocks.push(heading(item.level, text, rest ? { runIn: true } : {}));
      if (rest) blocks.push(paragraph(rest));
      continue;
    }
    let text = item.text;
    // A marker alone on its line (`一、` then the heading on the next line): join the two.
    const next = items[i + 1];
    if (LONE_MARKER.test(text) && normalizeLine(text).length > 0 && next?.kind === 'text') {
      if (normalizeLine(next.text).length > 0 && parseHeadingMarker(normalizeLine(text) + normalizeLine(next.text))) {
        text = normalizeLine(text) + normalizeLine(next.text);
        i++;
      }
    }
    const { blocks: made, marker } = structureLine(text);
    if (marker) found.push({ index: blocks.length, marker, level: marker.level });
    blocks.push(...made);
  }

  const derived = sequenceMarkers(blocks);
  const markers: WrittenMarker[] = found.map(({ index, marker, level }) => {
    const w: WrittenMarker = { path: [index], level, written: marker.marker, number: marker.number, derived: derived[index]! };
    if (marker.malformed) w.malformed = marker.malformed;
    return w;
  });

  const notes: ImportNote[] = [];
  // Only what the import itself changed is noted here: the printed numbers are derived from the structure from now
  // on. Whether the source's numbers were malformed or skipped one is judged by the checker (struct.source-marker)
  // from `markers`, so a slip is reported once.
  const halfWidth = markers.filter((m) => /[()]/.test(m.written));
  if (halfWidth.length > 0) {
    notes.push({ severity: 'info', message: `${halfWidth.length} 个标题序号使用了半角括号（如“${halfWidth[0]!.written}”），导入后序号按规范显示为全角括号。` });
  }
  return { blocks, notes, markers };
}
