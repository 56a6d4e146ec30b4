// The exported report set on pages (shared, pure): the lines of the Word file on the GB/T 9704 page (22 lines of 28
// characters, PAGE in layout.ts), block by block as shared/docx/export.ts writes them — title lines, addressee,
// headings, paragraphs, tables, attachments, signature and date — with the export's keep rules. The print view shows
// these pages and the status bar counts them (约 N 页).
import { sequenceMarkers } from '../model/numbering';
import { formatChineseDate } from '../model/dates';
import { leavesText, type Block, type HeadingElement, type ReportDocument, type TableElement } from '../model/schema';
import { PAGE, SIZE, textWidth } from './layout';
import { titleLines } from './title';

/** Which of the official fonts a piece of text is set in (the print view maps these to FONT in layout.ts). */
export type PrintFont = 'title' | 'heading1' | 'heading2' | 'body';

export interface PrintSegment { text: string; font: PrintFont }

/** One grid line. `indent` is in characters from the left edge of the type area. */
export interface PrintLine {
  type: 'line';
  segments: PrintSegment[];
  indent: number;
  /** `justify`: a full line of a paragraph (spread to the right edge); the last line of a paragraph is `left`. */
  align: 'justify' | 'left' | 'center';
}

/** Rows of a table that fall on one page; `lines` is the height in grid lines (fractional: table text is 14 pt). */
export interface PrintTableRows { type: 'table'; rows: string[][]; columns: number; lines: number }

export type PrintItem = PrintLine | PrintTableRows;
export interface PrintPage { number: number; items: PrintItem[] }

/** Characters a line may not start with (they hang in the margin at the end of the line before, as in Word). */
const NO_LINE_START = new Set('，。、；：？！）》」』”’〉】…—·%％,.;:?!)]');
/** Characters a line may not end with (they move to the next line with the character they open). */
const NO_LINE_END = new Set('（《「『“‘〈【([');

const HEADING_FONT: Record<HeadingElement['level'], PrintFont> = { 1: 'heading1', 2: 'heading2', 3: 'body', 4: 'body' };

/** One block as the pages see it: its items in order and how it holds together across a page break. */
interface Unit {
  items: { item: PrintItem; height: number }[];
  /** Word's keepNext: the block starts on the page where the next block starts. */
  keepWithNext?: boolean;
  /** Word's keepLines: the block is not split over two pages. */
  keepTogether?: boolean;
}

/** Offsets [start, end) of the lines `text` breaks into: `first` characters on the first line, `rest` on the others. */
export function breakLines(text: string, first: number, rest: number = PAGE.charsPerLine): Array<[number, number]> {
  const tokens = tokenize(text);
  const lines: Array<[number, number]> = [];
  let start = 0;
  let width = 0;
  let cap = first;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (width + t.width <= cap + 1e-6 || width === 0) {
      if (width === 0 && t.width > cap + 1e-6 && t.text.length > 1) {
        // A run of Latin letters or digits longer than the line: cut it by width.
        const cut = cutByWidth(t.text, cap);
        tokens.splice(i, 1, { text: t.text.slice(0, cut), width: textWidth(t.text.slice(0, cut)), at: t.at }, { text: t.text.slice(cut), width: textWidth(t.text.slice(cut)), at: t.at + cut });
        continue;
      }
      width += t.width;
      i++;
      continue;
    }
    let end = t.at;
    if (NO_LINE_START.has(t.text)) {
      // Hanging punctuation: the mark stays on this line, past the right edge.
      end = t.at + t.text.length;
      i++;
      // Two closing marks in a row (。” or ）。): the second hangs too rather than starting the line.
      while (i < tokens.length && NO_LINE_START.has(tokens[i]!.text)) {
        end = tokens[i]!.at + tokens[i]!.text.length;
        i++;
      }
    } else {
      // An opening mark at the end of the line goes down with what it opens.
      let j = i;
      while (j - 1 >= 0 && tokens[j - 1]!.at > start && NO_LINE_END.has(tokens[j - 1]!.text)) j--;
      if (j < i) {
        end = tokens[j]!.at;
        i = j;
      }
    }
    lines.push([start, end]);
    start = end;
    width = 0;
    cap = rest;
  }
  if (start < text.length || lines.length === 0) lines.push([start, text.length]);
  return lines;
}

interface Token { text: string; width: number; at: number }

/** Characters, with runs of Latin letters and digits kept whole (Word does not break inside 2024 or 12.5%). */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = /[A-Za-z0-9][A-Za-z0-9.%]*|[\s\S]/gu;
  for (const m of text.matchAll(re)) out.push({ text: m[0], width: textWidth(m[0]), at: m.index });
  return out;
}

function cutByWidth(text: string, cap: number): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    w += textWidth(text[i]!);
    if (w > cap + 1e-6) return Math.max(1, i);
  }
  return text.length;
}

/** A paragraph of `segments` (one or two fonts) broken into grid lines with a first-line indent of `indent`. */
function paragraphLines(segments: PrintSegment[], indent: number, options: { last?: PrintLine['align']; hanging?: number } = {}): PrintLine[] {
  const text = segments.map((s) => s.text).join('');
  if (text.length === 0) return [{ type: 'line', segments: [], indent, align: 'left' }];
  const hanging = options.hanging ?? 0;
  const ranges = breakLines(text, PAGE.charsPerLine - indent, PAGE.charsPerLine - hanging);
  return ranges.map(([start, end], n) => ({
    type: 'line',
    segments: sliceSegments(segments, start, end),
    indent: n === 0 ? indent : hanging,
    align: n === ranges.length - 1 ? (options.last ?? 'left') : 'justify',
  }));
}

function sliceSegments(segments: PrintSegment[], start: number, end: number): PrintSegment[] {
  const out: PrintSegment[] = [];
  let pos = 0;
  for (const s of segments) {
    const a = Math.max(start, pos);
    const b = Math.min(end, pos + s.text.length);
    if (a < b) out.push({ text: s.text.slice(a - pos, b - pos), font: s.font });
    pos += s.text.length;
  }
  return out;
}

const blank = (): PrintLine => ({ type: 'line', segments: [], indent: 0, align: 'left' });
const asItems = (lines: PrintLine[]) => lines.map((item) => ({ item, height: 1 }));

/** A table's rows with their heights in grid lines: 14 pt text on 18 pt lines, 2 pt above and below (TableText). */
function tableUnit(block: TableElement): Unit {
  const columns = Math.max(...block.children.map((r) => r.children.length));
  const cellMargin = 216; // 108 twips each side (TableNormal)
  const charTwips = SIZE.table * 10; // 14 pt in twips
  const perLine = Math.max(1, Math.floor((Math.floor(PAGE.typeWidth / columns) - cellMargin) / charTwips));
  return {
    items: block.children.map((row) => {
      const texts = row.children.map((c) => leavesText(c.children));
      const lines = Math.max(1, ...texts.map((t) => t.split('\n').reduce((n, part) => n + breakLines(part, perLine, perLine).length, 0)));
      const height = (lines * 360 + 80) / PAGE.linePitch;
      return { item: { type: 'table', rows: [texts], columns, lines: height } as PrintTableRows, height };
    }),
  };
}

/**
 * Units of paragraphs and tables, by block. The editor's blocks are immutable (a change makes a new object), so while
 * the officer types only the paragraph under the caret is broken into lines again: the status line's 约 N 页 follows
 * each key without re-setting the whole report.
 */
const BLOCK_UNITS = new WeakMap<Block, Unit>();

function blockUnit(block: Exclude<Block, HeadingElement>): Unit {
  let unit = BLOCK_UNITS.get(block);
  if (!unit) {
    unit = block.type === 'paragraph' ? { items: asItems(paragraphLines([{ text: leavesText(block.children), font: 'body' }], 2)) } : tableUnit(block);
    BLOCK_UNITS.set(block, unit);
  }
  return unit;
}

/** The title's lines, remembered for the title last set (it rarely changes while the body is typed). */
let lastTitle: { title: string; lines: string[] } | null = null;
function titleLinesOf(title: string): string[] {
  if (lastTitle?.title !== title) lastTitle = { title, lines: titleLines(title) };
  return lastTitle.lines;
}

/** The blocks of the exported file, in order, as units (the same sequence as bodyChildren in export.ts). */
function units(doc: ReportDocument): Unit[] {
  const { meta, body } = doc;
  const out: Unit[] = [];
  const title = titleLinesOf(meta.title);
  if (title.length > 0) {
    out.push({ items: asItems(title.map((t) => ({ type: 'line', segments: [{ text: t, font: 'title' }], indent: 0, align: 'center' }))), keepWithNext: true, keepTogether: true });
    out.push({ items: asItems([blank()]) });
  }
  const addressee = meta.addressee.trim().replace(/[：:]$/, '');
  if (addressee) out.push({ items: asItems(paragraphLines([{ text: addressee + '：', font: 'body' }], 0)), keepWithNext: true });

  const markers = sequenceMarkers(body);
  for (let i = 0; i < body.length; i++) {
    const block: Block = body[i]!;
    if (block.type === 'heading') {
      const head: PrintSegment = { text: markers[i]! + leavesText(block.children), font: HEADING_FONT[block.level] };
      const next = body[i + 1];
      if (block.runIn) {
        const segments = [head];
        if (next && next.type === 'paragraph') {
          segments.push({ text: leavesText(next.children), font: 'body' });
          i++;
        }
        out.push({ items: asItems(paragraphLines(segments, 2)) });
      } else {
        out.push({ items: asItems(paragraphLines([head], 2)), keepWithNext: true, keepTogether: true });
      }
    } else {
      out.push(blockUnit(block));
    }
  }

  const attachments = (meta.attachments ?? []).map((a) => a.trim()).filter((a) => a.length > 0);
  if (attachments.length > 0) {
    out.push({ items: asItems([blank()]) });
    const label = '附件：';
    const hanging = 2 + textWidth(label);
    attachments.forEach((name, n) => {
      const text = attachments.length === 1 ? label + name : (n === 0 ? label : '') + `${n + 1}.${name}`;
      out.push({ items: asItems(paragraphLines([{ text, font: 'body' }], n === 0 ? 2 : hanging, { hanging })), keepTogether: true });
    });
  }
  const signature = (meta.signature || meta.organ).trim();
  const date = formatChineseDate(meta.date);
  if (signature || date) {
    out.push({ items: asItems([blank()]) });
    const { nameStart, dateStart } = signaturePlaces(signature, date);
    if (signature) out.push({ items: asItems([{ type: 'line', segments: [{ text: signature, font: 'body' }], indent: nameStart, align: 'left' }]), keepWithNext: !!date });
    if (date) out.push({ items: asItems([{ type: 'line', segments: [{ text: date, font: 'body' }], indent: dateStart, align: 'left' }]) });
  }
  return out;
}

/** Where the signature and the date start, in characters (GB/T 9704 7.3.5.2, as signatureParagraphs in export.ts). */
export function signaturePlaces(signature: string, date: string): { nameStart: number; dateStart: number } {
  const chars = PAGE.charsPerLine;
  let nameStart = chars - 2 - textWidth(signature);
  let dateStart = nameStart + 2;
  if (!signature || dateStart + textWidth(date) > chars - 2) {
    dateStart = chars - 2 - textWidth(date);
    nameStart = dateStart - 2;
  }
  return { nameStart: Math.max(0, nameStart), dateStart: Math.max(0, dateStart) };
}

/** The report on pages of 22 lines, with Word's keep rules: a heading goes with what follows, a title stays whole. */
export function layoutPages(doc: ReportDocument): PrintPage[] {
  const all = units(doc);
  const capacity = PAGE.linesPerPage;
  const pages: PrintPage[] = [{ number: 1, items: [] }];
  let used = 0;
  const newPage = () => {
    pages.push({ number: pages.length + 1, items: [] });
    used = 0;
  };
  const heightOf = (u: Unit) => u.items.reduce((h, x) => h + x.height, 0);
  for (let k = 0; k < all.length; k++) {
    const unit = all[k]!;
    let need = unit.keepTogether ? heightOf(unit) : unit.items[0]?.height ?? 0;
    if (unit.keepWithNext) {
      // The chain of blocks kept with their next (a heading over a heading), up to the first line of the block after.
      need = heightOf(unit);
      let j = k + 1;
      while (j < all.length && all[j]!.keepWithNext) need += heightOf(all[j++]!);
      if (j < all.length) need += all[j]!.items[0]?.height ?? 0;
    }
    if (used > 0 && need <= capacity && used + need > capacity + 1e-6) newPage();
    let inTable = false;
    for (const { item, height } of unit.items) {
      if (used > 0 && used + height > capacity + 1e-6) newPage();
      const page = pages[pages.length - 1]!;
      const last = page.items[page.items.length - 1];
      // Rows of one table on one page are one item.
      if (item.type === 'table' && inTable && last?.type === 'table' && used > 0) {
        last.rows.push(...item.rows);
        last.lines += height;
      } else {
        page.items.push(item.type === 'table' ? { ...item, rows: [...item.rows] } : item);
      }
      inTable = item.type === 'table';
      used += height;
    }
    // After a table, the next paragraph starts on the next grid line.
    if (inTable) used = Math.ceil(used - 1e-6);
  }
  if (pages.length > 1 && pages[pages.length - 1]!.items.length === 0) pages.pop();
  return pages;
}

/** 约 N 页: how many pages the exported Word file takes. */
export function estimatePages(doc: ReportDocument): number {
  return layoutPages(doc).length;
}
