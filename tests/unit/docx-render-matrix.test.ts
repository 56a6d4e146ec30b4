// The exported Word file as the reviewer sees it, for every built-in template and both published fixtures, each
// with a short, a medium and a 21-character organ name: LibreOffice renders all fifteen in one call, and the PDF's
// text boxes show that no page holds only the signature block, the title breaks like a typesetter's, full pages hold
// 22 lines of at most 28 characters, and page numbers sit outside. First and last pages go to test-output/render-matrix/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx, formatChineseDate } from '../../shared/docx/export';
import { PAGE } from '../../shared/docx/layout';
import { TITLE_LINE_EM, titleLines, titleWidth } from '../../shared/docx/title';
import type { ReportDocument } from '../../shared/model/schema';
import { FIXTURE_NAMES, FONTS_CONF, REPO, fixtureDoc, templateDocs, validateDocx } from './helpers/docxDocs';
import { removeDir, tempDir } from '../support/tempDir';

const PT = (twips: number): number => twips / 20;
const LEFT = PT(PAGE.marginLeft);
const RIGHT = PT(PAGE.width - PAGE.marginRight);
const TOP = PT(PAGE.marginTop);
const TYPE_BOTTOM = PT(PAGE.height - PAGE.marginBottom);
/** The advance of a condensed 16 pt body character. */
const CHAR = (320 + PAGE.condense) / 20;

const ORGANS = {
  short: '某某县司法局',
  medium: '某某市某某区政务服务和数据管理局',
  long: '中共某某市某某区委全面依法治区委员会办公室',
} as const;

interface Line { xMin: number; yMin: number; xMax: number; yMax: number; text: string }
interface Case { name: string; doc: ReportDocument; organ: string }

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(command, args, { encoding: 'utf8', env, timeout: 560_000 });
  if (r.error) throw new Error(`${command} could not run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function parsePages(html: string): Line[][] {
  return [...html.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map((page) =>
    [...page[1]!.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)]
      .map((m) => ({
        xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]),
        text: [...m[5]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]!).join('').replace(/&amp;/g, '&').replace(/&quot;/g, '"'),
      }))
      .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin),
  );
}

function cases(): Case[] {
  const out: Case[] = [];
  const bases = [...templateDocs(), ...FIXTURE_NAMES.map((name) => fixtureDoc(name))];
  for (const base of bases) {
    for (const [size, organ] of Object.entries(ORGANS)) {
      const doc = structuredClone(base);
      doc.meta = {
        ...doc.meta,
        organ,
        signature: organ,
        title: `${organ}关于${doc.meta.year}年度法治政府建设情况的报告`,
        date: doc.meta.date || '2026-02-28',
      };
      out.push({ name: `${base.id.replace(/\.txt$/, '')}-${size}`, doc, organ });
    }
  }
  return out;
}

const HEADING_START = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\(\S+?\)|\d+[.．、]|（\d+）)/;
const MARK = /[，。、；：？！”’）》,.;:?!)]/;

describe('LibreOffice renders every template and fixture with short, medium and 21-character organ names', () => {
  let work: string;
  const all = cases();
  const pagesOf = new Map<string, Line[][]>();
  const outDir = join(REPO, 'test-output', 'render-matrix');

  beforeAll(async () => {
    const version = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
    if (version.error || version.status !== 0) throw new Error('LibreOffice (soffice) is required for the render test: apt-get install libreoffice-writer');
    work = tempDir('matrix');
    const files: string[] = [];
    for (const c of all) {
      const file = join(work, `${c.name}.docx`);
      writeFileSync(file, await exportDocx(c.doc));
      files.push(file);
    }
    // One LibreOffice start for all fifteen documents.
    run('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, ...files], {
      ...process.env,
      FONTCONFIG_FILE: FONTS_CONF,
    });
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    for (const c of all) {
      const pdf = join(work, `${c.name}.pdf`);
      run('pdftotext', ['-bbox-layout', pdf, join(work, `${c.name}.html`)]);
      const pages = parsePages(readFileSync(join(work, `${c.name}.html`), 'utf8'));
      pagesOf.set(c.name, pages);
      const last = String(pages.length);
      run('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', pdf, join(outDir, `${c.name}-first`)]);
      run('pdftoppm', ['-r', '50', '-png', '-f', last, '-l', last, pdf, join(outDir, `${c.name}-last`)]);
    }
  }, 600_000);

  afterAll(() => {
    if (work) removeDir(work);
  });

  const bodyLines = (page: Line[]): Line[] => page.filter((l) => l.yMax > TOP && l.yMin < TYPE_BOTTOM);
  const footerLines = (page: Line[]): Line[] => page.filter((l) => l.yMin >= TYPE_BOTTOM);

  // The validator is slow (a few seconds a file): one document per template and fixture, the one with the longest name.
  it.each(all.filter((c) => c.organ === ORGANS.long).map((c) => [c.name, c] as const))('%s: the package validates against the OOXML schemas', async (_name, c) => {
    const { code, output } = validateDocx(await exportDocx(c.doc));
    expect(output).toMatch(/validated \d+ parts, 0 failed/);
    expect(code).toBe(0);
  }, 120_000);

  it.each(all.map((c) => [c.name, c] as const))('%s: the signature block never stands alone on the last page', (_name, c) => {
    const pages = pagesOf.get(c.name)!;
    const last = bodyLines(pages[pages.length - 1]!);
    const date = formatChineseDate(c.doc.meta.date);
    expect(last.at(-1)!.text).toBe(date);
    expect(last.at(-2)!.text).toBe(c.organ);
    // Above the signature on the same page: text of the body (at least one line of its last paragraph).
    const above = last.slice(0, -2).filter((l) => l.text.trim() !== '');
    expect(above.length, `last page of ${c.name}: ${last.map((l) => l.text).join(' | ')}`).toBeGreaterThanOrEqual(1);
    // No page at all holds only the signature and the date.
    for (const page of pages) {
      const texts = bodyLines(page).map((l) => l.text);
      expect(texts.length === 2 && texts[0] === c.organ && texts[1] === date).toBe(false);
    }
  });

  it.each(all.map((c) => [c.name, c] as const))('%s: the title is printed on the lines title.ts gives, none of one or two characters', (_name, c) => {
    const first = bodyLines(pagesOf.get(c.name)![0]!);
    const expected = titleLines(c.doc.meta.title);
    const printed = first.slice(0, expected.length).map((l) => l.text);
    expect(printed).toEqual(expected);
    for (const l of printed) expect([...l].length).toBeGreaterThanOrEqual(3);
    // The organ's name is on one line when it fits on one.
    if (titleWidth(c.organ) <= TITLE_LINE_EM) expect(printed.some((l) => l.includes(c.organ))).toBe(true);
    // The line after the title's blank line is 主送 (when the report has one), two grid lines below the title.
    if (c.doc.meta.addressee) expect(first[expected.length]!.text).toBe(`${c.doc.meta.addressee}：`);
    const gap = (first[expected.length]!.yMin - first[expected.length - 1]!.yMin) / PT(PAGE.linePitch);
    expect(Math.round(gap)).toBe(2);
  });

  it.each(all.map((c) => [c.name, c] as const))('%s: full pages hold 22 lines, none wider than 28 characters; page numbers outside', (_name, c) => {
    const pages = pagesOf.get(c.name)!;
    let widest = 0;
    const pitch = PT(PAGE.linePitch);
    pages.forEach((page, i) => {
      const lines = bodyLines(page);
      // Grid lines taken, blank lines included (the one below the title, the one above the signature).
      const slots = Math.round((lines.at(-1)!.yMin - lines[0]!.yMin) / pitch) + 1;
      expect(slots, `page ${i + 1} of ${c.name}`).toBeLessThanOrEqual(22);
      expect(lines.at(-1)!.yMax, `page ${i + 1} of ${c.name}`).toBeLessThan(TYPE_BOTTOM + 2);
      if (i < pages.length - 1 && slots !== 22) {
        // A page ends early only to keep a heading with its text, or the end of the body with the signature.
        // (LibreOffice moves a paragraph kept with the next whole; Word and WPS split it, carrying two lines or more.)
        const next = bodyLines(pages[i + 1]!);
        const startsParagraph = Math.abs(next[0]!.xMin - LEFT - (2 * PAGE.charPitch) / 20) < 2;
        const keptTogether = HEADING_START.test(next[0]!.text) || (i === pages.length - 2 && startsParagraph);
        if (i < pages.length - 2) expect(slots, `page ${i + 1} of ${c.name}`).toBeGreaterThanOrEqual(20);
        expect(keptTogether, `page ${i + 1} of ${c.name} ends early before “${next[0]!.text}”`).toBe(true);
      }
      for (const l of lines.slice(i === 0 ? titleLines(c.doc.meta.title).length : 0)) {
        expect(l.xMin, l.text).toBeGreaterThan(LEFT - 1);
        // A full-width mark may hang in the margin (a 16 pt box), as in Word; the text itself stays within the
        // 156 mm type area, which 28 characters fill and 29 overflow.
        const hanging = MARK.test(l.text.at(-1)!) && l.xMax > RIGHT + 2 ? 16 : 0;
        expect(l.xMax - hanging, l.text).toBeLessThanOrEqual(RIGHT + 1.5);
        widest = Math.max(widest, l.xMax - hanging - LEFT);
      }
      const footer = footerLines(page);
      expect(footer.map((l) => l.text), `page ${i + 1}`).toEqual([`—${i + 1}—`]);
      if ((i + 1) % 2 === 1) expect(footer[0]!.xMax).toBeCloseTo(RIGHT - 14, 0);
      else expect(footer[0]!.xMin).toBeCloseTo(LEFT + 14, 0);
    });
    // The widest line is a full one: 28 character widths (442.25 pt of 15.75 pt characters), never 29.
    expect(widest / CHAR).toBeGreaterThan(27.5);
    expect(widest / CHAR).toBeLessThan(29);
  });
});
