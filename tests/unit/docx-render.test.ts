// The exported Word file in a real reader: LibreOffice renders it to PDF once (it is slow), and poppler's text
// boxes show the page: A4, 22 lines a page, 28 characters a line, `— N —` page numbers on the outer side, 7 mm
// below the type area. The pages are also written as PNG to test-output/render/ for a person to look at.
// LibreOffice must be installed: without it this test fails rather than skips.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../shared/docx/export';
import { PAGE } from '../../shared/docx/layout';
import { titleLines } from '../../shared/docx/title';
import type { ReportDocument } from '../../shared/model/schema';
import { importDocx } from '../../shared/docx/import';
import { importText } from '../../shared/import/text';
import { FIXTURE_NAMES, FONTS_CONF, REPO, SHARED, fixtureDoc, structureOf } from './helpers/docxDocs';
import { removeDir, tempDir } from '../support/tempDir';

const PT = (twips: number): number => twips / 20;
const MM = (mm: number): number => (mm * 72) / 25.4;
const LEFT = PT(PAGE.marginLeft);
const RIGHT = PT(PAGE.width - PAGE.marginRight);
const TOP = PT(PAGE.marginTop);
const TYPE_BOTTOM = PT(PAGE.height - PAGE.marginBottom);
const PAGE_WIDTH = PT(PAGE.width);

interface Line { xMin: number; yMin: number; xMax: number; yMax: number; text: string }

/** The yangjiang report with its web-copied ASCII punctuation made full-width, so that lines are all CJK. */
function renderedDoc(): ReportDocument {
  const doc = fixtureDoc('yangjiang-2024-webpage.txt');
  const full: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' };
  for (const b of doc.body) if (b.type !== 'table') for (const l of b.children) l.text = l.text.replace(/[,;:()?!]/g, (c) => full[c]!);
  doc.meta.addressee = '阳江市人民政府';
  doc.meta.notation = '此件公开发布';
  return doc;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(command, args, { encoding: 'utf8', env, timeout: 240_000 });
  if (r.error) throw new Error(`${command} could not run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function parsePages(html: string): Line[][] {
  return [...html.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map((page) =>
    [...page[1]!.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)]
      .map((m) => ({
        xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]),
        text: [...m[5]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]!).join(' ').replace(/&amp;/g, '&'),
      }))
      .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin),
  );
}

const isCjkOnly = (t: string): boolean => t.length > 0 && [...t].every((c) => c.charCodeAt(0) > 0x7f);
const HEADING_START = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)/;

describe('LibreOffice renders the exported report as GB/T 9704 asks', () => {
  let work: string;
  let doc: ReportDocument;
  let pages: Line[][];
  let pageSizes: string[];
  let fonts: string;
  const outDir = join(REPO, 'test-output', 'render');

  beforeAll(async () => {
    const version = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
    if (version.error || version.status !== 0) throw new Error('LibreOffice (soffice) is required for the render test: apt-get install libreoffice-writer');
    work = tempDir('render');
    doc = renderedDoc();
    const docx = join(work, 'report.docx');
    writeFileSync(docx, await exportDocx(doc));
    run('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx], {
      ...process.env,
      FONTCONFIG_FILE: FONTS_CONF,
    });
    const pdf = join(work, 'report.pdf');
    const count = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1]);
    pageSizes = [...run('pdfinfo', ['-f', '1', '-l', String(count), pdf]).matchAll(/Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/g)].map((m) => m[1]!);
    run('pdftotext', ['-bbox-layout', pdf, join(work, 'boxes.html')]);
    pages = parsePages(readFileSync(join(work, 'boxes.html'), 'utf8'));
    fonts = run('pdffonts', [pdf]);
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    run('pdftoppm', ['-r', '60', '-png', pdf, join(outDir, 'page')]);
    // LibreOffice as a writer of .docx: the export saved again, and the two web-page texts opened and saved as .docx.
    for (const name of FIXTURE_NAMES) copyFileSync(join(SHARED, 'fixtures', 'reports', name), join(work, name));
    run('soffice', [
      `-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(work, 'resaved'),
      docx, ...FIXTURE_NAMES.map((name) => join(work, name)),
    ], { ...process.env, FONTCONFIG_FILE: FONTS_CONF });
  }, 300_000);

  afterAll(() => {
    if (work) removeDir(work);
  });

  const bodyLines = (page: Line[]): Line[] => page.filter((l) => l.yMax > TOP && l.yMin < TYPE_BOTTOM);
  const footerLines = (page: Line[]): Line[] => page.filter((l) => l.yMin >= TYPE_BOTTOM);

  it('has A4 pages, several of them, each written as PNG', () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expect(pageSizes).toHaveLength(pages.length);
    for (const size of pageSizes) expect(size).toBe('595.304 x 841.89');
    expect(readdirSync(outDir).filter((f) => f.endsWith('.png'))).toHaveLength(pages.length);
  });

  it('puts 22 lines on every full body page, one grid pitch (28.95 pt) apart, inside the type area', () => {
    for (let i = 1; i < pages.length - 1; i++) {
      const lines = bodyLines(pages[i]!);
      const next = bodyLines(pages[i + 1]!)[0]!;
      // A page is one line short only when a heading moved to the next page to stay with its paragraph; the page
      // before the last may be shorter still when the last paragraph moved to stay with the signature (LibreOffice
      // moves a paragraph kept with the next whole; Word and WPS split it, carrying at least two lines).
      const movedToSignature = i === pages.length - 2 && Math.abs(next.xMin - LEFT - (2 * PAGE.charPitch) / 20) < 2;
      if (lines.length !== 22 && !movedToSignature) {
        expect(lines.length, `page ${i + 1}`).toBe(21);
        expect(next.text, `page ${i + 2} starts with a heading`).toMatch(HEADING_START);
      }
      // Text boxes start at each font's ascent: lines in 黑体 or 楷体 sit a point or so off the 仿宋 boxes.
      for (let k = 1; k < lines.length; k++) expect(Math.abs(lines[k]!.yMin - lines[k - 1]!.yMin - PT(PAGE.linePitch))).toBeLessThan(1.5);
      expect((lines[lines.length - 1]!.yMin - lines[0]!.yMin) / (lines.length - 1)).toBeCloseTo(PT(PAGE.linePitch), 0);
      expect(lines[0]!.yMin).toBeGreaterThan(TOP - 4);
      expect(lines[lines.length - 1]!.yMax).toBeLessThan(TYPE_BOTTOM + 2);
    }
    // All but a page or two (a heading kept with its text, the end kept with the signature) are full.
    const full = pages.slice(1, -2).filter((p) => bodyLines(p).length === 22).length;
    expect(full).toBeGreaterThanOrEqual(pages.length - 4);
  });

  it('sets 28 characters on a full line, from margin to margin', () => {
    const counts = new Map<number, number>();
    for (const page of pages.slice(1)) {
      for (const line of bodyLines(page)) {
        if (!isCjkOnly(line.text) || Math.abs(line.xMin - LEFT) > 1.5 || line.xMax < RIGHT - 3) continue;
        // A full-width mark may hang in the right margin (as in Word): it is not one of the 28.
        const chars = [...line.text.replace(/ /g, '')];
        const n = line.xMax > RIGHT + 2 && /[，。、；：？！”’）》]/.test(chars[chars.length - 1]!) ? chars.length - 1 : chars.length;
        counts.set(n, (counts.get(n) ?? 0) + 1);
        expect(n, line.text).toBeLessThanOrEqual(28);
      }
    }
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(100);
    // Lines of 27 are those where the next word (a number, or a mark that may not start a line) did not fit.
    expect((counts.get(28) ?? 0) / total).toBeGreaterThan(0.75);
  });

  it('indents paragraphs by two characters', () => {
    const firstLines = pages.slice(1).flatMap(bodyLines).filter((l) => l.xMin > LEFT + 20 && l.xMin < LEFT + 40);
    expect(firstLines.length).toBeGreaterThan(20);
    for (const l of firstLines) expect(l.xMin - LEFT).toBeCloseTo((2 * PAGE.charPitch) / 20, 0);
  });

  it('numbers pages `— N —`: odd pages on the right, even pages on the left, one character in, 7 mm below the type area', () => {
    pages.forEach((page, i) => {
      const footer = footerLines(page);
      expect(footer.map((l) => l.text), `page ${i + 1}`).toEqual([`— ${i + 1} —`]);
      const f = footer[0]!;
      if ((i + 1) % 2 === 1) expect(f.xMax).toBeCloseTo(RIGHT - 14, 0);
      else expect(f.xMin).toBeCloseTo(LEFT + 14, 0);
      // The dashes sit at the middle of the number's line box: 7 mm (±1.5 mm) below the type area.
      const middle = (f.yMin + f.yMax) / 2;
      expect(Math.abs(middle - TYPE_BOTTOM - MM(7))).toBeLessThan(MM(1.5));
    });
  });

  it('centres the title in its lines at 22 pt, then the blank line and 主送 flush left', () => {
    const first = bodyLines(pages[0]!);
    const lines = titleLines(doc.meta.title);
    lines.forEach((text, k) => {
      const l = first[k]!;
      expect(l.text.replace(/ /g, '')).toBe(text);
      expect((l.xMin + l.xMax) / 2).toBeCloseTo((LEFT + RIGHT) / 2, 0);
      expect(l.yMax - l.yMin).toBeGreaterThan(22);
    });
    const addressee = first[lines.length]!;
    expect(addressee.text).toBe('阳江市人民政府：');
    expect(addressee.xMin).toBeCloseTo(LEFT, 0);
    // One blank grid line between the title and 主送.
    const gap = (addressee.yMin - first[lines.length - 1]!.yMin) / PT(PAGE.linePitch);
    expect(gap).toBeGreaterThan(1.8);
    expect(gap).toBeLessThan(2.3);
    expect(PAGE_WIDTH).toBeCloseTo(595.3, 0);
  });

  it('ends with the organ two characters from the right, the date under it, and the 附注 below, two characters in', () => {
    const last = bodyLines(pages[pages.length - 1]!);
    const notation = last[last.length - 1]!;
    const date = last[last.length - 2]!;
    const organ = last[last.length - 3]!;
    expect(notation.text).toBe('（此件公开发布）');
    expect(notation.xMin - LEFT).toBeCloseTo((2 * PAGE.charPitch) / 20, 0);
    expect((notation.yMin - date.yMin) / PT(PAGE.linePitch)).toBeCloseTo(1, 0);
    expect(date.text.replace(/ /g, '')).toBe('2025年1月13日');
    expect(organ.text).toBe('阳江市政务服务和数据管理局');
    expect(RIGHT - organ.xMax).toBeCloseTo((2 * PAGE.charPitch) / 20, 0);
    expect(date.xMin - organ.xMin).toBeCloseTo((2 * PAGE.charPitch) / 20, 0);
  });

  it('draws each part in its own font (substitutes for 仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体)', () => {
    expect(fonts).toMatch(/UMingCN/); // 仿宋_GB2312 (body)
    expect(fonts).toMatch(/NotoSansCJK/); // 黑体 (一、)
    expect(fonts).toMatch(/UKaiCN/); // 楷体_GB2312 (（一）)
    expect(fonts).toMatch(/NotoSerifCJK\w*-Bold/); // 方正小标宋简体 (title)
    expect(fonts).toMatch(/NotoSerifCJK\w*-Regular/); // 宋体 (page numbers)
  });

  it('imports the export back from the .docx LibreOffice saved it as, structure, words and meta', () => {
    const { doc: back, notes } = importDocx(readFileSync(join(work, 'resaved', 'report.docx')));
    expect(structureOf(back.body)).toEqual(structureOf(doc.body));
    expect({ ...back.meta }).toEqual({ ...doc.meta });
    expect(notes.filter((n) => n.severity === 'warning')).toEqual([]);
  });

  it('imports web-page text that LibreOffice opened and saved as .docx as the text importer reads the text', () => {
    for (const name of FIXTURE_NAMES) {
      const fromText = importText(readFileSync(join(SHARED, 'fixtures', 'reports', name), 'utf8'));
      const fromDocx = importDocx(readFileSync(join(work, 'resaved', name.replace(/\.txt$/, '.docx'))));
      expect(structureOf(fromDocx.doc.body), name).toEqual(structureOf(fromText.doc.body));
      expect(fromDocx.doc.meta, name).toEqual(fromText.doc.meta);
      expect(fromDocx.doc.body.length).toBeGreaterThan(30);
    }
  });
});
