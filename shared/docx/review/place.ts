// Places a reviewer's comments and changes on the current draft (shared, pure): the reviewer's paragraphs (changes
// rejected, i.e. as the draft was when it went out) are aligned with the draft's printed paragraphs by equal text in
// order; an item in a paragraph that has changed since is found by its text and its neighbourhood. What cannot be
// placed is kept with the reason, never dropped.
import { newDocumentId } from '../../model/id';
import type { ReportDocument } from '../../model/schema';
import type { ReviewAnchor, ReviewItem } from '../../model/review';
import { REVIEW_AUTHOR } from './reviewCopy';
import { modelPosition, printedParagraphs, type PrintedParagraph } from './printed';
import type { RawReviewItem, ReviewerFile } from './readReview';
import { commonPrefix, commonSuffix } from '../../model/reviewLocate';

const CONTEXT = 20;

export interface PlacementSummary { placed: number; unplaced: number }

/** Reviewer paragraph k → printed paragraph index, for paragraphs whose original text is unchanged (in order). */
function alignParagraphs(file: ReviewerFile, printed: readonly PrintedParagraph[]): number[] {
  const byText = new Map<string, number[]>();
  printed.forEach((p, i) => {
    const list = byText.get(p.text) ?? [];
    list.push(i);
    byText.set(p.text, list);
  });
  const map: number[] = [];
  let last = -1;
  for (const p of file.paragraphs) {
    const next = (byText.get(p.original) ?? []).find((i) => i > last);
    if (next === undefined || p.original === '') {
      map.push(-1);
    } else {
      map.push(next);
      last = next;
    }
  }
  return map;
}

/** The best place for `quote` with its neighbourhood in the printed paragraphs, or null when not found or ambiguous. */
function search(printed: readonly PrintedParagraph[], quote: string, before: string, after: string): { paragraph: number; start: number } | null {
  const candidates: { paragraph: number; start: number; score: number }[] = [];
  const consider = (paragraph: number, start: number): void => {
    const text = printed[paragraph]!.text;
    const score = commonSuffix(before, text.slice(0, start)) + commonPrefix(after, text.slice(start + quote.length));
    if (!candidates.some((c) => c.paragraph === paragraph && c.start === start)) candidates.push({ paragraph, start, score });
  };
  printed.forEach((p, i) => {
    if (p.segments.length === 0) return;
    if (quote) {
      for (let at = p.text.indexOf(quote); at >= 0; at = p.text.indexOf(quote, at + 1)) consider(i, at);
    } else {
      const tail = before.slice(-8);
      const head = after.slice(0, 8);
      if (tail) for (let at = p.text.indexOf(tail); at >= 0; at = p.text.indexOf(tail, at + 1)) consider(i, at + tail.length);
      if (head) for (let at = p.text.indexOf(head); at >= 0; at = p.text.indexOf(head, at + 1)) consider(i, at);
    }
  });
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0]!;
  if (candidates[1] && candidates[1].score === best.score) return null;
  if (best.score < 4 && quote.length < 6) return null;
  return best;
}

type Placement = { anchor: ReviewAnchor } | { reason: string };

function toModel(p: PrintedParagraph, start: number, end: number, kind: RawReviewItem['kind']): Placement {
  if (p.kind === 'meta') return { reason: '位于主送机关、附件、署名或日期中，请在“报告信息”中修改' };
  const s = modelPosition(p, start, 'start');
  const e = modelPosition(p, end, end === start ? 'start' : 'end');
  if (!s || !e) return { reason: '不在报告正文或标题中' };
  const textChange = kind === 'insert' || kind === 'delete';
  const samePlace = s.onTitle === e.onTitle && s.path.join() === e.path.join();
  if (textChange && (!samePlace || (kind === 'delete' && (s.inMarker || e.inMarker)) || (kind === 'insert' && start < p.segments[0]!.from))) {
    return { reason: samePlace ? '修订涉及自动生成的序号（序号由结构决定，无需修改）' : '修订跨越了标题和正文，请手工修改' };
  }
  const endOffset = samePlace ? e.offset : s.offset + 0;
  return { anchor: { path: s.path, ...(s.onTitle ? { onTitle: true } : {}), start: s.offset, end: Math.max(s.offset, endOffset) } };
}

/**
 * The reviewer's items as review items on `doc`, with how many were placed. `source` is the returned file's name.
 * A paragraph added whole becomes one insert after the block before it; a paragraph deleted whole one delete.
 */
export function placeReview(doc: ReportDocument, file: ReviewerFile, source: string): { items: ReviewItem[]; summary: PlacementSummary } {
  const printed = printedParagraphs(doc);
  const map = alignParagraphs(file, printed);
  const items: ReviewItem[] = [];
  const wholeDeleted = new Set<number>();
  const wholeInserted = new Set<number>();
  file.paragraphs.forEach((p, k) => {
    const prevMarkInserted = k > 0 && file.paragraphs[k - 1]!.markInserted;
    if (p.original === '' && p.accepted !== '' && (p.markInserted || prevMarkInserted)) wholeInserted.add(k);
    if (p.accepted === '' && p.original !== '' && p.markDeleted) wholeDeleted.add(k);
  });

  const make = (raw: RawReviewItem, quote: string, before: string, after: string, placement: Placement, extra: Partial<ReviewItem> = {}): ReviewItem => ({
    id: newDocumentId(),
    kind: raw.kind,
    ...(raw.move ? { move: true } : {}),
    author: raw.author,
    date: raw.date,
    text: raw.text,
    quote,
    before,
    after,
    anchor: 'anchor' in placement ? placement.anchor : null,
    ...('reason' in placement ? { unplacedReason: placement.reason } : {}),
    replies: raw.replies,
    done: raw.done,
    source,
    ...extra,
  });

  const seenWhole = new Set<number>();
  for (const raw of file.items) {
    // The checker's own comments come back unchanged: the live checker shows them. A thread a reviewer answered stays.
    if (raw.kind === 'comment' && raw.author === REVIEW_AUTHOR && raw.replies.length === 0) continue;
    const k = raw.paragraph;
    const para = file.paragraphs[k];
    if (!para) {
      items.push(make(raw, '', '', '', { reason: '批注在文档中没有位置（可能是页眉、页脚或脚注中的批注）' }));
      continue;
    }
    if ((wholeInserted.has(k) || wholeDeleted.has(k)) && (raw.kind === 'insert' || raw.kind === 'delete')) {
      if (seenWhole.has(k)) continue;
      seenWhole.add(k);
      const inserted = wholeInserted.has(k);
      // An added paragraph goes after the block of the nearest unchanged paragraph before it.
      let prev = k - 1;
      while (prev >= 0 && (map[prev] ?? -1) < 0) prev--;
      const printedIndex = inserted ? (prev >= 0 ? map[prev]! : -1) : map[k]!;
      const target = printed[printedIndex];
      const seg = target?.segments[target.segments.length - 1];
      const wholeRaw: RawReviewItem = { ...raw, kind: inserted ? 'insert' : 'delete', text: inserted ? para.accepted : para.original };
      const before = inserted && prev >= 0 ? file.paragraphs[prev]!.original.slice(-CONTEXT) : '';
      let placement: Placement;
      if (!target || !seg || target.kind === 'title' || target.kind === 'meta' || target.kind === 'cell' || seg.onTitle) {
        placement = { reason: inserted ? '新增段落的位置在正文之外或表格中，请手工添加' : '删除的段落不在正文中或已改动，请手工处理' };
      } else if (inserted) {
        placement = { anchor: { path: seg.path, start: seg.modelStart + seg.length, end: seg.modelStart + seg.length } };
      } else if (target.segments.length !== 1) {
        placement = { reason: '删除的段落含连排标题，请手工处理' };
      } else {
        placement = { anchor: { path: seg.path, start: 0, end: seg.length } };
      }
      items.push(make(wholeRaw, inserted ? '' : para.original, before, '', placement, { wholeParagraph: true }));
      continue;
    }
    const quote = para.original.slice(raw.start, raw.end);
    const before = para.original.slice(Math.max(0, raw.start - CONTEXT), raw.start);
    const after = para.original.slice(raw.end, raw.end + CONTEXT);
    const aligned = map[k] ?? -1;
    let placement: Placement;
    if (aligned >= 0) {
      placement = toModel(printed[aligned]!, raw.start, raw.end, raw.kind);
    } else {
      const found = search(printed, quote, before, after);
      placement = found ? toModel(printed[found.paragraph]!, found.start, found.start + quote.length, raw.kind) : { reason: '原文已改动，找不到这段文字' };
    }
    items.push(make(raw, quote, before, after, placement));
  }
  const placed = items.filter((i) => i.anchor).length;
  return { items, summary: { placed, unplaced: items.length - placed } };
}
