// Standard formulations: the versioned dictionary (with year ranges), template entries, 截止/截至, organ names.
import { describe, expect, it } from 'vitest';
import { organFromTitle } from '../../shared/check/rules/formulations';
import { builtinEntries, hintOf, WORDING_VERSIONS } from '../../shared/check/wording';
import { findings, hits, makeDoc, paragraph } from './helpers/checkDocs';

const fixes = (text: string, year = 2024) => findings(makeDoc([paragraph(text)], { year }), 'form.dictionary').map((f) => [f.text, f.fix ?? null, f.severity]);

describe('formulation dictionary', () => {
  it('is versioned data with year ranges', () => {
    expect(WORDING_VERSIONS.formulation).toBeGreaterThanOrEqual(2);
    expect(builtinEntries('formulation').length).toBeGreaterThan(20);
    expect(builtinEntries('formulation').some((e) => e.fromYear !== undefined)).toBe(true);
  });

  it('flags wrong political wording with the standard form', () => {
    expect(fixes('深入学习党的二十大会议精神，落实“一带一路”战略，广东省省委部署，阳江市市委安排。')).toEqual([
      ['党的二十大会议精神', '党的二十大精神', 'error'],
      ['“一带一路”战略', '“一带一路”倡议', 'error'],
      ['广东省省委', '广东省委', 'error'],
      ['阳江市市委', '阳江市委', 'error'],
    ]);
  });

  it('matches the first-duty formulation as a family: another verb, 法治政府建设 for 法治建设, reordered', () => {
    expect(fixes('主要负责人切实履行推进法治建设第一责任人职责，落实《党政主要负责人履行推进法治建设第一责任人职责规定》。')).toEqual([]);
    expect(fixes('履行推进法治政府建设第一责任人职责，作为法治政府建设第一责任人，认真履行推动法治建设第一责任人职责。')).toEqual([
      ['推进法治政府建设第一责任人', '推进法治建设第一责任人', 'error'],
      ['法治政府建设第一责任人', '推进法治建设第一责任人', 'error'],
      ['推动法治建设第一责任人', '推进法治建设第一责任人', 'warning'],
    ]);
    expect(fixes('压实第一责任人推进法治建设职责，落实推进法治建设第一责任人责任。')).toEqual([
      ['第一责任人推进法治建设职责', '推进法治建设第一责任人职责', 'warning'],
      ['推进法治建设第一责任人责任', '推进法治建设第一责任人职责', 'warning'],
    ]);
    expect(fixes('主要负责人带头推动法治建设第一责任人职责落到实处。')).toEqual([['推动法治建设第一责任人', '推进法治建设第一责任人', 'warning']]);
    // Without the inner verb: only an info that the full form has 推进.
    expect(fixes('切实履行法治建设第一责任人职责。')).toEqual([['法治建设第一责任人职责', '推进法治建设第一责任人职责', 'info']]);
    expect(fixes('对照《法治政府建设与责任落实督查规定》开展自查。')).toEqual([['法治政府建设与责任落实督查规定', '法治政府建设与责任落实督察工作规定', 'error']]);
  });

  it('renamed bodies, days and theories with the year they changed; history written with 原 passes', () => {
    expect(fixes('会同市国土资源局、县环境保护局和区卫计局开展联合检查。')).toEqual([
      ['国土资源局', '自然资源局', 'warning'],
      ['环境保护局', '生态环境局', 'warning'],
      ['卫计局', '卫健局', 'warning'],
    ]);
    expect(fixes('原市国土资源局、原国务院法制办公室的职责已划入新组建的部门。')).toEqual([]);
    expect(fixes('会同县地税局、区安监局、市工商局和县监察局检查。')).toEqual([
      ['地税局', '税务局', 'warning'], ['安监局', '应急管理局', 'warning'], ['工商局', '市场监督管理局', 'warning'], ['监察局', '监察委员会', 'warning'],
    ]);
    expect(fixes('会同县地税局检查。', 2017)).toEqual([]);
    expect(fixes('原县地税局、原区安监局的档案已移交；市工商联、县监察委员会参加。')).toEqual([]);
    expect(fixes('在全国法制宣传日开展宣传。', 2013)).toEqual([]);
    expect(fixes('在全国法制宣传日开展宣传。', 2024)).toEqual([['全国法制宣传日', '国家宪法日', 'warning']]);
    expect(fixes('深入学习贯彻党的十九大精神。', 2021)).toEqual([]);
    expect(fixes('深入学习贯彻党的十九大精神。', 2024)).toEqual([['党的十九大精神', '党的二十大精神', 'warning']]);
    expect(fixes('调整县依法治县领导小组成员。', 2024)).toEqual([['依法治县领导小组', '依法治县委员会', 'warning']]);
    expect(fixes('深入学习习近平总书记系列重要讲话精神。', 2024).map((x) => [x[0], x[2]])).toEqual([['习近平总书记系列重要讲话精神', 'warning']]);
  });

  it('prefilters a pattern by a literal every match contains, or by none when it cannot tell', () => {
    const hint = (wrong: string) => hintOf({ wrong, regex: true });
    expect(hint('(?:推进|推动|加强|抓好)?法治政府建设第一责任人')).toBe('法治政府建设第一责任人');
    expect(hint('(?<!原[^，。；、]{0,8})国务院法制办(?:公室)?')).toBe('国务院法制办');
    expect(hint('党的十九大(?:和十九届历次全会)?精神')).toBe('党的十九大');
    expect(hint('([\\u4e00-\\u9fff]{2,3})省省委')).toBe('省省委');
    expect(hint('第一责任人(?:推进|推动)?法治(?:政府)?建设的?职责')).toBe('第一责任人');
    expect(hint('习近平(?:总书记|同志)法[治制]思想|习近平法制思想')).toBe('');
    expect(hint('a(b(c)d)e')).toBe('');
    // Every built-in pattern's hint is a literal of the pattern itself.
    for (const family of ['formulation', 'confusable', 'leader'] as const) {
      for (const e of builtinEntries(family).filter((x) => x.regex)) expect(e.wrong.replace(/\(\?<?[=!][^)]*\)/g, '')).toContain(hintOf(e));
    }
  });

  it('applies an entry only to the years it covers', () => {
    expect(fixes('贯彻全面依法治国新理念新思想新战略。', 2019)).toEqual([]);
    expect(fixes('贯彻全面依法治国新理念新思想新战略。', 2024)).toEqual([['全面依法治国新理念新思想新战略', '习近平法治思想', 'warning']]);
    expect(fixes('学习党的二十大和二十届二中、三中全会精神。', 2024)).toEqual([]);
    expect(fixes('学习党的二十大和二十届二中、三中全会精神。', 2025).map((x) => x[2])).toEqual(['info']);
  });

  it('quotes missing around set terms are info only, quoted terms pass', () => {
    expect(fixes('深化放管服改革，推进“跨省通办”。')).toEqual([['放管服', '“放管服”', 'info']]);
  });

  it('merges a team lead\'s own entries, which may replace a built-in one', () => {
    const doc = makeDoc([paragraph('推进数字政府建设，深化放管服改革。')]);
    doc.rules.formulations = [
      { wrong: '数字政府建设', correct: '数字法治政府建设', severity: 'warning', note: '本市统一表述。' },
      { wrong: '(?<![“"‘])放管服(?![”"’])', regex: true, correct: '“放管服”', severity: 'error' },
    ];
    expect(findings(doc, 'form.dictionary').map((f) => [f.text, f.fix, f.severity])).toEqual([
      ['数字政府建设', '数字法治政府建设', 'warning'],
      ['放管服', '“放管服”', 'error'],
    ]);
  });

  it('an invalid pattern from a template is skipped, not a crash', () => {
    const doc = makeDoc([paragraph('深化改革。')]);
    doc.rules.formulations = [{ wrong: '([', regex: true, correct: 'x' }];
    expect(findings(doc, 'form.dictionary')).toEqual([]);
  });
});

describe('X县县委 with a one-character county', () => {
  it('中共滑县县委 is the committee of 滑县; 中共蓝田县县委 doubles the 县', () => {
    expect(hits('中共滑县县委高度重视，中共歙县县委印发方案。', 'form.dictionary')).toEqual([]);
    expect(hits('中共蓝田县县委高度重视。', 'form.dictionary')).toEqual(['form.dictionary: 蓝田县县委']);
  });
});

describe('organ name consistency', () => {
  it('reads the organ from a title', () => {
    expect(organFromTitle('江海区政务服务和数据管理局关于2025年度法治政府建设情况的报告')).toBe('江海区政务服务和数据管理局');
    expect(organFromTitle('阳江市政务服务和数据管理局2024年法治政府建设年度报告')).toBe('阳江市政务服务和数据管理局');
  });

  it('a near miss is a warning with the full name as fix, an abbreviation an info', () => {
    const doc = makeDoc([paragraph('与市住建局联合印发《阳江市政务服务数据管理局关于做好评标工作的通知》。阳江市政务和数据局牵头。阳江市公安局配合。')], { organ: '阳江市政务服务和数据管理局' });
    expect(findings(doc, 'form.organ').map((f) => [f.text, f.severity, f.fix ?? null])).toEqual([
      ['阳江市政务服务数据管理局', 'warning', '阳江市政务服务和数据管理局'],
      ['阳江市政务和数据局', 'info', null],
    ]);
  });

  it('a fixed phrase ending like the organ (法治政府 beside 人民政府) is no near miss; a slip inside the name is', () => {
    const meta = { organ: '松川镇人民政府' };
    const clean = makeDoc([paragraph('2024年，松川镇法治政府建设稳步推进，松川镇数字政府建设同步加强。')], meta);
    expect(findings(clean, 'form.organ')).toEqual([]);
    const slip = makeDoc([paragraph('松川镇人名政府高度重视。')], meta);
    expect(findings(slip, 'form.organ').map((f) => [f.text, f.fix])).toEqual([['松川镇人名政府', '松川镇人民政府']]);
  });

  it('a county government without its 县', () => {
    const doc = makeDoc([paragraph('阳西县人民政府高度重视，阳西人民政府常务会议研究。')], { organ: '阳西县人民政府' });
    expect(findings(doc, 'form.organ').map((f) => [f.text, f.fix])).toEqual([['阳西人民政府', '阳西县人民政府']]);
  });
});
