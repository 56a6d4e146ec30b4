// Word export in the official document format, GB/T 9704-2012 (shared, pure): the report model → a .docx package
// built with the docx library (with our own styles, settings, font table and document properties).
import {
  AlignmentType, Document, DocumentGridType, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableLayoutType,
  TableRow, TextRun, WidthType,
} from 'docx';
import { formatChineseDate } from '../model/dates';
import { sequenceMarkers } from '../model/numbering';
// Template writing hints are never exported: every run is printed from its content text, hints left out.
import { contentText as leavesText, type Block, type HeadingElement, type ReportDocument, type TableElement } from '../model/schema';
import { fontTableXml } from './fonts';
import { FONT, PAGE, charsToTwips, textWidth } from './layout';
import { HEADING_FONTS, STYLE, escapeXml, stylesXml } from './styles';
import { EXPORT_APPLICATION } from './import';
import { titleLines } from './title';

export { formatChineseDate } from '../model/dates';

/** Text without the characters XML 1.0 forbids (control characters, unpaired surrogates), which Word refuses. */
function xmlSafe(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** A run in the given East Asian font (named for every script, with the East Asian hint). */
function run(text: string, font: string, style?: string): TextRun {
  return new TextRun({ text: xmlSafe(text), style, font: { ascii: font, eastAsia: font, hAnsi: font, cs: font, hint: 'eastAsia' } });
}

/**
 * The last body paragraph before the signature block is kept with it (keep with next), and with widow control so
 * that at least its last two lines go along when the page breaks: the signature and date never stand alone on a
 * page (GB/T 9704 §7.3.5 asks to adjust the layout instead). Options for the docx library's Paragraph.
 */
type Keep = { keepNext?: boolean; widowControl?: boolean };
const KEEP_WITH_SIGNATURE: Keep = { keepNext: true, widowControl: true };

function headingParagraph(block: HeadingElement, marker: string): Paragraph {
  const font = HEADING_FONTS[block.level - 1];
  return new Paragraph({ style: STYLE.heading[block.level - 1], children: [run(marker + leavesText(block.children), font)] });
}

/** A run-in heading and the paragraph after it, printed as one body paragraph; the heading part keeps its font. */
function runInParagraph(block: HeadingElement, marker: string, next: Block | undefined, keep: Keep): Paragraph {
  const font = HEADING_FONTS[block.level - 1];
  const children = [run(marker + leavesText(block.children), font, STYLE.headingChar[block.level - 1])];
  if (next && next.type === 'paragraph') children.push(run(leavesText(next.children), FONT.body));
  return new Paragraph({ style: STYLE.normal, ...keep, children });
}

function tableBlock(block: TableElement, keep: Keep): Table {
  const columns = Math.max(...block.children.map((row) => row.children.length));
  const colWidth = Math.floor(PAGE.typeWidth / columns);
  return new Table({
    style: STYLE.tableGrid,
    layout: TableLayoutType.FIXED,
    width: { size: colWidth * columns, type: WidthType.DXA },
    columnWidths: new Array<number>(columns).fill(colWidth),
    rows: block.children.map(
      (row, i) =>
        new TableRow({
          // The first row heads the columns: repeated when the table runs onto the next page; no row splits.
          tableHeader: i === 0 && block.children.length > 1,
          cantSplit: true,
          // A table that ends the body keeps its last row with the signature block.
          keepNext: keep.keepNext === true && i === block.children.length - 1 ? true : undefined,
          children: row.children.map(
            (cell) =>
              new TableCell({
                width: { size: colWidth, type: WidthType.DXA },
                children: leavesText(cell.children)
                  .split('\n')
                  .map((line) => new Paragraph({ style: STYLE.tableText, children: [run(line, FONT.body)] })),
              }),
          ),
        }),
    ),
  });
}

const blankLine = (keep: Keep = {}): Paragraph => new Paragraph({ style: STYLE.normal, ...keep, children: [] });

/** 附件：1.××× / 2.××× (names aligned under the first), or 附件：××× for a single one; no punctuation after names. */
function attachmentParagraphs(names: readonly string[]): Paragraph[] {
  const label = '附件：';
  const hanging = charsToTwips(textWidth(label));
  return names.map((name, i) => {
    const text = names.length === 1 ? label + name : (i === 0 ? label : '') + `${i + 1}.${name}`;
    return new Paragraph({
      style: STYLE.attachment,
      indent: i === 0 ? undefined : { firstLine: charsToTwips(2) + hanging, firstLineChars: Math.round((2 + textWidth(label)) * 100) },
      children: [run(text, FONT.body)],
    });
  });
}

/**
 * The signature and date without a seal (GB/T 9704 7.3.5.2): the organ one blank line below the text, two
 * characters from the right; the date below it, its first character two characters right of the name's first.
 * When the date is the longer, the date keeps two characters from the right and the name moves left. Both are set
 * by their left indent, so that the date's start is right whatever the width of the digits in the reader's font.
 */
function signatureParagraphs(signature: string, date: string, notation: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  const chars = PAGE.charsPerLine;
  const ws = textWidth(signature);
  const wd = textWidth(date);
  let nameStart = chars - 2 - ws;
  let dateStart = nameStart + 2;
  if (!signature || dateStart + wd > chars - 2) {
    dateStart = chars - 2 - wd;
    nameStart = dateStart - 2;
  }
  const at = (start: number): { left: number } => ({ left: charsToTwips(Math.max(0, start)) });
  if (signature) out.push(new Paragraph({ style: STYLE.signature, indent: at(nameStart), children: [run(signature, FONT.body)] }));
  if (date) out.push(new Paragraph({ style: STYLE.date, keepNext: notation || undefined, indent: at(dateStart), children: [run(date, FONT.body)] }));
  return out;
}

function pageNumberFooter(side: 'right' | 'left'): Footer {
  const font = { ascii: FONT.pageNumber, eastAsia: FONT.pageNumber, hAnsi: FONT.pageNumber, cs: FONT.pageNumber, hint: 'eastAsia' };
  const oneChar = 280; // one 14 pt character
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: oneChar } : { left: oneChar },
        children: [new TextRun({ font, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

function bodyChildren(doc: ReportDocument): (Paragraph | Table)[] {
  const { meta, body } = doc;
  const out: (Paragraph | Table)[] = [];
  const lines = titleLines(meta.title);
  for (const line of lines) out.push(new Paragraph({ style: STYLE.title, children: [run(line, FONT.title)] }));
  if (lines.length > 0) out.push(blankLine());
  const addressee = meta.addressee.trim().replace(/[：:]$/, '');
  if (addressee) out.push(new Paragraph({ style: STYLE.addressee, children: [run(addressee + '：', FONT.body)] }));

  const attachments = (meta.attachments ?? []).map((a) => a.trim()).filter((a) => a.length > 0);
  const signature = (meta.signature || meta.organ).trim();
  const date = formatChineseDate(meta.date);
  const notation = (meta.notation ?? '').trim().replace(/^[（(](.*)[）)]$/, '$1').trim();
  const trailer = attachments.length > 0 || signature !== '' || date !== '';
  const keepLast = (i: number): Keep => (trailer && i >= body.length - 1 ? KEEP_WITH_SIGNATURE : {});

  const markers = sequenceMarkers(body);
  for (let i = 0; i < body.length; i++) {
    const block = body[i]!;
    if (block.type === 'heading') {
      if (block.runIn) {
        const next = body[i + 1];
        const joined = next !== undefined && next.type === 'paragraph';
        out.push(runInParagraph(block, markers[i]!, next, keepLast(joined ? i + 1 : i)));
        if (joined) i++;
      } else {
        out.push(headingParagraph(block, markers[i]!));
      }
    } else if (block.type === 'paragraph') {
      out.push(new Paragraph({ style: STYLE.normal, ...keepLast(i), children: [run(leavesText(block.children), FONT.body)] }));
    } else {
      out.push(tableBlock(block, keepLast(i)));
    }
  }

  // 附件说明 one line below the body (GB/T 9704 §7.3.4), the signature and date one line below that (§7.3.5), the
  // 附注 on the line below the date (§7.3.6); each blank line and paragraph kept with the next.
  if (attachments.length > 0) {
    out.push(blankLine({ keepNext: true }));
    out.push(...attachmentParagraphs(attachments));
  }
  if (signature || date) {
    out.push(blankLine({ keepNext: true }));
    out.push(...signatureParagraphs(signature, date, notation !== ''));
  }
  if (notation) out.push(new Paragraph({ style: STYLE.notation, children: [run(`（${notation}）`, FONT.body)] }));
  return out;
}

/** The report as a .docx file in the official format. */
export async function exportDocx(doc: ReportDocument): Promise<Uint8Array> {
  const organ = xmlSafe(doc.meta.organ.trim());
  const document = new Document({
    title: xmlSafe(doc.meta.title.replace(/\s*\n\s*/g, '')),
    creator: organ || undefined,
    lastModifiedBy: organ || undefined,
    externalStyles: stylesXml(),
    evenAndOddHeaderAndFooters: true,
    theme: {
      name: '公文',
      fonts: {
        headings: { latin: 'Times New Roman', eastAsia: FONT.heading1, scripts: { Hans: FONT.heading1 } },
        body: { latin: 'Times New Roman', eastAsia: FONT.body, scripts: { Hans: FONT.body } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginLeft, right: PAGE.marginRight,
              header: PAGE.header, footer: PAGE.footer, gutter: 0,
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: PAGE.linePitch },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: bodyChildren(doc),
      },
    ],
  });
  // The parts the library does not let us shape are written whole: the fonts' Chinese fallbacks, the company, and
  // settings without punctuation compression (full-width marks keep their width, so a full line holds 28 characters).
  const packed = await Packer.toArrayBuffer(document, false, [
    { path: 'word/fontTable.xml', data: fontTableXml() },
    { path: 'word/settings.xml', data: settingsXml() },
    { path: 'docProps/app.xml', data: appXml(organ) },
  ]);
  return new Uint8Array(packed);
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

function settingsXml(): string {
  return (
    `${XML_DECLARATION}<w:settings xmlns:w="${W_NS}">` +
    '<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>' +
    '<w:characterSpacingControl w:val="doNotCompress"/>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>' +
    '</w:settings>'
  );
}

function appXml(organ: string): string {
  return (
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>${EXPORT_APPLICATION}</Application>${organ ? `<Company>${escapeXml(organ)}</Company>` : ''}</Properties>`
  );
}
