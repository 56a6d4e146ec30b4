// Dates (shared, pure): the 成文日期 against the reporting deadline (the province by 1 April, everyone else by
// 1 March of the following year), and dates in the text that lie after the report's own date.
import type { DocumentRule, RawFinding } from '../types';
import { at, matches } from '../text';
import { partAt, partsOf } from './sections';
import { organFromTitle } from './formulations';

/** The kind of reporting organ, as far as the deadline depends on it (REFERENCE.md §1). */
export type OrganKind = 'province' | 'government' | 'department';

const MUNICIPALITY = /^(?:中共)?(?:北京|天津|上海|重庆)市(?:委)?/;
const PROVINCE = /^(?:中共)?[\u4e00-\u9fff]{2,10}?(?:省|自治区)(?:委)?(?:\s*[\u4e00-\u9fff]{2,10}?(?:省|自治区))?(?:人民政府|政府)?$/;

/**
 * Province (the provincial Party committee and government), a government or Party committee below it (written
 * with or without 人民政府: X区, X县, X镇, X街道, 中共X县委 X县人民政府), or a department (局, 委员会, 办公室…).
 */
export function organKind(organ: string): OrganKind {
  const o = organ.replace(/\s+/g, ' ').trim();
  if (/(?:局|厅|委员会|办公室|办|中心|院|所|队|站|部)$/.test(o) && !/人民政府$/.test(o)) return 'department';
  if (PROVINCE.test(o) || (MUNICIPALITY.test(o) && /(?:市|市委|人民政府|政府)$/.test(o) && !/[区县]/.test(o))) return 'province';
  return 'government';
}

/** Whether the organ is a people's government or Party committee (rather than a department). */
export function isGovernment(organ: string): boolean {
  return organKind(organ) !== 'department';
}

function parseIso(date: string): { y: number; m: number; d: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : undefined;
}

/**
 * The reporting deadline of the 成文日期: the provincial Party committee and government report to the centre by
 * 1 April; departments, and governments and Party committees below the province, report by 1 March.
 */
export const deadline: DocumentRule = {
  id: 'date.deadline',
  category: 'dates',
  severity: 'warning',
  title: '成文日期晚于报送期限',
  scope: 'document',
  check(doc) {
    const date = parseIso(doc.meta.date);
    if (!date) return [];
    const kind = organKind(doc.meta.organ || doc.meta.signature || organFromTitle(doc.meta.title));
    const dueMonth = kind === 'province' ? 4 : 3;
    const Y = doc.meta.year;
    const late = date.y > Y + 1 || (date.y === Y + 1 && (date.m > dueMonth || (date.m === dueMonth && date.d > 1)));
    if (!late) return [];
    const who = kind === 'province' ? '省级党委和政府向党中央、国务院' : kind === 'government' ? '市、县、乡级党委和政府向上一级' : '县级以上政府部门向本级党委、政府和上一级部门';
    return [{ path: [], start: 0, end: 0, text: doc.meta.date, message: `成文日期${date.y}年${date.m}月${date.d}日晚于报送期限：${who}报送${Y}年度法治政府建设情况报告的期限是${Y + 1}年${dueMonth}月1日。请核对成文日期；若这是网页的发布时间，请改为报告落款的成文日期。` }];
  },
};

const FULL_DATE = /((?:19|20)\d{2})年(1[0-2]|0?[1-9])月(?:(3[01]|[12]\d|0?[1-9])日)?/g;
const FUTURE_OK = /计划|预计|将|力争|争取|拟|前|以前|之前|目标|起施行|起实施|截止日期|到期/;

export const futureDate: DocumentRule = {
  id: 'date.future',
  category: 'dates',
  severity: 'warning',
  title: '文中日期晚于成文日期',
  scope: 'document',
  check(doc, view) {
    const date = parseIso(doc.meta.date);
    if (!date) return [];
    const stamp = date.y * 10000 + date.m * 100 + date.d;
    const parts = partsOf(doc);
    const out: RawFinding[] = [];
    doc.body.forEach((_, index) => {
      const dates = view.memo(index, 'date.dates', (us) => us.flatMap((u, k) => datesIn(u.text, k)));
      if (dates.length === 0 || partAt(parts, index) === 'plans') return;
      const units = view.unitsOf(index);
      for (const d of dates) {
        if (d.stamp <= stamp || d.planned) continue;
        out.push(at(units[d.k]!, d.index, d.index + d.text.length, `“${d.text}”晚于本报告的成文日期（${date.y}年${date.m}月${date.d}日），请核实日期或数据的截止时间。`));
      }
    });
    return out;
  },
};

interface DateMention { k: number; index: number; text: string; stamp: number; planned: boolean }

function datesIn(text: string, k: number): DateMention[] {
  if (!/(?:19|20)\d{2}年\d/.test(text)) return [];
  return matches(FULL_DATE, text).map((m) => {
    const stamp = Number(m[1]) * 10000 + Number(m[2]) * 100 + (m[3] ? Number(m[3]) : 1);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    return { k, index: m.index, text: m[0], stamp, planned: FUTURE_OK.test(after) || FUTURE_OK.test(before) };
  });
}

export const DATE_RULES = [deadline, futureDate];
