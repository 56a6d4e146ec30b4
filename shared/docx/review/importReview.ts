// 导入审阅意见 (shared, pure): a reviewer's returned .docx read and placed on the current draft; the new items are
// added to the draft's review list (an item already there from an earlier import of the same file is not repeated).
import type { ReportDocument } from '../../model/schema';
import type { ReviewItem } from '../../model/review';
import type { DocxImportLimits } from '../package';
import { placeReview, type PlacementSummary } from './place';
import { readReviewerFile } from './readReview';

export interface ReviewImportResult {
  /** The draft with the new items added to `review`. */
  doc: ReportDocument;
  /** The items this import added, placed ones and unplaced ones. */
  added: ReviewItem[];
  summary: PlacementSummary & { comments: number; changes: number; repeated: number };
}

const identity = (i: ReviewItem): string => JSON.stringify([i.kind, i.author, i.date, i.text, i.quote, i.before, i.after]);

export function importReview(doc: ReportDocument, bytes: Uint8Array, source: string, limits: Partial<DocxImportLimits> = {}): ReviewImportResult {
  const file = readReviewerFile(bytes, limits);
  const { items } = placeReview(doc, file, source);
  const existing = new Set((doc.review ?? []).map(identity));
  const added = items.filter((i) => !existing.has(identity(i)));
  const placed = added.filter((i) => i.anchor).length;
  return {
    doc: { ...doc, review: [...(doc.review ?? []), ...added] },
    added,
    summary: {
      placed,
      unplaced: added.length - placed,
      comments: added.filter((i) => i.kind === 'comment').length,
      changes: added.filter((i) => i.kind !== 'comment').length,
      repeated: items.length - added.length,
    },
  };
}

/** One line for the user: 已导入 N 条审阅意见（批注 a 条、修订 b 条），其中 c 条未能定位…。 */
export function reviewSummaryText(summary: ReviewImportResult['summary']): string {
  const total = summary.placed + summary.unplaced;
  if (total === 0) return summary.repeated > 0 ? `这份文件中的 ${summary.repeated} 条审阅意见此前已导入，没有新的意见。` : '文件中没有批注或修订。';
  const parts = [`已导入 ${total} 条审阅意见（批注 ${summary.comments} 条、修订 ${summary.changes} 条）`];
  parts.push(summary.unplaced > 0 ? `其中 ${summary.placed} 条已对应到正文，${summary.unplaced} 条未能定位（单独列出）` : '全部已对应到正文');
  if (summary.repeated > 0) parts.push(`另有 ${summary.repeated} 条此前已导入`);
  return parts.join('，') + '。';
}
