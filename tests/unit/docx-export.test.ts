// Word export in the GB/T 9704 format: on every exported document the XML carries the page, grid, styles, fonts and
// page-number footers the standard asks for, and every part validates against the transitional OOXML schemas.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx, formatChineseDate } from '../../shared/docx/export';
import { importDocx } from '../../shared/docx/import';
import { PAGE, charsToTwips, mmToTwips, textWidth } from '../../shared/docx/layout';
import { titleLines } from '../../shared/docx/title';
import { sequenceMarkers } from '../../shared/model/numbering';
import type { Dialogs } from '../../main/services/context';
import { exportToDialog } from '../../main/services/exportFile';
import { FIXTURE_NAMES, REPO, SHARED, featureDoc, fixtureDoc, packageParts, structureOf, templateDocs, validateDocx } from './helpers/docxDocs';

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
    expect(normal).toContain(`<w:ind w:firstLine="${charsToTwips(2)}"/>`);
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
    const fontTable = parts['word/fontTable.xml']!;
    expect(fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fontTable).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
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

  it('splits long titles before 关于 into balanced lines that fit, and keeps the title’s own line breaks', () => {
    expect(titleLines('阳江市人民政府关于2024年度法治政府建设情况的报告')).toEqual(['阳江市人民政府', '关于2024年度法治政府建设情况的报告']);
    expect(titleLines('江海区政务服务和数据管理局关于2025年度法治政府建设情况的报告')).toEqual(['江海区政务服务和数据管理局', '关于2025年度法治政府建设情况的报告']);
    expect(titleLines('某区2024年度法治政府建设情况报告')).toEqual(['某区2024年度法治政府建设情况报告']);
    expect(titleLines('某某县人民政府\n关于2024年法治政府建设情况的报告')).toEqual(['某某县人民政府', '关于2024年法治政府建设情况的报告']);
    const long = '中共某某省某某市某某县委员会 某某省某某市某某县人民政府关于2024年度法治政府建设工作开展情况及下一步工作打算的报告';
    const lines = titleLines(long);
    expect(lines.join('')).toBe(long);
    expect(lines.length).toBe(3);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(20);
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
    work = mkdtempSync(join(tmpdir(), 'fzbg-export-cli-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

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
    work = mkdtempSync(join(tmpdir(), 'fzbg-export-dialog-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));
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
