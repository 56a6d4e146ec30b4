// The report document model (shared, pure): one zod schema used to validate everywhere, types derived from it.
// The body is a flat list of Slate blocks; the tree (parts → sub-headings → paragraphs) is implied by heading levels,
// so that Tab/Shift+Tab in the editor only change a level and sequence numbers are always derived, never stored.
import { z } from 'zod';
import { ReviewItem } from './review';

export const MANDATED_PART_IDS = ['achievements', 'shortcomings', 'leadership', 'plans', 'other'] as const;
export const MandatedPartId = z.enum(MANDATED_PART_IDS);
export type MandatedPartId = z.infer<typeof MandatedPartId>;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/**
 * A run of text. `stale` marks a figure carried over from last year's report that the officer has not confirmed.
 * `hint` makes the run a template's writing hint (“（写……。）”): shown grey, removed as a unit when typed into or
 * deleted, never exported, counted or judged as content (see shared/model/hints.ts).
 */
export const TextLeaf = z.object({
  text: z.string(),
  stale: z.boolean().optional(),
  hint: z.literal(true).optional(),
});
export type TextLeaf = z.infer<typeof TextLeaf>;

export const HeadingLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type HeadingLevel = z.infer<typeof HeadingLevel>;

/**
 * A heading; its text never holds the sequence marker (一、（一）1.（1） are derived from the structure).
 * `parts` tags the mandated part(s) it fulfils (a combined 不足+安排 part carries two). A run-in heading
 * (`（一）标题。正文…` in one printed paragraph) has `runIn: true`; its text keeps its closing mark and the
 * paragraph right after it is printed on the same line.
 */
export const HeadingElement = z.object({
  type: z.literal('heading'),
  level: HeadingLevel,
  parts: z.array(MandatedPartId).optional(),
  runIn: z.boolean().optional(),
  children: z.array(TextLeaf).min(1),
});
export type HeadingElement = z.infer<typeof HeadingElement>;

export const ParagraphElement = z.object({
  type: z.literal('paragraph'),
  children: z.array(TextLeaf).min(1),
});
export type ParagraphElement = z.infer<typeof ParagraphElement>;

export const TableCellElement = z.object({
  type: z.literal('table-cell'),
  children: z.array(TextLeaf).min(1),
});
export type TableCellElement = z.infer<typeof TableCellElement>;

export const TableRowElement = z.object({
  type: z.literal('table-row'),
  children: z.array(TableCellElement).min(1),
});
export type TableRowElement = z.infer<typeof TableRowElement>;

export const TableElement = z.object({
  type: z.literal('table'),
  children: z.array(TableRowElement).min(1),
});
export type TableElement = z.infer<typeof TableElement>;

export const Block = z.discriminatedUnion('type', [HeadingElement, ParagraphElement, TableElement]);
export type Block = z.infer<typeof Block>;

/** 成文日期 and other dates are ISO `YYYY-MM-DD` (or empty while not yet set). */
export const IsoDate = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]);

/**
 * Where an imported 成文日期 came from when it is not the document's own: a web page's 发布日期/发布时间
 * (`published`) or 更新时间 (`updated`), which say when the page went up, not when the report was signed.
 * Absent: the document's own date (成文日期, the date under the signature) or one the user entered.
 */
export const DateSource = z.enum(['published', 'updated']);
export type DateSource = z.infer<typeof DateSource>;

export const ReportMeta = z.object({
  /** 机关名称: the reporting organ, as in the signature. */
  organ: z.string(),
  /** 报告年度: the year reported on (Y). */
  year: z.number().int().min(1990).max(2200),
  title: z.string(),
  /** 主送机关, without the trailing colon. */
  addressee: z.string(),
  /** 成文日期. */
  date: IsoDate,
  dateSource: DateSource.optional(),
  /** 署名 (defaults to the organ). */
  signature: z.string(),
  docNumber: z.string().optional(),
  templateId: z.string().optional(),
  /** 附件 names, printed as the attachment note. */
  attachments: z.array(z.string()).optional(),
  /** 附注 (GB/T 9704 §7.3.6) without its parentheses, e.g. 此件公开发布: printed below the date. */
  notation: z.string().optional(),
});
export type ReportMeta = z.infer<typeof ReportMeta>;

/** A checker finding the user chose to ignore in this document. Identified by rule and matched text in context. */
export const IgnoredFinding = z.object({
  rule: z.string(),
  text: z.string(),
  context: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  /** Who waved it through: the user name from the settings (用户名/姓名), when one was set. */
  by: z.string().optional(),
});
export type IgnoredFinding = z.infer<typeof IgnoredFinding>;

export const RequiredIndicator = z.object({
  /** Which mandated part must state it. */
  part: MandatedPartId,
  /** What the officer sees: 行政复议案件数. */
  label: z.string(),
  /** Regular expression source that finds the indicator stated with a figure. */
  pattern: z.string(),
});
export type RequiredIndicator = z.infer<typeof RequiredIndicator>;

/** Which rule reports a wording entry: the formulation dictionary, confusable words, or leaders' names and titles. */
export const WordingFamily = z.enum(['formulation', 'confusable', 'leader']);
export type WordingFamily = z.infer<typeof WordingFamily>;

export const FormulationEntry = z.object({
  /** The wrong form, a literal string or (with `regex`) a regular expression source. */
  wrong: z.string(),
  regex: z.boolean().optional(),
  /** The standard form; empty when there is no mechanical replacement. */
  correct: z.string(),
  note: z.string().optional(),
  severity: Severity.optional(),
  /** Report years this entry applies to (inclusive); absent means always. */
  fromYear: z.number().int().optional(),
  toYear: z.number().int().optional(),
  /** The rule that reports it (format version 6); absent: the formulation dictionary. */
  family: WordingFamily.optional(),
  /**
   * Context (format version 6), regular expression sources judged on the same sentence: the text just before the
   * match must end with `before` and must not end with `notBefore`; the text just after must start with `after`
   * and must not start with `notAfter`.
   */
  before: z.string().optional(),
  notBefore: z.string().optional(),
  after: z.string().optional(),
  notAfter: z.string().optional(),
  /** Where the standard form comes from (a document, a dictionary, the year it changed). */
  source: z.string().optional(),
});
export type FormulationEntry = z.infer<typeof FormulationEntry>;

/** The template's rule settings, carried in every document so a report checks the same wherever it is opened. */
export const RuleSettings = z.object({
  disabled: z.array(z.string()).default([]),
  severity: z.record(z.string(), Severity).default({}),
  requiredIndicators: z.array(RequiredIndicator).default([]),
  formulations: z.array(FormulationEntry).default([]),
  lengthTarget: z.object({ min: z.number().int().nonnegative().optional(), max: z.number().int().positive().optional() }).optional(),
});
export type RuleSettings = z.infer<typeof RuleSettings>;

export const ReportDocument = z.object({
  /** Stable identity across saves (recovery entries and version history are keyed by it). */
  id: z.string().min(1),
  meta: ReportMeta,
  body: z.array(Block),
  ignores: z.array(IgnoredFinding).default([]),
  rules: RuleSettings.default({ disabled: [], severity: {}, requiredIndicators: [], formulations: [] }),
  /** A reviewer's comments and tracked changes imported from a returned Word file (format version 2). */
  review: z.array(ReviewItem).optional(),
});
export type ReportDocument = z.infer<typeof ReportDocument>;

export function emptyRuleSettings(): RuleSettings {
  return { disabled: [], severity: {}, requiredIndicators: [], formulations: [] };
}

/** The plain text of a block (a table's cells joined by tabs and newlines). */
export function blockText(block: Block): string {
  if (block.type === 'table') {
    return block.children.map((row) => row.children.map((cell) => leavesText(cell.children)).join('\t')).join('\n');
  }
  return leavesText(block.children);
}

export function leavesText(leaves: readonly TextLeaf[]): string {
  return leaves.length === 1 ? leaves[0]!.text : leaves.map((l) => l.text).join('');
}

/** The text of leaves without template hints: what is exported, counted and recognised as a part's content. */
export function contentText(leaves: readonly TextLeaf[]): string {
  let s = '';
  for (const l of leaves) if (!l.hint) s += l.text;
  return s;
}

/** The plain text of a block without template hints. */
export function blockContent(block: Block): string {
  if (block.type === 'table') {
    return block.children.map((row) => row.children.map((cell) => contentText(cell.children)).join('\t')).join('\n');
  }
  return contentText(block.children);
}

export function paragraph(text: string): ParagraphElement {
  return { type: 'paragraph', children: [{ text }] };
}

export function heading(level: HeadingLevel, text: string, extra: Partial<Pick<HeadingElement, 'parts' | 'runIn'>> = {}): HeadingElement {
  return { type: 'heading', level, ...extra, children: [{ text }] };
}

// ---- Slate's view of the model -----------------------------------------------------------------------------------
// The editor's value is `doc.body` itself: these declarations make Slate's Element and Text exactly our blocks and
// leaves. The editor type is the pure part (history); the renderer adds slate-react's ReactEditor on top.
declare module 'slate' {
  interface CustomTypes {
    Editor: import('slate').BaseEditor & import('slate-history').HistoryEditor;
    Element: HeadingElement | ParagraphElement | TableElement | TableRowElement | TableCellElement;
    Text: TextLeaf;
  }
}
