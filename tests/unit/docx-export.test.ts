// Word export in the GB/T 9704 format: on every exported document the XML carries the page, grid, styles, fonts and
// page-number footers the standard asks for, and every part validates against the transitional OOXML schemas.
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx, formatChineseDate } from '../../shared/docx/export';
import { importDocx } from '../../shared/docx/import';
import { PAGE, charsToTwips, mmToTwips, textWidth } from '../../shared/docx/layout';
import { TITLE_LINE_EM, titleLines, titleWidth } from '../../shared/docx/title';
import { FONT_TABLE } from '../../shared/docx/fonts';
import { sequenceMarkers } from '../../shared/model/numbering';
import type { Dialogs } from '../../main/services/context';
import { exportToDialog } from '../../main/services/exportFile';
import { FIXTURE_NAMES, REPO, SHARED, featureDoc, fixtureDoc, packageParts, structureOf, templateDocs, validateDocx } from './helpers/docxDocs';
import { tempDir } from '../support/tempDir';

const attr = (xml: string, element: string, name: string): string | undefined =>
  new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];
const styleXml = (styles: string, id: string): string => {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`).exec(styles);
  if (!m) throw new Error(`no style ${id}`);
  return m[0];
};
const eastAsiaFont = (xml: string): string | undefined => attr(xml, 'w:rFonts', 'w:eastAsia');
const paragraphs = (documentXml: string): string[] => documentXml.match(/<w:p\b[^>]*>.*?<\/w:p>|<w:p\/>/g) ?? [];
const textOf = (p: string): string => (p.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('');

const DOCS = [
  ...FIXTURE_NAMES.map((name) => ({ name, doc: fixtureDoc(name) })),
  { name: 'feature document', doc: featureDoc() },
  ...templateDocs().map((doc) => ({ name: `template ${doc.id}`, doc })),
];

describe('the page: A4, GB/T 9704 margins, a 22-line grid', () => {
  it('rounds millimetres to the nearest twip (the library rounds down)', () => {
    expect([mmToTwips(37), mmToTwips(35), mmToTwips(28), mmToTwips(26)]).toEqual([2098, 1984, 1587, 1474]);
    expect(PAGE.typeWidth).toBe(8845); // 156 mm
    expect(PAGE.typeHeight).toBe(12756); // 225 mm
    expect(PAGE.linePitch * 22).toBeLessThanOrEqual(PAGE.typeHeight);
    expect(PAGE.linePitch * 23).toBeGreaterThan(PAGE.typeHeight);
    // Condensed 16 pt characters: 28 fit on a line, 29 do not.
    const condensed = 320 + PAGE.condense;
    expect(28 * condensed).toBeLessThanOrEqual(PAGE.typeWidth);
    expect(29 * condensed).toBeGreaterThan(PAGE.typeWidth);
  });
});

describe.each(DOCS)('export of the $name', ({ doc }) => {
  let parts: Record<string, string>;
  let bytes: Uint8Array;

  it('validates against the transitional OOXML schemas, every part', async () => {
    bytes = await exportDocx(doc);
    parts = packageParts(bytes);
    const { code, output } = validateDocx(bytes);
    expect(output).toMatch(/validated \d+ parts, 0 failed/);
    expect(output).not.toMatch(/^FAIL/m);
    expect(code).toBe(0);
  });

  it('has the A4 page, the margins and the line grid in its section', () => {
    const documentXml = parts['word/document.xml']!;
    const sectPr = /<w:sectPr>.*<\/w:sectPr>/.exec(documentXml)![0];
    expect(attr(sectPr, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(sectPr, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attr(sectPr, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attr(sectPr, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attr(sectPr, 'w:pgMar', 'w:left')).toBe('1587');
    expect(attr(sectPr, 'w:pgMar', 'w:right')).toBe('1474');
    expect(attr(sectPr, 'w:docGrid', 'w:type')).toBe('lines');
    expect(attr(sectPr, 'w:docGrid', 'w:linePitch')).toBe('579');
    expect(sectPr).toMatch(/<w:footerReference w:type="default" r:id="(rId\d+)"\/>/);
    expect(sectPr).toMatch(/<w:footerReference w:type="even" r:id="(rId\d+)"\/>/);
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    expect(parts['word/settings.xml']).toContain('<w:characterSpacingControl w:val="doNotCompress"/>');
  });

  it('has page-number footers `— PAGE —` in 宋体 14 pt: odd pages right, even pages left, one character in', () => {
    const rels = parts['word/_rels/document.xml.rels']!;
    const sectPr = /<w:sectPr>.*<\/w:sectPr>/.exec(parts['word/document.xml']!)![0];
    const footerOf = (type: string): string => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(sectPr)![1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
      return parts[`word/${target[1] ?? target[2]}`]!;
    };
    for (const [type, side] of [['default', 'right'], ['even', 'left']] as const) {
      const footer = footerOf(type);
      expect(footer).toContain('<w:pStyle w:val="Footer"/>');
      expect(footer).toContain(`<w:jc w:val="${side}"/>`);
      expect(attr(footer, 'w:ind', `w:${side}`)).toBe('280');
      expect(footer).toMatch(/<w:fldChar w:fldCharType="begin"\/>.*<w:instrText[^>]*>PAGE<\/w:instrText>.*<w:fldChar w:fldCharType="end"\/>/);
      expect(textOf(footer)).toBe('—  —');
      for (const r of footer.match(/<w:r>.*?<\/w:r>/g)!) {
        expect(eastAsiaFont(r)).toBe('宋体');
        expect(r).toContain('w:hint="eastAsia"');
      }
    }
    const footerStyle = styleXml(parts['word/styles.xml']!, 'Footer');
    expect(footerStyle).toContain('<w:sz w:val="28"/>');
    expect(eastAsiaFont(footerStyle)).toBe('宋体');
  });

  it('has real styles with the standard fonts: 正文 仿宋_GB2312 16 pt, headings 黑体/楷体_GB2312/仿宋, title 方正小标宋简体 22 pt', () => {
    const styles = parts['word/styles.xml']!;
    const normal = styleXml(styles, 'Normal');
    expect(normal).toContain('w:default="1"');
    expect(eastAsiaFont(normal)).toBe('仿宋_GB2312');
    expect(normal).toContain('<w:sz w:val="32"/>');
    expect(normal).toContain(`<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>`);
    // Twips for every reader, and 200 hundredths of a character so that Word's paragraph dialog shows 首行缩进 2 字符.
    expect(normal).toContain(`<w:ind w:firstLineChars="200" w:firstLine="${charsToTwips(2)}"/>`);
    // Styles without the indent drop both values (Word prefers firstLineChars when a style inherits it).
    for (const id of ['Title', 'Salutation', 'Signature', 'Date', 'TableText', 'Footer']) {
      expect(styleXml(styles, id), id).toContain('w:firstLineChars="0" w:firstLine="0"');
    }
    expect(normal).toContain('<w:jc w:val="both"/>');
    expect(normal).toContain(`<w:spacing w:val="${PAGE.condense}"/>`);
    const fonts = ['黑体', '楷体_GB2312', '仿宋_GB2312', '仿宋_GB2312'];
    for (let level = 1; level <= 4; level++) {
      const s = styleXml(styles, `Heading${level}`);
      expect(s).toContain(`<w:name w:val="heading ${level}"/>`);
      expect(s).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
      expect(eastAsiaFont(s)).toBe(fonts[level - 1]);
      expect(s).toContain('<w:basedOn w:val="Normal"/>');
    }
    const title = styleXml(styles, 'Title');
    expect(eastAsiaFont(title)).toBe('方正小标宋简体');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(eastAsiaFont(/<w:docDefaults>.*<\/w:docDefaults>/.exec(styles)![0])).toBe('仿宋_GB2312');
  });

  it('names the East Asian font, with the East Asian hint, on every run of the body', () => {
    const runs = parts['word/document.xml']!.match(/<w:r>.*?<\/w:r>/g) ?? [];
    expect(runs.length).toBeGreaterThan(0);
    for (const r of runs) {
      expect(eastAsiaFont(r), r.slice(0, 200)).toMatch(/^(仿宋_GB2312|黑体|楷体_GB2312|方正小标宋简体)$/);
      expect(r).toContain('w:hint="eastAsia"');
    }
  });

  it('replaces the theme fonts and names the fonts with their fallbacks', () => {
    const theme = Object.entries(parts).find(([n]) => /^word\/theme\/theme\d*\.xml$/.test(n))![1];
    expect(theme).not.toMatch(/typeface="(Calibri|Calibri Light|等线|等线 Light)"/);
    expect(theme).toMatch(/<a:minorFont><a:latin typeface="Times New Roman"\/><a:ea typeface="仿宋_GB2312"\/>/);
    expect(theme).toContain('<a:font script="Hans" typeface="仿宋_GB2312"/>');
    expect(theme).toContain('<a:font script="Hans" typeface="黑体"/>');
    // Every font a run names is in the font table.
    const inTable = [...parts['word/fontTable.xml']!.matchAll(/<w:font w:name="([^"]+)"/g)].map((m) => m[1]);
    const named = new Set([...Object.values(parts).join('').matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]).filter((f) => !/^(zh-CN|en-US)$/.test(f!)));
    for (const f of named) expect(inTable, f).toContain(f);
  });

  it('carries the title and the organ in the document properties', () => {
    expect(parts['docProps/core.xml']).toContain(`<dc:title>${doc.meta.title}</dc:title>`);
    expect(parts['docProps/core.xml']).toContain(`<dc:creator>${doc.meta.organ}</dc:creator>`);
    expect(parts['docProps/app.xml']).toContain(`<Company>${doc.meta.organ}</Company>`);
  });

  it('prints the title, 主送, headings with generated markers, body, signature and date as the standard places them', () => {
    const ps = paragraphs(parts['word/document.xml']!);
    const styleOf = (p: string): string => /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1] ?? '';
    const lines = titleLines(doc.meta.title);
    expect(ps.slice(0, lines.length).map(textOf)).toEqual(lines);
    expect(ps.slice(0, lines.length).every((p) => styleOf(p) === 'Title')).toBe(true);
    expect(textOf(ps[lines.length]!)).toBe('');
    expect(textOf(ps[lines.length + 1]!)).toBe(doc.meta.addressee ? `${doc.meta.addressee}：` : textOf(ps[lines.length + 1]!));
    // Headings: the marker the structure derives, written as text; never Word's automatic numbering.
    expect(parts['word/document.xml']).not.toContain('<w:numPr>');
    const markers = sequenceMarkers(doc.body);
    const expected = doc.body.flatMap((b, i) => (b.type === 'heading' && !b.runIn ? [`${markers[i]}${b.children.map((c) => c.text).join('')}`] : []));
    expect(ps.filter((p) => /Heading\d/.test(styleOf(p))).map(textOf)).toEqual(expected);
    const runIns = doc.body.flatMap((b, i) => (b.type === 'heading' && b.runIn ? [markers[i] + b.children.map((c) => c.text).join('')] : []));
    for (const head of runIns) {
      const p = ps.find((x) => textOf(x).startsWith(head))!;
      expect(styleOf(p)).toBe('Normal');
      expect(p).toMatch(/<w:rStyle w:val="Heading[2-4]Char"\/>/);
    }
    // Signature two characters from the right; the date's first character two characters right of the name's.
    const sig = ps.find((p) => styleOf(p) === 'Signature')!;
    const date = ps.find((p) => styleOf(p) === 'Date')!;
    expect(textOf(date)).toBe(formatChineseDate(doc.meta.date));
    const sigLeft = Number(attr(sig, 'w:ind', 'w:left'));
    const dateLeft = Number(attr(date, 'w:ind', 'w:left'));
    expect(Math.abs(dateLeft - sigLeft - charsToTwips(2))).toBeLessThanOrEqual(1);
    const sigEnd = sigLeft + charsToTwips(textWidth(textOf(sig)));
    const dateEnd = dateLeft + charsToTwips(textWidth(textOf(date)));
    expect(Math.abs(PAGE.typeWidth - Math.max(sigEnd, dateEnd) - charsToTwips(2))).toBeLessThanOrEqual(2);
    expect(textOf(ps[ps.indexOf(sig) - 1]!)).toBe('');
  });
});

describe('details of the format', () => {
  it('prints dates with Arabic digits and no leading zeros', () => {
    expect(formatChineseDate('2025-03-01')).toBe('2025年3月1日');
    expect(formatChineseDate('2024-12-31')).toBe('2024年12月31日');
    expect(formatChineseDate('')).toBe('');
  });

  it('keeps the title’s own line breaks and a title that fits on one line', () => {
    expect(titleLines('某区2024年度法治政府建设情况报告')).toEqual(['某区2024年度法治政府建设情况报告']);
    expect(titleLines('某某县人民政府\n关于2024年法治政府建设情况的报告')).toEqual(['某某县人民政府', '关于2024年法治政府建设情况的报告']);
  });

  it('sets long titles as a typesetter would: balanced inverted trapezoid or lozenge, words and the organ’s name whole', () => {
    const y = '关于2025年度法治政府建设情况的报告';
    expect(titleLines(`阳江市人民政府${y}`)).toEqual(['阳江市人民政府关于2025年度', '法治政府建设情况的报告']);
    expect(titleLines(`某某县司法局${y}`)).toEqual(['某某县司法局关于2025年度', '法治政府建设情况的报告']);
    // The organ's name fits on a line: it is never broken, even when that leaves the lines less balanced.
    expect(titleLines(`某某省某某市某某县市场监督管理局${y}`)).toEqual(['某某省某某市某某县市场监督管理局', y]);
    // The title (21-character organ): three lines, no line of one character, broken after 区委 (a unit).
    expect(titleLines(`中共江门市江海区委全面依法治区委员会办公室${y}`)).toEqual([
      '中共江门市江海区委', '全面依法治区委员会办公室关于2025年度', '法治政府建设情况的报告',
    ]);
  });

  it('never sets a line of one or two characters, never breaks a title word, 2025年度 or 关于 off its object', () => {
    const organs = ['某某县司法局', '礼乐街道办事处', '某某市某某区政务服务和数据管理局', '中共某某市某某区委全面依法治区委员会办公室', '某某自治州某某县人民政府', '某某县应急管理局', '江海区政务服务和数据管理局'];
    const tails = ['关于2025年度法治政府建设情况的报告', '2025年度法治政府建设情况报告', '关于2024年度法治政府建设工作情况及下一步工作打算的报告', '关于2025年法治政府建设年度报告'];
    for (const organ of organs) {
      for (const tail of tails) {
        const title = organ + tail;
        const lines = titleLines(title);
        expect(lines.join(''), title).toBe(title);
        for (const l of lines) {
          expect([...l].length, `${title}: ${l}`).toBeGreaterThanOrEqual(3);
          expect(titleWidth(l), `${title}: ${l}`).toBeLessThanOrEqual(TITLE_LINE_EM);
          expect(l.endsWith('关于'), l).toBe(false);
          expect(/^(?:年度|年|的报告$|报告$|政府建设|建设情况|员会|公室)/.test(l), l).toBe(false);
        }
        const cuts = lines.slice(0, -1).map((_, k) => lines.slice(0, k + 1).join('').length);
        if (titleWidth(organ) <= TITLE_LINE_EM) for (const c of cuts) expect(c <= 0 || c >= organ.length, `${title}: ${lines.join(' / ')}`).toBe(true);
        for (const word of ['法治政府建设', '2025年度', '2024年度', '委员会', '办公室', '管理局', '人民政府', '办事处']) {
          const at = title.indexOf(word);
          if (at >= 0) for (const c of cuts) expect(c <= at || c >= at + word.length, `${word} in ${lines.join(' / ')}`).toBe(true);
        }
      }
    }
  });

  it('measures title lines with the widest glyphs of the title font and its substitutes, leaving a margin', () => {
    // 20 Chinese characters of 22 pt fill 8800 of the 8845 twips: they fit; digits count 0.6 em, not 0.5.
    expect(TITLE_LINE_EM).toBe(20);
    expect(titleWidth('关于2025年度')).toBeCloseTo(6.4);
    expect(titleLines('某'.repeat(20))).toHaveLength(1);
    expect(titleWidth('某'.repeat(14) + '2025年度报告')).toBeGreaterThan(TITLE_LINE_EM); // 14 + 2.4 + 4 = 20.4 em
  });

  it('writes the font table as Word does: panose-1, charset, family, pitch and signature for every font, with the altName chain', async () => {
    const xml = packageParts(await exportDocx(featureDoc()))['word/fontTable.xml']!;
    const entries = new Map([...xml.matchAll(/<w:font w:name="([^"]+)">(.*?)<\/w:font>/g)].map((m) => [m[1]!, m[2]!]));
    const read = (body: string, el: string, a = 'w:val'): string | undefined => new RegExp(`<w:${el}\\b[^>]*\\b${a}="([^"]*)"`).exec(body)?.[1];
    // The values Word writes for these fonts (sources in shared/docx/README.md).
    const expected: Record<string, { alt?: string; panose?: string; charset: string; family: string; pitch: string; usb0?: string; csb0?: string }> = {
      '仿宋_GB2312': { alt: '仿宋', panose: '02010609030101010101', charset: '86', family: 'modern', pitch: 'fixed', usb0: '00000001', csb0: '00040000' },
      '楷体_GB2312': { alt: '楷体', panose: '02010609030101010101', charset: '86', family: 'modern', pitch: 'fixed', usb0: '00000001', csb0: '00040000' },
      '方正小标宋简体': { alt: '华文中宋', panose: '03000509000000000000', charset: '86', family: 'script', pitch: 'fixed', usb0: '00000001', csb0: '00040000' },
      '华文中宋': { alt: '宋体', charset: '86', family: 'auto', pitch: 'variable' },
      '黑体': { alt: 'SimHei', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed', usb0: '800002BF', csb0: '00040001' },
      '宋体': { alt: 'SimSun', panose: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable', usb0: '00000003', csb0: '00040001' },
      'Times New Roman': { panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable', usb0: '20007A87', csb0: '000001FF' },
    };
    expect([...entries.keys()].sort()).toEqual(Object.keys(expected).sort());
    expect(FONT_TABLE.map((f) => f.name).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, e] of Object.entries(expected)) {
      const body = entries.get(name)!;
      expect(read(body, 'altName'), name).toBe(e.alt);
      expect(read(body, 'panose1'), name).toBe(e.panose);
      expect(read(body, 'charset'), name).toBe(e.charset);
      expect(read(body, 'family'), name).toBe(e.family);
      expect(read(body, 'pitch'), name).toBe(e.pitch);
      expect(read(body, 'sig', 'w:usb0'), name).toBe(e.usb0);
      expect(read(body, 'sig', 'w:csb0'), name).toBe(e.csb0);
      if (e.usb0) for (const a of ['usb1', 'usb2', 'usb3', 'csb1']) expect(read(body, 'sig', `w:${a}`), `${name} ${a}`).toMatch(/^[0-9A-F]{8}$/);
      // The schema's order: altName, panose1, charset, family, pitch, sig.
      expect(body.replace(/<w:(\w+)[^>]*\/>/g, '$1 ').trim()).toBe(`${e.alt ? 'altName ' : ''}${e.panose ? 'panose1 ' : ''}charset family pitch${e.usb0 ? ' sig' : ''}`);
    }
    // The GB2312 faces, 黑体 and the title font are monospaced (PANOSE proportion 9): fixed pitch, as Word writes.
    for (const name of ['仿宋_GB2312', '楷体_GB2312', '黑体', '方正小标宋简体']) expect(expected[name]!.panose!.slice(6, 8)).toBe('09');
    // The chain ends at fonts every Chinese Windows has: 仿宋, 楷体, 黑体, 宋体 (华文中宋 → 宋体 for the title).
    expect(entries.get('方正小标宋简体')).toContain('华文中宋');
    expect(read(entries.get(read(entries.get('方正小标宋简体')!, 'altName')!)!, 'altName')).toBe('宋体');
  });

  it('keeps the last body paragraph, the blank lines, 附件说明, signature and date together, and no body paragraph before', async () => {
    const doc = featureDoc();
    doc.meta.notation = '此件公开发布';
    const parts = packageParts(await exportDocx(doc));
    const ps = paragraphs(parts['word/document.xml']!);
    const last = ps.findIndex((p) => textOf(p).startsWith('2025年，我局将持续深化'));
    expect(last).toBeGreaterThan(0);
    // Keep with next from the last body paragraph down to the date (which is followed by the 附注), set on the
    // paragraph or by its style (附件说明 and Signature).
    const kept = (p: string): boolean => {
      const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1];
      return p.includes('<w:keepNext/>') || (style !== 'Normal' && style !== undefined && styleXml(parts['word/styles.xml']!, style).includes('<w:keepNext/>'));
    };
    for (const p of ps.slice(last, -1)) expect(kept(p), textOf(p) || '(blank)').toBe(true);
    expect(ps[last]).toContain('<w:widowControl/>');
    expect(ps.at(-1)).not.toContain('<w:keepNext/>');
    // Nothing earlier is kept with the next but headings (by their style) and titles.
    expect(ps.slice(0, last).filter((p) => p.includes('<w:keepNext/>'))).toEqual([]);
    // Without a 附注 the date is the end and is not kept with anything.
    const plain = paragraphs(packageParts(await exportDocx(featureDoc()))['word/document.xml']!);
    expect(textOf(plain.at(-1)!)).toBe('2025年3月1日');
    expect(plain.at(-1)).not.toContain('<w:keepNext/>');
  });

  it('prints the 附注 in parentheses on the line below the date, two characters in (GB/T 9704 §7.3.6)', async () => {
    const doc = featureDoc();
    doc.meta.notation = '此件公开发布';
    const parts = packageParts(await exportDocx(doc));
    const ps = paragraphs(parts['word/document.xml']!);
    expect(textOf(ps.at(-2)!)).toBe('2025年3月1日');
    expect(textOf(ps.at(-1)!)).toBe('（此件公开发布）');
    expect(ps.at(-1)).toContain('<w:pStyle w:val="Notation"/>');
    const style = styleXml(parts['word/styles.xml']!, 'Notation');
    expect(style).toContain('<w:basedOn w:val="Normal"/>'); // the Normal style's 2-character first-line indent
    expect(style).not.toContain('<w:ind');
    // A 附注 typed with its parentheses is not doubled.
    doc.meta.notation = '（此件公开发布）';
    expect(textOf(paragraphs(packageParts(await exportDocx(doc))['word/document.xml']!).at(-1)!)).toBe('（此件公开发布）');
  });

  it('puts the attachment note one blank line below the text, two characters in, names aligned and unpunctuated', async () => {
    const parts = packageParts(await exportDocx(featureDoc()));
    const ps = paragraphs(parts['word/document.xml']!);
    const i = ps.findIndex((p) => textOf(p).startsWith('附件：'));
    expect(textOf(ps[i - 1]!)).toBe('');
    expect(textOf(ps[i]!)).toBe('附件：1.2024年度法治政府建设主要指标');
    expect(textOf(ps[i + 1]!)).toBe('2.2024年度规范性文件目录');
    expect(attr(ps[i + 1]!, 'w:ind', 'w:firstLine')).toBe(String(charsToTwips(2) + charsToTwips(3)));
    const single = featureDoc();
    single.meta.attachments = ['2024年度法治政府建设主要指标'];
    const one = paragraphs(packageParts(await exportDocx(single))['word/document.xml']!).map(textOf);
    expect(one).toContain('附件：2024年度法治政府建设主要指标');
  });

  it('exports a table as a Word table with the document’s fonts', async () => {
    const xml = packageParts(await exportDocx(featureDoc()))['word/document.xml']!;
    const tbl = /<w:tbl>.*?<\/w:tbl>/.exec(xml)![0];
    expect((tbl.match(/<w:tr>/g) ?? []).length + (tbl.match(/<w:tr /g) ?? []).length).toBe(3);
    expect(tbl).toContain('<w:tblStyle w:val="TableGrid"/>');
    // The header row repeats on the next page; rows do not split.
    const rows = tbl.match(/<w:tr>.*?<\/w:tr>/g) ?? [];
    expect(rows[0]).toMatch(/<w:trPr>.*<w:tblHeader\/>.*<\/w:trPr>/);
    expect(rows.slice(1).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
    expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
    expect(textOf(tbl)).toContain('行政机关负责人出庭应诉率');
  });

  it('exports a document without addressee, signature or date without blank placeholders', async () => {
    const doc = featureDoc();
    doc.meta = { ...doc.meta, addressee: '', signature: '', organ: '', date: '', attachments: [] };
    const bytes = await exportDocx(doc);
    expect(validateDocx(bytes).code).toBe(0);
    const ps = paragraphs(packageParts(bytes)['word/document.xml']!);
    expect(ps.some((p) => /Signature|Date|Salutation/.test(p))).toBe(false);
    expect(textOf(ps[ps.length - 1]!)).toBe('2025年，我局将持续深化法治政府建设，重点抓好以下工作。');
  });
});

describe('cli: export <report> -o <out.docx>', () => {
  const run = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      execFile(join(REPO, 'node_modules/.bin/tsx'), ['main/cli.ts', ...args], { cwd: REPO, encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      });
    });
  let work: string;
  beforeAll(() => {
    work = tempDir('export-cli');
  });

  it('exports a published report’s text to a valid .docx and reads that .docx back with outline', async () => {
    const out = join(work, '江海.docx');
    const r = await run(['export', join(SHARED, 'fixtures/reports/jianghai-2025-webpage.txt'), '-o', out]);
    expect(r.stderr).toContain('提示：');
    expect(r.stdout).toContain('已导出“江海.docx”');
    expect(r.code).toBe(0);
    const bytes = new Uint8Array(readFileSync(out));
    expect(structureOf(importDocx(bytes).doc.body)).toEqual(structureOf(fixtureDoc('jianghai-2025-webpage.txt').body));
    expect(readdirSync(work).filter((f) => f.startsWith('.~'))).toEqual([]);
    const outline = await run(['outline', out]);
    expect(outline.code).toBe(0);
    expect(outline.stdout).toContain('一、2025年推进法治政府建设的主要举措及成效');
  });

  it('refuses to replace an existing file without --force, a wrong extension and a missing input, leaving files as they were', async () => {
    const out = join(work, 'existing.docx');
    writeFileSync(out, 'old');
    const r = await run(['export', join(SHARED, 'fixtures/reports/jianghai-2025-webpage.txt'), '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('输出文件已存在');
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect((await run(['export', join(SHARED, 'fixtures/reports/jianghai-2025-webpage.txt'), '-o', join(work, 'x.pdf')])).stderr).toContain('应以 .docx 结尾');
    const missing = await run(['export', join(work, '没有.fzbg'), '-o', join(work, 'y.docx')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到文件');
    const forced = await run(['export', join(SHARED, 'fixtures/reports/jianghai-2025-webpage.txt'), '-o', out, '--force']);
    expect(forced.code).toBe(0);
    expect(validateDocx(new Uint8Array(readFileSync(out))).code).toBe(0);
  });
});

describe('exportDocx handler service: dialog, then an atomic write', () => {
  let work: string;
  beforeAll(() => {
    work = tempDir('export-dialog');
  });
  const dialogs = (answer: string | null, asked: { defaultName?: string }[] = []): Dialogs => ({
    openFile: async () => null,
    openFolder: async () => null,
    saveFile: async (o) => {
      asked.push(o);
      return answer;
    },
  });

  it('does nothing when the user cancels', async () => {
    expect(await exportToDialog(dialogs(null), featureDoc())).toEqual({ status: 'cancelled' });
    expect(readdirSync(work)).toEqual([]);
  });

  it('proposes the title as the file name, adds .docx, and writes a valid file with no temp file left', async () => {
    const asked: { defaultName?: string }[] = [];
    const doc = featureDoc();
    doc.meta.title = '某某局关于2024年度法治政府建设情况的报告：终稿/第2版';
    const result = await exportToDialog(dialogs(join(work, '报告'), asked), doc);
    expect(asked[0]!.defaultName).toBe('某某局关于2024年度法治政府建设情况的报告：终稿第2版.docx');
    expect(result).toEqual({ status: 'exported', fileName: '报告.docx', path: join(work, '报告.docx') });
    expect(readdirSync(work)).toEqual(['报告.docx']);
    expect(importDocx(new Uint8Array(readFileSync(join(work, '报告.docx')))).doc.meta.title).toBe(doc.meta.title);
  });

  it('drops characters XML forbids (pasted control characters) instead of writing a file Word refuses', async () => {
    const doc = featureDoc();
    doc.body.push({ type: 'paragraph', children: [{ text: '控制\u0001字符\u000b与孤立代理\ud800。' }] });
    const bytes = await exportDocx(doc);
    expect(validateDocx(bytes).code).toBe(0);
    const last = importDocx(bytes).doc.body.at(-1)!;
    expect(last.type === 'paragraph' && last.children[0]!.text).toBe('控制字符与孤立代理\ufffd。');
  });
});
