// Reads a reviewer's .docx (shared, pure): each paragraph's original text (all changes rejected) and accepted text,
// the comments with their ranges, authors, dates, replies and resolved state (comments.xml + commentsExtended.xml),
// and the tracked changes (w:ins, w:del, w:moveFrom/w:moveTo, w:rPrChange, w:pPrChange, paragraph marks) with their
// positions in the original text. Opened as a DocxPackage (package.ts), like a file given to the Word importer.
import { DocxPackage, type DocxImportLimits } from '../package';
import { child, elements, type XmlElement } from '../xml';

export interface ReviewerParagraph {
  /** The text with every change rejected: what the draft had when the file went out. */
  original: string;
  /** The text with every change accepted. */
  accepted: string;
  /** The paragraph mark was inserted / deleted as a tracked change. */
  markInserted: boolean;
  markDeleted: boolean;
}

export interface ReviewerReply { author: string; date: string; text: string }

/** A comment or change at original-text offsets of one paragraph (a range running on is cut at its paragraph's end). */
export interface RawReviewItem {
  kind: 'comment' | 'insert' | 'delete' | 'format';
  move?: boolean;
  author: string;
  date: string;
  text: string;
  paragraph: number;
  start: number;
  end: number;
  replies: ReviewerReply[];
  done: boolean;
}

export interface ReviewerFile {
  paragraphs: ReviewerParagraph[];
  items: RawReviewItem[];
}

// ---- the body ---------------------------------------------------------------------------------------------------------

/** Containers whose content is not running text (pictures, text boxes, fields' instructions). */
const SKIPPED = new Set(['drawing', 'pict', 'object', 'AlternateContent', 'instrText', 'delInstrText', 'footnoteReference', 'endnoteReference']);
const TRANSPARENT = new Set(['hyperlink', 'smartTag', 'customXml', 'fldSimple', 'sdt', 'sdtContent', 'bdo', 'dir']);
const CHANGE_WRAPPERS: Record<string, { kind: 'insert' | 'delete'; move: boolean }> = {
  ins: { kind: 'insert', move: false },
  del: { kind: 'delete', move: false },
  moveTo: { kind: 'insert', move: true },
  moveFrom: { kind: 'delete', move: true },
};

interface OpenChange { kind: 'insert' | 'delete'; move: boolean; author: string; date: string; start: number; text: string }

interface CommentMark { paragraph: number; offset: number }

const who = (el: XmlElement): { author: string; date: string } => ({ author: el.attrs.author ?? '', date: el.attrs.date ?? '' });

/** What a run-property change changed, in words (the model keeps no run formatting, so the item only informs). */
function formatDescription(what: 'run' | 'paragraph'): string {
  return what === 'run' ? '修改了文字格式（字体、字号或加粗等）' : '修改了段落格式（对齐、缩进或行距等）';
}

class BodyWalker {
  readonly paragraphs: ReviewerParagraph[] = [];
  readonly items: RawReviewItem[] = [];
  readonly rangeStarts = new Map<string, CommentMark>();
  readonly rangeEnds = new Map<string, CommentMark>();
  readonly references = new Map<string, CommentMark>();
  private original = '';
  private accepted = '';

  block(el: XmlElement): void {
    for (const c of elements(el)) {
      if (c.name === 'p') this.paragraph(c);
      else if (c.name === 'tbl') this.table(c);
      else if (c.name === 'sdt') { const content = child(c, 'sdtContent'); if (content) this.block(content); }
      else if (c.name === 'customXml') this.block(c);
      else if (c.name === 'commentRangeStart' || c.name === 'commentRangeEnd') this.mark(c, Math.max(0, this.paragraphs.length - 1), this.paragraphs.length > 0);
    }
  }

  private table(tbl: XmlElement): void {
    for (const tr of elements(tbl)) {
      if (tr.name !== 'tr') continue;
      for (const tc of elements(tr)) if (tc.name === 'tc') this.block(tc);
    }
  }

  /** A comment mark between paragraphs belongs to the end of the previous one (or the start of the first). */
  private mark(el: XmlElement, paragraph: number, atEnd: boolean): void {
    const id = el.attrs.id ?? '';
    const offset = atEnd && this.paragraphs[paragraph] ? this.paragraphs[paragraph]!.original.length : this.original.length;
    const map = el.name === 'commentRangeStart' ? this.rangeStarts : el.name === 'commentRangeEnd' ? this.rangeEnds : this.references;
    if (!map.has(id)) map.set(id, { paragraph, offset });
  }

  private paragraph(p: XmlElement): void {
    this.original = '';
    this.accepted = '';
    const index = this.paragraphs.length;
    const pPr = child(p, 'pPr');
    const markRPr = child(pPr, 'rPr');
    const markIns = child(markRPr, 'ins');
    const markDel = child(markRPr, 'del') ?? child(markRPr, 'moveFrom');
    const changes: OpenChange[] = [];
    this.inline(p, index, null, changes);
    const pPrChange = child(pPr, 'pPrChange');
    if (pPrChange) {
      this.items.push({ kind: 'format', ...who(pPrChange), text: formatDescription('paragraph'), paragraph: index, start: 0, end: this.original.length, replies: [], done: false });
    }
    for (const c of changes) {
      const end = c.kind === 'delete' ? c.start + c.text.length : c.start;
      this.items.push({ kind: c.kind, ...(c.move ? { move: true } : {}), author: c.author, date: c.date, text: c.text, paragraph: index, start: c.start, end, replies: [], done: false });
    }
    this.paragraphs.push({ original: this.original, accepted: this.accepted, markInserted: Boolean(markIns), markDeleted: Boolean(markDel) });
  }

  private inline(el: XmlElement, paragraph: number, change: OpenChange | null, changes: OpenChange[], inserted = false, deleted = false): void {
    for (const c of elements(el)) {
      const wrapper = CHANGE_WRAPPERS[c.name];
      if (wrapper) {
        const open: OpenChange = { ...wrapper, ...who(c), start: this.original.length, text: '' };
        changes.push(open);
        this.inline(c, paragraph, open, changes, inserted || wrapper.kind === 'insert', deleted || wrapper.kind === 'delete');
        if (open.text === '') changes.splice(changes.indexOf(open), 1);
      } else if (c.name === 'r') {
        this.run(c, paragraph, change, inserted, deleted);
      } else if (c.name === 'commentRangeStart' || c.name === 'commentRangeEnd') {
        const map = c.name === 'commentRangeStart' ? this.rangeStarts : this.rangeEnds;
        const id = c.attrs.id ?? '';
        if (!map.has(id)) map.set(id, { paragraph, offset: this.original.length });
      } else if (TRANSPARENT.has(c.name)) {
        this.inline(c.name === 'sdt' ? (child(c, 'sdtContent') ?? c) : c, paragraph, change, changes, inserted, deleted);
      }
    }
  }

  private run(r: XmlElement, paragraph: number, change: OpenChange | null, inserted: boolean, deleted: boolean): void {
    const rPrChange = child(child(r, 'rPr'), 'rPrChange');
    const from = this.original.length;
    for (const c of elements(r)) {
      if (SKIPPED.has(c.name)) continue;
      let text = '';
      if (c.name === 't' || c.name === 'delText') text = c.children.filter((x): x is string => typeof x === 'string').join('');
      else if (c.name === 'tab') text = '\t';
      else if (c.name === 'br' && c.attrs.type !== 'page' && c.attrs.type !== 'column') text = '\n';
      else if (c.name === 'noBreakHyphen') text = '\u2011';
      else if (c.name === 'commentReference') {
        const id = c.attrs.id ?? '';
        if (!this.references.has(id)) this.references.set(id, { paragraph, offset: this.original.length });
      }
      if (!text) continue;
      if (!inserted) this.original += text;
      if (!deleted) this.accepted += text;
      if (change) change.text += text;
    }
    if (rPrChange && !inserted && !deleted) {
      this.items.push({ kind: 'format', ...who(rPrChange), text: formatDescription('run'), paragraph, start: from, end: this.original.length, replies: [], done: false });
    }
  }
}

// ---- comments -------------------------------------------------------------------------------------------------------

interface CommentInfo { id: string; author: string; date: string; text: string; paraId: string; parentParaId?: string; done: boolean }

function readComments(root: XmlElement | null, extended: XmlElement | null): CommentInfo[] {
  if (!root) return [];
  const ex = new Map<string, { parent?: string; done: boolean }>();
  if (extended) {
    for (const e of elements(extended)) {
      if (e.name !== 'commentEx' || !e.attrs.paraId) continue;
      ex.set(e.attrs.paraId.toUpperCase(), { parent: e.attrs.paraIdParent?.toUpperCase(), done: e.attrs.done === '1' || e.attrs.done === 'true' });
    }
  }
  return elements(root)
    .filter((e) => e.name === 'comment')
    .map((e) => {
      const paras = elements(e).filter((p) => p.name === 'p');
      const texts = paras.map((p) => {
        const w = new BodyWalker();
        w.block({ ...e, children: [p] });
        return w.paragraphs[0]?.accepted ?? '';
      });
      const paraId = (paras[paras.length - 1]?.attrs.paraId ?? '').toUpperCase();
      const info = ex.get(paraId);
      return { id: e.attrs.id ?? '', ...who(e), text: texts.join('\n').trim(), paraId, parentParaId: info?.parent, done: info?.done ?? false };
    });
}

/** Reads the reviewer's file; throws PackageError (Chinese message) for a file that is not a readable Word document. */
export function readReviewerFile(bytes: Uint8Array, limits: Partial<DocxImportLimits> = {}): ReviewerFile {
  const pkg = new DocxPackage(bytes, limits);
  const body = pkg.body();
  const walker = new BodyWalker();
  walker.block(body);

  const commentsName = pkg.related(/\/comments$/);
  const extendedName = pkg.related(/\/commentsExtended$/);
  const comments = readComments(commentsName ? pkg.xml(commentsName) : null, extendedName ? pkg.xml(extendedName) : null);
  const byParaId = new Map(comments.filter((c) => c.paraId).map((c) => [c.paraId, c]));
  const rootOf = (c: CommentInfo): CommentInfo => {
    let at = c;
    for (let guard = 0; at.parentParaId && byParaId.has(at.parentParaId) && guard < 100; guard++) at = byParaId.get(at.parentParaId)!;
    return at;
  };
  const threads = new Map<CommentInfo, CommentInfo[]>();
  for (const c of comments) {
    const root = rootOf(c);
    if (root === c) { if (!threads.has(c)) threads.set(c, []); }
    else (threads.get(root) ?? threads.set(root, []).get(root)!).push(c);
  }
  const items: RawReviewItem[] = [...walker.items];
  for (const [c, replies] of threads) {
    const start = walker.rangeStarts.get(c.id) ?? walker.references.get(c.id) ?? walker.rangeEnds.get(c.id);
    const endMark = walker.rangeEnds.get(c.id) ?? start;
    const paragraph = start?.paragraph ?? -1;
    const para = walker.paragraphs[paragraph];
    const end = !start || !endMark ? 0 : endMark.paragraph === paragraph ? endMark.offset : para ? para.original.length : start.offset;
    items.push({
      kind: 'comment', author: c.author, date: c.date, text: c.text, paragraph,
      start: start?.offset ?? 0, end: Math.max(start?.offset ?? 0, end),
      replies: replies.map((r) => ({ author: r.author, date: r.date, text: r.text })),
      done: c.done,
    });
  }
  return { paragraphs: walker.paragraphs, items };
}
