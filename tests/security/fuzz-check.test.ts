// Property-based tests of the checker over documents of any shape (text from the real reports, garbled, and
// hostile characters) and over the real reports mutated and imported: no exception; every finding's range lies
// inside its block's text and quotes it exactly; checking twice (cached or fresh) gives the same result; applying a
// fix removes its finding and leaves no error of the same rule at that place; fixes applied in any order keep the
// document valid under the schema.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFix, applyFixes, checkDocument, createChecker, textAtPath, type Finding } from '../../shared/check/engine';
import { importText } from '../../shared/import/text';
import { parseDocument, serializeDocument } from '../../shared/model/format';
import { ReportDocument } from '../../shared/model/schema';
import { SEED, fuzzRuns } from '../setup/fast-check';
import { FIXTURE_TEXTS, mutatedReport, reportDocument } from './hostile/arbitraries';

const FIXTURE_REPORT = FIXTURE_TEXTS[0]!;
const RUNS = { shapes: fuzzRuns(200), reports: fuzzRuns(40), fixes: fuzzRuns(200), orders: fuzzRuns(100), twice: fuzzRuns(100) };

/** Documents to check: any shape the schema allows, and mutated real reports as the importer reads them. */
const documents = fc.oneof(
  { weight: 3, arbitrary: reportDocument },
  { weight: 1, arbitrary: mutatedReport.map((text) => importText(text, { id: 'fuzz', defaultYear: 2024 }).doc) },
);

function expectInside(doc: ReportDocument, f: Finding): void {
  const where = `${f.rule} at [${f.path}] ${f.start}-${f.end} “${f.text}”`;
  expect(f.message, where).toMatch(/[\u4e00-\u9fff]/);
  if (f.path.length === 0 && !f.onTitle) {
    // About the document as a whole (a missing part, the date in meta): no range; its text names what it is about.
    expect([f.start, f.end], where).toEqual([0, 0]);
    return;
  }
  const text = textAtPath(doc, f.path, f.onTitle);
  expect(text, `${where}: path does not exist`).toBeDefined();
  expect(Number.isInteger(f.start) && Number.isInteger(f.end), where).toBe(true);
  expect(0 <= f.start && f.start <= f.end && f.end <= text!.length, `${where}: outside a text of ${text!.length}`).toBe(true);
  expect(text!.slice(f.start, f.end), where).toBe(f.text);
}

/** Same-rule errors in the same text overlapping the replacement [from, to) (or containing it, when it is empty). */
function errorsAt(findings: readonly Finding[], like: Finding, from: number, to: number): Finding[] {
  const overlaps = (g: Finding) => (from === to ? g.start < from && g.end > from : g.start < to && g.end > from);
  return findings.filter((g) => g.rule === like.rule && g.severity === 'error' && !!g.onTitle === !!like.onTitle
    && g.path.join() === like.path.join() && g.path.length > 0 && overlaps(g));
}

const fixable = (findings: readonly Finding[]) => findings.filter((f) => f.fix !== undefined && (f.path.length > 0 || f.onTitle));

describe('checking hostile documents', () => {
  it(`never throws; every finding lies inside its text and quotes it (${RUNS.shapes} runs)`, () => {
    fc.assert(fc.property(reportDocument, (doc) => {
      for (const f of checkDocument(doc).findings) expectInside(doc, f);
    }), { numRuns: RUNS.shapes, seed: SEED });
  });

  it(`the same on mutated real reports, where the rules have most to say (${RUNS.reports} runs)`, () => {
    let findings = 0;
    fc.assert(fc.property(mutatedReport, (text) => {
      const { doc } = importText(text, { id: 'fuzz', defaultYear: 2024 });
      const result = checkDocument(doc);
      findings += result.findings.length;
      for (const f of result.findings) expectInside(doc, f);
    }), { numRuns: RUNS.reports, seed: SEED });
    expect(findings).toBeGreaterThan(RUNS.reports);
  });

  it('checking twice gives the same result: the cached checker, a fresh one, and a copy of the document', () => {
    fc.assert(fc.property(documents, (doc) => {
      const cached = createChecker();
      const first = cached.check(doc);
      expect(cached.check(doc)).toEqual(first);
      expect(createChecker().check(structuredClone(doc))).toEqual(first);
      expect(checkDocument(parseDocument(serializeDocument(doc)))).toEqual(first);
    }), { numRuns: RUNS.twice, seed: SEED });
  });
});

/** The property of one fix, shared by the random runs and the counterexamples they found. */
function fixRemovesItsFinding(doc: ReportDocument, f: Finding): void {
  const fixed = applyFix(doc, f);
  expect(ReportDocument.safeParse(fixed).success).toBe(true);
  expect(textAtPath(fixed, f.path, f.onTitle)).not.toBe(textAtPath(doc, f.path, f.onTitle));
  const after = checkDocument(fixed).findings;
  // Its own finding is gone…
  expect(after.filter((g) => g.rule === f.rule && g.path.join() === f.path.join() && !!g.onTitle === !!f.onTitle && g.start === f.start && g.text === f.text), `${f.rule} “${f.text}” → “${f.fix}” still found`).toEqual([]);
  // …and no error of its rule sits where the replacement went.
  expect(errorsAt(after, f, f.start, f.start + f.fix!.length), `${f.rule} “${f.text}” → “${f.fix}”`).toEqual([]);
}

describe('fixes', () => {
  it('counterexample of seed 1394909811: a lost 是 after a line break in a table cell is fixed without a new error', () => {
    const doc = importText('x', { id: 'fuzz', defaultYear: 2024 }).doc;
    doc.body = [
      { type: 'paragraph', children: [{ text: '一是围绕企业的办事需求，加强部门协同。二是细化政务服务事项办事指南。' }] },
      { type: 'table', children: [{ type: 'table-row', children: [
        { type: 'table-cell', children: [{ text: '三、坚持问题导向' }] },
        { type: 'table-cell', children: [{ text: '       为\r\n三贯彻落实上级的重大部署，重点从以下两方面开新局。' }] },
      ] }] },
    ];
    const candidates = fixable(checkDocument(doc).findings).filter((f) => f.rule === 'enum.sequence');
    expect(candidates.map((f) => [f.text, f.fix])).toEqual([['三', '三是']]);
    fixRemovesItsFinding(doc, candidates[0]!);
  });

  it(`each fix removes its finding and creates no error of the same rule at that place (${RUNS.fixes} runs)`, () => {
    let tried = 0;
    fc.assert(fc.property(documents, fc.nat(), (doc, pick) => {
      const candidates = fixable(checkDocument(doc).findings);
      if (candidates.length === 0) return;
      const f = candidates[pick % candidates.length]!;
      tried++;
      fixRemovesItsFinding(doc, f);
    }), { numRuns: RUNS.fixes, seed: SEED });
    expect(tried).toBeGreaterThan(RUNS.fixes / 4);
  });

  it(`all fixes, applied one by one in any order or all at once, keep the document valid (${RUNS.orders} runs)`, () => {
    fc.assert(fc.property(documents, fc.infiniteStream(fc.nat()).map((s) => s), (doc, order) => {
      const findings = fixable(checkDocument(doc).findings);
      const shuffled = findings.slice();
      const it = order[Symbol.iterator]();
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = it.next().value! % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      let one = doc;
      for (const f of shuffled) one = applyFix(one, f);
      const all = applyFixes(doc, shuffled);
      for (const result of [one, all.doc]) {
        expect(ReportDocument.safeParse(result).success).toBe(true);
        expect(result.body.length).toBe(doc.body.length);
        expect(parseDocument(serializeDocument(result))).toEqual(result);
        for (const f of checkDocument(result).findings) expectInside(result, f);
      }
      expect(all.applied.length + all.skipped.length).toBe(findings.length);
      // The original is never changed in place.
      expect(serializeDocument(doc)).toBe(serializeDocument(ReportDocument.parse(structuredClone(doc))));
    }), { numRuns: RUNS.orders, seed: SEED });
  });
});

describe('settings the user typed', () => {
  it.each(['某某县人民政府(办)', '区市，[', '阳江市司法局*', '江海区政务服务和数据管理局\\', '某某县{2}局', '某某县人民政府办公室|'])(
    'an organ name with pattern characters (%s) is text, not a pattern',
    (organ) => {
      const doc = importText(FIXTURE_REPORT, { id: 'organ', defaultYear: 2025 }).doc;
      const result = createChecker().check({ ...doc, meta: { ...doc.meta, organ } });
      for (const f of result.findings) expectInside(doc, f);
    },
  );
});
