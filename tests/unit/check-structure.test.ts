// Structure: mandated parts missing, empty, out of order; causes of the shortcomings; leadership; title; markers.
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../shared/check/engine';
import { writtenMarkerFindings } from '../../shared/check/rules/structure';
import { findings, heading, makeDoc, paragraph } from './helpers/checkDocs';

const full = () => [
  heading(1, '2024年推进法治政府建设的主要举措和成效'),
  paragraph('一是切实履行推进法治建设第一责任人职责。召开党组会议专题研究法治建设3次。'),
  heading(1, '2024年推进法治政府建设存在的不足和原因'),
  paragraph('一是执法力量不足。主要原因是编制紧张。'),
  heading(1, '2025年推进法治政府建设的主要安排'),
  paragraph('持续深化改革。'),
];

describe('mandated parts', () => {
  it('a complete report has no structural findings', () => {
    expect(findings(makeDoc(full()), 'struct.')).toEqual([]);
  });

  it('reports a missing part as an error and a missing leadership duty as a warning', () => {
    const body = full().slice(0, 4);
    body[1] = paragraph('全年办理行政复议案件35件。');
    const f = findings(makeDoc(body), 'struct.');
    expect(f.map((x) => [x.rule, x.severity, x.text])).toEqual([
      ['struct.part-missing', 'error', '下一年度主要安排'],
      ['struct.leadership', 'warning', '党政主要负责人履行第一责任人职责情况'],
    ]);
  });

  it('reports a part with a heading and nothing under it', () => {
    const body = full();
    body.splice(5, 1);
    expect(findings(makeDoc(body), 'struct.part-empty').map((f) => [f.path, f.text])).toEqual([[[4], '2025年推进法治政府建设的主要安排']]);
  });

  it('reports shortcomings without causes', () => {
    const body = full();
    body[2] = heading(1, '2024年推进法治政府建设存在的不足');
    body[3] = paragraph('一是执法力量不足。二是信息化水平不高。');
    expect(findings(makeDoc(body), 'struct.causes').map((f) => [f.path, f.severity])).toEqual([[[2], 'warning']]);
  });

  it('reports parts out of order', () => {
    const [a, b, c, d, e, f] = full();
    expect(findings(makeDoc([a!, b!, e!, f!, c!, d!]), 'struct.part-order').map((x) => x.path)).toEqual([[2]]);
  });
});

describe('title', () => {
  const titleFindings = (title: string, year = 2024) => createChecker().check(makeDoc(full(), { title, year })).findings.filter((f) => f.rule === 'struct.title').map((f) => [f.text, f.severity, f.fix ?? null]);

  it('accepts the usual forms', () => {
    expect(titleFindings('X市司法局关于2024年度法治政府建设情况的报告')).toEqual([]);
    expect(titleFindings('X区2024年度法治政府建设情况报告')).toEqual([]);
    expect(titleFindings('阳江市政务服务和数据管理局2024年法治政府建设年度报告')).toEqual([]);
    expect(titleFindings('中共X县委 X县人民政府关于2024年法治政府建设情况的报告')).toEqual([]);
  });

  it('a space before 年 is a spacing slip, not a title without its year', () => {
    expect(titleFindings('某县 2024 年度法治政府建设情况报告')).toEqual([]);
    expect(titleFindings('某县 2023 年度法治政府建设情况报告')).toEqual([['2023 年', 'error', null]]);
    expect(titleFindings('某县年度法治政府建设情况报告').map((x) => x[1])).toEqual(['warning']);
  });

  it('flags a wrong year, a missing organ and the malformed forms', () => {
    expect(titleFindings('X市司法局关于2023年度法治政府建设情况的报告')).toEqual([['2023年', 'error', null]]);
    expect(titleFindings('关于2024年法治政府建设报告')).toEqual([['关于', 'warning', null], ['法治政府建设报告', 'warning', '法治政府建设情况的报告']]);
    expect(titleFindings('X局关于2024年度法治政府建设工作报告')).toEqual([['法治政府建设工作报告', 'warning', '法治政府建设情况的报告']]);
    expect(titleFindings('X局法治政府建设情况的报告').map((x) => x[1])).toEqual(['warning']);
    expect(titleFindings('').map((x) => x[1])).toEqual(['error']);
  });
});

describe('sequence markers', () => {
  it('a marker typed into a heading would print twice', () => {
    const body = full();
    body[0] = heading(1, '一、2024年推进法治政府建设的主要举措和成效');
    expect(findings(makeDoc(body), 'struct.marker').map((f) => [f.text, f.fix])).toEqual([['一、', '']]);
  });

  it('a malformed marker left in a paragraph gets its standard form', () => {
    const body = full();
    body[5] = paragraph('1、持续深化改革，推进数字政府建设，加强执法监督，完善制度体系，提升依法行政水平，确保各项任务落到实处，取得实效，推动法治政府建设再上新台阶。');
    expect(findings(makeDoc(body), 'struct.marker').map((f) => [f.text, f.fix])).toEqual([['1、', '1.']]);
  });

  it('a heading on its own line ends without a full stop; a run-in heading keeps it', () => {
    const body = full();
    body.splice(1, 0, heading(2, '加强组织领导。'), heading(2, '严格规范执法。', { runIn: true }), paragraph('全面落实行政执法“三项制度”。'));
    const f = findings(makeDoc(body), 'struct.heading-stop');
    expect(f.map((x) => [x.path, x.text, x.fix, x.severity])).toEqual([[[1], '。', '', 'info']]);
  });

  it('reports the markers an imported source wrote badly', () => {
    const f = writtenMarkerFindings([
      { path: [3], level: 2, written: '一）', number: 1, derived: '（一）', malformed: '序号缺少左括号，应为“（一）”' },
      { path: [5], level: 2, written: '(三)', number: 3, derived: '（二）' },
      { path: [7], level: 2, written: '(四)', number: 4, derived: '（三）' },
    ]);
    // （一）（三）（四）: one slip, one message, at （三）.
    expect(f.map((x) => x.path)).toEqual([[3], [5]]);
    expect(f[1]!.message).toContain('应为“（二）”');
  });

  it('judges the written sequence per level, restarting under each higher heading; a repeated number is one slip', () => {
    const m = (path: number, level: 1 | 2, written: string, number: number) => ({ path: [path], level, written, number, derived: written });
    expect(writtenMarkerFindings([m(0, 1, '一、', 1), m(1, 2, '（一）', 1), m(2, 2, '（二）', 2), m(3, 1, '二、', 2), m(4, 2, '（一）', 1)])).toEqual([]);
    expect(writtenMarkerFindings([m(0, 2, '（一）', 1), m(1, 2, '（二）', 2), m(2, 2, '（二）', 2), m(3, 2, '（三）', 3)]).map((x) => x.path)).toEqual([[2]]);
  });

  it('is one rule in the engine, run only when the importer passes the markers as written', () => {
    const doc = makeDoc(full());
    const written = [{ path: [1], level: 2 as const, written: '（二）', number: 2, derived: '（一）' }];
    expect(createChecker().check(doc).findings.filter((f) => f.rule === 'struct.source-marker')).toEqual([]);
    expect(createChecker().check(doc, { writtenMarkers: written }).findings.filter((f) => f.rule === 'struct.source-marker')).toHaveLength(1);
    expect(createChecker().check({ ...doc, rules: { ...doc.rules, disabled: ['struct.source-marker'] } }, { writtenMarkers: written }).findings.filter((f) => f.rule === 'struct.source-marker')).toEqual([]);
  });
});

describe('主送机关 by who reports', () => {
  const addressee = (meta: Parameters<typeof makeDoc>[1]) => createChecker().check(makeDoc(full(), { addressee: '', ...meta })).findings.filter((f) => f.rule === 'struct.meta' && f.text === '主送机关').map((f) => f.severity);

  it('a department’s report without one is a warning', () => {
    expect(addressee({ organ: '某县司法局', signature: '某县司法局' })).toEqual(['warning']);
    expect(addressee({ organ: '某县人民政府', signature: '某县人民政府', templateId: 'department' })).toEqual(['warning']);
  });

  it('a government’s own report (X县人民政府, X区, X镇) without one is only an info: its published copy names none', () => {
    for (const organ of ['某县人民政府', '静川区', '某县', '松川镇人民政府', '某街道']) expect(addressee({ organ, signature: organ, title: `${organ}关于2024年度法治政府建设情况的报告` })).toEqual(['info']);
  });

  it('with no organ named, the first sentence’s subject tells a government (市政府坚持…, 全县…) from a department', () => {
    const opening = (text: string) => { const body = full(); body.unshift(paragraph(text)); return createChecker().check(makeDoc(body, { addressee: '', organ: '', signature: '' })).findings.filter((f) => f.rule === 'struct.meta' && f.text === '主送机关').map((f) => f.severity); };
    expect(opening('2024年，在市委的正确领导下，市政府坚持以习近平法治思想为指导，推进法治政府建设。')).toEqual(['info']);
    expect(opening('2024年，全县坚持以习近平法治思想为指导，推进法治政府建设。')).toEqual(['info']);
    expect(opening('2024年，我局坚持以习近平法治思想为指导，推进法治政府建设。')).toEqual(['warning']);
  });

  it('a joint 党委+政府 report may have none', () => {
    expect(addressee({ organ: '中共某县委 某县人民政府', signature: '中共某县委 某县人民政府' })).toEqual([]);
  });
});
