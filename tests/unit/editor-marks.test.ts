// Inline marks: each unit gets its own findings, placeholders and hits as character spans, re-placed after an edit in
// the same unit, with the findings painted over a character.
import { describe, expect, it } from 'vitest';
import { Node } from 'slate';
import { heading, paragraph, type Block } from '../../shared/model/schema';
import type { Finding } from '../../shared/check/types';
import { checkDocument } from '../../shared/check/engine';
import { caretUnits, findingsAt, placeholdersOf, unitSpans, unitsFromFindings, type MarkSpan } from '../../shared/editor/marks';

const finding = (path: number[], start: number, text: string, extra: Partial<Finding> = {}): Finding => ({
  rule: 'punct.halfwidth', category: 'punctuation', severity: 'error', message: '半角标点', path, start, end: start + text.length, text, ...extra,
});

const spansOf = (block: Block, findings: Finding[], body: Block[], key: string, hits?: { start: number; end: number; current: boolean }[]) =>
  unitSpans(block, Node.string(block), unitsFromFindings(findings, body, null).get(key), hits);

const brief = (spans: MarkSpan[]) => spans.map((s) => `${s.kind}:${s.start}-${s.end}`);

describe('unit marks', () => {
  const body: Block[] = [heading(1, '主要举措和成效'), paragraph('全年办理案件12件,纠错3件。'), paragraph('制定文件【××件】。')];
  const findings = [finding([1], 9, ','), finding([], 0, '', { rule: 'struct.title', onTitle: true })];

  it('gives a unit its own findings and placeholders; findings on the title go to no unit', () => {
    const units = unitsFromFindings(findings, body, null);
    expect([...units.keys()]).toEqual(['1']);
    expect(brief(spansOf(body[1]!, findings, body, '1'))).toEqual(['error:9-10']);
    expect(brief(spansOf(body[2]!, findings, body, '2'))).toEqual(['placeholder:4-9']);
    expect(spansOf(body[0]!, findings, body, '0')).toEqual([]);
  });

  it('returns the previous unit map itself when no unit changed, and a new one when one did', () => {
    const first = unitsFromFindings(findings, body, null);
    // A later check of a body where only a unit without findings changed: the same map, nothing to repaint.
    const typedElsewhere = [body[0]!, body[1]!, paragraph('制定文件【××件】，已公布。')];
    expect(unitsFromFindings(findings, typedElsewhere, first)).toBe(first);
    const fixedBody = [body[0]!, paragraph('全年办理案件12件，纠错3件。'), body[2]!];
    const next = unitsFromFindings([], fixedBody, first);
    expect(next).not.toBe(first);
    expect(next.size).toBe(0);
    const moreFindings = [...findings, finding([2], 4, '【××件】', { rule: 'fig.placeholder', severity: 'warning' })];
    const grown = unitsFromFindings(moreFindings, body, first);
    expect(grown).not.toBe(first);
    expect(grown.get('1')).toBe(first.get('1'));
  });

  it('after typing before a finding, shifts it by the length change until the next check; drops it when its text is gone', () => {
    const marks = unitsFromFindings(findings, body, null).get('1');
    const typed = paragraph('2025年全年办理案件12件,纠错3件。');
    expect(brief(unitSpans(typed, Node.string(typed), marks, undefined))).toEqual(['error:14-15']);
    const fixed = paragraph('全年办理案件12件，纠错3件。');
    expect(unitSpans(fixed, Node.string(fixed), marks, undefined)).toEqual([]);
  });

  it('shows a zero-width finding on the character before it', () => {
    const p = paragraph('全年办理案件12件');
    const f = finding([0], 9, '', { rule: 'punct.end', severity: 'warning', message: '句末缺少标点' });
    expect(brief(spansOf(p, [f], [p], '0'))).toEqual(['warning:8-9']);
  });

  it('underlines only the marks that change in a paragraph-long one-for-one fix, merging neighbours (real checker output)', () => {
    const text = '2025年,江海区政务和数据局坚持依法行政;全面推进法治政府建设,,不断深化。';
    const doc = { id: 'x', meta: { organ: '江海区政务服务和数据管理局', year: 2025, title: 't', addressee: '', date: '' as const, signature: '' }, body: [paragraph(text)], ignores: [], rules: { disabled: [], severity: {}, requiredIndicators: [], formulations: [] } };
    const found = checkDocument(doc).findings.filter((f) => f.rule === 'punct.halfwidth');
    expect(found.length).toBeGreaterThan(0);
    const marked = spansOf(doc.body[0]!, found, doc.body, '0').filter((s) => s.kind === 'error').map((s) => text.slice(s.start, s.end));
    expect(marked).toEqual([',', ';', ',,']);
  });

  it('adds find hits, the current one apart', () => {
    const hits = [{ start: 0, end: 2, current: false }, { start: 11, end: 13, current: true }];
    expect(brief(spansOf(body[1]!, findings, body, '1', hits))).toEqual(['error:9-10', 'hit:0-2', 'hit-current:11-13']);
  });

  it('gives the findings painted over a character, most severe first, each once', () => {
    const info = finding([0], 0, '全年办理', { severity: 'info', message: '提示' });
    const comma = finding([0], 2, ',');
    const repeat = finding([0], 2, '办理案件', { severity: 'warning', message: '重复' });
    const spans: MarkSpan[] = [
      { start: 0, end: 4, kind: 'info', finding: info },
      { start: 2, end: 3, kind: 'error', finding: comma },
      { start: 2, end: 6, kind: 'warning', finding: repeat },
      { start: 2, end: 3, kind: 'error', finding: comma },
      { start: 0, end: 9, kind: 'placeholder' },
    ];
    expect(findingsAt(spans, 2)).toEqual([comma, repeat, info]);
    expect(findingsAt(spans, 4)).toEqual([repeat]);
    expect(findingsAt(spans, 6)).toEqual([]);
  });

  it('keeps two findings with the same message apart (each is its own popover)', () => {
    const p = paragraph('全年办理案件12件,,纠错3件');
    const a = finding([0], 9, ',');
    const b = finding([0], 10, ',');
    const spans = spansOf(p, [a, b], [p], '0');
    expect(brief(spans)).toEqual(['error:9-10', 'error:10-11']);
    expect(findingsAt(spans, 10)).toEqual([b]);
  });

  it('marks the placeholders an officer must fill', () => {
    const t = '办理【××件】，XX项，共X件，〇〇名，___处，{{数量}}，2025年不算。';
    const p = paragraph(t);
    expect(placeholdersOf(p, Node.string(p)).map(([s, e]) => t.slice(s, e))).toEqual(['【××件】', 'XX', 'X', '〇〇', '___', '{{数量}}']);
  });
});

describe('the units that paint highlights (the caret and what moves with it)', () => {
  const cell = (text: string) => ({ type: 'table-cell' as const, children: [{ text }] });
  const body: Block[] = [
    heading(2, '（一）加强组织领导。', { runIn: true }),
    paragraph('全年召开专题会议4次。'),
    { type: 'paragraph', children: [{ text: '先是一段，' }, { text: '后是一段', stale: true }, { text: '，再一段。' }] },
    { type: 'table', children: [{ type: 'table-row', children: [cell('指标'), cell('12件')] }] },
  ];

  it('is the caret unit, with its offset in the unit text across leaves', () => {
    expect([...caretUnits(body, { path: [1, 0], offset: 3 })]).toEqual([['1', 3]]);
    expect([...caretUnits(body, { path: [2, 2], offset: 1 })]).toEqual([['2', 10]]);
    expect([...caretUnits(body, { path: [3, 0, 1, 0], offset: 2 })]).toEqual([['3.0.1', 2]]);
  });

  it('adds the paragraph after a run-in heading, all of whose text moves with the heading', () => {
    expect([...caretUnits(body, { path: [0, 0], offset: 4 })]).toEqual([['0', 4], ['1', 0]]);
  });

  it('is nothing without a caret in a unit text', () => {
    expect(caretUnits(body, undefined).size).toBe(0);
    expect(caretUnits(body, { path: [9, 0], offset: 0 }).size).toBe(0);
    expect(caretUnits(body, { path: [3, 0], offset: 0 }).size).toBe(0);
  });
});
