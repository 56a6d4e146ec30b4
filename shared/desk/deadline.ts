// The reporting deadline of a report (shared, pure; REFERENCE.md §1), for the reviewer's desk: the checker's own
// judgement of the kind of organ and its table of deadlines (shared/check/rules/dates.ts), as a due date and a status.
import { DEADLINES, organKind, reportingOrgan, type OrganKind } from '../check/rules/dates';
import type { ReportMeta } from '../model/schema';

export interface DeadlineStatus {
  kind: OrganKind;
  /** The last day allowed, ISO. */
  due: string;
  /** on-time / late against the 成文日期; no-date when the report has none. */
  status: 'on-time' | 'late' | 'no-date';
}

export function deadlineStatus(meta: Pick<ReportMeta, 'organ' | 'signature' | 'title' | 'year' | 'date'>): DeadlineStatus {
  const kind = organKind(reportingOrgan(meta));
  const [month, day] = DEADLINES[kind].report;
  const due = `${meta.year + 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(meta.date)) return { kind, due, status: 'no-date' };
  return { kind, due, status: meta.date <= due ? 'on-time' : 'late' };
}
