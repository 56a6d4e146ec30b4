// Number usage: congress and plenum names, digits with 百/千, short years, 〇, spaces, rates, approximations.
import { describe, expect, it } from 'vitest';
import { findings, hits, makeDoc, paragraph } from './helpers/checkDocs';

const fixes = (text: string, prefix: string, year = 2024) => findings(makeDoc([paragraph(text)], { year }), prefix).map((f) => [f.text, f.fix ?? null]);

describe('number usage', () => {
  it('Party congress and plenum names use Chinese numerals', () => {
    expect(fixes('深入学习贯彻党的20大和20届3中全会精神，二十届4中全会精神。', 'num.congress')).toEqual([
      ['党的20大', '党的二十大'],
      ['20届3中全会', '二十届三中全会'],
      ['二十届4中全会', '二十届四中全会'],
    ]);
    expect(hits('深入学习贯彻党的二十大和二十届二中、三中全会精神。', 'num.')).toEqual([]);
  });

  it('digits are not mixed with 百 or 千', () => {
    expect(fixes('培训执法人员3千余人，投入5百万元，惠及1.5千户。', 'num.hundred')).toEqual([['3千', '3000'], ['5百', '500'], ['1.5千', '1500']]);
    expect(hits('推进“百千万工程”，1.84亿元，5万余人，铺设光缆5千米，装机200千瓦，接入1千兆网络。', 'num.hundred')).toEqual([]);
  });

  it('years are not shortened', () => {
    expect(fixes('23年以来共办理案件。24年度工作计划，24年3月召开会议。', 'num.short-year')).toEqual([['23年', '2023年'], ['24年', '2024年'], ['24年', '2024年']]);
    expect(hits('连续10年以来保持稳定，近20年底线未破，工作30年。', 'num.short-year')).toEqual([]);
  });

  it('zero in a Chinese-numeral year is 〇', () => {
    expect(fixes('二零二五年三月一日，二○二四年。', 'num.year-zero')).toEqual([['二零二五年', '二〇二五年'], ['二○二四年', '二〇二四年']]);
    expect(hits('二〇二五年三月一日', 'num.year-zero')).toEqual([]);
  });

  it('no space between a number and its unit or Chinese text', () => {
    expect(fixes('2025 年共开展 8 场次。', 'num.space')).toEqual([[' ', ''], [' ', ''], [' ', '']]);
    expect(findings(makeDoc([paragraph('IPv6 改造，Windows 10系统。')]), 'num.space').map((f) => f.start)).toEqual([4]);
  });

  it('rates cannot exceed 100%', () => {
    expect(hits('群众满意率达105%，办结率为100%，出庭应诉率120%，同比增长150%，任务完成率110%。', 'num.rate')).toEqual([
      'num.rate: 满意率达105%',
      'num.rate: 出庭应诉率120%',
    ]);
  });

  it('a span of years after what has lasted is a duration, not a shortened year', () => {
    expect(fixes('市仲裁委员会成立20年以来受理案件5000余件，《行政处罚法》实施28年以来执法日益规范。', 'num.short-year')).toEqual([]);
    // The true case next to it: a shortened year after a preposition or at the start of a clause.
    expect(fixes('自23年以来，我局于24年3月完成改革。', 'num.short-year')).toEqual([['23年', '2023年'], ['24年', '2024年']]);
  });

  it('约 and 近 inside a word (签约, 节约, 附近, 就近) are not approximations', () => {
    expect(fixes('签约60家左右的律师事务所；在附近30余家商户、就近20余个网点开展宣传。', 'num.approx')).toEqual([]);
    expect(fixes('约60家左右的律师事务所参与，将近30余家商户。', 'num.approx')).toEqual([['约60家左右', '约60家'], ['近30余', '近30']]);
  });

  it('redundant approximations', () => {
    expect(fixes('参与群众约500人左右，超过90多份，近100余人。', 'num.approx')).toEqual([
      ['约500人左右', '约500人'],
      ['超过90多', '超过90'],
      ['近100余', '近100'],
    ]);
    expect(hits('年内审查合同文件达90多份，约5.66亿条。', 'num.approx')).toEqual([]);
  });
});
