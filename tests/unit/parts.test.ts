// Recognising the mandated parts by meaning (REFERENCE.md §2): own parts, sub-parts, run-in clauses, combined
// parts, thematic reports, and wording that only looks like a part.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/text';
import { blockText, heading, paragraph, type Block } from '../../shared/model/schema';
import { partsNamedByHeading, recognizeMandatedParts, type PartLocation } from '../../shared/outline/parts';

const REPORTS = join(__dirname, '../../../shared/fixtures/reports');
const OWN = join(__dirname, '../fixtures/import');
const load = (path: string): string => readFileSync(path, 'utf8');

const indexOf = (body: Block[], startsWith: string): number => {
  const i = body.findIndex((b) => blockText(b).startsWith(startsWith));
  if (i < 0) throw new Error(`no block starting ${startsWith}`);
  return i;
};
const brief = (l: PartLocation) => ({ id: l.id, path: l.path, via: l.via, confidence: l.confidence });

describe('the jianghai fixture: three parts by heading, leadership as a run-in clause', () => {
  const imported = importText(load(join(REPORTS, 'jianghai-2025-webpage.txt')), { id: 'j' });
  const body = imported.doc.body;
  const achievements = indexOf(body, '2025年推进法治政府建设的主要举措及成效');
  const shortcomings = indexOf(body, '2025年推进法治政府建设存在的不足');
  const plans = indexOf(body, '2026年度推进法治政府建设的主要安排');
  const leadership = indexOf(body, '一是切实履行法治建设第一责任人职责');

  it('as the importer saw it', () => {
    const p = imported.parts;
    expect(p.locations.map(brief)).toEqual([
      { id: 'achievements', path: [achievements], via: 'heading', confidence: 'high' },
      { id: 'leadership', path: [leadership], via: 'runin', confidence: 'high' },
      { id: 'shortcomings', path: [shortcomings], via: 'heading', confidence: 'high' },
      { id: 'plans', path: [plans], via: 'heading', confidence: 'high' },
    ]);
    expect(p.present).toEqual(['achievements', 'shortcomings', 'leadership', 'plans']);
    expect(p.missing).toEqual([]);
    expect(p.thematic).toBe(false);
    const lead = p.primary.leadership!;
    expect(lead.text).toBe('一是切实履行法治建设第一责任人职责');
    expect(blockText(body[leadership]!).slice(lead.range!.start, lead.range!.end)).toBe(lead.text);
    expect(lead.heading).toBe('深入践行习近平法治思想,坚持高标准推进法治政府建设');
    expect(p.primary.shortcomings!.extent).toEqual({ start: shortcomings, end: plans });
    expect(p.primary.plans!.extent).toEqual({ start: plans, end: body.length });
  });

  it('the same after the import stored the tags', () => {
    const p = recognizeMandatedParts(imported.doc);
    expect(p.locations.map((l) => [l.id, l.path[0], l.via])).toEqual([
      ['achievements', achievements, 'tag'],
      ['leadership', leadership, 'runin'],
      ['shortcomings', shortcomings, 'tag'],
      ['plans', plans, 'tag'],
    ]);
  });
});

describe('the yangjiang fixture: thematic parts and a combined shortcomings-and-plans part', () => {
  const imported = importText(load(join(REPORTS, 'yangjiang-2024-webpage.txt')), { id: 'y' });
  const body = imported.doc.body;
  const first = indexOf(body, '坚持以习近平法治思想为统领');
  const second = indexOf(body, '建设坚持以人民为中心的数字政府');
  const combined = indexOf(body, '坚持问题导向');
  const leadership = indexOf(body, '一是认真履行推进法治建设第一责任人职责');
  const shortcomings = indexOf(body, '我局法治政府建设工作虽然取得了一定成绩,但也存在一些问题和差距');
  const plans = indexOf(body, '为贯彻落实党的二十大关于加快建设网络强国');

  it('finds every part by meaning', () => {
    const p = imported.parts;
    expect(p.locations.map(brief)).toEqual([
      { id: 'achievements', path: [first], via: 'thematic', confidence: 'medium' },
      { id: 'leadership', path: [leadership], via: 'runin', confidence: 'high' },
      { id: 'achievements', path: [second], via: 'thematic', confidence: 'medium' },
      { id: 'shortcomings', path: [shortcomings], via: 'paragraph', confidence: 'medium' },
      { id: 'plans', path: [plans], via: 'paragraph', confidence: 'medium' },
    ]);
    expect(shortcomings).toBe(combined + 1);
    expect(p.thematic).toBe(true);
    expect(p.missing).toEqual([]);
    expect(p.primary.shortcomings!.heading).toBe('坚持问题导向,靶向发力推动法治政府建设走深走实');
    expect(p.primary.shortcomings!.text).toBe('我局法治政府建设工作虽然取得了一定成绩,但也存在一些问题和差距。');
    expect(p.primary.shortcomings!.extent).toEqual({ start: shortcomings, end: plans });
    expect(p.primary.plans!.extent).toEqual({ start: plans, end: body.length });
    expect([...p.headingTags]).toEqual([[combined, ['shortcomings', 'plans']]]);
  });

  it('keeps the split after the import tagged the combined part', () => {
    const p = recognizeMandatedParts(imported.doc);
    expect(p.primary.shortcomings).toMatchObject({ path: [shortcomings], via: 'tag', confidence: 'high', extent: { start: shortcomings, end: plans } });
    expect(p.primary.plans).toMatchObject({ path: [plans], via: 'tag', confidence: 'high' });
    expect(p.locations.filter((l) => l.id === 'achievements').map((l) => l.path[0])).toEqual([first, second]);
  });
});

describe('own fixtures', () => {
  it('five parts in the order of the rule, each its own level-1 heading', () => {
    const { doc, parts } = importText(load(join(OWN, 'five-parts.txt')), { id: 'f' });
    expect(parts.locations.map((l) => [l.id, blockText(doc.body[l.path[0]!]!), l.via])).toEqual([
      ['achievements', '2024年度推进法治政府建设的主要举措和成效', 'heading'],
      ['shortcomings', '存在的不足和原因', 'heading'],
      ['leadership', '党政主要负责人履行推进法治建设第一责任人职责情况', 'heading'],
      ['plans', '2025年度推进法治政府建设的主要安排', 'heading'],
      ['other', '其他需要报告的情况', 'heading'],
    ]);
    expect(parts.present).toEqual(['achievements', 'shortcomings', 'leadership', 'plans', 'other']);
  });

  it('a thematic report: leadership as the first part, combined part split by its sub-headings', () => {
    const { doc, parts } = importText(load(join(OWN, 'thematic.txt')), { id: 't' });
    expect(parts.locations.map((l) => [l.id, blockText(doc.body[l.path[0]!]!), l.via, l.confidence])).toEqual([
      ['leadership', '加强党对法治政府建设的领导', 'heading', 'high'],
      ['achievements', '依法全面履行政府职能', 'thematic', 'medium'],
      ['achievements', '健全依法行政制度体系', 'thematic', 'medium'],
      ['achievements', '严格规范公正文明执法', 'thematic', 'medium'],
      ['shortcomings', '存在的问题', 'combined', 'high'],
      ['plans', '下一步工作打算', 'combined', 'high'],
    ]);
    expect(parts.thematic).toBe(true);
  });

  it('leadership as a sub-part of the achievements', () => {
    const { doc, parts } = importText(load(join(OWN, 'run-in.txt')), { id: 'r' });
    const lead = parts.primary.leadership!;
    expect(lead.via).toBe('subheading');
    expect(blockText(doc.body[lead.path[0]!]!)).toBe('强化组织领导。');
    expect(doc.body[lead.path[0]!]).toMatchObject({ type: 'heading', level: 2, parts: ['leadership'] });
  });
});

describe('recognition by meaning, not by exact wording', () => {
  const report = (...blocks: Block[]) => recognizeMandatedParts({ body: blocks, meta: { year: 2024 } });

  it('reports the missing parts', () => {
    const p = report(heading(1, '2024年工作开展情况'), paragraph('全年办理行政复议案件12件。'), heading(1, '2025年工作安排'), paragraph('继续推进。'));
    expect(p.present).toEqual(['achievements', 'plans']);
    expect(p.missing).toEqual(['shortcomings', 'leadership']);
  });

  it('坚持问题导向 in a heading is not a report of shortcomings, nor 补齐短板 in an achievements heading', () => {
    expect(partsNamedByHeading('坚持问题导向，靶向发力推动法治政府建设走深走实')).toEqual([]);
    expect(partsNamedByHeading('补齐民生短板，提升公共服务水平')).toEqual([]);
    expect(partsNamedByHeading('存在的不足和原因')).toEqual(['shortcomings']);
    expect(partsNamedByHeading('存在的问题及下一步工作打算')).toEqual(['shortcomings', 'plans']);
    expect(partsNamedByHeading('2025年工作安排')).toEqual(['plans']);
    expect(partsNamedByHeading('巩固成效，2025年工作思路')).toEqual(['plans']);
    expect(partsNamedByHeading('推进法治政府建设的主要做法和成效')).toEqual(['achievements']);
    expect(partsNamedByHeading('党政主要负责人履行推进法治建设第一责任人职责情况')).toEqual(['leadership']);
    expect(partsNamedByHeading('其他需要报告的情况')).toEqual(['other']);
    expect(partsNamedByHeading('深化政务服务改革')).toEqual([]);
    // A plan dated the year after the report year.
    expect(partsNamedByHeading('2025年重点推进的工作', 2024)).toEqual(['plans']);
    expect(partsNamedByHeading('2024年工作重点', 2024)).toEqual([]);
    expect(partsNamedByHeading('2025年法治政府建设重点任务安排', 2024)).toEqual(['plans']);
  });

  it('加强组织领导 among the plans is a plan, not the leadership report', () => {
    const p = report(
      heading(1, '主要举措和成效'), paragraph('全年召开会议3次。'),
      heading(1, '存在的不足'), paragraph('一是力量不足。'),
      heading(1, '下一步工作安排'), heading(2, '加强组织领导'), paragraph('进一步压实责任。'),
    );
    expect(p.missing).toEqual(['leadership']);
  });

  it('a part holding the achievements and the shortcomings is split at the sub-heading that begins the shortcomings', () => {
    const p = report(
      heading(1, '主要成效和存在的问题'),
      heading(2, '主要成效'), paragraph('全年审核规范性文件21件。'),
      heading(2, '存在的问题'), paragraph('一是执法力量不足。主要原因是编制紧张。'),
      heading(1, '2025年工作安排'), paragraph('继续推进。'),
    );
    expect(p.locations.map((l) => [l.id, l.path[0], l.via, l.extent])).toEqual([
      ['achievements', 0, 'combined', { start: 0, end: 3 }],
      ['shortcomings', 3, 'combined', { start: 3, end: 5 }],
      ['plans', 5, 'heading', { start: 5, end: 7 }],
    ]);
  });

  it('an untitled part becomes the shortcomings and the plans by its sub-headings', () => {
    const p = report(
      heading(1, '主要举措和成效'), paragraph('全年审核规范性文件21件。'),
      heading(1, '坚持守正创新，奋力开创法治政府建设新局面'),
      heading(2, '存在的主要问题'), paragraph('基层执法力量薄弱。'),
      heading(2, '下一步工作打算'), paragraph('加强培训。'),
    );
    expect(p.locations.map((l) => [l.id, l.path[0], l.via, l.confidence])).toEqual([
      ['achievements', 0, 'heading', 'high'],
      ['shortcomings', 3, 'subheading', 'medium'],
      ['plans', 5, 'subheading', 'medium'],
    ]);
    expect([...p.headingTags]).toEqual([[0, ['achievements']], [3, ['shortcomings']], [5, ['plans']]]);
  });

  it('a tag stored on a heading wins over its wording', () => {
    const p = report(heading(1, '砥砺前行', { parts: ['achievements'] }), paragraph('全年审核文件21件。'), heading(1, '继往开来', { parts: ['plans'] }));
    expect(p.locations.map((l) => [l.id, l.via, l.confidence])).toEqual([
      ['achievements', 'tag', 'high'],
      ['plans', 'tag', 'high'],
    ]);
  });

  it('leadership told in a plain sentence, and problems deep in an achievements part not taken for shortcomings', () => {
    const p = report(
      heading(1, '主要举措和成效'),
      heading(2, '依法决策'),
      paragraph('局主要负责人切实履行推进法治建设第一责任人职责，带头述法。对督察发现存在的问题立行立改，整改率100%。'),
      heading(1, '2025年工作打算'),
      paragraph('继续推进。'),
    );
    expect(p.primary.leadership).toMatchObject({ via: 'paragraph', confidence: 'medium', path: [2], text: '局主要负责人切实履行推进法治建设第一责任人职责，带头述法。' });
    expect(p.missing).toEqual(['shortcomings']);
  });

  it('下一步 somewhere in the last thematic part is a weak hint of the plans and leaves the part thematic', () => {
    const p = report(
      heading(1, '深化“放管服”改革'), paragraph('全年取消证明材料12项。'),
      heading(1, '严格规范公正文明执法'), paragraph('全年评查案卷312宗。下一步将继续开展评查。'),
    );
    expect(p.locations.map((l) => [l.id, l.path[0], l.via, l.confidence])).toEqual([
      ['achievements', 0, 'thematic', 'medium'],
      ['achievements', 2, 'thematic', 'medium'],
      ['plans', 3, 'paragraph', 'low'],
    ]);
    expect(p.headingTags.size).toBe(0);
    expect(p.weak).toEqual(['plans']);
  });

  it('a report without headings is read by its paragraphs, with low confidence', () => {
    const p = report(
      paragraph('2024年，我局全面推进依法行政，办理行政复议案件12件。'),
      paragraph('但也存在一些不足：执法力量薄弱。'),
      paragraph('下一步，我局将加强执法队伍建设。'),
    );
    expect(p.locations.map(brief)).toEqual([
      { id: 'achievements', path: [0], via: 'paragraph', confidence: 'low' },
      { id: 'shortcomings', path: [1], via: 'paragraph', confidence: 'low' },
      { id: 'plans', path: [2], via: 'paragraph', confidence: 'low' },
    ]);
    expect(p.primary.achievements!.text).toBe('2024年，我局全面推进依法行政，办理行政复议案件12件。');
    expect(p.primary.achievements!.extent).toEqual({ start: 0, end: 1 });
    expect(p.weak).toEqual(['achievements', 'shortcomings', 'plans']);
    expect(p.missing).toEqual(['leadership']);
  });

  it('an empty report has every required part missing', () => {
    const p = report();
    expect(p.present).toEqual([]);
    expect(p.missing).toEqual(['achievements', 'shortcomings', 'leadership', 'plans']);
  });
});
