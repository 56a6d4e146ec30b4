// Template regexes: catastrophic ones are refused, ordinary ones (including every built-in template's) compile.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../shared/check/engine';
import { compileUserPattern, isRiskyPattern } from '../../shared/check/userPattern';
import { emptyRuleSettings, heading, paragraph, type ReportDocument } from '../../shared/model/schema';

const REPO = resolve(__dirname, '..', '..');

describe('template patterns', () => {
  it.each(['(法+)+$', '(a|aa)*b', '(\\d*)+', '((ab)+)+', '(x+){2,}', '(.*a){3}', '(a)\\1', '(?<n>a)\\k<n>', 'a'.repeat(301)])('refuses %s', (p) => {
    expect(isRiskyPattern(p)).toBe(true);
    expect(compileUserPattern(p, 'g')).toBeNull();
  });
  it.each([
    '法律顾问[^。；]{0,40}?\\d+(?:\\.\\d+)?(?:余|多)?\\s*(?:件|份|次|条)',
    '行政复议[^。]{0,30}\\d+件',
    '(?:满意率|办结率)\\d+(?:\\.\\d+)?%',
    '截止(?:到)?(?=\\d|目前)',
    '[(（]\\d+[)）]',
  ])('accepts %s', (p) => {
    expect(isRiskyPattern(p)).toBe(false);
    expect(compileUserPattern(p, 'gu')).toBeInstanceOf(RegExp);
  });
  it('accepts every pattern of the built-in templates and the formulation dictionary', () => {
    const dir = join(REPO, 'templates', 'builtin');
    for (const file of readdirSync(dir)) {
      const t = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      for (const ind of t.rules.requiredIndicators ?? []) expect(isRiskyPattern(ind.pattern), `${file}: ${ind.pattern}`).toBe(false);
      for (const f of t.rules.formulations ?? []) if (f.regex) expect(isRiskyPattern(f.wrong), `${file}: ${f.wrong}`).toBe(false);
    }
    const dict = JSON.parse(readFileSync(join(REPO, 'templates', 'formulations.json'), 'utf8'));
    for (const f of dict.entries ?? []) if (f.regex) expect(isRiskyPattern(f.wrong), f.wrong).toBe(false);
  });
  it('a report whose template carries a catastrophic pattern is still checked, the pattern skipped', () => {
    const doc: ReportDocument = {
      id: 'x',
      meta: { organ: '某县司法局', year: 2025, title: '某县司法局关于2025年度法治政府建设情况的报告', addressee: '某县人民政府', date: '2026-02-10', signature: '某县司法局' },
      body: [heading(1, '2025年推进法治政府建设的主要举措和成效'), paragraph('法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法，赴赴广州。')],
      ignores: [],
      rules: {
        ...emptyRuleSettings(),
        formulations: [{ wrong: '(法+)+$', regex: true, correct: '' }],
        requiredIndicators: [{ part: 'achievements', label: '复议', pattern: '(法+)+$' }],
      },
    };
    const { findings } = checkDocument(doc);
    expect(findings.some((f) => f.text === '赴赴')).toBe(true);
  });
});
