// Dates: the 成文日期 against the reporting deadline (1 April for the province, 1 March for everyone else), a web page's
// 发布时间 against the publication deadline (1 April), future dates.
import { describe, expect, it } from 'vitest';
import { isGovernment, organKind } from '../../shared/check/rules/dates';
import { findings, heading, makeDoc, paragraph } from './helpers/checkDocs';

describe('deadline', () => {
  it('decides government or department by the organ name', () => {
    expect(isGovernment('江门市江海区人民政府')).toBe(true);
    expect(isGovernment('中共阳西县委 阳西县人民政府')).toBe(true);
    expect(isGovernment('阳西县人民政府办公室')).toBe(false);
    expect(isGovernment('阳江市政务服务和数据管理局')).toBe(false);
  });

  it('recognises the kind of organ whether or not 人民政府 is written', () => {
    expect(['河南省人民政府', '中共河南省委 河南省人民政府', '广西壮族自治区人民政府', '重庆市人民政府', '上海市'].map(organKind)).toEqual(Array(5).fill('province'));
    expect(['滑县', '江海区', '沛县人民政府', 'X镇', 'X街道', '中共滑县县委 滑县人民政府', '重庆市渝中区人民政府', 'X市人民政府', '河南省郑州市人民政府'].map(organKind)).toEqual(Array(9).fill('government'));
    expect(['X市司法局', 'X省司法厅', 'X县人民政府办公室', 'X区发展和改革委员会', 'X街道综合行政执法队', 'X县卫生健康委员会'].map(organKind)).toEqual(Array(6).fill('department'));
    // The Party committee written in full is no department's 委员会.
    expect(['中共X县委员会', '中共X市委员会 X市人民政府', 'X街道办事处', '中共X镇委员会'].map(organKind)).toEqual(Array(4).fill('government'));
    expect(organKind('中共河南省委员会')).toBe('province');
  });

  it('everyone below the province is late after 1 March; the province after 1 April', () => {
    const late = (organ: string, date: string) => findings(makeDoc([paragraph('正文。')], { organ, date }), 'date.deadline').length;
    expect([late('X市司法局', '2025-01-13'), late('X市司法局', '2025-03-01'), late('X市司法局', '2025-03-02')]).toEqual([0, 0, 1]);
    expect([late('X县人民政府', '2025-03-01'), late('X县人民政府', '2025-03-15'), late('江海区', '2025-03-15'), late('X县人民政府', '')]).toEqual([0, 1, 1, 0]);
    expect([late('河南省人民政府', '2025-03-15'), late('河南省人民政府', '2025-04-01'), late('河南省人民政府', '2025-04-02')]).toEqual([0, 0, 1]);
  });
});

describe('a date taken from a web page', () => {
  const on = (organ: string, date: string, dateSource?: 'published' | 'updated') => {
    const doc = makeDoc([paragraph('正文。')], dateSource ? { organ, date, dateSource } : { organ, date });
    return findings(doc, 'date.').filter((f) => f.rule !== 'date.future').map((f) => [f.rule, f.severity]).sort();
  };

  it('never raises a reporting-deadline warning: it is named as the page’s date (info)', () => {
    expect(on('X市司法局', '2025-03-20')).toEqual([['date.deadline', 'warning']]);
    expect(on('X市司法局', '2025-03-20', 'published')).toEqual([['date.deadline', 'info']]);
    expect(on('X市司法局', '2025-11-20', 'updated')).toEqual([['date.deadline', 'info']]);
    const [info] = findings(makeDoc([paragraph('正文。')], { date: '2025-03-20', dateSource: 'published' }), 'date.deadline');
    expect(info!.message).toContain('取自网页的发布时间');
  });

  it('a 发布时间 is judged against the publication deadline, 1 April for every kind of organ', () => {
    for (const organ of ['X市司法局', 'X县人民政府', '中共X县委 X县人民政府', '河南省人民政府', '滑县']) {
      expect([on(organ, '2025-03-31', 'published'), on(organ, '2025-04-01', 'published'), on(organ, '2025-04-02', 'published')], organ).toEqual([
        [['date.deadline', 'info']],
        [['date.deadline', 'info']],
        [['date.deadline', 'info'], ['date.publication', 'warning']],
      ]);
    }
    // An update time says nothing of when the page first went up; a 成文日期 nothing of publishing.
    expect(on('X市司法局', '2025-05-10', 'updated')).toEqual([['date.deadline', 'info']]);
    expect(on('河南省人民政府', '2025-04-01')).toEqual([]);
  });

  it('a report year the page date belongs to: a 2024 report published in 2026 is late, one of 2025 is not', () => {
    const late = (year: number) => findings(makeDoc([paragraph('正文。')], { year, date: '2026-02-10', dateSource: 'published' }), 'date.publication').length;
    expect([late(2024), late(2025)]).toEqual([1, 0]);
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
