// The reporting deadline of a report (shared, pure; REFERENCE.md §1): the provincial Party committee and government
// report by 1 April, everyone else (departments, city, county and township governments) by 1 March of Y+1.
import { organFromTitle } from '../check/rules/formulations';
import type { ReportMeta } from '../model/schema';

export type OrganKind = 'provincial' | 'other';

const PROVINCE = '(?:[\\u4e00-\\u9fff]{2,8}?(?:省|自治区)|北京市|天津市|上海市|重庆市)';
const PROVINCIAL = new RegExp(`^(?:中共)?${PROVINCE}(?:委(?:员会)?)?(?:${PROVINCE})?(?:人民政府)?$`);

/**
 * What kind of organ reports, for its deadline. The one place organ kinds are told apart for the desk: swap the body
 * for the importer/checker's recognition once that lands.
 */
export function organKind(organ: string): OrganKind {
  const name = organ.replace(/[\s\u3000]+/g, '');
  if (!name) return 'other';
  // 中共X省委 X省人民政府 (joint), X省人民政府, 中共X省委: provincial. X省司法厅, X省X市人民政府: not.
  if (!/(?:人民政府|委|委员会)$/.test(name)) return 'other';
  return PROVINCIAL.test(name) ? 'provincial' : 'other';
}

/** The organ a report is from: its meta, else its signature, else its title. */
export function reportingOrgan(meta: Pick<ReportMeta, 'organ' | 'signature' | 'title'>): string {
  return (meta.organ || meta.signature || organFromTitle(meta.title)).trim();
}

export interface DeadlineStatus {
  kind: OrganKind;
  /** The last day allowed, ISO. */
  due: string;
  /** on-time / late against the 成文日期; no-date when the report has none. */
  status: 'on-time' | 'late' | 'no-date';
}

export function deadlineStatus(meta: Pick<ReportMeta, 'organ' | 'signature' | 'title' | 'year' | 'date'>): DeadlineStatus {
  const kind = organKind(reportingOrgan(meta));
  const due = `${meta.year + 1}-${kind === 'provincial' ? '04' : '03'}-01`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(meta.date)) return { kind, due, status: 'no-date' };
  return { kind, due, status: meta.date <= due ? 'on-time' : 'late' };
}
