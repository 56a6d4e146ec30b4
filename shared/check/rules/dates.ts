// Dates (shared, pure): the 成文日期 against the reporting deadline (departments by 1 March, governments by 1 April
// of the following year), and dates in the text that lie after the report's own date.
import type { DocumentRule, RawFinding } from '../types';
import { at, matches } from '../text';
import { partAt, partsOf } from './sections';
import { organFromTitle } from './formulations';

/** Whether the organ is a people's government (deadline 1 April) rather than a department (1 March). */
export function isGovernment(organ: string): boolean {
  // X县人民政府, 中共X县委 X县人民政府 (joint): a government; X县人民政府办公室, X县司法局: a department.
  return /人民政府$/.test(organ.replace(/\s+/g, ''));
}

function parseIso(date: string): { y: number; m: number; d: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : undefined;
}

export const deadline: DocumentRule = {
  id: 'date.deadline',
  category: 'dates',
  severity: 'warning',
  title: '成文日期晚于报送期限',
  scope: 'document',
  check(doc) {
    const date = parseIso(doc.meta.date);
    if (!date) return [];
    const government = isGovernment(doc.meta.organ || doc.meta.signature || organFromTitle(doc.meta.title));
    const dueMonth = government ? 4 : 3;
    const Y = doc.meta.year;
    const late = date.y > Y + 1 || (date.y === Y + 1 && (date.m > dueMonth || (date.m === dueMonth && date.d > 1)));
    if (!late) return [];
    const who = government ? '各级人民政府' : '县级以上政府部门';
    return [{ path: [], start: 0, end: 0, text: doc.meta.date, message: `成文日期${date.y}年${date.m}月${date.d}日晚于报送期限：${who}应于${Y + 1}年${dueMonth}月1日前报送${Y}年度法治政府建设情况报告。` }];
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
