// Comparing a snapshot with now: blocks added, removed, changed (with the characters that changed), on real text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { SEED, fuzzRuns } from '../setup/fast-check';
import { describe, expect, it } from 'vitest';
import { diffDocuments, diffText, type TextSegment } from '../../shared/model/diff';
import { heading, paragraph, type ReportDocument } from '../../shared/model/schema';

const yangjiang = readFileSync(join(__dirname, '../../../shared/fixtures/reports/yangjiang-2024-webpage.txt'), 'utf8');
/** The body paragraphs of the real report (its indented lines). */
const realParagraphs = yangjiang.split('\n').map((l) => l.trim()).filter((l) => l.length > 40);

function doc(blocks: ReportDocument['body'], title = '报告'): ReportDocument {
  return {
    id: 'd', meta: { organ: '甲', year: 2024, title, addressee: '', date: '', signature: '甲' }, body: blocks, ignores: [],
    rules: { disabled: [], severity: {}, requiredIndicators: [], formulations: [] },
  };
}

const side = (segments: TextSegment[], keep: 'added' | 'removed'): string => segments.filter((s) => s.kind === 'equal' || s.kind === keep).map((s) => s.text).join('');

describe('diffText', () => {
  it('shows the characters that changed in a real sentence', () => {
    const before = '年内法律顾问审查相关政策合同文件达90多份，进一步增强决策及公务活动的合法合规性。';
    const after = '年内法律顾问审查相关政策合同文件共96份，进一步增强决策的合法合规性。';
    const segments = diffText(before, after);
    expect(segments.filter((s) => s.kind === 'removed').map((s) => s.text)).toEqual(['达', '0多', '及公务活动']);
    expect(segments.filter((s) => s.kind === 'added').map((s) => s.text)).toEqual(['共', '6']);
    expect(side(segments, 'removed')).toBe(before);
    expect(side(segments, 'added')).toBe(after);
  });

  it('rebuilds both sides for any pair of strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('法', '治', '政', '府', '，', '1', '2') }), fc.string({ unit: fc.constantFrom('法', '治', '建', '设', '。', '1') }), (a, b) => {
        const segments = diffText(a, b);
        return side(segments, 'removed') === a && side(segments, 'added') === b;
      }),
      { numRuns: fuzzRuns(300), seed: SEED },
    );
  });
});

describe('diffDocuments', () => {
  it('finds added, removed and changed blocks of a real report', () => {
    expect(realParagraphs.length).toBeGreaterThan(10);
    const [p0, p1, p2, p3, p4] = realParagraphs;
    const snapshot = doc([heading(1, '主要举措和成效', { parts: ['achievements'] }), paragraph(p0!), paragraph(p1!), paragraph(p2!), paragraph(p3!)]);
    const now = doc([
      heading(1, '主要举措和成效', { parts: ['achievements'] }),
      paragraph(p0!),
      paragraph(p2!.replace('111个', '120个')),
      paragraph(p3!),
      paragraph(p4!),
    ], '报告（修改）');
    const d = diffDocuments(snapshot, now);
    expect(d.blocks.map((b) => b.kind)).toEqual(['equal', 'equal', 'removed', 'changed', 'equal', 'added']);
    const changed = d.blocks[3]!;
    if (changed.kind !== 'changed') throw new Error('expected a changed block');
    expect(changed.segments.filter((s) => s.kind !== 'equal')).toEqual([{ kind: 'removed', text: '11' }, { kind: 'added', text: '20' }]);
    expect(d.removed).toBe(p1!.length + 2);
    expect(d.added).toBe(p4!.length + 2);
    expect(d.metaChanged).toBe(true);
  });

  it('treats a heading level change as a change, and an identical document as all equal', () => {
    const a = doc([heading(1, '存在的不足和原因'), paragraph('一是……')]);
    const b = doc([heading(2, '存在的不足和原因'), paragraph('一是……')]);
    expect(diffDocuments(a, b).blocks.map((x) => x.kind)).toEqual(['changed', 'equal']);
    const same = diffDocuments(a, a);
    expect(same.blocks.every((x) => x.kind === 'equal')).toBe(true);
    expect([same.added, same.removed, same.metaChanged]).toEqual([0, 0, false]);
  });

  it('shows a rewritten paragraph as removed and added rather than a confetti of characters', () => {
    const d = diffDocuments(doc([paragraph(realParagraphs[0]!)]), doc([paragraph(realParagraphs[5]!)]));
    expect(d.blocks.map((x) => x.kind)).toEqual(['removed', 'added']);
  });

  it('compares a whole real report with a lightly edited copy', () => {
    const blocks = realParagraphs.map((p) => paragraph(p));
    const edited = blocks.map((b, i) => (i % 7 === 3 ? paragraph(b.children[0]!.text.replace(/。/, '，并持续改进。')) : b));
    const d = diffDocuments(doc(blocks), doc(edited));
    const changedCount = d.blocks.filter((b) => b.kind === 'changed').length;
    expect(changedCount).toBe(edited.filter((b, i) => b.children[0]!.text !== blocks[i]!.children[0]!.text).length);
    expect(d.blocks.filter((b) => b.kind === 'added' || b.kind === 'removed')).toEqual([]);
  });
});
