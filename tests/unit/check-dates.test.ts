// Dates: the 成文日期 against the deadline (1 March for departments, 1 April for governments), future dates.
import { describe, expect, it } from 'vitest';
import { isGovernment } from '../../shared/check/rules/dates';
import { findings, heading, makeDoc, paragraph } from './helpers/checkDocs';

describe('deadline', () => {
  it('decides government or department by the organ name', () => {
    expect(isGovernment('江门市江海区人民政府')).toBe(true);
    expect(isGovernment('中共阳西县委 阳西县人民政府')).toBe(true);
    expect(isGovernment('阳西县人民政府办公室')).toBe(false);
    expect(isGovernment('阳江市政务服务和数据管理局')).toBe(false);
  });

  it('a department is late after 1 March, a government after 1 April', () => {
    const dept = (date: string) => findings(makeDoc([paragraph('正文。')], { organ: 'X市司法局', date }), 'date.deadline').length;
    const gov = (date: string) => findings(makeDoc([paragraph('正文。')], { organ: 'X县人民政府', date }), 'date.deadline').length;
    expect([dept('2025-01-13'), dept('2025-03-01'), dept('2025-03-02'), dept('2025-04-01')]).toEqual([0, 0, 1, 1]);
    expect([gov('2025-03-15'), gov('2025-04-01'), gov('2025-04-02'), gov('')]).toEqual([0, 0, 1, 0]);
  });
});

describe('dates after the report date', () => {
  it('flags a date after the 成文日期 outside the plans, not plans or deadlines', () => {
    const doc = makeDoc([
      heading(1, '2024年推进法治政府建设的主要举措和成效'),
      paragraph('截至2025年2月10日，共办理案件35件；2025年3月底前完成整改；2024年12月31日数据。'),
      heading(1, '存在的不足和原因'),
      paragraph('一是力量不足。原因是编制紧张。'),
      heading(1, '2025年推进法治政府建设的主要安排'),
      paragraph('2025年6月完成验收。'),
    ], { date: '2025-01-13' });
    expect(findings(doc, 'date.future').map((f) => f.text)).toEqual(['2025年2月10日']);
  });
});
