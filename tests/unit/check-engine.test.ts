// The checker's engine: per-block cache and incremental re-checks, rule settings per template, ignores, fixes.
import { describe, expect, it } from 'vitest';
import { applyFix, applyFixes, checkDocument, createChecker, ignoreContext, ignoreFinding, isIgnored, unignoreFinding } from '../../shared/check/engine';
import { ALL_RULES } from '../../shared/check/rules';
import type { BlockRule, Rule } from '../../shared/check/types';
import type { Block } from '../../shared/model/schema';
import { heading, makeDoc, paragraph } from './helpers/checkDocs';

function counting(): { rule: BlockRule; calls: string[] } {
  const calls: string[] = [];
  const rule: BlockRule = {
    id: 'test.doubled-comma', category: 'punctuation', severity: 'error', title: 'test', scope: 'block',
    check(unit) {
      if (unit.path.length > 0) calls.push(unit.text); // the title is checked too, once per title
      const i = unit.text.indexOf('，，');
      return i < 0 ? [] : [{ path: unit.path, start: i, end: i + 2, text: '，，', message: 'x', fix: '，' }];
    },
  };
  return { rule, calls };
}

describe('incremental checking', () => {
  it('re-runs block rules only on blocks whose object changed', () => {
    const { rule, calls } = counting();
    const checker = createChecker([rule]);
    const body: Block[] = [paragraph('甲，，乙。'), paragraph('丙。'), paragraph('丁，，戊。')];
    const doc = makeDoc(body);
    expect(checker.check(doc).findings.map((f) => f.path)).toEqual([[0], [2]]);
    expect(calls).toHaveLength(3);
    const edited = makeDoc([body[0]!, paragraph('丙，，。'), body[2]!]);
    expect(checker.check(edited).findings.map((f) => f.path)).toEqual([[0], [1], [2]]);
    expect(calls).toHaveLength(4);
    expect(calls[3]).toBe('丙，，。');
  });

  it('keeps paths right when a block is inserted before cached ones', () => {
    const { rule, calls } = counting();
    const checker = createChecker([rule]);
    const a = paragraph('甲，，乙。');
    checker.check(makeDoc([a]));
    const result = checker.check(makeDoc([paragraph('新段落。'), a]));
    expect(result.findings.map((f) => f.path)).toEqual([[1]]);
    expect(calls).toEqual(['甲，，乙。', '新段落。']);
  });

  it('notices a block whose text was changed in place', () => {
    const checker = createChecker();
    const p = paragraph('正常的句子。');
    const doc = makeDoc([p]);
    expect(checker.check(doc).findings.filter((f) => f.rule === 'rep.doubled')).toEqual([]);
    p.children[0]!.text = '组织赴赴广州学习。';
    expect(checker.check(doc).findings.filter((f) => f.rule === 'rep.doubled').map((f) => f.text)).toEqual(['赴赴']);
  });

  it('gives the same result incrementally as from scratch', () => {
    const body: Block[] = [heading(1, '2024年主要举措和成效'), paragraph('一是加强学习,提升能力。三是完善制度。'), paragraph('政协提案18件。')];
    const checker = createChecker();
    checker.check(makeDoc(body));
    const next = [...body];
    next[2] = paragraph('政协提案16件，赴赴广州。');
    next.push(paragraph('办理政协提案18件。'));
    const strip = (fs: ReturnType<typeof checkDocument>['findings']) => fs.map((f) => `${f.rule}@${f.path.join('.')}:${f.start}-${f.end}`);
    expect(strip(checker.check(makeDoc(next)).findings)).toEqual(strip(createChecker().check(makeDoc(next)).findings));
  });

  it('checks table cells with their own paths', () => {
    const table: Block = { type: 'table', children: [{ type: 'table-row', children: [{ type: 'table-cell', children: [{ text: '指标' }] }, { type: 'table-cell', children: [{ text: '赴赴' }] }] }] };
    const f = createChecker().check(makeDoc([table])).findings.filter((x) => x.rule === 'rep.doubled');
    expect(f.map((x) => x.path)).toEqual([[0, 0, 1]]);
    const fixed = applyFix(makeDoc([table]), f[0]!);
    const cell = (fixed.body[0] as Extract<Block, { type: 'table' }>).children[0]!.children[1]!;
    expect(cell.children[0]!.text).toBe('赴');
  });
});

describe('rule settings from the template', () => {
  const doc = () => makeDoc([paragraph('组织赴赴广州学习,提升能力。')]);

  it('switches a rule off and re-grades another', () => {
    const d = doc();
    d.rules.disabled = ['punct.halfwidth'];
    d.rules.severity = { 'rep.doubled': 'warning' };
    const f = checkDocument(d).findings.filter((x) => x.path.length > 0);
    expect(f.map((x) => [x.rule, x.severity])).toEqual([['rep.doubled', 'warning']]);
    // The cached finding itself is not changed by the re-grading.
    expect(checkDocument(doc()).findings.filter((x) => x.rule === 'rep.doubled')[0]!.severity).toBe('error');
  });

  it('every rule has an id, a category, a severity and a Chinese title', () => {
    const ids = new Set<string>();
    for (const r of ALL_RULES as Rule[]) {
      expect(ids.has(r.id), r.id).toBe(false);
      ids.add(r.id);
      expect(r.title).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(ids.size).toBeGreaterThan(30);
  });
});

describe('ignoring a finding in this document', () => {
  it('ignores by rule, text and context, survives moving the paragraph, lapses when the sentence changes', () => {
    const p = paragraph('组织赴赴广州学习。');
    let doc = makeDoc([p]);
    const f = checkDocument(doc).findings.find((x) => x.rule === 'rep.doubled')!;
    expect(ignoreContext(doc, f)).toBe('组织…广州学习。');
    doc = ignoreFinding(doc, f, '引用原文，保持原样', new Date('2025-01-01T00:00:00Z'));
    expect(doc.ignores).toEqual([{ rule: 'rep.doubled', text: '赴赴', context: '组织…广州学习。', reason: '引用原文，保持原样', createdAt: '2025-01-01T00:00:00.000Z' }]);
    let result = checkDocument(doc);
    expect(result.findings.some((x) => x.rule === 'rep.doubled')).toBe(false);
    expect(result.ignored.map((x) => x.rule)).toEqual(['rep.doubled']);
    expect(isIgnored(doc, f)).toBe(true);

    const moved = { ...doc, body: [paragraph('前面新加一段。'), p] };
    expect(checkDocument(moved).findings.some((x) => x.rule === 'rep.doubled')).toBe(false);

    const changed = { ...doc, body: [paragraph('另行组织赴赴深圳学习。')] };
    expect(checkDocument(changed).findings.some((x) => x.rule === 'rep.doubled')).toBe(true);

    doc = unignoreFinding(doc, f);
    result = checkDocument(doc);
    expect(doc.ignores).toEqual([]);
    expect(result.findings.some((x) => x.rule === 'rep.doubled')).toBe(true);
  });
});

describe('fixes', () => {
  it('applies several fixes in one paragraph from the end, keeping leaves and marks', () => {
    const doc = makeDoc([{ type: 'paragraph', children: [{ text: '组织赴赴广州,' }, { text: '学习18件', stale: true }, { text: ',,提升能力。' }] }]);
    const result = checkDocument(doc);
    const out = applyFixes(doc, result.findings);
    const leaves = (out.doc.body[0] as Extract<Block, { type: 'paragraph' }>).children;
    expect(leaves.map((l) => l.text).join('')).toBe('组织赴广州，学习18件，提升能力。');
    expect(leaves.find((l) => l.stale)?.text).toBe('学习18件');
    // The half-width fix of the paragraph and the doubled-comma fix overlap: the doubled one wins where they meet.
    expect(out.applied.map((f) => f.rule).sort()).toEqual(['punct.doubled', 'punct.halfwidth', 'rep.doubled']);
    expect(doc.body[0]).not.toBe(out.doc.body[0]);
  });

  it('skips a fix whose text no longer matches', () => {
    const doc = makeDoc([paragraph('组织赴赴广州学习。')]);
    const f = checkDocument(doc).findings.find((x) => x.rule === 'rep.doubled')!;
    const changed = makeDoc([paragraph('组织前往广州学习。')]);
    const out = applyFixes(changed, [f]);
    expect(out.applied).toEqual([]);
    expect(out.doc).toBe(changed);
  });

  it('fixes the title', () => {
    const doc = makeDoc([paragraph('正文。')], { title: 'X局关于2024年度法治政府建设工作报告' });
    const f = checkDocument(doc).findings.find((x) => x.rule === 'struct.title')!;
    expect(applyFix(doc, f).meta.title).toBe('X局关于2024年度法治政府建设情况的报告');
  });
});

describe('invariants on arbitrary text', () => {
  it('every finding points at its text, and applying every fix keeps a valid document', async () => {
    const fc = await import('fast-check');
    const { ReportDocument } = await import('../../shared/model/schema');
    const { textAtPath } = await import('../../shared/check/engine');
    const alphabet = [...'一二三四五是的赴政务网络，。、；：,;:()（）“”《》【】……-～%0123456789年月日X×〇 大牢件事和及与或截止党20届中全会率约左右秘密★@'];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((cs) => cs.join(''));
    fc.assert(fc.property(fc.array(fc.tuple(fc.boolean(), text), { minLength: 1, maxLength: 6 }), (blocks) => {
      const doc = makeDoc(blocks.map(([isHeading, t]) => (isHeading ? heading(2, t || '标题') : paragraph(t))));
      const { findings } = createChecker().check(doc);
      for (const f of findings) {
        const at = textAtPath(doc, f.path, f.onTitle);
        if (f.path.length > 0 || f.onTitle) expect(at!.slice(f.start, f.end)).toBe(f.text);
      }
      const fixed = applyFixes(doc, findings).doc;
      expect(ReportDocument.safeParse(fixed).success).toBe(true);
      createChecker().check(fixed);
    }), { numRuns: 300, seed: 20241122 });
  });
});

describe('the title', () => {
  it('goes through the text rules and its fixes apply to meta.title', () => {
    const doc = makeDoc([paragraph('正文。')], { title: 'X市司法局关于2024年度法治政府建设情况的的报告(送审稿)' });
    const f = checkDocument(doc).findings.filter((x) => x.onTitle && x.rule !== 'struct.title');
    expect(f.map((x) => [x.rule, x.text])).toEqual([['rep.doubled', '的的'], ['punct.halfwidth', '(送审稿)']]);
    const fixed = applyFixes(doc, f).doc;
    expect(fixed.meta.title).toBe('X市司法局关于2024年度法治政府建设情况的报告（送审稿）');
  });
});
