// Inline decorations: each block is decorated from its own findings only, memoised per block object, re-placed after
// an edit in the same block, and frozen while an IME composition is open.
import { describe, expect, it } from 'vitest';
import { Node, type NodeEntry } from 'slate';
import { heading, paragraph, type Block } from '../../shared/model/schema';
import type { Finding } from '../../shared/check/types';
import { checkDocument } from '../../shared/check/engine';
import {
  createDecorate, createDecorationCache, emptyDecorationState, placeholdersOf, unitsFromFindings, type DecoratedRange, type DecorationState,
} from '../../shared/editor/decorations';

const finding = (path: number[], start: number, text: string, extra: Partial<Finding> = {}): Finding => ({
  rule: 'punct.halfwidth', category: 'punctuation', severity: 'error', message: '半角标点', path, start, end: start + text.length, text, ...extra,
});

const stateOf = (body: Block[], findings: Finding[]): DecorationState => ({
  ...emptyDecorationState(), body, units: unitsFromFindings(findings, body, null),
});

/** The [start, end) offsets and marks of ranges in a single-leaf block. */
const spans = (ranges: DecoratedRange[]) => ranges.map((r) => ({ s: r.anchor.offset, e: r.focus.offset, sev: r.sev, ph: r.placeholder, hit: r.hit }));

describe('decorate', () => {
  const body: Block[] = [heading(1, '主要举措和成效'), paragraph('全年办理案件12件,纠错3件。'), paragraph('制定文件【××件】。')];
  const findings = [finding([1], 9, ','), finding([], 0, '', { rule: 'struct.title', onTitle: true })];

  it('gives a block its own findings and placeholders, and nothing to the editor or text nodes', () => {
    let composing = false;
    const decorate = createDecorate(stateOf(body, findings), () => composing, createDecorationCache());
    expect(spans(decorate([body[1]!, [1]]))).toEqual([{ s: 9, e: 10, sev: 'error', ph: undefined, hit: undefined }]);
    expect(spans(decorate([body[2]!, [2]]))).toEqual([{ s: 4, e: 9, sev: undefined, ph: true, hit: undefined }]);
    expect(decorate([body[0]!, [0]])).toEqual([]);
    expect(decorate([body[1]!.children[0]!, [1, 0]] as NodeEntry)).toEqual([]);
    composing = false;
  });

  it('memoises per block object: the same block returns the same array, a changed block is recomputed', () => {
    const cache = createDecorationCache();
    const decorate = createDecorate(stateOf(body, findings), () => false, cache);
    const first = decorate([body[1]!, [1]]);
    expect(decorate([body[1]!, [1]])).toBe(first);
    // A new decorate over unchanged findings (the next check) still hits the cache for this block.
    const again = createDecorate({ ...stateOf(body, findings), units: unitsFromFindings(findings, body, unitsFromFindings(findings, body, null)) }, () => false, cache);
    expect(spans(again([body[1]!, [1]]))).toEqual(spans(first));
    // The same block object after a move (the next check reports it at its new index) gets ranges on its new path.
    const movedBody = [body[0]!, body[2]!, body[1]!];
    const afterMove = createDecorate(stateOf(movedBody, [finding([2], 9, ',')]), () => false, cache);
    const moved = afterMove([body[1]!, [2]]);
    expect(moved).not.toBe(first);
    expect(moved.map((r) => r.anchor.path)).toEqual([[2, 0]]);
  });

  it('returns the previous unit map itself when no unit changed, and a new one when one did', () => {
    const first = unitsFromFindings(findings, body, null);
    // A later check of a body where only a block without findings changed: the same map (decorate stays the same).
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
    const decorate = createDecorate(stateOf(body, findings), () => false, createDecorationCache());
    const typed = paragraph('2025年全年办理案件12件,纠错3件。');
    expect(spans(decorate([typed, [1]]))).toEqual([{ s: 14, e: 15, sev: 'error', ph: undefined, hit: undefined }]);
    const fixed = paragraph('全年办理案件12件，纠错3件。');
    expect(decorate([fixed, [1]])).toEqual([]);
  });

  it('keeps the last ranges while an IME composition is open', () => {
    let composing = false;
    const cache = createDecorationCache();
    const decorate = createDecorate(stateOf(body, findings), () => composing, cache);
    const before = decorate([body[1]!, [1]]);
    composing = true;
    const during = createDecorate(stateOf(body, []), () => composing, cache);
    expect(during([paragraph('全年办理案件12件,纠错3件。quan'), [1]])).toBe(before);
    composing = false;
    expect(during([body[1]!, [1]])).toEqual([]);
  });

  it('underlines only the marks that change in a paragraph-long one-for-one fix (real checker output)', () => {
    const text = '2025年,江海区政务和数据局坚持依法行政;全面推进法治政府建设。';
    const doc = { id: 'x', meta: { organ: '江海区政务服务和数据管理局', year: 2025, title: 't', addressee: '', date: '' as const, signature: '' }, body: [paragraph(text)], ignores: [], rules: { disabled: [], severity: {}, requiredIndicators: [], formulations: [] } };
    const found = checkDocument(doc).findings.filter((f) => f.rule === 'punct.halfwidth');
    expect(found.length).toBeGreaterThan(0);
    const decorate = createDecorate(stateOf(doc.body, found), () => false, createDecorationCache());
    const marked = spans(decorate([doc.body[0]!, [0]])).filter((r) => r.sev).map((r) => text.slice(r.s, r.e));
    expect(marked).toEqual([',', ';']);
  });

  it('marks the placeholders an officer must fill', () => {
    const t = '办理【××件】，XX项，共X件，〇〇名，___处，{{数量}}，2025年不算。';
    const p = paragraph(t);
    expect(placeholdersOf(p, Node.string(p)).map(([s, e]) => t.slice(s, e))).toEqual(['【××件】', 'XX', 'X', '〇〇', '___', '{{数量}}']);
  });
});
