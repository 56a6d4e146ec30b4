// The findings panel's pure parts on the real reports: grouping by part and sub-part with heading numbers, collapsed
// and compact rows, stable order; fix plans whose place count equals a diff of the text; named punctuation; who
// ignored a finding, and an old file without it still opening.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes, createChecker, ignoreEntryOf, ignoreFinding, planFixes } from '../../shared/check/engine';
import { groupFindings } from '../../shared/check/grouping';
import { describeFix, markChanges, markSegments } from '../../shared/check/markNames';
import { importText } from '../../shared/import/text';
import { diffText } from '../../shared/model/diff';
import { FZBG_VERSION, migrateIgnoredBy, parseDocument, serializeDocument } from '../../shared/model/format';
import { blockText, type ReportDocument } from '../../shared/model/schema';

const FIXTURES = join(__dirname, '../../../shared/fixtures/reports');
const reports = ['jianghai-2025-webpage.txt', 'yangjiang-2024-webpage.txt'].map((f) => importText(readFileSync(join(FIXTURES, f), 'utf8'), { id: f }).doc);
const LABELS = { title: '标题', wholeDocument: '全文', beforeParts: '开头部分' };

/** Runs of changed characters between two versions of every text (per block). */
function diffPlaces(a: ReportDocument, b: ReportDocument): number {
  let n = 0;
  a.body.forEach((block, i) => {
    let inChange = false;
    for (const s of diffText(block.type === 'table' ? '' : blockText(block), block.type === 'table' ? '' : blockText(b.body[i]!))) {
      if (s.kind === 'equal') inChange = false;
      else if (!inChange) { n++; inChange = true; }
    }
  });
  return n;
}

describe('grouping the findings', () => {
  it('puts every finding in one section of its part or sub-part, labelled with the heading number', () => {
    for (const doc of reports) {
      const { findings } = createChecker().check(doc);
      const sections = groupFindings(findings, doc.body, LABELS);
      const rows = sections.flatMap((s) => s.categories.flatMap((c) => c.rows));
      expect(rows.reduce((n, r) => n + r.findings.length, 0)).toBe(findings.length);
      expect(sections.some((s) => s.level === 1 && /^[一二三四五]、/.test(s.label))).toBe(true);
      expect(sections.some((s) => s.level === 2 && /^（[一二三四五六七八九十]+）/.test(s.label))).toBe(true);
      // A sub-part's part is shown even when it has no findings of its own, before its sub-parts.
      for (const s of sections) if (s.parent) expect(sections.findIndex((p) => p.key === s.parent)).toBeLessThan(sections.indexOf(s));
      expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    }
  });

  it('collapses identical findings of one paragraph and lists the placeholders of a sub-part in one row', () => {
    const doc = importText('某局关于2025年度法治政府建设情况的报告\n一、主要举措和成效\n（一）推进依法行政\n审核文件【××件】，备案【××件】，纠正【××件】。\n（二）加强监督\n开展检查【××次】。\n', { id: 'x' }).doc;
    const { findings } = createChecker().check(doc);
    const sections = groupFindings(findings, doc.body, LABELS);
    const first = sections.find((s) => s.label === '（一）推进依法行政')!;
    const compact = first.categories.flatMap((c) => c.rows).find((r) => r.kind === 'compact')!;
    expect(compact.findings.map((f) => f.text)).toEqual(['【××件】', '【××件】', '【××件】']);
    // One placeholder alone in its sub-part is an ordinary row.
    const second = sections.find((s) => s.label === '（二）加强监督')!;
    expect(second.categories.flatMap((c) => c.rows).find((r) => r.findings[0]!.rule === 'fig.placeholder')!.kind).toBe('single');
  });

  it('keeps the order of the rows that remain after a fix (categories in a fixed order)', () => {
    const doc = reports[0]!;
    const checker = createChecker();
    const before = groupFindings(checker.check(doc).findings, doc.body, LABELS);
    const keys = (ss: typeof before) => ss.flatMap((s) => s.categories.flatMap((c) => c.rows.map((r) => r.key)));
    const fixedRule = before.flatMap((s) => s.categories.flatMap((c) => c.rows)).find((r) => r.findings[0]!.fix !== undefined)!;
    const fixed = applyFixes(doc, fixedRule.findings).doc;
    const after = groupFindings(checker.check(fixed).findings, fixed.body, LABELS);
    const remaining = keys(after).filter((k) => keys(before).includes(k));
    expect(remaining).toEqual(keys(before).filter((k) => remaining.includes(k)));
  });
});

describe('fix plans', () => {
  it('count exactly the places the fix changes (the bulk fix of each rule, on both reports)', () => {
    for (const doc of reports) {
      const { findings } = createChecker().check(doc);
      const rules = [...new Set(findings.filter((f) => f.fix !== undefined && f.path.length > 0).map((f) => f.rule))];
      expect(rules.length).toBeGreaterThan(0);
      for (const rule of rules) {
        const list = findings.filter((f) => f.rule === rule && f.fix !== undefined);
        const plan = planFixes(doc, list);
        const out = applyFixes(doc, list);
        expect(out.places, rule).toBe(plan.places);
        expect(diffPlaces(doc, out.doc), rule).toBe(plan.places);
      }
    }
  });

  it('counts marks, not paragraphs, for the half-width conversion', () => {
    const doc = importText('报告\n一、主要举措和成效\n全年受理复议案件8件,办结7件;\n组织学法4次,参学人员120人次。\n', { id: 'h' }).doc;
    const list = createChecker().check(doc).findings.filter((f) => f.rule === 'punct.halfwidth');
    expect(list).toHaveLength(2);
    expect(planFixes(doc, list).places).toBe(3);
  });
});

describe('named punctuation', () => {
  it('names full- and half-width marks so they can be told apart', () => {
    expect(describeFix('，')).toBe('“，”（全角逗号）');
    expect(describeFix('依法行政')).toBe('“依法行政”');
    expect(markSegments('办结7件,')).toEqual([{ text: '办结7件' }, { text: ',', name: '半角逗号' }]);
    expect(markChanges('8件,办结;', '8件，办结；')).toEqual([[',', '，'], [';', '；']]);
    expect(markChanges('abc', 'ab')).toEqual([]);
  });
});

describe('who ignored a finding', () => {
  it('is kept with the ignore, saved and read back', () => {
    const doc = reports[1]!;
    const f = createChecker().check(doc).findings.find((x) => x.path.length > 0)!;
    const ignored = ignoreFinding(doc, f, '原文如此', new Date('2026-03-01T08:00:00Z'), ' 王法制 ');
    const entry = ignoreEntryOf(parseDocument(serializeDocument(ignored)), f)!;
    expect(entry).toMatchObject({ by: '王法制', reason: '原文如此', createdAt: '2026-03-01T08:00:00.000Z' });
    expect(ignoreFinding(doc, f, '原文如此').ignores.at(-1)!.by).toBeUndefined();
  });

  it('an older file (version 5 or 6) opens: its ignores have no one, a stray non-string is dropped', () => {
    expect(FZBG_VERSION).toBeGreaterThanOrEqual(7);
    const doc = reports[1]!;
    const old = JSON.parse(serializeDocument(doc));
    old.version = 5;
    old.ignores = [
      { rule: 'punct.halfwidth', text: ',', context: 'a…b', reason: '保留', createdAt: '2025-01-01T00:00:00.000Z' },
      { rule: 'punct.halfwidth', text: ';', context: 'c…d', reason: '保留', createdAt: '2025-01-01T00:00:00.000Z', by: 7 },
    ];
    const opened = parseDocument(JSON.stringify(old));
    expect(opened.ignores).toHaveLength(2);
    expect(opened.ignores.every((i) => i.by === undefined)).toBe(true);
    expect(migrateIgnoredBy({ body: [] })).toEqual({ body: [] });
  });
});
