// 送审前检查 grouping (shared/export/presubmit.ts): a fresh report from each built-in template, the fixtures, and
// look-alikes that must not raise the dialog (warnings only, ignored errors).
import { describe, expect, it } from 'vitest';
import { createChecker, ignoreFinding } from '../../shared/check/engine';
import { ruleCatalog } from '../../shared/check/rules';
import type { Finding } from '../../shared/check/types';
import { groupPresubmitErrors, PRESUBMIT_KINDS } from '../../shared/export/presubmit';
import { heading, paragraph, type ReportDocument } from '../../shared/model/schema';
import { featureDoc, templateDocs } from './helpers/docxDocs';

const check = (doc: ReportDocument) => createChecker().check(doc).findings;
const counts = (findings: readonly Finding[]) => Object.fromEntries(groupPresubmitErrors(findings).map((g) => [g.kind.id, g.count]));

describe('the pre-submission groups', () => {
  it('every rule id in the table is a checker rule', () => {
    const known = new Set(ruleCatalog().map((r) => r.id));
    for (const kind of PRESUBMIT_KINDS) for (const rule of kind.rules) expect(known.has(rule), rule).toBe(true);
  });

  it('a fresh template lists its hints and its missing 成文日期 in their own rows', () => {
    for (const doc of templateDocs()) {
      const findings = check({ ...doc, meta: { ...doc.meta, date: '', addressee: '' } });
      const c = counts(findings);
      expect(c.hint, doc.meta.title).toBe(findings.filter((f) => f.rule === 'fig.hint' && f.severity === 'error').length);
      expect(c.hint).toBeGreaterThan(0);
      // 成文日期 (an error) and, for a report that has an addressee, 主送机关 (a warning) share the row.
      expect(c.meta).toBe(findings.filter((f) => f.rule === 'struct.meta').length);
      expect(c.meta).toBeGreaterThanOrEqual(1);
    }
  });

  it('a fresh template has unfilled placeholders, counted one per place, the first in document order', () => {
    for (const doc of templateDocs()) {
      const findings = check(doc);
      const placeholders = findings.filter((f) => f.rule === 'fig.placeholder' && f.severity === 'error');
      if (placeholders.length === 0) continue;
      const group = groupPresubmitErrors(findings).find((g) => g.kind.id === 'placeholder')!;
      expect(group.count).toBe(placeholders.length);
      expect(group.first).toBe(placeholders[0]);
    }
  });

  it('a report without its 存在的不足 part lists 缺少的法定部分, and other errors under 其他错误', () => {
    const doc = featureDoc();
    const at = doc.body.findIndex((b) => b.type === 'heading' && b.parts?.includes('shortcomings'));
    doc.body.splice(at, 2);
    doc.body.push(paragraph('全年办理复议案件，，依法纠错。'));
    const c = counts(check(doc));
    expect(c.part).toBe(1);
    expect(c.other).toBeGreaterThanOrEqual(1);
    expect(Object.keys(c)).toEqual(PRESUBMIT_KINDS.map((k) => k.id).filter((id) => id in c));
  });

  it('a clean report asks nothing; warnings alone and ignored errors ask nothing', () => {
    const doc = featureDoc();
    expect(groupPresubmitErrors(check(doc))).toEqual([]);
    const withSlip: ReportDocument = { ...doc, body: [...doc.body, heading(1, '其他需要报告的情况'), paragraph('我局无其他需要报告的情况，，特此报告。')] };
    expect(counts(check(withSlip))).toEqual({ other: 1 });
    const slip = check(withSlip).find((f) => f.rule === 'punct.doubled')!;
    expect(groupPresubmitErrors(check(ignoreFinding(withSlip, slip, '原文如此')))).toEqual([]);
    const warningsOnly = check(withSlip).map((f) => ({ ...f, severity: 'warning' as const }));
    expect(groupPresubmitErrors(warningsOnly)).toEqual([]);
  });
});
