// Review items (shared, pure): a reviewer's comments and tracked changes, imported from the Word file they returned
// and attached to places of the draft. Saved in the .fzbg (format version 2) so the conversation survives a save.
import { z } from 'zod';

export const ReviewReply = z.object({ author: z.string(), date: z.string(), text: z.string() });
export type ReviewReply = z.infer<typeof ReviewReply>;

/** Where an item sits in the draft: body text at `path` (or meta.title with onTitle), UTF-16 offsets. */
export const ReviewAnchor = z.object({
  path: z.array(z.number().int().nonnegative()),
  onTitle: z.boolean().optional(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type ReviewAnchor = z.infer<typeof ReviewAnchor>;

const REVIEW_KINDS = ['comment', 'insert', 'delete', 'format'] as const;
export const ReviewKind = z.enum(REVIEW_KINDS);
export type ReviewKind = z.infer<typeof ReviewKind>;

export const ReviewItem = z.object({
  id: z.string().min(1),
  /** comment; insert/delete: a tracked text change; format: a run or paragraph property change (no text effect). */
  kind: ReviewKind,
  /** The change came from a move (w:moveFrom / w:moveTo). */
  move: z.boolean().optional(),
  /** An insert that adds a whole paragraph after the anchor's block, or a delete that removes the whole block. */
  wholeParagraph: z.boolean().optional(),
  author: z.string(),
  /** ISO date-time as the reviewer's software wrote it, or ''. */
  date: z.string(),
  /** The comment's text, the inserted or deleted text, or what a format change changed. */
  text: z.string(),
  /** The draft text the item is on, as it was in the reviewer's file (empty for an insertion point). */
  quote: z.string(),
  /** Up to 20 characters before and after, in the reviewer's file: how the item was placed. */
  before: z.string(),
  after: z.string(),
  /** Null when the item could not be placed on the draft; it is then listed apart with `unplacedReason`. */
  anchor: ReviewAnchor.nullable(),
  unplacedReason: z.string().optional(),
  replies: z.array(ReviewReply).default([]),
  /** 已解决 in Word, or 标记已处理 here. */
  done: z.boolean().default(false),
  /** The returned file's name. */
  source: z.string(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

/** Chinese names of the kinds, for the panel and the CLI. */
export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = { comment: '批注', insert: '插入', delete: '删除', format: '格式修订' };
