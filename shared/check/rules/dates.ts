// Dates (shared, pure): the 成文日期 against the reporting deadline (the province by 1 April, everyone else by
// 1 March of the following year), a web page's 发布时间 against the publication deadline (1 April), and dates in the
// text that lie after the report's own date.
import type { ReportMeta } from '../../model/schema';
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
  // 中共X县委员会 is the Party committee written in full (X县委): not a department's 委员会.
  const o = organ.replace(/\s+/g, ' ').trim().replace(/^(中共[^\s]{1,12}?(?:省|自治区|市|州|盟|地区|区|县|旗|镇|乡))委员会/, '$1委');
  if (/(?:局|厅|委员会|办公室|办|中心|院|所|队|站|部)$/.test(o) && !/人民政府$/.test(o)) return 'department';
  if (PROVINCE.test(o) || (MUNICIPALITY.test(o) && /(?:市|市委|人民政府|政府)$/.test(o) && !/[区县]/.test(o))) return 'province';
  return 'government';
}

/** The organ a report is from: its meta, else its signature, else its title. */
export function reportingOrgan(meta: Pick<ReportMeta, 'organ' | 'signature' | 'title'>): string {
  return (meta.organ || meta.signature || organFromTitle(meta.title)).trim();
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
 * The deadlines of the rule (REFERENCE.md §1), per kind of organ, as month and day of the year after the report
 * year: when the report is due to the level above (reporting) and when it must be public (publishing), with who
 * reports to whom. The last day named is allowed.
 */
export const DEADLINES: Readonly<Record<OrganKind, { report: [number, number]; publish: [number, number]; who: string }>> = {
  province: { report: [4, 1], publish: [4, 1], who: '省级党委和政府向党中央、国务院' },
  government: { report: [3, 1], publish: [4, 1], who: '市、县、乡级党委和政府向上一级党委和政府' },
  department: { report: [3, 1], publish: [4, 1], who: '县级以上政府部门向本级党委、政府和上一级部门' },
};

function after(date: { y: number; m: number; d: number }, y: number, [m, d]: [number, number]): boolean {
  return date.y * 10000 + date.m * 100 + date.d > y * 10000 + m * 100 + d;
}

const PAGE_DATE = { published: '发布时间', updated: '更新时间' } as const;

/**
 * The reporting deadline of the 成文日期: the provincial Party committee and government report to the centre by
 * 1 April; departments, and governments and Party committees below the province, report by 1 March. A date taken
 * from a web page (meta.dateSource) is not the 成文日期: it is never judged against the reporting deadline, only
 * named as such (an info).
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
    const source = doc.meta.dateSource;
    if (source) {
      return [{ path: [], start: 0, end: 0, text: doc.meta.date, severity: 'info', message: `成文日期${date.y}年${date.m}月${date.d}日取自网页的${PAGE_DATE[source]}，它只说明网页何时${source === 'published' ? '发布' : '更新'}，不是报告落款的成文日期，因此不按报送期限判断。请在落款下方填写报告的成文日期。` }];
    }
    const kind = organKind(reportingOrgan(doc.meta));
    const { report: [dueMonth, dueDay], who } = DEADLINES[kind];
    const Y = doc.meta.year;
    if (!after(date, Y + 1, [dueMonth, dueDay])) return [];
    return [{ path: [], start: 0, end: 0, text: doc.meta.date, message: `成文日期${date.y}年${date.m}月${date.d}日晚于报送期限：${who}报送${Y}年度法治政府建设情况报告的期限是${Y + 1}年${dueMonth}月${dueDay}日。请核对成文日期；若这是网页的发布时间，请改为报告落款的成文日期。` }];
  },
};

/**
 * The publication deadline: every report is published (on the web or in the press) before 1 April of the year
 * after. Judged on what says when the report went public: a web page's 发布时间 (meta.dateSource 'published'). An
 * update time says nothing of the first publication, and a 成文日期 nothing of publishing at all.
 */
export const publication: DocumentRule = {
  id: 'date.publication',
  category: 'dates',
  severity: 'warning',
  title: '网页发布时间晚于公开期限',
  scope: 'document',
  check(doc) {
    const date = parseIso(doc.meta.date);
    if (!date || doc.meta.dateSource !== 'published') return [];
    const kind = organKind(reportingOrgan(doc.meta));
    const [m, d] = DEADLINES[kind].publish;
    const Y = doc.meta.year;
    if (!after(date, Y + 1, [m, d])) return [];
    return [{ path: [], start: 0, end: 0, text: doc.meta.date, message: `网页的发布时间${date.y}年${date.m}月${date.d}日晚于公开期限：${Y}年度法治政府建设情况报告应于${Y + 1}年${m}月${d}日前通过报刊、网站等向社会公开（涉及国家秘密的除外）。` }];
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
    const against = doc.meta.dateSource ? `网页的${PAGE_DATE[doc.meta.dateSource]}` : '本报告的成文日期';
    doc.body.forEach((_, index) => {
      const dates = view.memo(index, 'date.dates', (us) => us.flatMap((u, k) => datesIn(u.text, k)));
      if (dates.length === 0 || partAt(parts, index) === 'plans') return;
      const units = view.unitsOf(index);
      for (const d of dates) {
        if (d.stamp <= stamp || d.planned) continue;
        out.push(at(units[d.k]!, d.index, d.index + d.text.length, `“${d.text}”晚于${against}（${date.y}年${date.m}月${date.d}日），请核实日期或数据的截止时间。`));
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

export const DATE_RULES = [deadline, publication, futureDate];
