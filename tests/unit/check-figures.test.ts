// Figures and placeholders: unfilled placeholders, stale figures, conflicting values, sub-parts without figures,
// years against the report year, template-required indicators.
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../shared/check/engine';
import { findings, heading, hits, makeDoc, paragraph } from './helpers/checkDocs';

describe('placeholders', () => {
  it('finds the placeholder forms of templates and drafts', () => {
    expect(hits('全年办理行政复议案件××件，审查文件XX份，培训X人次，〇〇局，签字＿＿，【待补充】，{{复议件数}}，□□。', 'fig.placeholder')).toEqual([
      'fig.placeholder: ××',
      'fig.placeholder: XX',
      'fig.placeholder: X',
      'fig.placeholder: 〇〇',
      'fig.placeholder: ＿＿',
      'fig.placeholder: 【待补充】',
      'fig.placeholder: {{复议件数}}',
      'fig.placeholder: □□',
    ]);
  });

  it('leaves real text alone: 7×24小时, “数据要素×”, 4+4+X, 二〇〇八年, IPv6', () => {
    expect(hits('提供7×24小时服务，参加“数据要素×”大赛，聚焦“4+4+X”产业体系，二〇〇八年成立，完成IPv6改造，XML格式。', 'fig.placeholder')).toEqual([]);
  });
});

describe('stale figures', () => {
  it('reports a leaf carried from last year', () => {
    const doc = makeDoc([{ type: 'paragraph', children: [{ text: '全年办理行政复议案件' }, { text: '35', stale: true }, { text: '件。' }] }]);
    const f = findings(doc, 'fig.stale');
    expect(f.map((x) => [x.text, x.start, x.end, x.severity])).toEqual([['35', 10, 12, 'warning']]);
  });
});

describe('the same indicator with different values', () => {
  it('is an error across paragraphs', () => {
    const doc = makeDoc([paragraph('全年共办理人大代表建议7件，政协提案18件，满意率均为100%。'), paragraph('认真办理政协提案16件，按时办结。')]);
    const f = findings(doc, 'fig.conflict');
    expect(f.map((x) => [x.path, x.text])).toEqual([[[1], '政协提案16件']]);
    expect(f[0]!.message).toContain('18件');
  });

  it('the same object counted by two acts is two indicators (审查 / 清理 规范性文件, 受理 / 办理 案件)', () => {
    const doc = makeDoc([paragraph('全年审查规范性文件18件，办理行政复议案件126件。'), paragraph('清理规范性文件30件，受理行政复议申请150件，受理行政复议案件140件。')]);
    expect(findings(doc, 'fig.conflict')).toEqual([]);
    // The same act stated twice with two values is still a conflict.
    const twice = makeDoc([paragraph('全年审查规范性文件18件。'), paragraph('共审查规范性文件20件。')]);
    expect(findings(twice, 'fig.conflict').map((f) => f.text)).toEqual(['审查规范性文件20件']);
  });

  it('a figure for another period is not the year’s figure stated again', () => {
    const doc = makeDoc([
      paragraph('全年办理行政复议案件126件，组织法治培训12场次。'),
      paragraph('上半年办理行政复议案件58件；1—11月办理行政复议案件117件；2023年办理行政复议案件98件；上年同期组织法治培训9场次。'),
    ]);
    expect(findings(doc, 'fig.conflict')).toEqual([]);
    // The report's own year named before the label is the same period.
    const same = makeDoc([paragraph('全年办理行政复议案件126件。'), paragraph('2024年办理行政复议案件130件。')]);
    expect(findings(same, 'fig.conflict').map((f) => f.text)).toEqual(['办理行政复议案件130件']);
  });

  it('is not raised for the same value, or for two things side by side in one paragraph', () => {
    expect(findings(makeDoc([paragraph('办理政协提案18件。'), paragraph('政协提案18件全部办结。')]), 'fig.conflict')).toEqual([]);
    expect(findings(makeDoc([paragraph('“粤省事”累计可办事项数907项；“粤商通”累计可办事项数832项。')]), 'fig.conflict')).toEqual([]);
  });
});

const report = (achievements: string[], plans: string[], year = 2024) => makeDoc([
  heading(1, `${year}年推进法治政府建设的主要举措和成效`),
  ...achievements.flatMap((t, i) => [heading(2, `工作${'甲乙丙丁'[i]}`), paragraph(t)]),
  heading(1, `${year}年推进法治政府建设存在的不足和原因`),
  paragraph('一是队伍力量不足。主要原因是编制紧张。'),
  heading(1, `${year + 1}年推进法治政府建设的主要安排`),
  ...plans.map((t) => paragraph(t)),
], { year });

describe('achievements without figures', () => {
  it('warns on a sub-part with no figure at all', () => {
    const doc = report(['全年办理行政复议案件35件。', '持续加强法治宣传教育，营造良好氛围。'], ['持续深化改革。']);
    expect(findings(doc, 'fig.none').map((f) => [f.path, f.text, f.severity])).toEqual([[[3], '工作乙', 'warning']]);
  });
});

describe('years against the report year', () => {
  it('achievements claiming Y+1 and plans naming Y are suspicious', () => {
    const doc = report(['2025年共办理案件35件。'], ['2024年将持续深化改革。']);
    expect(findings(doc, 'fig.year').map((f) => [f.path, f.text])).toEqual([[[2], '2025年'], [[6], '2024年']]);
  });

  it('accepts Y+1 plans inside the achievements, document years in titles, and Y as a baseline in plans', () => {
    const doc = report(['印发《三年行动方案（2024—2026年）》和《2025年工作要点》，计划2025年完成验收。共35件。'], ['在2024年工作基础上，2025年持续深化改革。']);
    expect(findings(doc, 'fig.year')).toEqual([]);
  });
});

describe('template-required indicators', () => {
  it('reports an indicator the template requires and the text lacks', () => {
    const doc = report(['全年办理行政复议案件35件。'], ['持续深化改革。']);
    doc.rules.requiredIndicators = [
      { part: 'achievements', label: '行政复议案件数', pattern: '行政复议[^。；]{0,20}?\\d+\\s*件' },
      { part: 'achievements', label: '行政机关负责人出庭应诉率', pattern: '出庭应诉率[^。；]{0,10}?\\d+(?:\\.\\d+)?%' },
    ];
    const f = createChecker().check(doc).findings.filter((x) => x.rule === 'fig.required');
    expect(f.map((x) => [x.text, x.severity])).toEqual([['行政机关负责人出庭应诉率', 'warning']]);
  });
});
