// The reviewer's desk table (shared, pure): one row per file of the folder, a checked report or the reason it could
// not be read, with its comparison with last year. What crosses to the renderer, fills the workbook and the CLI table.
import type { PairedBy } from './compare';
import { safetyTotal, type DeskPart, type PartMark, type ReportSummary } from './summary';

export interface DeskPrevious {
  /** Key of last year's report it is paired with. */
  key: string;
  organ: string;
  by: PairedBy;
  paragraphs: number;
  same: number;
  numbersOnly: number;
  copiedShare: number;
  unchangedIndicators: string[];
}

export type DeskRow =
  | { key: string; status: 'ok'; summary: ReportSummary; previous: DeskPrevious | null }
  | { key: string; status: 'failed'; reason: string };

/** What a batch found, for the table's head line. */
export interface DeskTotals {
  reports: number;
  failed: number;
  withErrors: number;
  withSafety: number;
  late: number;
  copied: number;
}

/** Reports whose copied share reaches this are flagged as last year's text with figures changed. */
export const COPIED_FLAG = 0.5;

export function deskTotals(rows: readonly DeskRow[]): DeskTotals {
  const t: DeskTotals = { reports: rows.length, failed: 0, withErrors: 0, withSafety: 0, late: 0, copied: 0 };
  for (const r of rows) {
    if (r.status === 'failed') { t.failed++; continue; }
    if (r.summary.errors > 0) t.withErrors++;
    if (safetyTotal(r.summary.safety) > 0) t.withSafety++;
    if (r.summary.deadline.status === 'late') t.late++;
    if (r.previous && r.previous.copiedShare >= COPIED_FLAG) t.copied++;
  }
  return t;
}

export const PART_MARK_TEXT: Record<PartMark, string> = { present: '✓', missing: '✗', empty: '未填写' };
export const DEADLINE_TEXT = { 'on-time': '按期', late: '逾期', 'no-date': '未填日期' } as const;
export const PAIRED_BY_TEXT: Record<PairedBy, string> = { name: '机关名称相同', abbreviation: '简称与全称', text: '正文相近（机关可能更名）', manual: '手动指定' };

/** Short column labels of the parts. */
export const PART_SHORT: Record<DeskPart, string> = {
  achievements: '举措和成效',
  shortcomings: '不足和原因',
  leadership: '第一责任人履职',
  plans: '下一年度安排',
};

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
