// One summary row per checked report for the reviewer's desk (shared, pure): organ, year, 成文日期 against the
// deadline, each mandated part present / missing / not filled in, finding counts, placeholders left, sub-parts
// without any figure, publication-safety hits and length. Built from the checker's result, never re-checking.
import type { CheckResult, Finding } from '../check/types';
import { countBody } from '../editor/counts';
import { blockText, type ReportDocument } from '../model/schema';
import type { MandatedParts } from '../outline/parts';
import { reportingOrgan } from '../check/rules/dates';
import { deadlineStatus, type DeadlineStatus } from './deadline';

/** The four parts the rule requires, in its order (REFERENCE.md §2). */
export const DESK_PARTS = ['achievements', 'shortcomings', 'leadership', 'plans'] as const;
export type DeskPart = (typeof DESK_PARTS)[number];

/** ✓ present with content, ✗ not found, 未填写 found but holding only its heading, guidance or placeholders. */
export type PartMark = 'present' | 'missing' | 'empty';

export const SAFETY_KINDS = ['idNumber', 'mobile', 'secrecy', 'email'] as const;
export type SafetyKind = (typeof SAFETY_KINDS)[number];
const SAFETY_RULES: Record<string, SafetyKind> = {
  'safety.id-number': 'idNumber',
  'safety.mobile': 'mobile',
  'safety.secrecy': 'secrecy',
  'safety.email': 'email',
};

export interface ReportSummary {
  organ: string;
  title: string;
  year: number;
  /** 成文日期, ISO or ''. */
  date: string;
  deadline: DeadlineStatus;
  parts: Record<DeskPart, PartMark>;
  errors: number;
  warnings: number;
  infos: number;
  placeholders: number;
  subPartsWithoutFigure: number;
  safety: Record<SafetyKind, number>;
  /** Characters of the body, whitespace not counted. */
  chars: number;
}

/** Template guidance in full-width brackets (`（写…。）`) and 【…】 placeholders: not the officer's own text. */
const NOT_CONTENT = /（写[^）]*）|【[^】]*】|[×Ｘ╳Xx□＿_]{2,}|[^\p{Script=Han}A-Za-z0-9]/gu;

function partMark(doc: ReportDocument, parts: MandatedParts, id: DeskPart): PartMark {
  const locations = parts.locations.filter((l) => l.id === id);
  if (locations.length === 0) return 'missing';
  for (const loc of locations) {
    let own = '';
    for (let k = loc.extent.start; k < loc.extent.end; k++) {
      const b = doc.body[k]!;
      // The part's own heading names the part; a clause or sentence found in a paragraph is content already.
      if (k === loc.path[0] && b.type === 'heading') continue;
      own += blockText(b).replace(NOT_CONTENT, '');
      if (own.length >= 8) return 'present';
    }
    if (loc.range) own += loc.text.replace(NOT_CONTENT, '');
    if (own.length >= 8) return 'present';
  }
  return 'empty';
}

export function summarizeReport(doc: ReportDocument, result: CheckResult, parts: MandatedParts): ReportSummary {
  const safety: Record<SafetyKind, number> = { idNumber: 0, mobile: 0, secrecy: 0, email: 0 };
  let errors = 0, warnings = 0, infos = 0, placeholders = 0, subPartsWithoutFigure = 0;
  const count = (f: Finding): void => {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
    if (f.rule === 'fig.placeholder') placeholders++;
    else if (f.rule === 'fig.none') subPartsWithoutFigure++;
    const kind = SAFETY_RULES[f.rule];
    if (kind) safety[kind]++;
  };
  result.findings.forEach(count);
  const marks = {} as Record<DeskPart, PartMark>;
  for (const id of DESK_PARTS) marks[id] = partMark(doc, parts, id);
  return {
    organ: reportingOrgan(doc.meta),
    title: doc.meta.title,
    year: doc.meta.year,
    date: doc.meta.date,
    deadline: deadlineStatus(doc.meta),
    parts: marks,
    errors,
    warnings,
    infos,
    placeholders,
    subPartsWithoutFigure,
    safety,
    chars: countBody(doc.body).total,
  };
}

/** Publication-safety hits that stop a report from being published as it is (the table shows them red). */
export function safetyTotal(s: Record<SafetyKind, number>): number {
  return s.idNumber + s.mobile + s.secrecy + s.email;
}
