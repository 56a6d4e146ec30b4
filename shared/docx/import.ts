// Word import (shared, pure): a .docx from Word, WPS or LibreOffice read into paragraphs with their styles (标题 1–4 /
// heading 1–4 / outline level, Title, centred, automatic numbering), which then go through the same heuristics
// (shared/import/heuristics.ts) and structuring (shared/import/structure.ts) as imported text. Embedded HTML or text
// (w:altChunk) is read too. Comments, tracked changes and pictures are reported in the notes, never silently dropped
// or accepted. Hostile packages are refused by the capped zip and XML readers.
import type { ImportNote } from '../model/importNote';
import { newDocumentId } from '../model/id';
import { emptyRuleSettings, type HeadingLevel, type ReportDocument, type ReportMeta, type TableElement } from '../model/schema';
import { decodeText } from '../import/encoding';
import { ATTACHMENT_ITEM_RE, ATTACHMENT_RE, SENTENCE_PUNCT, isDateLine, isTitleCandidate, joinTitleLines, notationOf, parseDateText, resolveMeta, titleFromFileName } from '../import/heuristics';
import { structureBlocks, type SourceBlock, type WrittenMarker } from '../import/structure';
import { importText, normalizeLine } from '../import/text';
import { parseHeadingMarker } from '../outline/markers';
import { recognizeMandatedParts } from '../outline/parts';
import { DocxPackage, resolveTarget, type DocxImportLimits } from './package';
import { child, elements, textContent, type XmlElement } from './xml';

export { PackageError } from './zip';

export interface DocxImportOptions {
  id?: string;
  /** The source file's name: a title of last resort. */
  fileName?: string;
  /** Report year to assume when nothing in the document names one (a note says so). */
  defaultYear?: number;
}

export interface DocxImportResult {
  doc: ReportDocument;
  notes: ImportNote[];
  /** Heading markers as the document wrote them (the structure now derives them), for the checker. */
  markers: WrittenMarker[];
}

/** What the exporter writes as the application in docProps/app.xml. */
export const EXPORT_APPLICATION = '法治年报助手';

const REL_STYLES = /\/styles$/;
const REL_COMMENTS = /\/comments$/;

// ---- styles ----------------------------------------------------------------------------------------------------

interface StyleInfo {
  name: string;
  basedOn?: string;
  outlineLevel?: number;
  jc?: string;
}

function readStyles(root: XmlElement | null): Map<string, StyleInfo> {
  const map = new Map<string, StyleInfo>();
  if (!root) return map;
  for (const s of elements(root)) {
    if (s.name !== 'style') continue;
    const id = s.attrs.styleId;
    if (!id) continue;
    const pPr = child(s, 'pPr');
    const outline = child(pPr, 'outlineLvl')?.attrs.val;
    const info: StyleInfo = { name: child(s, 'name')?.attrs.val ?? id };
    const basedOn = child(s, 'basedOn')?.attrs.val;
    if (basedOn) info.basedOn = basedOn;
    if (outline !== undefined && /^\d$/.test(outline)) info.outlineLevel = Number(outline);
    const jc = child(pPr, 'jc')?.attrs.val;
    if (jc) info.jc = jc;
    map.set(id, info);
  }
  return map;
}

class StyleSheet {
  constructor(private readonly styles: Map<string, StyleInfo>) {}
  private chain(id: string | undefined): StyleInfo[] {
    const out: StyleInfo[] = [];
    const seen = new Set<string>();
    while (id && !seen.has(id) && out.length < 20) {
      seen.add(id);
      const s = this.styles.get(id);
      if (!s) break;
      out.push(s);
      id = s.basedOn;
    }
    return out;
  }
  /** The heading level (1–4) a paragraph style gives, 0 for none. */
  headingLevel(id: string | undefined): number {
    if (!id) return 0;
    const byId = /^Heading([1-9])$/i.exec(id);
    if (byId) return Number(byId[1]);
    for (const s of this.chain(id)) {
      const m = /^(?:heading|标题)\s*([1-9])$/i.exec(s.name.trim());
      if (m) return Number(m[1]);
      if (s.outlineLevel !== undefined) return s.outlineLevel + 1;
    }
    return 0;
  }
  /** The heading level a character style of a run-in heading stands for (标题 2 字符, Heading 2 Char), 0 for none. */
  charHeadingLevel(id: string | undefined): number {
    if (!id) return 0;
    const byId = /^Heading([1-4])Char$/i.exec(id);
    if (byId) return Number(byId[1]);
    const name = this.styles.get(id)?.name ?? '';
    const m = /^(?:heading|标题)\s*([1-4])\s*(?:char|字符)$/i.exec(name.trim());
    return m ? Number(m[1]) : 0;
  }
  isTitle(id: string | undefined): boolean {
    if (!id) return false;
    if (id === 'Title') return true;
    const name = this.styles.get(id)?.name.trim() ?? '';
    return name === 'Title' || name === '标题';
  }
  named(id: string | undefined, wanted: string): boolean {
    if (!id) return false;
    return id === wanted || this.styles.get(id)?.name === wanted;
  }
  alignment(id: string | undefined): string | undefined {
    for (const s of this.chain(id)) if (s.jc) return s.jc;
    return undefined;
  }
}

// ---- automatic numbering -------------------------------------------------------------------------------------------

/**
 * Word's automatic numbering (numbering.xml): which heading marker a numbered paragraph prints. Only the four
 * heading forms count (一、 （一） 1. （1）); bullets and other list styles are left as plain paragraphs.
 */
class Numbering {
  private readonly levels = new Map<string, Map<number, { format: string; text: string }>>();
  constructor(root: XmlElement | null) {
    if (!root) return;
    const abstract = new Map<string, Map<number, { format: string; text: string }>>();
    for (const a of elements(root)) {
      if (a.name !== 'abstractNum' || a.attrs.abstractNumId === undefined) continue;
      const lvls = new Map<number, { format: string; text: string }>();
      for (const l of elements(a)) {
        if (l.name !== 'lvl') continue;
        lvls.set(Number(l.attrs.ilvl ?? '0'), { format: child(l, 'numFmt')?.attrs.val ?? '', text: child(l, 'lvlText')?.attrs.val ?? '' });
      }
      abstract.set(a.attrs.abstractNumId, lvls);
    }
    for (const n of elements(root)) {
      if (n.name !== 'num' || n.attrs.numId === undefined) continue;
      const lvls = abstract.get(child(n, 'abstractNumId')?.attrs.val ?? '');
      if (lvls) this.levels.set(n.attrs.numId, lvls);
    }
  }
  marker(numId: string | undefined, ilvl: number): string | null {
    if (!numId || numId === '0') return null;
    const lvl = this.levels.get(numId)?.get(ilvl);
    if (!lvl) return null;
    const numeral = /^(chineseCounting|chineseCountingThousand|chineseLegalSimplified|ideographDigital|taiwaneseCounting|taiwaneseCountingThousand)$/.test(lvl.format)
      ? '一'
      : /^(decimal|decimalFullWidth|decimalHalfWidth|decimalZero)$/.test(lvl.format)
        ? '1'
        : null;
    if (!numeral) return null;
    const sample = lvl.text.replace(/%\d/g, numeral).trim();
    const parsed = parseHeadingMarker(`${sample}标题`);
    return parsed && !parsed.malformed && parsed.marker === sample ? sample : null;
  }
}

// ---- the body ------------------------------------------------------------------------------------------------------

interface RunText {
  text: string;
  charLevel: number;
}

interface Para {
  kind: 'p';
  style?: string;
  /** Heading level by style or outline level (0: none). */
  level: number;
  jc?: string;
  runs: RunText[];
  text: string;
  /** The heading marker Word's automatic numbering prints before the text (一、 （一） 1. （1）), if it prints one. */
  autoMarker?: string;
}

interface Tbl {
  kind: 'table';
  rows: string[][];
}

interface Counts {
  insertions: number;
  deletions: number;
  comments: Set<string>;
  pictures: number;
  notes: number;
}

const SKIPPED_CONTAINERS = new Set(['drawing', 'pict', 'object', 'AlternateContent']);
const TRANSPARENT = new Set(['hyperlink', 'smartTag', 'customXml', 'fldSimple', 'sdt', 'sdtContent', 'bdo', 'dir', 'ins', 'moveTo']);

class BodyReader {
  readonly counts: Counts = { insertions: 0, deletions: 0, comments: new Set(), pictures: 0, notes: 0 };
  constructor(
    private readonly sheet: StyleSheet,
    private readonly numbering: Numbering,
    /** The lines of the embedded part a `w:altChunk` names (empty when it cannot be read; the reader notes why). */
    private readonly altChunk: (relId: string | undefined) => string[],
  ) {}

  blocks(body: XmlElement): (Para | Tbl)[] {
    const out: (Para | Tbl)[] = [];
    for (const el of elements(body)) {
      if (el.name === 'p') out.push(this.paragraph(el));
      else if (el.name === 'tbl') out.push(this.table(el));
      else if (el.name === 'sdt' || el.name === 'customXml') {
        const content = el.name === 'sdt' ? child(el, 'sdtContent') : el;
        if (content) out.push(...this.blocks(content));
      } else if (el.name === 'ins' || el.name === 'moveTo') {
        this.counts.insertions++;
        out.push(...this.blocks(el));
      } else if (el.name === 'del' || el.name === 'moveFrom') {
        this.counts.deletions++;
      } else if (el.name === 'altChunk') {
        for (const line of this.altChunk(el.attrs.id)) out.push({ kind: 'p', level: 0, runs: [{ text: line, charLevel: 0 }], text: line });
      }
    }
    return out;
  }

  private paragraph(p: XmlElement): Para {
    const pPr = child(p, 'pPr');
    const style = child(pPr, 'pStyle')?.attrs.val;
    let level = this.sheet.headingLevel(style);
    const outline = child(pPr, 'outlineLvl')?.attrs.val;
    if (outline !== undefined && /^\d$/.test(outline)) level = Number(outline) + 1;
    const markRevision = child(child(pPr, 'rPr'), 'ins') ?? child(child(pPr, 'rPr'), 'del');
    if (markRevision) {
      if (markRevision.name === 'ins') this.counts.insertions++;
      else this.counts.deletions++;
    }
    const runs: RunText[] = [];
    this.inline(p, runs);
    const para: Para = { kind: 'p', level: level >= 1 && level <= 4 ? level : 0, runs, text: runs.map((r) => r.text).join('') };
    if (style) para.style = style;
    const numPr = child(pPr, 'numPr');
    if (numPr) {
      const marker = this.numbering.marker(child(numPr, 'numId')?.attrs.val, Number(child(numPr, 'ilvl')?.attrs.val ?? '0'));
      if (marker) para.autoMarker = marker;
    }
    const jc = child(pPr, 'jc')?.attrs.val ?? this.sheet.alignment(style);
    if (jc) para.jc = jc;
    return para;
  }

  private inline(el: XmlElement, runs: RunText[]): void {
    for (const c of elements(el)) {
      if (c.name === 'r') this.run(c, runs);
      else if (c.name === 'del' || c.name === 'moveFrom') this.counts.deletions++;
      else if (c.name === 'commentRangeStart') this.counts.comments.add(c.attrs.id ?? String(this.counts.comments.size));
      else if (SKIPPED_CONTAINERS.has(c.name)) this.counts.pictures++;
      else if (TRANSPARENT.has(c.name)) {
        if (c.name === 'ins' || c.name === 'moveTo') this.counts.insertions++;
        this.inline(c, runs);
      }
    }
  }

  private run(r: XmlElement, runs: RunText[]): void {
    const rStyle = child(child(r, 'rPr'), 'rStyle')?.attrs.val;
    const charLevel = this.sheet.charHeadingLevel(rStyle);
    let text = '';
    for (const c of elements(r)) {
      switch (c.name) {
        case 't': text += textContent(c); break;
        case 'tab': case 'ptab': text += '\t'; break;
        case 'noBreakHyphen': text += '-'; break;
        case 'commentReference': this.counts.comments.add(c.attrs.id ?? String(this.counts.comments.size)); break;
        case 'footnoteReference': case 'endnoteReference': this.counts.notes++; break;
        case 'drawing': case 'pict': case 'object': case 'AlternateContent': this.counts.pictures++; break;
        default: break; // br/cr (soft line breaks) join the lines: Chinese text needs no space; delText and instrText are not text
      }
    }
    if (text) runs.push({ text, charLevel });
  }

  private table(tbl: XmlElement): Tbl {
    const rows: string[][] = [];
    for (const tr of elements(tbl)) {
      if (tr.name !== 'tr') continue;
      const cells: string[] = [];
      for (const tc of elements(tr)) {
        if (tc.name !== 'tc') continue;
        const lines: string[] = [];
        for (const b of this.blocks(tc)) {
          if (b.kind === 'p') lines.push(normalizeLine(b.text));
          else lines.push(...b.rows.map((row) => row.join(' ')));
        }
        cells.push(lines.filter((l, i) => l.length > 0 || i < lines.length - 1).join('\n'));
      }
      if (cells.length > 0) rows.push(cells);
    }
    return { kind: 'table', rows };
  }
}

// ---- meta ----------------------------------------------------------------------------------------------------------

function looksLikeTitle(text: string): boolean {
  return text.length >= 6 && isTitleCandidate(text);
}

function short(text: string, max = 20): string {
  return text.length > max ? text.slice(0, max) + '…' : text;
}

// ---- embedded parts (w:altChunk) --------------------------------------------------------------------------------

const REL_ALT_CHUNK = /\/aFChunk$/;

type ChunkKind = 'html' | 'text' | 'mht' | 'rtf' | 'docx' | 'other';

const CHUNK_KIND_NAMES: Record<Exclude<ChunkKind, 'html' | 'text'>, string> = {
  mht: 'MHT 网页归档',
  rtf: 'RTF 文档',
  docx: 'Word 文档',
  other: '未知格式',
};

function chunkKind(contentType: string, name: string): ChunkKind {
  const type = contentType.toLowerCase();
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (/^(?:text\/html|application\/xhtml\+xml)/.test(type) || /^(?:html?|xhtml)$/.test(ext)) return 'html';
  if (/^text\/plain/.test(type) || ext === 'txt') return 'text';
  if (/^(?:message\/rfc822|multipart\/related)/.test(type) || /^mht(?:ml)?$/.test(ext)) return 'mht';
  if (/rtf/.test(type) || ext === 'rtf') return 'rtf';
  if (/wordprocessingml|msword/.test(type) || /^(?:docx|docm|dotx|doc)$/.test(ext)) return 'docx';
  return 'other';
}

/**
 * The parts that `w:altChunk` elements embed (Word's "insert text from file", systems that paste HTML): HTML, XHTML
 * and plain text are read through the package's caps and become body paragraphs; anything else is named in a note.
 */
class AltChunks {
  private readonly imported: string[] = [];
  private readonly refused: string[] = [];
  private readonly types = new Map<string, string>();
  private readonly defaults = new Map<string, string>();
  constructor(private readonly pkg: DocxPackage) {
    const types = pkg.xml('[Content_Types].xml');
    for (const e of types ? elements(types) : []) {
      if (e.name === 'Override' && e.attrs.PartName) this.types.set(e.attrs.PartName.replace(/^\//, ''), e.attrs.ContentType ?? '');
      if (e.name === 'Default' && e.attrs.Extension) this.defaults.set(e.attrs.Extension.toLowerCase(), e.attrs.ContentType ?? '');
    }
  }

  lines(relId: string | undefined): string[] {
    const rel = this.pkg.rels && relId ? elements(this.pkg.rels).find((r) => r.attrs.Id === relId && REL_ALT_CHUNK.test(r.attrs.Type ?? '')) : undefined;
    if (!rel?.attrs.Target) {
      this.refused.push('找不到所嵌入的内容');
      return [];
    }
    if (rel.attrs.TargetMode === 'External') {
      // Nothing outside the package is ever read or fetched.
      this.refused.push(`链接到文档之外的“${short(rel.attrs.Target, 40)}”，未读取`);
      return [];
    }
    const name = resolveTarget(this.pkg.mainName, rel.attrs.Target);
    const type = this.types.get(name) ?? this.defaults.get(/\.([^./]+)$/.exec(name)?.[1]?.toLowerCase() ?? '') ?? '';
    const kind = chunkKind(type, name);
    if (kind !== 'html' && kind !== 'text') {
      this.refused.push(`${CHUNK_KIND_NAMES[kind]}“${name.replace(/^.*\//, '')}”`);
      return [];
    }
    const bytes = this.pkg.part(name);
    if (!bytes) {
      this.refused.push(`“${name.replace(/^.*\//, '')}”在文件中不存在`);
      return [];
    }
    const text = decodeText(bytes, name).text;
    const lines = (kind === 'html' ? htmlLines(text) : text.split(/\r\n|\r|\n/)).map(normalizeLine).filter((l) => l.length > 0);
    this.imported.push(`${kind === 'html' ? 'HTML' : '纯文本'}“${name.replace(/^.*\//, '')}”，${lines.length} 段`);
    return lines;
  }

  notes(): ImportNote[] {
    const out: ImportNote[] = [];
    if (this.imported.length > 0) {
      out.push({ severity: 'info', message: `文档中有 ${this.imported.length} 处嵌入的外部内容（${this.imported.join('；')}），其文字已作为正文导入，请核对其位置和格式。` });
    }
    if (this.refused.length > 0) {
      out.push({ severity: 'warning', message: `文档中有 ${this.refused.length} 处嵌入的内容无法导入（${this.refused.join('；')}），其中的文字不在导入结果中。请在 Word 或 WPS 中打开原文档，把这部分内容复制为普通文字后再导入。` });
    }
    return out;
  }
}

const HTML_BLOCK_TAGS = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'section', 'article', 'blockquote', 'pre', 'hr', 'dd', 'dt', 'body', 'title']);
const HTML_SKIPPED_TAGS = new Set(['script', 'style', 'head', 'noscript', 'template']);
const HTML_ENTITIES: Record<string, string> = { nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', hellip: '…', middot: '·', ensp: ' ', emsp: '\u3000' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return HTML_ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** The text of an HTML or XHTML part, a line per block element; one forward scan, linear in the input. */
function htmlLines(html: string): string[] {
  const out: string[] = [];
  let line = '';
  const flush = (): void => {
    out.push(decodeEntities(line.replace(/[ \t\r\n]+/g, ' ')));
    line = '';
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      line += html.slice(i);
      break;
    }
    line += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) break;
    const name = /^<\/?\s*([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(lt, Math.min(gt + 1, lt + 40)))?.[1]?.toLowerCase().replace(/^.*:/, '') ?? '';
    const closing = html[lt + 1] === '/';
    i = gt + 1;
    if (!closing && HTML_SKIPPED_TAGS.has(name) && html[gt - 1] !== '/') {
      const end = html.toLowerCase().indexOf(`</${name}`, i);
      i = end < 0 ? html.length : html.indexOf('>', end) + 1 || html.length;
      continue;
    }
    if (HTML_BLOCK_TAGS.has(name)) flush();
    else if (name === 'td' || name === 'th') line += ' ';
  }
  flush();
  return out;
}

// ---- the importer --------------------------------------------------------------------------------------------------

/** Imports a .docx; throws PackageError (Chinese message) for a file that is not a readable Word document. */
export function importDocx(bytes: Uint8Array, limits: Partial<DocxImportLimits> = {}, options: DocxImportOptions = {}): DocxImportResult {
  const pkg = new DocxPackage(bytes, limits);
  const stylesName = pkg.related(REL_STYLES);
  const sheet = new StyleSheet(readStyles(stylesName ? pkg.xml(stylesName) : null));
  const numberingName = pkg.related(/\/numbering$/);
  const numbering = new Numbering(numberingName ? pkg.xml(numberingName) : null);
  const body = pkg.body();

  const chunks = new AltChunks(pkg);
  const reader = new BodyReader(sheet, numbering, (id) => chunks.lines(id));
  const items = reader.blocks(body);
  // What the model cannot hold is reported, not silently dropped or accepted.
  const contentNotes = (): ImportNote[] => {
    const out: ImportNote[] = [...chunks.notes()];
    const c = reader.counts;
    if (c.insertions + c.deletions > 0) {
      out.push({
        severity: 'warning',
        message: `文档含未处理的修订（插入 ${c.insertions} 处、删除 ${c.deletions} 处），已按“接受全部修订”后的文字导入，修订标记未保留。请对照原文档核对。`,
      });
    }
    if (c.comments.size > 0) {
      const commentsName = pkg.related(REL_COMMENTS);
      const root = commentsName ? pkg.xml(commentsName) : null;
      const texts = root ? elements(root).filter((e) => e.name === 'comment').map((e) => normalizeLine(textContent(e))).filter((t) => t) : [];
      const sample = texts.slice(0, 3).map((t) => `“${short(t, 30)}”`).join('、');
      out.push({
        severity: 'warning',
        message: `文档含 ${c.comments.size} 条批注${sample ? `（${sample}${texts.length > 3 ? '等' : ''}）` : ''}。批注不属于报告正文，未导入，请在 Word 或 WPS 中处理批注。`,
      });
    }
    if (c.pictures > 0) out.push({ severity: 'warning', message: `文档中的 ${c.pictures} 个图片、文本框或图形未导入（只导入文字和表格）。` });
    if (c.notes > 0) out.push({ severity: 'info', message: `文档中的 ${c.notes} 个脚注或尾注未导入。` });
    return out;
  };

  // A document with no formatting to go by (text pasted from a web page into Word, or a .txt opened and saved as
  // .docx) is read as the text importer reads text: page chrome, title, meta and body by their wording.
  // A file this app exported and nobody re-saved: its styles say everything, so prose that merely starts like a
  // marker or ends with a colon stays prose (Word, WPS and LibreOffice rewrite Application when they save).
  const app = pkg.has('docProps/app.xml') ? pkg.xml('docProps/app.xml') : null;
  const own = app !== null && normalizeLine(textContent(child(app, 'Application') ?? app)) === EXPORT_APPLICATION;
  const formatted = own || items.some((b) => b.kind === 'table' || b.level > 0 || b.jc === 'center' || b.autoMarker !== undefined || sheet.isTitle(b.style) || b.runs.some((r) => r.charLevel > 0));
  if (!formatted) {
    const text = items.map((b) => (b.kind === 'p' ? b.text : '')).join('\n');
    const result = importText(text, {
      ...(options.id ? { id: options.id } : {}),
      ...(options.fileName ? { fileName: options.fileName } : {}),
      ...(options.defaultYear !== undefined ? { defaultYear: options.defaultYear } : {}),
    });
    return { doc: result.doc, notes: [...result.notes, ...contentNotes()], markers: result.markers };
  }
  const notes: ImportNote[] = [];

  // Title: paragraphs in the Title style, or the centred lines at the top, or a first line that reads as a title.
  const isEmpty = (b: Para | Tbl): boolean => b.kind === 'p' && normalizeLine(b.text).length === 0;
  let i = 0;
  while (i < items.length && isEmpty(items[i]!)) i++;
  const titleParts: string[] = [];
  const first = items[i];
  const centred = (b: Para): boolean => b.jc === 'center';
  if (first && first.kind === 'p') {
    const styled = sheet.isTitle(first.style);
    for (let k = i; k < items.length && titleParts.length < 4; k++) {
      const b = items[k]!;
      if (b.kind !== 'p' || isEmpty(b) || b.level > 0) break;
      if (styled ? !sheet.isTitle(b.style) : !centred(b) || parseHeadingMarker(normalizeLine(b.text)) !== null) break;
      titleParts.push(normalizeLine(b.text));
      i = k + 1;
    }
    if (titleParts.length === 0 && looksLikeTitle(normalizeLine(first.text))) {
      titleParts.push(normalizeLine(first.text));
      i++;
    }
  }
  let title = joinTitleLines(titleParts);
  if (!title) {
    title = titleFromFileName(options.fileName);
    if (title) notes.push({ severity: 'warning', message: `文档中未找到报告标题，已用文件名“${title}”作标题，请核对。` });
    else notes.push({ severity: 'warning', message: '未找到报告标题，请在“报告信息”中填写。' });
  }

  // 主送: the first line after the title that ends with a colon.
  while (i < items.length && isEmpty(items[i]!)) i++;
  let addressee = '';
  const next = items[i];
  if (next && next.kind === 'p' && next.level === 0) {
    const t = normalizeLine(next.text);
    if (sheet.named(next.style, 'Salutation') || (!own && t.length <= 60 && /[:：]$/.test(t) && !/[。；]/.test(t) && !parseHeadingMarker(t))) {
      addressee = t.replace(/[:：]$/, '');
      i++;
    }
  }

  // The end: date, signature, attachment note.
  let end = items.length;
  const lastIndex = (): number => {
    let k = end - 1;
    while (k >= i && isEmpty(items[k]!)) k--;
    return k;
  };
  let signatureDate = '';
  let signature = '';
  const attachments: string[] = [];
  let k = lastIndex();
  const lastPara = (): Para | null => (k >= i && items[k]!.kind === 'p' ? (items[k] as Para) : null);
  let p = lastPara();
  // The 附注 below the date: （此件公开发布）.
  const notation: string[] = [];
  while (p && p.level === 0 && k > i && notationOf(normalizeLine(p.text)) !== null) {
    notation.unshift(notationOf(normalizeLine(p.text))!);
    end = k;
    k = lastIndex();
    p = lastPara();
  }
  let dated = false;
  if (p && p.level === 0 && (sheet.named(p.style, 'Date') || (!own && isDateLine(normalizeLine(p.text))))) {
    signatureDate = parseDateText(normalizeLine(p.text));
    dated = true;
    end = k;
    k = lastIndex();
    p = lastPara();
  }
  // The organ's name: in the Signature style, or (in other people's files) the short line right above the date.
  const t = p ? normalizeLine(p.text) : '';
  const looksSigned = dated && !own && (p?.jc === 'right' || (t.length <= 40 && !SENTENCE_PUNCT.test(t) && !parseHeadingMarker(t) && !/[。：:]$/.test(t)));
  if (p && p.level === 0 && t && (sheet.named(p.style, 'Signature') || looksSigned)) {
    signature = t.replace(/\s{2,}/g, ' ');
    end = k;
  }
  for (let a = Math.max(i, end - 12); a < end; a++) {
    const b = items[a]!;
    if (b.kind !== 'p' || (own && !sheet.named(b.style, 'AttachmentNote'))) continue;
    const m = ATTACHMENT_RE.exec(normalizeLine(b.text));
    if (!m) continue;
    const rest = items.slice(a + 1, end).filter((x) => !isEmpty(x));
    const restTexts = rest.map((x) => (x.kind === 'p' ? normalizeLine(x.text) : ''));
    if (restTexts.every((t) => ATTACHMENT_ITEM_RE.test(t) && !/[。；]$/.test(t))) {
      const listed = [m[1]!, ...restTexts];
      for (const item of listed) {
        // The exporter numbers attachments only when there are several (附件：名称 for one).
        const name = (own && listed.length === 1 ? item : item.replace(own ? /^\d+\./ : /^\d{1,2}\s*[.．、]\s*/, '')).trim();
        if (name) attachments.push(name);
      }
      end = a;
    }
    break;
  }

  // The body: each paragraph with what its style says, structured as imported text is.
  const source: SourceBlock[] = [];
  let tables = 0;
  for (let b = i; b < end; b++) {
    const item = items[b]!;
    if (item.kind === 'table') {
      const table = tableBlock(item);
      if (table) {
        source.push({ kind: 'table', table });
        tables++;
      }
      continue;
    }
    const text = normalizeLine(item.text);
    if (!text) continue;
    if (item.level > 0) {
      const level = item.level as HeadingLevel;
      source.push(own ? { kind: 'heading', level, text: stripOwnMarker(text, level), exact: true } : { kind: 'heading', level, text });
      continue;
    }
    const runIn = runInHeading(item);
    if (runIn) {
      const level = runIn.level as HeadingLevel;
      source.push(own ? { kind: 'heading', level, text: stripOwnMarker(runIn.head, level), rest: runIn.rest, exact: true } : { kind: 'heading', level, text: runIn.head, rest: runIn.rest });
      continue;
    }
    // A paragraph numbered by Word's automatic numbering reads as its printed marker plus the text.
    source.push(own ? { kind: 'paragraph', text } : { kind: 'text', text: item.autoMarker ? item.autoMarker + text : text });
  }
  const structured = structureBlocks(source);
  const blocks = structured.blocks;
  notes.push(...structured.notes);
  if (blocks.length === 0) notes.push({ severity: 'warning', message: '文档中未找到报告正文。' });
  if (tables > 0) notes.push({ severity: 'info', message: `文档中的 ${tables} 个表格已作为表格导入。` });

  notes.push(...contentNotes());

  // Meta: by the heuristics every importer shares.
  const paragraphs = blocks.flatMap((b) => (b.type === 'paragraph' ? [b.children.map((l) => l.text).join('')] : []));
  const resolved = resolveMeta({
    title, signature, signatureDate, headerDate: '', paragraphs, thisYear: new Date().getFullYear(),
    ...(options.defaultYear !== undefined ? { defaultYear: options.defaultYear } : {}),
  });
  notes.push(...resolved.notes);
  const { year, organ, date } = resolved;
  const meta: ReportMeta = { organ, year, title, addressee, date, signature: signature || organ };
  if (attachments.length > 0) meta.attachments = attachments;
  if (notation.length > 0) meta.notation = notation.join('；');

  const parts = recognizeMandatedParts({ body: blocks, meta: { year } });
  for (const [index, ids] of parts.headingTags) {
    const block = blocks[index];
    if (block && block.type === 'heading') block.parts = ids;
  }
  const doc: ReportDocument = { id: options.id ?? newDocumentId(), meta, body: blocks, ignores: [], rules: emptyRuleSettings() };
  return { doc, notes, markers: structured.markers };
}

/** The exporter's own marker of a heading of `level` (一、 （一） 1. （1）) taken off its text. */
const OWN_MARKERS = [/^[〇零一二三四五六七八九十百]+、/, /^（[〇零一二三四五六七八九十百]+）/, /^\d+\./, /^（\d+）/];
function stripOwnMarker(text: string, level: number): string {
  return text.replace(OWN_MARKERS[level - 1] ?? /^/, '');
}

/** A paragraph that starts with runs in a heading's character style and goes on in body text. */
function runInHeading(p: Para): { level: number; head: string; rest: string } | null {
  const level = p.runs[0]?.charLevel ?? 0;
  if (!level) return null;
  let n = 0;
  while (n < p.runs.length && p.runs[n]!.charLevel === level) n++;
  const head = normalizeLine(p.runs.slice(0, n).map((r) => r.text).join(''));
  const rest = p.runs.slice(n).map((r) => r.text).join('');
  return head ? { level, head, rest } : null;
}

function tableBlock(t: Tbl): TableElement | null {
  const rows = t.rows.filter((r) => r.length > 0);
  if (rows.length === 0) return null;
  return {
    type: 'table',
    children: rows.map((r) => ({ type: 'table-row', children: r.map((text) => ({ type: 'table-cell', children: [{ text }] })) })),
  };
}
