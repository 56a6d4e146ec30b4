// 约 N 页 against LibreOffice (Node): every built-in template and both fixtures are exported, converted to PDF by
// soffice, and the page count the status bar and the print view show (shared/docx/pages.ts) must agree within one
// page. Also the line breaking those pages rest on: 28 characters a line, hanging punctuation, whole numbers.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../shared/docx/export';
import { breakLines, estimatePages, layoutPages } from '../../shared/docx/pages';
import type { ReportDocument } from '../../shared/model/schema';
import { FIXTURE_NAMES, FONTS_CONF, featureDoc, fixtureDoc, templateDocs } from './helpers/docxDocs';
import { tempDir } from '../support/tempDir';

describe('pages while typing', () => {
  it('a report edited block by block lays out exactly as the same report set from scratch', () => {
    const doc = fixtureDoc(FIXTURE_NAMES[0]!);
    const before = layoutPages(doc);
    // A longer paragraph (a new object, as Slate makes one) and a new table row; every other block is reused.
    const at = doc.body.findIndex((b) => b.type === 'paragraph');
    const body = doc.body.map((b, i) => (i === at && b.type === 'paragraph' ? { ...b, children: [{ text: leavesOf(b) + '法'.repeat(200) }] } : b));
    const edited = { ...doc, body };
    const cold = layoutPages(structuredClone(edited));
    expect(layoutPages(edited)).toEqual(cold);
    expect(cold.length).toBeGreaterThanOrEqual(before.length);
    expect(layoutPages(doc)).toEqual(before);
  });
});

const leavesOf = (b: { children: { text: string }[] }) => b.children.map((c) => c.text).join('');

describe('line breaking on the 28-character grid', () => {
  it('puts 28 characters on a line, 26 on an indented first line', () => {
    const text = '法'.repeat(60);
    expect(breakLines(text, 26).map(([a, b]) => b - a)).toEqual([26, 28, 6]);
  });
  it('lets a closing mark hang at the end of a full line instead of starting the next', () => {
    const text = '法'.repeat(28) + '。后';
    expect(breakLines(text, 28).map(([a, b]) => text.slice(a, b))).toEqual(['法'.repeat(28) + '。', '后']);
  });
  it('moves an opening mark down with what it opens', () => {
    const text = '法'.repeat(27) + '《规定》';
    expect(breakLines(text, 28).map(([a, b]) => text.slice(a, b))).toEqual(['法'.repeat(27), '《规定》']);
  });
  it('never breaks inside a number', () => {
    const text = '法'.repeat(27) + '2024年';
    expect(breakLines(text, 28).map(([a, b]) => text.slice(a, b))).toEqual(['法'.repeat(27), '2024年']);
  });
  it('counts half-width digits as half a character', () => {
    const text = '1'.repeat(56) + '法';
    expect(breakLines(text, 28).length).toBe(2);
  });
});

describe('pages', () => {
  it('keeps a heading with the paragraph after it', () => {
    const doc = featureDoc();
    for (const page of layoutPages(doc)) {
      const last = page.items[page.items.length - 1];
      expect(last?.type === 'line' && last.segments[0]?.font === 'heading1').toBe(false);
    }
  });
});

function sofficePages(bytes: Uint8Array, work: string, name: string): number {
  const docx = join(work, `${name}.docx`);
  writeFileSync(docx, bytes);
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx], {
    encoding: 'utf8', timeout: 240_000, env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
  });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  const info = spawnSync('pdfinfo', [join(work, `${name}.pdf`)], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info.stdout)![1]);
}

describe('约 N 页 agrees with LibreOffice within one page', () => {
  let work: string;
  beforeAll(() => {
    work = tempDir('pages');
  });

  const cases: Array<[string, () => ReportDocument]> = [
    ...FIXTURE_NAMES.map((n): [string, () => ReportDocument] => [n, () => fixtureDoc(n)]),
    ...templateDocs().map((d): [string, () => ReportDocument] => [`template ${d.id}`, () => d]),
    ['feature document', featureDoc],
  ];
  it.each(cases)('%s', async (name, make) => {
    const doc = make();
    const estimated = estimatePages(doc);
    const actual = sofficePages(await exportDocx(doc), work, name.replace(/\W/g, '_'));
    console.log(`${name}: estimated ${estimated}, LibreOffice ${actual}`);
    expect(Math.abs(estimated - actual)).toBeLessThanOrEqual(1);
  }, 300_000);
});
