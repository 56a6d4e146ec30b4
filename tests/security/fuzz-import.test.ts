// Property-based tests of the text importer: any Unicode at all, and the real published reports mutated line by
// line, always import without an exception into a document the schema accepts and the .fzbg format round-trips;
// importing is deterministic, and the importer never invents words the source did not have.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEED } from '../setup/fast-check';
import { importText } from '../../shared/import/text';
import { parseDocument, serializeDocument } from '../../shared/model/format';
import { blockText, ReportDocument } from '../../shared/model/schema';
import { FIXTURE_TEXTS, hostileText, mutatedReport } from './hostile/arbitraries';

const RUNS = { unicode: 500, mutated: 200 };

/** Imports and checks what every import must satisfy; returns the document. */
function importChecked(text: string): ReportDocument {
  const { doc, notes } = importText(text, { id: 'fuzz', fileName: '报告.txt', defaultYear: 2024 });
  expect(ReportDocument.safeParse(doc).success).toBe(true);
  expect(parseDocument(serializeDocument(doc))).toEqual(doc);
  for (const n of notes) expect(n.message).toMatch(/[\u4e00-\u9fff]/);
  return doc;
}

/** The Han characters of a text in order, with each run's count: what an importer must not add to. */
function hanCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.match(/[\u4e00-\u9fff]/g) ?? []) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

describe('importText on hostile input', () => {
  it(`arbitrary Unicode, lone surrogates and control characters (${RUNS.unicode} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(hostileText(400), fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 })), (text) => {
        importChecked(text);
      }),
      { numRuns: RUNS.unicode, seed: SEED },
    );
  });

  it(`the real reports with lines deleted, duplicated, swapped, joined, cut or garbled (${RUNS.mutated} runs)`, () => {
    fc.assert(
      fc.property(mutatedReport, (text) => {
        const doc = importChecked(text);
        // Words come from the source only: no Han character appears in the body more often than in the text.
        const source = hanCounts(text);
        const invented = [...hanCounts(doc.body.map(blockText).join('\n'))].filter(([ch, n]) => n > (source.get(ch) ?? 0));
        expect(invented).toEqual([]);
      }),
      { numRuns: RUNS.mutated, seed: SEED },
    );
  });

  it('is deterministic: the same text gives the same document', () => {
    fc.assert(fc.property(mutatedReport, (text) => {
      expect(importText(text, { id: 'x', defaultYear: 2024 })).toEqual(importText(text, { id: 'x', defaultYear: 2024 }));
    }), { numRuns: 50, seed: SEED });
  });

  it('imports each unmodified fixture into a structured report', () => {
    for (const text of FIXTURE_TEXTS) {
      const doc = importChecked(text);
      expect(doc.body.filter((b) => b.type === 'heading' && b.level === 1).length).toBeGreaterThanOrEqual(3);
      expect(doc.meta.title).toMatch(/法治政府建设.*报告/);
    }
  });
});
