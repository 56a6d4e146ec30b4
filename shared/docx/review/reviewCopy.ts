// The review copy (审阅稿, shared, pure): the official Word export with every open checker finding as a Word comment
// on its text, one comment on the title with the counts, the reviewer's open comments carried back out with their
// replies, and on request an appendix table of the ignored findings. Built on top of exportDocx's package: only
// comment markers are inserted into its paragraphs, so its text and section properties stay the export's.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { CATEGORY_LABELS, SEVERITY_LABELS, type CheckResult, type Finding } from '../../check/types';
import { ignoreEntryOf } from '../../check/engine';
import type { IgnoredFinding, ReportDocument } from '../../model/schema';
import type { ReviewItem } from '../../model/review';
import { exportDocx } from '../export';
import { escapeXml } from '../styles';
import { COMMENT_PARTS, commentPartTexts, type OutComment } from './commentParts';
import { printedParagraphs, printedPosition, type PrintedParagraph } from './printed';
import { parseRaw, rawElement, rawFind, rawText, serializeRaw, type RawElement } from './xmlTree';

/** The author of the checker's comments. */
export const REVIEW_AUTHOR = '法治年报助手';

export interface ReviewCopyOptions {
  /** The comments' date (default: now). */
  now?: Date;
  /** Append a table of the ignored findings with their reasons. */
  ignoredAppendix?: boolean;
}

interface Point { paragraph: number; offset: number }
interface Anchored { comment: OutComment; start: Point; end: Point }

function findingComment(f: Finding, date: string): OutComment {
  const paragraphs = [`【${SEVERITY_LABELS[f.severity]}·${CATEGORY_LABELS[f.category]}】${f.message}`];
  if (f.fix !== undefined) paragraphs.push(f.fix === '' ? `建议删除“${f.text}”。` : `建议改为：“${f.fix}”`);
  return { author: REVIEW_AUTHOR, date, paragraphs, done: false };
}

function summaryComment(check: CheckResult, date: string): OutComment {
  const { findings, ignored } = check;
  if (findings.length === 0) {
    return { author: REVIEW_AUTHOR, date, paragraphs: [`检查未发现问题。${ignored.length ? `已忽略 ${ignored.length} 条。` : ''}`], done: false };
  }
  const bySeverity = (['error', 'warning', 'info'] as const)
    .map((s) => [SEVERITY_LABELS[s], findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([l, n]) => `${l} ${n} 条`);
  const byCategory = Object.entries(CATEGORY_LABELS)
    .map(([c, l]) => [l, findings.filter((f) => f.category === c).length] as const)
    .filter(([, n]) => n > 0)
    .map(([l, n]) => `${l} ${n} 条`);
  return {
    author: REVIEW_AUTHOR,
    date,
    paragraphs: [
      `法治年报助手检查结果：未处理的问题共 ${findings.length} 条（${bySeverity.join('，')}）。`,
      `按类别：${byCategory.join('，')}。${ignored.length ? `另有 ${ignored.length} 条已忽略。` : ''}`,
    ],
    done: false,
  };
}

/** The whole title (or the first paragraph when there is none): document-wide findings and the summary sit there. */
function titleRange(printed: readonly PrintedParagraph[]): { start: Point; end: Point } {
  const titles = printed.map((p, i) => ({ p, i })).filter(({ p }) => p.kind === 'title');
  if (titles.length === 0) return { start: { paragraph: 0, offset: 0 }, end: { paragraph: 0, offset: printed[0]?.text.length ?? 0 } };
  const last = titles[titles.length - 1]!;
  return { start: { paragraph: titles[0]!.i, offset: 0 }, end: { paragraph: last.i, offset: last.p.text.length } };
}

function rangeOf(printed: readonly PrintedParagraph[], target: { path: number[]; onTitle?: boolean; start: number; end: number }): { start: Point; end: Point } | null {
  if (target.path.length === 0 && !target.onTitle) return null;
  const start = printedPosition(printed, target, target.start);
  const end = printedPosition(printed, target, target.end);
  return start && end ? { start, end } : null;
}

/** The open comments of a reviewer (placed, not 已处理), as Word comments with their replies. */
function reviewerComments(items: readonly ReviewItem[], printed: readonly PrintedParagraph[], list: Anchored[]): void {
  for (const item of items) {
    if (item.kind !== 'comment' || item.done || !item.anchor) continue;
    const range = rangeOf(printed, item.anchor) ?? titleRange(printed);
    const parent = list.length;
    list.push({ ...range, comment: { author: item.author || '审阅人', date: item.date, paragraphs: item.text.split('\n'), done: false } });
    for (const r of item.replies) {
      list.push({ ...range, comment: { author: r.author || '审阅人', date: r.date, paragraphs: r.text.split('\n'), done: false, parent } });
    }
  }
}

// ---- inserting markers into the exported paragraphs -----------------------------------------------------------------

const runText = (r: RawElement): string => rawFind(r.children, 'w:t').map(rawText).join('');

function textRun(rPr: RawElement | undefined, text: string): RawElement {
  return rawElement(`<w:r>${rPr ? serializeRaw([rPr]) : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`);
}

/**
 * The child index of `p` where a marker at text offset `offset` goes, splitting a run there if needed. A start
 * marker goes right before the text that follows; an end marker right after the text that precedes.
 */
function markerIndex(p: RawElement, offset: number, side: 'start' | 'end'): number {
  let pos = 0;
  let insertAt = p.children.length;
  for (let i = 0; i < p.children.length; i++) {
    const c = p.children[i]!;
    if (typeof c === 'string' || c.name === 'w:pPr') continue;
    if (c.name !== 'w:r') continue;
    const text = runText(c);
    if (text.length === 0) continue;
    if (side === 'end' && pos + text.length === offset) return i + 1;
    if (side === 'start' && pos === offset) return i;
    if (offset > pos && offset < pos + text.length) {
      const rPr = c.children.find((x): x is RawElement => typeof x !== 'string' && x.name === 'w:rPr');
      const k = offset - pos;
      p.children.splice(i, 1, textRun(rPr, text.slice(0, k)), textRun(rPr, text.slice(k)));
      return i + 1;
    }
    pos += text.length;
  }
  if (side === 'end' && offset === 0) {
    const pPr = p.children.findIndex((c) => typeof c !== 'string' && c.name === 'w:pPr');
    return pPr + 1;
  }
  if (side === 'start' && pos <= offset) return insertAt;
  insertAt = p.children.length;
  return insertAt;
}

function insertMarkers(paragraphs: readonly RawElement[], map: readonly number[], anchored: readonly Anchored[]): void {
  anchored.forEach((a, id) => {
    const sp = paragraphs[map[a.start.paragraph] ?? -1];
    const ep = paragraphs[map[a.end.paragraph] ?? -1];
    if (!sp || !ep) return;
    const si = markerIndex(sp, a.start.offset, 'start');
    sp.children.splice(si, 0, rawElement(`<w:commentRangeStart w:id="${id}"/>`));
    const ei = markerIndex(ep, a.end.offset, 'end');
    ep.children.splice(ei, 0, rawElement(`<w:commentRangeEnd w:id="${id}"/>`), rawElement(`<w:r><w:commentReference w:id="${id}"/></w:r>`));
  });
}

/** Printed paragraph i → index among the document's w:p elements (in order; -1 when not found). */
function matchParagraphs(printed: readonly PrintedParagraph[], paragraphs: readonly RawElement[]): number[] {
  const texts = paragraphs.map((p) => rawFind(p.children, 'w:r').map(runText).join(''));
  const map: number[] = [];
  let j = 0;
  for (const p of printed) {
    const want = xmlSafe(p.text);
    let k = j;
    while (k < texts.length && texts[k] !== want) k++;
    if (k < texts.length) {
      map.push(k);
      j = k + 1;
    } else {
      map.push(-1);
    }
  }
  return map;
}

/** As the exporter writes text: without the characters XML 1.0 forbids. */
function xmlSafe(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

// ---- the appendix of ignored findings -------------------------------------------------------------------------------

/** 张三 2026-12-02: who ignored it (when the settings named a user) and on which day. */
function whoAndWhen(entry: IgnoredFinding | undefined): string {
  if (!entry) return '';
  return [entry.by, entry.createdAt.slice(0, 10)].filter(Boolean).join(' ');
}

function cell(text: string, width: number): string {
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">${escapeXml(xmlSafe(text))}</w:t></w:r></w:p></w:tc>`;
}

function appendixXml(doc: ReportDocument, ignored: readonly Finding[]): string {
  const widths = [600, 1500, 3045, 2300, 1400];
  const header = ['序号', '问题类别', '检查结果', '忽略理由', '忽略人及日期'];
  const rows = ignored.map((f, i) => {
    const entry = ignoreEntryOf(doc, f);
    return [String(i + 1), `${CATEGORY_LABELS[f.category]}·${SEVERITY_LABELS[f.severity]}`, `${f.message}${f.text ? `（“${f.text}”）` : ''}`, entry?.reason || '（未填写）', whoAndWhen(entry)];
  });
  const row = (cells: string[], head: boolean): string =>
    `<w:tr>${head ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells.map((c, k) => cell(c, widths[k]!)).join('')}</w:tr>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`).join('');
  return (
    '<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>附：已忽略的检查结果</w:t></w:r></w:p>' +
    `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    row(header, true) + rows.map((r) => row(r, false)).join('') +
    '</w:tbl>'
  );
}

/** The text of the ignored-findings appendix's heading (tests strip the appendix by it). */
export const APPENDIX_HEADING = '附：已忽略的检查结果';

// ---- the package ----------------------------------------------------------------------------------------------------

function addPackageEntries(files: Record<string, Uint8Array>): void {
  let types = strFromU8(files['[Content_Types].xml']!);
  let rels = strFromU8(files['word/_rels/document.xml.rels']!);
  const used = new Set([...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]!));
  let n = 1;
  for (const { part, contentType, relType } of COMMENT_PARTS) {
    if (!types.includes(`PartName="/word/${part}"`)) {
      types = types.replace('</Types>', `<Override ContentType="${contentType}" PartName="/word/${part}"/></Types>`);
    }
    if (!rels.includes(`Target="${part}"`)) {
      while (used.has(`rIdReview${n}`)) n++;
      used.add(`rIdReview${n}`);
      rels = rels.replace('</Relationships>', `<Relationship Id="rIdReview${n}" Type="${relType}" Target="${part}"/></Relationships>`);
    }
  }
  files['[Content_Types].xml'] = strToU8(types);
  files['word/_rels/document.xml.rels'] = strToU8(rels);
}

/**
 * The review copy of `doc` as .docx bytes: `check` is the checker's result on `doc` (its findings become comments,
 * its ignored findings the optional appendix); the reviewer's open comments in `doc.review` go back out with replies.
 */
export async function buildReviewCopy(doc: ReportDocument, check: CheckResult, options: ReviewCopyOptions = {}): Promise<Uint8Array> {
  const date = (options.now ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z');
  const files = unzipSync(await exportDocx(doc));
  const tree = parseRaw(strFromU8(files['word/document.xml']!));
  const body = rawFind(tree, 'w:body')[0]!;
  const paragraphs = rawFind(body.children, 'w:p');
  const printed = printedParagraphs(doc);
  const map = matchParagraphs(printed, paragraphs);

  const title = titleRange(printed);
  const anchored: Anchored[] = [{ ...title, comment: summaryComment(check, date) }];
  for (const f of check.findings) {
    anchored.push({ ...(rangeOf(printed, f) ?? title), comment: findingComment(f, date) });
  }
  reviewerComments(doc.review ?? [], printed, anchored);
  insertMarkers(paragraphs, map, anchored);

  if (options.ignoredAppendix && check.ignored.length > 0) {
    const sectPr = body.children.findIndex((c) => typeof c !== 'string' && c.name === 'w:sectPr');
    const appendix = parseRaw(`<w:root>${appendixXml(doc, check.ignored)}</w:root>`);
    body.children.splice(sectPr < 0 ? body.children.length : sectPr, 0, ...(appendix[0] as RawElement).children);
  }

  files['word/document.xml'] = strToU8(serializeRaw(tree));
  const parts = commentPartTexts(anchored.map((a) => a.comment));
  for (const [name, text] of Object.entries(parts)) files[`word/${name}`] = strToU8(text);
  addPackageEntries(files);
  return zipSync(files, { level: 6 });
}
