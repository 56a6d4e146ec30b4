// Importing a published report from plain text (shared, pure): text copied from a government web page or a .txt.
// Drops the page chrome, finds the title, organ, year and date, and structures the body. Words and punctuation are
// kept exactly as written; what the importer could not do, or did on the user's behalf, is said in the notes.
import type { ImportNote } from '../model/importNote';
import { newDocumentId } from '../model/id';
import { emptyRuleSettings, type Block, type ReportDocument, type ReportMeta } from '../model/schema';
import { parseHeadingMarker } from '../outline/markers';
import { recognizeMandatedParts, type MandatedParts } from '../outline/parts';
import {
  ADDRESSEE_RE, ATTACHMENT_ITEM_RE, ATTACHMENT_RE, DOC_NUMBER_RE, SENTENCE_PUNCT, TERMINAL_PUNCT, classifyLine, continuesTitle,
  isDateLine, isTitleCandidate, joinTitleLines, notationOf, parseDateText, readMetaLine, resolveMeta, titleFromFileName, type LineKind, type MetaValues,
} from './heuristics';
import { normalizeLine, runInEnd, structureParagraphs, type WrittenMarker } from './structure';

export { normalizeLine, structureParagraphs, type WrittenMarker } from './structure';

export interface ImportTextOptions {
  /** The document id (a new random one by default). */
  id?: string;
  /** The source file's name: a title of last resort when the text has none. */
  fileName?: string;
  templateId?: string;
  /** Report year to assume when nothing in the text names one (default: last year); a note says so. */
  defaultYear?: number;
}

export interface ImportTextResult {
  doc: ReportDocument;
  notes: ImportNote[];
  /** Heading markers as the source wrote them (the structure now derives them). */
  markers: WrittenMarker[];
  /** The mandated parts as recognised from the text, before the importer tagged the headings with them. */
  parts: MandatedParts;
}

interface Line {
  raw: string;
  text: string;
  kind: LineKind;
  /** Read into the meta (addressee, document number, date) rather than dropped. */
  consumed?: boolean;
}

/** A line of the report itself: a sentence (or the start of one), not a fragment of page furniture. */
function isProse(text: string): boolean {
  return (text.length >= 30 && SENTENCE_PUNCT.test(text)) || (text.length >= 6 && /[。：:！？；]$/.test(text));
}

/** Longest title block: the organ(s) on one or two lines above 关于…, the title itself over one or two lines. */
const TITLE_BLOCK_LINES = 4;

/**
 * The title block that ends at line `end` (a title candidate): the lines above it that continue it, joined. Blank
 * lines between the lines of the block are allowed one at a time.
 */
function titleBlock(lines: readonly Line[], end: number, floor: number): { title: string; first: number } {
  const block = [lines[end]!.text];
  let first = end;
  for (let p = end - 1; p >= floor && block.length < TITLE_BLOCK_LINES; p--) {
    if (lines[p]!.kind === 'blank' && first - p <= 1) continue;
    if (lines[p]!.kind !== 'text' || !continuesTitle(lines[p]!.text, joinTitleLines(block))) break;
    block.unshift(lines[p]!.text);
    first = p;
  }
  return { title: joinTitleLines(block), first };
}

// ---- the importer ------------------------------------------------------------------------------------------------

/** Imports a report from text (web-page copy or .txt). Never throws on odd input: it returns what it could read. */
export function importText(text: string, options: ImportTextOptions = {}): ImportTextResult {
  const notes: ImportNote[] = [];
  const rawLines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n|\u2028|\u2029/);
  const lines: Line[] = rawLines.map((raw) => {
    const t = normalizeLine(raw);
    return { raw, text: t, kind: classifyLine(t) };
  });

  // Metadata: every key-value line, wherever it is; a value may continue on the next plain line (名称 over two lines).
  const meta: MetaValues = new Map();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind !== 'meta') continue;
    const lastKey = readMetaLine(line.text, meta);
    const next = lines[i + 1];
    if ((lastKey === '名称' || lastKey === '标题') && next && next.kind === 'text' && !SENTENCE_PUNCT.test(next.text) && next.text.length <= 40) {
      meta.set(lastKey, (meta.get(lastKey) ?? '') + next.text);
      next.kind = 'meta';
    }
  }

  // The first line of the report proper: a heading marker, or prose.
  const isBodyLike = (l: Line): boolean => l.kind === 'text' && (parseHeadingMarker(l.text) !== null || isProse(l.text));
  let anchor = lines.findIndex(isBodyLike);
  if (anchor < 0) anchor = lines.findIndex((l) => l.kind === 'text');

  // The title: the last title-like line before the anchor, with the lines above it that continue it (the organ or
  // organs on their own lines, a title broken after 关于).
  let title = '';
  let titleEnd = -1;
  for (let i = anchor >= 0 ? anchor - 1 : lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.kind !== 'text' || !isTitleCandidate(line.text)) continue;
    const block = titleBlock(lines, i, 0);
    // `年度报告` alone is a column name, not a title.
    if (block.first === i && line.text.length < 8) continue;
    title = block.title;
    titleEnd = i;
    for (let k = block.first; k <= i; k++) if (lines[k]!.kind === 'text') lines[k]!.consumed = true;
    break;
  }
  // A page that shows a notice in sentences above the title: the title is then just after the anchor.
  if (!title && anchor >= 0) {
    let seen = 0;
    for (let j = anchor; j < lines.length && seen < 8; j++) {
      const line = lines[j]!;
      if (line.kind !== 'text') continue;
      seen++;
      if (parseHeadingMarker(line.text)) break;
      if (!isTitleCandidate(line.text)) continue;
      const block = titleBlock(lines, j, anchor + 1);
      const joined = block.first < j;
      if (!joined && line.text.length < 8) continue;
      title = block.title;
      for (let k = block.first; k <= j; k++) if (lines[k]!.kind === 'text') lines[k]!.consumed = true;
      titleEnd = j;
      const p = block.first;
      for (let k = anchor; k < p; k++) if (lines[k]!.kind === 'text') lines[k]!.kind = 'chrome';
      break;
    }
  }
  if (!title) {
    const named = meta.get('名称') ?? meta.get('标题');
    if (named && /报告/.test(named)) {
      title = named;
      notes.push({ severity: 'info', message: `标题取自网页信息栏的“名称”：${named}。` });
    } else if (titleFromFileName(options.fileName)) {
      title = titleFromFileName(options.fileName);
      notes.push({ severity: 'warning', message: `正文中未找到报告标题，已用文件名“${title}”作标题，请核对。` });
    }
    if (!title) notes.push({ severity: 'warning', message: '未找到报告标题，请在“报告信息”中填写。' });
  }

  // Between the title and the body: 主送机关, 发文字号, a date; the rest is chrome.
  let addressee = '';
  let docNumber = meta.get('发文字号') ?? meta.get('文号') ?? meta.get('备注/文号') ?? '';
  let headerDate = '';
  let start = titleEnd >= 0 ? titleEnd + 1 : Math.max(anchor, 0);
  // Short fragments between the title and the first sentence or heading are page furniture (a column name, the
  // organ's name as a banner), as long as a body follows.
  const bodyFollows = lines.some((l, i) => i >= start && isBodyLike(l));
  for (; start < lines.length; start++) {
    const line = lines[start]!;
    if (line.kind !== 'text') continue;
    if (!addressee && ADDRESSEE_RE.test(line.text)) { addressee = line.text.replace(/[:：]$/, ''); line.kind = 'chrome'; line.consumed = true; continue; }
    if (!docNumber && DOC_NUMBER_RE.test(line.text)) { docNumber = line.text; line.kind = 'chrome'; line.consumed = true; continue; }
    if (isDateLine(line.text)) { headerDate = parseDateText(line.text); line.kind = 'chrome'; line.consumed = true; continue; }
    if (titleEnd >= 0 && bodyFollows && !isBodyLike(line)) { line.kind = 'chrome'; continue; }
    break;
  }

  // The end: the first footer line after the body starts.
  let end = lines.length;
  for (let i = start; i < lines.length; i++) {
    if (lines[i]!.kind === 'footer') { end = i; break; }
  }

  // Signature, date, 附注 and attachments at the end of the report.
  const bodyIdx: number[] = [];
  for (let i = start; i < end; i++) if (lines[i]!.kind === 'text') bodyIdx.push(i);
  let signature = '';
  let signatureDate = '';
  const trailer: string[] = [];
  const attachments: string[] = [];
  const lastText = (): Line | undefined => lines[bodyIdx[bodyIdx.length - 1] ?? -1];
  const takeNotation = (): void => {
    while (bodyIdx.length > 1 && notationOf(lastText()!.text) !== null) {
      trailer.unshift(lastText()!.text);
      bodyIdx.pop();
    }
  };
  takeNotation();
  if (bodyIdx.length > 1 && isDateLine(lastText()!.text)) {
    signatureDate = parseDateText(lastText()!.text);
    bodyIdx.pop();
    const prev = lastText();
    if (prev && bodyIdx.length > 1 && prev.text.length <= 40 && !SENTENCE_PUNCT.test(prev.text) && !parseHeadingMarker(prev.text) && !TERMINAL_PUNCT.test(prev.text)) {
      signature = prev.text.replace(/\s{2,}/g, ' ');
      bodyIdx.pop();
    }
  }
  takeNotation();
  // 附件：1.××× / 2.××× just before the signature.
  for (let k = Math.max(0, bodyIdx.length - 12); k < bodyIdx.length; k++) {
    const m = ATTACHMENT_RE.exec(lines[bodyIdx[k]!]!.text);
    if (!m) continue;
    const items = [m[1]!, ...bodyIdx.slice(k + 1).map((i) => lines[i]!.text)];
    if (items.slice(1).every((t) => ATTACHMENT_ITEM_RE.test(t) && !/[。；]$/.test(t))) {
      for (const item of items) {
        const name = item.replace(/^\d{1,2}\s*[.．、]\s*/, '').trim();
        if (name) attachments.push(name);
      }
      bodyIdx.length = k;
    }
    break;
  }

  // The body's paragraphs; lines broken mid-sentence (text copied from PDF) are joined.
  const paragraphs: string[] = [];
  let joined = 0;
  let previous = -2;
  for (const i of bodyIdx) {
    const t = lines[i]!.text;
    const last = paragraphs.length - 1;
    if (
      last >= 0 &&
      previous === i - 1 &&
      paragraphs[last]!.length >= 20 &&
      !TERMINAL_PUNCT.test(paragraphs[last]!) &&
      !parseHeadingMarker(t) &&
      (!parseHeadingMarker(paragraphs[last]!) || runInEnd(paragraphs[last]!) >= 0)
    ) {
      paragraphs[last] += t;
      joined++;
    } else {
      paragraphs.push(t);
    }
    previous = i;
  }
  if (joined > 0) notes.push({ severity: 'info', message: `有 ${joined} 处段落被换行拆开（常见于从 PDF 复制的文字），已接回同一段，请核对。` });

  const structured = structureParagraphs(paragraphs);
  notes.push(...structured.notes);

  // What was dropped: every non-blank line that is neither the title, the header fields nor the report's text.
  const kept = new Set<number>(bodyIdx);
  let dropped = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind === 'blank' || kept.has(i) || (i >= start && i < end && l.kind === 'text')) continue;
    if (l.consumed) continue;
    dropped++;
  }
  if (dropped > 0) {
    notes.unshift({ severity: 'info', message: `已去除网页中的非正文内容 ${dropped} 行（导航、分享打印按钮、信息栏、页脚等）。` });
  }
  if (structured.blocks.length === 0) notes.push({ severity: 'warning', message: '未找到报告正文。' });

  // Year, organ, date: by the heuristics every importer shares, with notes saying where each came from.
  const resolved = resolveMeta({
    title, signature, signatureDate, headerDate, page: meta, paragraphs,
    thisYear: new Date().getFullYear(), ...(options.defaultYear !== undefined ? { defaultYear: options.defaultYear } : {}),
  });
  notes.push(...resolved.notes);
  const { year, organ, date } = resolved;

  const reportMeta: ReportMeta = {
    organ,
    year,
    title,
    addressee,
    date,
    signature: signature || organ,
  };
  if (resolved.dateSource) reportMeta.dateSource = resolved.dateSource;
  if (docNumber) reportMeta.docNumber = docNumber;
  if (options.templateId) reportMeta.templateId = options.templateId;
  if (attachments.length > 0) reportMeta.attachments = attachments;
  if (trailer.length > 0) reportMeta.notation = trailer.map((t) => notationOf(t)!).join('；');

  const body: Block[] = structured.blocks;
  const parts = recognizeMandatedParts({ body, meta: { year } });
  for (const [index, ids] of parts.headingTags) {
    const block = body[index];
    if (block && block.type === 'heading') block.parts = ids;
  }

  const doc: ReportDocument = {
    id: options.id ?? newDocumentId(),
    meta: reportMeta,
    body,
    ignores: [],
    rules: emptyRuleSettings(),
  };
  return { doc, notes, markers: structured.markers, parts };
}
