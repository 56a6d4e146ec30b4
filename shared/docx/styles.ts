// The styles part of the exported Word file (shared, pure): written out in full so that every style names its
// fonts, follows the schema's element order (Word rejects a file that breaks it) and uses Word's built-in style
// names (heading 1…, Title, Salutation, Signature, Date, footer), which Word, WPS and LibreOffice show in Chinese
// as 标题 1…, 标题, 称呼, 签名, 日期, 页脚 and which their navigation panes and tables of contents recognise.
import { FONT, PAGE, SIZE } from './layout';

/** Style ids the exporter writes and the importer reads back. */
export const STYLE = {
  normal: 'Normal',
  title: 'Title',
  heading: ['Heading1', 'Heading2', 'Heading3', 'Heading4'] as const,
  headingChar: ['Heading1Char', 'Heading2Char', 'Heading3Char', 'Heading4Char'] as const,
  addressee: 'Salutation',
  signature: 'Signature',
  date: 'Date',
  attachment: 'AttachmentNote',
  notation: 'Notation',
  tableText: 'TableText',
  footer: 'Footer',
  tableGrid: 'TableGrid',
} as const;

/** The East Asian font of each heading level. */
export const HEADING_FONTS = [FONT.heading1, FONT.heading2, FONT.body, FONT.body] as const;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** w:rFonts naming one font for every script, with the East Asian hint so that quotes and dashes take it too. */
export function rFontsXml(font: string): string {
  const f = escapeXml(font);
  return `<w:rFonts w:ascii="${f}" w:eastAsia="${f}" w:hAnsi="${f}" w:cs="${f}" w:hint="eastAsia"/>`;
}

interface StyleSpec {
  type: 'paragraph' | 'character' | 'table';
  id: string;
  name: string;
  basedOn?: string;
  next?: string;
  isDefault?: boolean;
  uiPriority?: number;
  semiHidden?: boolean;
  qFormat?: boolean;
  /** Inner XML of w:pPr, already in schema order. */
  pPr?: string;
  /** Inner XML of w:rPr, already in schema order. */
  rPr?: string;
  tblPr?: string;
}

function styleXml(s: StyleSpec): string {
  return [
    `<w:style w:type="${s.type}" w:styleId="${s.id}"${s.isDefault ? ' w:default="1"' : ''}>`,
    `<w:name w:val="${escapeXml(s.name)}"/>`,
    s.basedOn ? `<w:basedOn w:val="${s.basedOn}"/>` : '',
    s.next ? `<w:next w:val="${s.next}"/>` : '',
    s.uiPriority !== undefined ? `<w:uiPriority w:val="${s.uiPriority}"/>` : '',
    s.semiHidden ? '<w:semiHidden/><w:unhideWhenUsed/>' : '',
    s.qFormat ? '<w:qFormat/>' : '',
    s.pPr ? `<w:pPr>${s.pPr}</w:pPr>` : '',
    s.rPr ? `<w:rPr>${s.rPr}</w:rPr>` : '',
    s.tblPr ? `<w:tblPr>${s.tblPr}</w:tblPr>` : '',
    '</w:style>',
  ].join('');
}

const exactLine = `<w:spacing w:before="0" w:after="0" w:line="${PAGE.linePitch}" w:lineRule="exact"/>`;
// The first-line indent is written in twips and in hundredths of a character (firstLineChars, which Word's paragraph
// dialog shows as 首行缩进 2 字符); Word prefers the Chars value, so a style that drops the indent drops both.
const noIndent = '<w:ind w:left="0" w:right="0" w:firstLineChars="0" w:firstLine="0"/>';
const sz = (halfPoints: number): string => `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;
const noCondense = '<w:spacing w:val="0"/>';

/** The complete word/styles.xml. */
export function stylesXml(): string {
  const styles: StyleSpec[] = [
    {
      type: 'paragraph', id: STYLE.normal, name: 'Normal', isDefault: true, qFormat: true,
      // Body text: justified, two characters' first-line indent, one grid line per line (exact, so that every reader
      // puts 22 lines on a page whatever the metrics of the substituted font).
      pPr: `<w:widowControl w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>${exactLine}<w:ind w:firstLineChars="200" w:firstLine="${Math.round(2 * PAGE.charPitch)}"/><w:jc w:val="both"/>`,
      rPr: `${rFontsXml(FONT.body)}<w:color w:val="000000"/><w:spacing w:val="${PAGE.condense}"/>${sz(SIZE.body)}<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>`,
    },
    {
      type: 'character', id: 'DefaultParagraphFont', name: 'Default Paragraph Font', isDefault: true, uiPriority: 1, semiHidden: true,
    },
    {
      type: 'table', id: 'TableNormal', name: 'Normal Table', isDefault: true, uiPriority: 99, semiHidden: true,
      tblPr: '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>',
    },
    {
      type: 'paragraph', id: STYLE.title, name: 'Title', basedOn: STYLE.normal, next: STYLE.normal, uiPriority: 10, qFormat: true,
      // Not snapped to the character grid: a 22 pt character would take two 15.79 pt cells in LibreOffice.
      pPr: `<w:keepNext/><w:keepLines/><w:snapToGrid w:val="0"/>${exactLine}${noIndent}<w:jc w:val="center"/>`,
      rPr: `${rFontsXml(FONT.title)}${noCondense}${sz(SIZE.title)}`,
    },
    ...([0, 1, 2, 3] as const).map((i): StyleSpec => ({
      type: 'paragraph', id: STYLE.heading[i], name: `heading ${i + 1}`, basedOn: STYLE.normal, next: STYLE.normal, uiPriority: 9, qFormat: true,
      pPr: `<w:keepNext/><w:keepLines/><w:outlineLvl w:val="${i}"/>`,
      rPr: `${rFontsXml(HEADING_FONTS[i])}<w:b w:val="0"/><w:bCs w:val="0"/>`,
    })),
    ...([0, 1, 2, 3] as const).map((i): StyleSpec => ({
      // The heading part of a run-in heading (（一）标题。正文… in one paragraph).
      type: 'character', id: STYLE.headingChar[i], name: `标题 ${i + 1} 字符`, basedOn: 'DefaultParagraphFont', uiPriority: 9,
      rPr: `${rFontsXml(HEADING_FONTS[i])}<w:b w:val="0"/><w:bCs w:val="0"/>`,
    })),
    {
      type: 'paragraph', id: STYLE.addressee, name: 'Salutation', basedOn: STYLE.normal, next: STYLE.normal, uiPriority: 99,
      pPr: `<w:keepNext/>${noIndent}<w:jc w:val="left"/>`,
    },
    {
      type: 'paragraph', id: STYLE.attachment, name: '附件说明', basedOn: STYLE.normal, next: STYLE.normal, uiPriority: 99,
      pPr: '<w:keepNext/><w:keepLines/>',
    },
    {
      // 附注 (（此件公开发布）): on the line below the date, two characters in (GB/T 9704 §7.3.6).
      type: 'paragraph', id: STYLE.notation, name: '附注', basedOn: STYLE.normal, next: STYLE.normal, uiPriority: 99,
      pPr: '<w:jc w:val="left"/>',
    },
    {
      type: 'paragraph', id: STYLE.signature, name: 'Signature', basedOn: STYLE.normal, next: STYLE.date, uiPriority: 99,
      pPr: `<w:keepNext/>${noIndent}<w:jc w:val="left"/>`,
    },
    {
      type: 'paragraph', id: STYLE.date, name: 'Date', basedOn: STYLE.normal, next: STYLE.normal, uiPriority: 99,
      pPr: `${noIndent}<w:jc w:val="left"/>`,
    },
    {
      type: 'paragraph', id: STYLE.tableText, name: '表格文字', basedOn: STYLE.normal, uiPriority: 99,
      pPr: `<w:snapToGrid w:val="0"/><w:spacing w:before="40" w:after="40" w:line="360" w:lineRule="exact"/>${noIndent}<w:jc w:val="left"/>`,
      rPr: `${noCondense}${sz(SIZE.table)}`,
    },
    {
      type: 'paragraph', id: STYLE.footer, name: 'footer', basedOn: STYLE.normal, uiPriority: 99, semiHidden: true,
      pPr: `<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>${noIndent}`,
      rPr: `${rFontsXml(FONT.pageNumber)}${noCondense}${sz(SIZE.pageNumber)}`,
    },
    {
      type: 'table', id: STYLE.tableGrid, name: 'Table Grid', basedOn: 'TableNormal', uiPriority: 59,
      tblPr: '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>',
    },
  ];
  const docDefaults =
    `<w:docDefaults><w:rPrDefault><w:rPr>${rFontsXml(FONT.body)}<w:kern w:val="2"/>${sz(SIZE.body)}<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    docDefaults +
    styles.map(styleXml).join('') +
    '</w:styles>'
  );
}
