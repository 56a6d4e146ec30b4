// Misspelt headings of the mandated parts: one character off the usual wording is a warning with the usual word as fix.
import { describe, expect, it } from 'vitest';
import { applyFixes, createChecker } from '../../shared/check/engine';
import { findings, heading, makeDoc, paragraph } from './helpers/checkDocs';

const slips = (...titles: string[]) => findings(makeDoc(titles.flatMap((t) => [heading(1, t), paragraph('全年办理行政复议案件12件。')])), 'form.heading').map((f) => [f.text, f.fix]);

describe('misspelt headings', () => {
  it('one character off the usual wording of a part', () => {
    expect(slips('2024年推进法治政府建设的主要举错和成效', '存在的不足和原应', '2025年推进法治政府建设的下一年度主要按排', '党政主要负责人履行推进法治建设第一责任人职贵情况', '其他需要报高的情况')).toEqual([
      ['举错', '举措'], ['原应', '原因'], ['职贵', '职责'], ['报高', '报告'],
    ]);
    // 按排 is reported once, by the confusable words.
    expect(findings(makeDoc([heading(1, '下一年度主要按排'), paragraph('继续推进。')]), 'form.').map((f) => [f.rule, f.text])).toEqual([['form.confusable', '按排']]);
    expect(findings(makeDoc([heading(1, '二、存在的不足和原应'), paragraph('一是力量不足。')]), 'form.heading')[0]!.message).toContain('存在的不足和原因');
  });

  it('the usual wordings and their accepted variants pass', () => {
    expect(slips(
      '2024年推进法治政府建设的主要举措和成效', '主要做法及成效', '主要举措与成果', '存在的不足及原因', '存在的问题和不足', '存在的问题和原因',
      '党政主要负责人履行推进法治建设第一责任人职责情况', '党委主要负责人履行第一责任人职责情况', '2025年工作安排', '下一步工作打算',
      '下一年度主要安排', '其他需要报告的情况', '工作开展概况', '坚持问题导向，推动法治政府建设提质增效', '深化“放管服”改革，优化法治化营商环境',
    )).toEqual([]);
  });

  it('only headings of the first two levels, never the body or the title', () => {
    const doc = makeDoc([heading(3, '主要举错和成效'), paragraph('存在的不足和原应在于编制紧张。')], { title: 'X局关于存在的不足和原应的报告' });
    expect(findings(doc, 'form.heading')).toEqual([]);
  });

  it('the fix removes the finding', () => {
    const doc = makeDoc([heading(1, '存在的不足和原应'), paragraph('一是力量不足。')]);
    const checker = createChecker();
    const before = checker.check(doc).findings.filter((f) => f.rule === 'form.heading');
    expect(before).toHaveLength(1);
    expect(checker.check(applyFixes(doc, before).doc).findings.filter((f) => f.rule === 'form.heading')).toEqual([]);
  });
});
