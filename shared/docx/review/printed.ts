// The paragraphs a report prints as (shared, pure): the title lines and the body as the Word export sets them
// (heading markers prefixed, run-in headings joined to their paragraph, table cells split at line breaks), each with
// a map from printed offsets back to the model. Used to anchor comments in the review copy and to place a
// reviewer's comments and changes back on the draft.
import { sequenceMarkers } from '../../model/numbering';
import { leavesText, type ReportDocument } from '../../model/schema';
import { formatChineseDate } from '../export';
import { titleLines } from '../title';

/** Where a piece of printed text comes from: body text at `path` (or meta.title), from `modelStart`. */
export interface Segment {
  /** Offset in the printed paragraph. */
  from: number;
  length: number;
  /** `[i]` or `[i, r, c]`; `[]` with onTitle for meta.title. */
  path: number[];
  onTitle?: boolean;
  modelStart: number;
}

export interface PrintedParagraph {
  text: string;
  /** meta: 主送, 附件, 署名, 日期 (no model text: edited in the report's information, not the body). */
  kind: 'title' | 'body' | 'cell' | 'meta';
  /** Printed text without a segment (a heading's marker) belongs to no model text. */
  segments: Segment[];
}

/** The title lines and the body of `doc` as printed, in document order. */
export function printedParagraphs(doc: ReportDocument): PrintedParagraph[] {
  const out: PrintedParagraph[] = [];
  let cursor = 0;
  for (const line of titleLines(doc.meta.title)) {
    const at = doc.meta.title.indexOf(line, cursor);
    const start = at < 0 ? cursor : at;
    cursor = start + line.length;
    out.push({ text: line, kind: 'title', segments: at < 0 ? [] : [{ from: 0, length: line.length, path: [], onTitle: true, modelStart: start }] });
  }
  const addressee = doc.meta.addressee.trim().replace(/[：:]$/, '');
  if (addressee) out.push({ text: addressee + '：', kind: 'meta', segments: [] });
  const { body } = doc;
  const markers = sequenceMarkers(body);
  for (let i = 0; i < body.length; i++) {
    const block = body[i]!;
    if (block.type === 'table') {
      block.children.forEach((row, r) => row.children.forEach((cell, c) => {
        let offset = 0;
        for (const line of leavesText(cell.children).split('\n')) {
          out.push({ text: line, kind: 'cell', segments: [{ from: 0, length: line.length, path: [i, r, c], modelStart: offset }] });
          offset += line.length + 1;
        }
      }));
      continue;
    }
    const text = leavesText(block.children);
    const marker = markers[i] ?? '';
    const segments: Segment[] = [{ from: marker.length, length: text.length, path: [i], modelStart: 0 }];
    let printed = marker + text;
    const next = body[i + 1];
    if (block.type === 'heading' && block.runIn && next && next.type === 'paragraph') {
      const nextText = leavesText(next.children);
      segments.push({ from: printed.length, length: nextText.length, path: [i + 1], modelStart: 0 });
      printed += nextText;
      i++;
    }
    out.push({ text: printed, kind: 'body', segments });
  }
  const attachments = (doc.meta.attachments ?? []).map((a) => a.trim()).filter((a) => a.length > 0);
  attachments.forEach((name, i) => {
    out.push({ text: attachments.length === 1 ? '附件：' + name : (i === 0 ? '附件：' : '') + `${i + 1}.${name}`, kind: 'meta', segments: [] });
  });
  const signature = (doc.meta.signature || doc.meta.organ).trim();
  if (signature) out.push({ text: signature, kind: 'meta', segments: [] });
  const date = formatChineseDate(doc.meta.date);
  if (date) out.push({ text: date, kind: 'meta', segments: [] });
  return out;
}

const samePath = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((v, k) => v === b[k]);

/** The printed paragraph and offset of a model position (end-inclusive: an offset at a segment's end belongs to it). */
export function printedPosition(
  paragraphs: readonly PrintedParagraph[],
  target: { path: readonly number[]; onTitle?: boolean },
  offset: number,
): { paragraph: number; offset: number } | null {
  for (let p = 0; p < paragraphs.length; p++) {
    for (const s of paragraphs[p]!.segments) {
      if (Boolean(s.onTitle) !== Boolean(target.onTitle) || !samePath(s.path, target.path)) continue;
      if (offset >= s.modelStart && offset <= s.modelStart + s.length) return { paragraph: p, offset: s.from + offset - s.modelStart };
    }
  }
  return null;
}

/** The model position of a printed offset; `side` decides which segment an offset on a boundary or marker takes. */
export function modelPosition(
  paragraph: PrintedParagraph,
  offset: number,
  side: 'start' | 'end',
): { path: number[]; onTitle?: boolean; offset: number; inMarker: boolean } | null {
  const segs = paragraph.segments;
  if (segs.length === 0) return null;
  const ordered = side === 'start' ? segs : [...segs].reverse();
  for (const s of ordered) {
    const inside = side === 'start' ? offset >= s.from && offset < s.from + s.length : offset > s.from && offset <= s.from + s.length;
    if (inside || (s.length === 0 && offset === s.from)) return { path: s.path, onTitle: s.onTitle, offset: s.modelStart + offset - s.from, inMarker: false };
  }
  // Before the first segment (the marker) or on a boundary: the nearest segment in the asked direction.
  if (side === 'start') {
    const s = segs.find((x) => x.from >= offset) ?? segs[segs.length - 1]!;
    const o = Math.max(0, Math.min(s.length, offset - s.from));
    return { path: s.path, onTitle: s.onTitle, offset: s.modelStart + o, inMarker: offset < segs[0]!.from };
  }
  const s = [...segs].reverse().find((x) => x.from + x.length <= offset) ?? segs[0]!;
  const o = Math.max(0, Math.min(s.length, offset - s.from));
  return { path: s.path, onTitle: s.onTitle, offset: s.modelStart + o, inMarker: offset <= segs[0]!.from && offset > 0 };
}
