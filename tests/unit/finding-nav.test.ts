// Findings placed in the body text: the order F8 / Shift+F8 walk them in (with the wrap at the ends), the findings at
// the caret (Alt+Enter's popover), and a Slate point as the checker's unit offset.
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../shared/check/engine';
import type { Finding } from '../../shared/check/types';
import { findingKey, findingsAtCaret, inDocumentOrder, stepFinding, swappedMarks, unitPointOf, type UnitRange } from '../../shared/editor/findingNav';
import { importFixture, makeDoc, paragraph } from './helpers/checkDocs';

const finding = (path: number[], start: number, text: string, extra: Partial<Finding> = {}): Finding => ({
  rule: 'punct.halfwidth', category: 'punctuation', severity: 'error', message: '半角标点', path, start, end: start + text.length, text, ...extra,
});
const caret = (path: number[], offset: number): UnitRange => ({ path, start: offset, end: offset });
const at = (f: Finding): UnitRange => ({ path: f.path, start: f.start, end: f.end });

describe('next and previous finding', () => {
  const a = finding([1], 4, ',');
  const b = finding([1], 9, ';');
  const c = finding([2, 0, 1], 0, '【××】', { rule: 'fig.placeholder', severity: 'warning' });
  const d = finding([10], 2, '');
  const title = finding([], 0, '关于', { onTitle: true });
  const whole = finding([], 0, 'plan', { rule: 'structure.missing' });
  const ordered = inDocumentOrder([d, title, b, c, whole, a]);

  it('orders the body findings by unit and offset, leaving out the title and the document-wide ones', () => {
    expect(ordered).toEqual([a, b, c, d]);
  });

  it('goes from a caret to the next finding, one starting at the caret included', () => {
    expect(stepFinding(ordered, caret([0], 3), 1)).toEqual({ finding: a, wrapped: false });
    expect(stepFinding(ordered, caret([1], 4), 1)).toEqual({ finding: a, wrapped: false });
    expect(stepFinding(ordered, caret([1], 5), 1)).toEqual({ finding: b, wrapped: false });
    expect(stepFinding(ordered, caret([2, 0, 0], 7), 1)).toEqual({ finding: c, wrapped: false });
  });

  it('goes from a caret back to the previous finding, one starting at the caret not included', () => {
    expect(stepFinding(ordered, caret([1], 9), -1)).toEqual({ finding: a, wrapped: false });
    expect(stepFinding(ordered, caret([1], 10), -1)).toEqual({ finding: b, wrapped: false });
    expect(stepFinding(ordered, caret([11], 0), -1)).toEqual({ finding: d, wrapped: false });
  });

  it('goes on from a selected finding, also from a zero-width one and past findings sharing its place', () => {
    expect(stepFinding(ordered, at(a), 1, a)).toEqual({ finding: b, wrapped: false });
    expect(stepFinding(ordered, at(b), -1, b)).toEqual({ finding: a, wrapped: false });
    // A zero-width finding selected is a collapsed caret: without `current` it would be found again.
    const e = finding([10], 2, '', { rule: 'punct.end' });
    const twice = inDocumentOrder([a, d, e]);
    expect(stepFinding(twice, caret([10], 2), 1, d)).toEqual({ finding: e, wrapped: false });
    expect(stepFinding(twice, caret([10], 2), 1, e)).toEqual({ finding: a, wrapped: true });
  });

  it('finds the current finding again after a re-check made new objects of it', () => {
    expect(stepFinding(ordered, at(a), 1, { ...a })).toEqual({ finding: b, wrapped: false });
  });

  it('wraps past the last finding to the first, and before the first to the last', () => {
    expect(stepFinding(ordered, caret([12], 0), 1)).toEqual({ finding: a, wrapped: true });
    expect(stepFinding(ordered, at(d), 1, d)).toEqual({ finding: a, wrapped: true });
    expect(stepFinding(ordered, caret([0], 0), -1)).toEqual({ finding: d, wrapped: true });
    expect(stepFinding(ordered, at(a), -1, a)).toEqual({ finding: d, wrapped: true });
    expect(stepFinding([a], at(a), 1, a)).toEqual({ finding: a, wrapped: true });
    expect(stepFinding([], caret([0], 0), 1)).toBeNull();
  });

  it('visits every finding of a real report once, in document order, before wrapping (F8 from the start)', () => {
    const { doc } = importFixture('jianghai-2025-webpage.txt');
    const all = inDocumentOrder(createChecker().check(doc).findings);
    expect(all.length).toBeGreaterThan(5);
    const seen: Finding[] = [];
    let from = caret([0], 0);
    let current: Finding | undefined;
    for (;;) {
      const step = stepFinding(all, from, 1, current)!;
      if (step.wrapped) break;
      seen.push(step.finding);
      current = step.finding;
      from = at(step.finding);
    }
    expect(seen.map(findingKey)).toEqual(all.map(findingKey));
    // And back with Shift+F8.
    const back: Finding[] = [];
    for (;;) {
      const step = stepFinding(all, from, -1, current)!;
      if (step.wrapped) break;
      back.push(step.finding);
      current = step.finding;
      from = at(step.finding);
    }
    expect(back.map(findingKey)).toEqual(all.slice(0, -1).reverse().map(findingKey));
  });
});

describe('findings at the caret', () => {
  it('takes the findings holding the caret or touching it, most severe first', () => {
    const comma = finding([1], 4, ',');
    const repeat = finding([1], 2, '办理办理', { severity: 'warning', rule: 'rep.word' });
    const elsewhere = finding([2], 4, ',');
    const all = [repeat, comma, elsewhere];
    expect(findingsAtCaret(all, [1], 4)).toEqual([comma, repeat]);
    expect(findingsAtCaret(all, [1], 5)).toEqual([comma, repeat]);
    expect(findingsAtCaret(all, [1], 6)).toEqual([repeat]);
    expect(findingsAtCaret(all, [1], 7)).toEqual([]);
    expect(findingsAtCaret(all, [1], 1)).toEqual([]);
  });

  it('counts a zero-width finding from the character before it (where it is painted)', () => {
    const end = finding([0], 9, '', { rule: 'punct.end', message: '句末缺少标点' });
    expect(findingsAtCaret([end], [0], 8)).toEqual([end]);
    expect(findingsAtCaret([end], [0], 9)).toEqual([end]);
    expect(findingsAtCaret([end], [0], 7)).toEqual([]);
  });
});

describe('what a fix changes, as the popover shows it', () => {
  it('lists the marks a paragraph-long one-for-one fix swaps, each once (real checker output)', () => {
    const { doc } = importFixture('jianghai-2025-webpage.txt');
    const first = createChecker().check(doc).findings.find((f) => f.rule === 'punct.halfwidth' && f.path[0] === 0)!;
    expect(first.text.length).toBeGreaterThan(100);
    expect(swappedMarks(first)).toEqual([[',', '，'], ['(', '（'], [')', '）'], [':', '：']]);
  });

  it('shows a short fix, a deletion and a rewording whole', () => {
    expect(swappedMarks(finding([0], 0, '2021-2025', { fix: '2021—2025' }))).toBeNull();
    expect(swappedMarks(finding([0], 0, '政务网络政务网络', { fix: '政务网络' }))).toBeNull();
    expect(swappedMarks(finding([0], 0, '、', { fix: '' }))).toBeNull();
    expect(swappedMarks(finding([0], 0, '办理案件'))).toBeNull();
  });
});

describe('a Slate point as a unit offset', () => {
  it('adds the lengths of the leaves before the point (a template hint is a leaf of its own)', () => {
    const doc = makeDoc([
      paragraph('正文'),
      { type: 'paragraph', children: [{ text: '全年' }, { text: '【填写数量】', hint: true }, { text: '件,纠错' }] },
      { type: 'table', children: [{ type: 'table-row', children: [{ type: 'table-cell', children: [{ text: '指标' }] }, { type: 'table-cell', children: [{ text: '数,量' }] }] }] },
    ] as never);
    const root = { children: doc.body } as never;
    expect(unitPointOf(root, { path: [1, 2], offset: 1 })).toEqual({ path: [1], offset: 9 });
    expect(unitPointOf(root, { path: [1, 0], offset: 0 })).toEqual({ path: [1], offset: 0 });
    expect(unitPointOf(root, { path: [2, 0, 1, 0], offset: 2 })).toEqual({ path: [2, 0, 1], offset: 2 });
    expect(unitPointOf(root, { path: [9, 0], offset: 0 })).toBeNull();
  });
});
