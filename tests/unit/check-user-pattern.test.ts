// Template regexes run in RE2 (linear time): only what RE2 cannot express is refused, with the reason.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../shared/check/engine';
import { compileUserPattern, templatePatternProblems } from '../../shared/check/userPattern';
import { emptyRuleSettings, heading, paragraph, type ReportDocument } from '../../shared/model/schema';

const REPO = resolve(__dirname, '..', '..');

describe('template patterns', () => {
  it.each([
    ['(a)\\1', '反向引用'],
    ['(?<n>a)\\k<n>', '命名反向引用'],
    ['截止(?=\\d|目前)', '先行断言'],
    ['放管服(?![”])', '先行断言'],
    ['(?<=(甲))乙', '捕获分组'],
    ['(', '不是有效的正则表达式'],
    ['a'.repeat(1001), '过长'],
  ])('refuses %s (what RE2 cannot express), saying why', (p, why) => {
    const c = compileUserPattern(p);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.reason).toContain(why);
  });
  it.each([
    ['(法+)+$', '法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法法，', []],
    ['(.{1,9}){1,9}@', 'x'.repeat(40), []],
    ['.*.*.*.*.*.*.*.*案件数为零', '案'.repeat(40), []],
    ['法律顾问[^。；]{0,40}?\\d+(?:\\.\\d+)?(?:余|多)?\\s*(?:件|份|次|条)', '聘请法律顾问审查合同36份。', ['法律顾问审查合同36份']],
    ['行政复议[^。]{0,30}\\d+件', '办理行政复议案件12件。', ['行政复议案件12件']],
    ['[(（]\\d+[)）]', '见（3）', ['（3）']],
    ['\\d+\\s*件', '共 3\u3000件', ['3\u3000件']],
    ['(?<![我全本该])([\\u4e00-\\u9fff]{2,3})市市委', '我市市委和江海市市委', ['和江海市市委']],
  ])('runs %s in linear time with JavaScript meaning', (p, text, found) => {
    const c = compileUserPattern(p);
    expect(c.ok).toBe(true);
    if (c.ok) expect(c.pattern.matchAll(text).map((m) => m[0])).toEqual(found);
  });
  it('reports match positions in UTF-16 code units, as the editor counts', () => {
    const c = compileUserPattern('市委');
    if (!c.ok) throw new Error(c.reason);
    expect(c.pattern.matchAll('𠀀𠀀甲市委').map((m) => m.index)).toEqual(['𠀀𠀀甲市委'.indexOf('市委')]);
  });
  it('names the template and the pattern when a template is loaded', () => {
    const problems = templatePatternProblems({ formulations: [{ wrong: '(a)\\1', regex: true }, { wrong: '(a)\\1' }], requiredIndicators: [{ pattern: '截止(?=\\d)' }] }, '某县模板');
    expect(problems).toEqual([
      '模板“某县模板”中的匹配规则“(a)\\1”使用了反向引用“\\1”，本软件为保证检查不被卡住，只支持不需回溯的写法，无法使用，已跳过该规则。',
      '模板“某县模板”中的匹配规则“截止(?=\\d)”使用了先行断言“(?=…)”，本软件为保证检查不被卡住，只支持不需回溯的写法，无法使用，已跳过该规则。',
    ]);
  });
  it('accepts every pattern of the built-in templates (the built-in dictionary runs natively)', () => {
    const dir = join(REPO, 'templates', 'builtin');
    for (const file of readdirSync(dir)) {
      const t = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      expect(templatePatternProblems({ formulations: t.rules.formulations ?? [], requiredIndicators: t.rules.requiredIndicators ?? [] }, file)).toEqual([]);
    }
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
