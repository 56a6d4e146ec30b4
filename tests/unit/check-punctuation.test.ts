// Punctuation rules: half-width marks aggregated per paragraph, doubled/clashing marks, pairs, 顿号, ranges, ellipsis.
import { describe, expect, it } from 'vitest';
import { applyFixes, createChecker } from '../../shared/check/engine';
import { halfWidthMarks } from '../../shared/check/rules/punctuation';
import { findings, hits, makeDoc, paragraph } from './helpers/checkDocs';

describe('half-width punctuation', () => {
  const text = '局党组书记坚决扛起法治建设第一责任人职责,带头尊法学法守法用法,组织局领导班子学习《法治政府建设实施纲要(2021-2025年)》;提升法治意识:全面推进。';

  it('reports one finding per paragraph whose fix converts every mark', () => {
    const found = findings(makeDoc([paragraph(text)]), 'punct.halfwidth');
    expect(found).toHaveLength(1);
    const f = found[0]!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain('6处半角标点');
    expect(text.slice(0, f.start) + f.fix + text.slice(f.end)).toBe(
      '局党组书记坚决扛起法治建设第一责任人职责，带头尊法学法守法用法，组织局领导班子学习《法治政府建设实施纲要（2021-2025年）》；提升法治意识：全面推进。',
    );
  });

  it('leaves decimals, thousands separators, times, codes and Latin text alone', () => {
    expect(halfWidthMarks('累计开放数据约5.66亿条,共1,000项，10:30召开')).toEqual([{ index: 13, full: '，' }]);
    expect(hits('网站标识码4407040001，联系电话0750-12345，IPv6改造，数字政府2.0建设。', 'punct.halfwidth')).toEqual([]);
    expect(hits('参考“Windows (x64) edition, version 2”说明。', 'punct.halfwidth')).toEqual([]);
  });

  it('converts straight double quotes in pairs', () => {
    const f = findings(makeDoc([paragraph('推进"放管服"改革。')]), 'punct.halfwidth')[0]!;
    expect(f.fix).toBe('“放管服”');
  });

  it('a document-wide fix converts every paragraph at once', () => {
    const doc = makeDoc([paragraph('一是加强学习,提升能力。'), paragraph('二是完善制度(试行),规范程序。')]);
    const result = createChecker().check(doc);
    const fixed = applyFixes(doc, result.findings.filter((f) => f.rule === 'punct.halfwidth'));
    expect(fixed.applied).toHaveLength(2);
    expect(fixed.doc.body.map((b) => (b.type === 'paragraph' ? b.children[0]!.text : ''))).toEqual(['一是加强学习，提升能力。', '二是完善制度（试行），规范程序。']);
  });
});

describe('doubled and clashing marks', () => {
  it('finds ,, and 、。 with the stronger mark as the fix', () => {
    const a = findings(makeDoc([paragraph('带头尊法学法守法用法,,组织局领导班子。')]), 'punct.doubled');
    expect(a.map((f) => [f.text, f.fix])).toEqual([[',,', '，']]);
    const b = findings(makeDoc([paragraph('“百千万工程”专题906个、。推进我市专题上线。')]), 'punct.doubled');
    expect(b.map((f) => [f.text, f.fix])).toEqual([['、。', '。']]);
    expect(hits('工作，。下一步；，继续。', 'punct.doubled')).toEqual(['punct.doubled: ，。', 'punct.doubled: ；，']);
  });

  it('accepts an ellipsis, a dash and ?! combinations of one mark', () => {
    expect(hits('包括立法、执法、司法……等方面——尤其是执法。真的吗？', 'punct.doubled')).toEqual([]);
  });
});

describe('paired marks', () => {
  it('reports an unclosed quote, bracket or title mark', () => {
    expect(hits('开展“法治宣传进万家活动，印发《实施方案。', 'punct.unbalanced')).toEqual(['punct.unbalanced: “', 'punct.unbalanced: 《']);
    expect(hits('市到县（市、区骨干网络）。完成）建设。', 'punct.unbalanced')).toEqual(['punct.unbalanced: ）']);
  });

  it('accepts balanced, mixed-width and nested pairs', () => {
    expect(hits('学习《中华人民共和国行政复议法》（2023年修订）和“八五”普法规划(2021-2025年)。', 'punct.unbalanced')).toEqual([]);
  });

  it('suggests 〈〉 for a title inside a title', () => {
    const f = findings(makeDoc([paragraph('印发《关于贯彻《法治政府建设实施纲要》的实施意见》。')]), 'punct.nested-title');
    expect(f.map((x) => [x.text, x.fix, x.severity])).toEqual([['《法治政府建设实施纲要》', '〈法治政府建设实施纲要〉', 'warning']]);
  });
});

describe('顿号', () => {
  it('between book titles is an error, between quotes a warning', () => {
    const text = '印发了《某市公共资源交易目录清单（2024年版）》、《某市产权电子交易规则》，推广“网上办”、“掌上办”。';
    const found = findings(makeDoc([paragraph(text)]), 'punct.dunhao');
    expect(found.map((f) => [f.text, f.severity, f.fix])).toEqual([['》、', 'error', '》'], ['”、', 'warning', '”']]);
    expect(hits('推广“网上办”、“掌上办”等做法。', 'punct.dunhao')).toEqual(['punct.dunhao: ”、']);
  });

  it('between quoted items followed by the word they describe is needed (GB/T 15834 exception)', () => {
    expect(hits('推出“税务通”、“社保通”数字服务，落实“三项制度”、“双随机、一公开”监管。', 'punct.dunhao')).toEqual([]);
    expect(hits('落实“一网通办”、“一网统管”、“一网协同”业务联动，完善“甲”、“乙”和“丙”三项机制。', 'punct.dunhao')).toEqual([]);
  });

  it('before 和/及/与/或 as words, not before 及时 or 和谐', () => {
    expect(hits('加强执法、和司法衔接，推进立法、及执法。', 'punct.dunhao')).toEqual(['punct.dunhao: 、和', 'punct.dunhao: 、及']);
    expect(hits('做到早发现、及时处置，建设平安、和谐社区，推动共建、与会代表交流。', 'punct.dunhao')).toEqual([]);
    // 与/和 opening an attributive item (、与群众利益密切相关的事项): the 顿号 separates the items.
    expect(hits('对涉及面广、与群众利益密切相关的事项组织听证。', 'punct.dunhao')).toEqual([]);
  });

  it('between Arabic numerals is allowed', () => {
    expect(hits('第1、2、3项任务已完成。', 'punct.dunhao')).toEqual([]);
  });
});

describe('ranges', () => {
  it('year ranges take the 一字线', () => {
    const f = findings(makeDoc([paragraph('按照《法治政府建设实施纲要(2021-2025年)》，被评为典型案例(2023-2024)。')]), 'punct.range');
    expect(f.map((x) => [x.text, x.fix, x.severity])).toEqual([['2021-2025', '2021—2025', 'warning'], ['2023-2024', '2023—2024', 'warning']]);
  });

  it('number ranges take the 浪纹线 with the unit on both ends', () => {
    expect(findings(makeDoc([paragraph('每场培训25-30人，覆盖率提升15～30%。')]), 'punct.range').map((x) => x.fix)).toEqual(['25～30', '15%～30%']);
  });

  it('time and ordinal ranges take the 一字线', () => {
    expect(findings(makeDoc([paragraph('今年1-9月逾期工单同比下降45%，第1-3批清单已发布，1～12月累计办理。')]), 'punct.range').map((x) => [x.text, x.fix])).toEqual([
      ['1-9', '1—9'],
      ['1-3', '1—3'],
      ['1～12', '1—12'],
    ]);
  });

  it('does not touch dates, phone numbers, codes or names', () => {
    expect(hits('更新时间2025-11-20，电话0750-12345，“御海-2024”演练，“市-县-镇-村”四级网络，深圳-江门工作站，2021—2025年。', 'punct.range')).toEqual([]);
  });
});

describe('ellipsis and 间隔号', () => {
  it('flags 。。。 and ... and …… followed by 等', () => {
    expect(findings(makeDoc([paragraph('包括立法。。。执法...司法……等。')]), 'punct.ellipsis').map((f) => [f.text, f.fix])).toEqual([
      ['。。。', '……'],
      ['...', '……'],
      ['……等', '等'],
    ]);
    expect(hits('包括立法、执法、司法……', 'punct.ellipsis')).toEqual([]);
  });

  it('month-day event names take the 间隔号', () => {
    expect(findings(makeDoc([paragraph('开展“12.4”国家宪法日宣传。')]), 'punct.interpunct').map((f) => f.fix)).toEqual(['“12·4”']);
    expect(hits('开展“12·4”国家宪法日宣传。', 'punct.interpunct')).toEqual([]);
  });
});

describe('nested titles', () => {
  it('angle brackets or a second 《》 inside a title become 〈〉', () => {
    const text = '印发《关于贯彻<行政复议法>的通知》《关于落实＜行政处罚法＞的意见》《关于学习《民法典》的方案》。';
    const found = findings(makeDoc([paragraph(text)]), 'punct.nested-title');
    expect(found.map((f) => [f.text, f.fix, f.severity])).toEqual([
      ['<行政复议法>', '〈行政复议法〉', 'warning'],
      ['＜行政处罚法＞', '〈行政处罚法〉', 'warning'],
      ['《民法典》', '〈民法典〉', 'warning'],
    ]);
  });

  it('stays silent on 〈〉 inside a title and on comparisons outside titles', () => {
    expect(hits('印发《关于贯彻〈行政复议法〉的通知》，办理时限<5个工作日的事项占比>90%。', 'punct.')).toEqual([]);
  });
});

describe('titles typed with angle brackets', () => {
  it('<<…>>, ＜＜…＞＞ and «…» become 《…》', () => {
    const found = findings(makeDoc([paragraph('认真学习<<行政复议法>>、＜＜行政处罚法＞＞和«民法典»。')]), 'punct.title-marks');
    expect(found.map((f) => [f.text, f.fix])).toEqual([['<<行政复议法>>', '《行政复议法》'], ['＜＜行政处罚法＞＞', '《行政处罚法》'], ['«民法典»', '《民法典》']]);
  });

  it('stays silent on shifts in code and Latin text', () => {
    expect(hits('接口参数为 a<<2 与 b>>3（Latin text）。', 'punct.title-marks')).toEqual([]);
  });
});

describe('quotes the wrong way round', () => {
  it('”…“, “…“ and ”…” are fixed as one quoted stretch', () => {
    const found = findings(makeDoc([paragraph('开展”法治宣传“活动，推进“放管服“改革，落实”首违不罚”制度。')]), 'punct.');
    expect(found.map((f) => [f.rule, f.text, f.fix])).toEqual([
      ['punct.quotes', '”法治宣传“', '“法治宣传”'],
      ['punct.quotes', '“放管服“', '“放管服”'],
      ['punct.quotes', '”首违不罚”', '“首违不罚”'],
    ]);
  });

  it('leaves right quotes, an odd number of marks (a quotation over paragraphs) and nesting to the pairing check', () => {
    expect(hits('推进“放管服”改革，落实“谁执法谁普法”责任制。', 'punct.')).toEqual([]);
    expect(hits('他指出：“要加强学习。', 'punct.quotes')).toEqual([]);
  });
});

describe('typed dashes', () => {
  it('-- and －－ in Chinese text become ——', () => {
    const found = findings(makeDoc([paragraph('紧扣一个目标--建设法治政府，突出两个重点－－执法和监督。')]), 'punct.dash');
    expect(found.map((f) => [f.text, f.fix, f.severity])).toEqual([['--', '——', 'error'], ['－－', '——', 'error']]);
  });

  it('a single hyphen or 一字线 between two clauses is a warning', () => {
    const found = findings(makeDoc([paragraph('坚持一个中心任务-建设法治政府示范市，突出一条工作主线—依法全面履行职能。')]), 'punct.dash');
    expect(found.map((f) => [f.text, f.fix, f.severity])).toEqual([['-', '——', 'warning'], ['—', '——', 'warning']]);
    expect(hits('学习《政务服务创新报告—数字政府观察专刊》，开通深圳—江门专线，2021—2025年，坚持一个目标——建设法治政府。', 'punct.dash')).toEqual([]);
  });

  it('stays silent on connectors, ranges, codes, minus numbers and separator lines', () => {
    expect(hits('建成“省-市-县-镇”四级网络，开通深圳-江门专线，联合广州-佛山工作站，2023-2025年，2023--2025年，同比-3.2%，编号A-12，电话0750-12345，——是的。', 'punct.dash')).toEqual([]);
    expect(hits('目录----第3页', 'punct.dash')).toEqual([]);
  });
});
