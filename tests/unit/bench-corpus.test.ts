// The benchmark corpus: reports of the stated sizes, built only from the two real fixtures, the same every time.
import { describe, expect, it } from 'vitest';
import { buildReport, CORPUS_SIZES, loadFixtures, reportChars, reportText, sentences } from '../../bench/corpus';
import { blockText, ReportDocument, type Block } from '../../shared/model/schema';
import { importText } from '../../shared/import/text';
import { recognizeMandatedParts } from '../../shared/outline/parts';
import { sequenceMarkers } from '../../shared/model/numbering';

const fixtures = loadFixtures();
const fixtureParagraphs = [...fixtures.primary.body, ...fixtures.secondary.body].filter((b) => b.type === 'paragraph').map(blockText);
const fixtureHeadings = new Set([...fixtures.primary.body, ...fixtures.secondary.body].filter((b) => b.type === 'heading').map(blockText));

describe('benchmark corpus', () => {
  it.each(CORPUS_SIZES)('builds a valid report of about %i characters', (size) => {
    const doc = buildReport(size, fixtures);
    expect(() => ReportDocument.parse(doc)).not.toThrow();
    const chars = reportChars(doc);
    expect(chars).toBeGreaterThanOrEqual(size);
    expect(chars).toBeLessThanOrEqual(size * 1.02);
  });

  it('is deterministic: the same body every time, also from freshly read fixtures', () => {
    for (const size of CORPUS_SIZES) {
      const a = buildReport(size, fixtures);
      const b = buildReport(size, loadFixtures());
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      expect(reportText(b)).toBe(reportText(a));
    }
  });

  it('uses only real sentences and headings of the fixtures', () => {
    const doc = buildReport(50_000, fixtures);
    for (const block of doc.body) {
      const text = blockText(block);
      if (block.type === 'heading') {
        expect(fixtureHeadings.has(text), text).toBe(true);
      } else {
        // A whole fixture paragraph, or (the last section's cut) its first sentences.
        const source = fixtureParagraphs.find((p) => p.startsWith(text));
        expect(source, text.slice(0, 30)).toBeDefined();
        if (source !== text) expect(sentences(source!).some((_, i, all) => all.slice(0, i + 1).join('') === text)).toBe(true);
      }
    }
  });

  it('keeps the real outline: the three mandated parts, sections numbered on through the repeats', () => {
    const doc = buildReport(50_000, fixtures);
    const parts = recognizeMandatedParts(doc);
    expect(parts.present).toEqual(expect.arrayContaining(['achievements', 'shortcomings', 'plans']));
    const levelOne = doc.body.filter((b) => b.type === 'heading' && b.level === 1).map(blockText);
    expect(levelOne).toHaveLength(3);
    const markers = sequenceMarkers(doc.body).filter((m, i) => m && (doc.body[i] as Block & { level?: number }).level === 2);
    // 成效 holds far more than the sections of one fixture: numbering goes on past （二十）.
    expect(markers).toContain('（二十）');
    expect(new Set(markers).size).toBeLessThan(markers.length); // restarted under 不足 and 安排
  });

  it('shares no block objects (the checker and the editor cache by object identity)', () => {
    const doc = buildReport(20_000, fixtures);
    expect(new Set(doc.body).size).toBe(doc.body.length);
    expect(doc.body.some((b) => fixtures.primary.body.includes(b) || fixtures.secondary.body.includes(b))).toBe(false);
  });

  it('round-trips through its plain text: the text import reads back the same body', () => {
    const doc = buildReport(20_000, fixtures);
    const back = importText(reportText(doc), { id: doc.id }).doc;
    expect(back.body.map(blockText)).toEqual(doc.body.map(blockText));
    expect(back.meta.title).toBe(doc.meta.title);
  });

  it('refuses a size smaller than the report frame', () => {
    expect(() => buildReport(1_000, fixtures)).toThrow(/小于报告框架/);
  });
});
