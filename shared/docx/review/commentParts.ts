// The comment parts of a Word package as Word 2016+ writes them (shared, pure): comments.xml (w14:paraId on each
// comment paragraph), commentsExtended.xml (w15:paraIdParent for replies, w15:done for 已解决), commentsIds.xml
// (w16cid:durableId), commentsExtensible.xml (w16cex:dateUtc) and people.xml, with their content types and
// relationships, so that replies and the resolved state work in Word and WPS.
import { escapeXml } from '../styles';

export interface OutComment {
  author: string;
  /** ISO date-time, e.g. 2026-12-02T09:30:00Z. */
  date: string;
  paragraphs: string[];
  done: boolean;
  /** Index (in the same list) of the comment this one replies to. */
  parent?: number;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
  w15: 'http://schemas.microsoft.com/office/word/2012/wordml',
  w16cid: 'http://schemas.microsoft.com/office/word/2016/wordml/cid',
  w16cex: 'http://schemas.microsoft.com/office/word/2018/wordml/cex',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
};

export const COMMENT_PARTS = [
  {
    part: 'comments.xml',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml',
    relType: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  },
  {
    part: 'commentsExtended.xml',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml',
    relType: 'http://schemas.microsoft.com/office/2011/relationships/commentsExtended',
  },
  {
    part: 'commentsIds.xml',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsIds+xml',
    relType: 'http://schemas.microsoft.com/office/2016/09/relationships/commentsIds',
  },
  {
    part: 'commentsExtensible.xml',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtensible+xml',
    relType: 'http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible',
  },
  {
    part: 'people.xml',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml',
    relType: 'http://schemas.microsoft.com/office/2011/relationships/people',
  },
] as const;

const hex8 = (n: number): string => n.toString(16).toUpperCase().padStart(8, '0');
/** Paragraph ids and durable ids must be below 0x80000000; ours are fixed per position, so a re-export is stable. */
const paraIdOf = (comment: number, paragraph: number): string => hex8(0x10000000 + comment * 16 + paragraph);
const durableIdOf = (comment: number): string => hex8(0x20000000 + comment);

/** The id of the paragraph that stands for a comment: its last one (Word links replies and 已解决 through it). */
const lastParaId = (comments: readonly OutComment[], i: number): string => paraIdOf(i, Math.max(0, comments[i]!.paragraphs.length - 1));

/** Word's date attribute: no fractional seconds. */
function wordDate(iso: string): string {
  return iso.replace(/\.\d+(?=Z|[+-]\d\d:?\d\d$|$)/, '');
}

const initialsOf = (author: string): string => Array.from(author.trim()).slice(0, 2).join('') || '审';

/** The text of comment paragraphs (small, plain, outside the 22-line body grid). */
function commentParagraph(text: string, id: string, first: boolean): string {
  const rPr = '<w:rPr><w:rFonts w:ascii="宋体" w:eastAsia="宋体" w:hAnsi="宋体" w:hint="eastAsia"/><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr>';
  const pPr = '<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0" w:firstLineChars="0"/></w:pPr>';
  const ref = first ? '<w:r><w:annotationRef/></w:r>' : '';
  return `<w:p w14:paraId="${id}" w14:textId="77777777">${pPr}${ref}<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

function commentsXml(comments: readonly OutComment[]): string {
  const body = comments
    .map((c, i) => {
      const paras = (c.paragraphs.length > 0 ? c.paragraphs : ['']).map((t, k) => commentParagraph(t, paraIdOf(i, k), k === 0)).join('');
      return `<w:comment w:id="${i}" w:author="${escapeXml(c.author)}" w:date="${wordDate(c.date)}" w:initials="${escapeXml(initialsOf(c.author))}">${paras}</w:comment>`;
    })
    .join('');
  return `${XML_DECLARATION}<w:comments xmlns:w="${NS.w}" xmlns:w14="${NS.w14}" xmlns:mc="${NS.mc}" mc:Ignorable="w14">${body}</w:comments>`;
}

function commentsExtendedXml(comments: readonly OutComment[]): string {
  const body = comments
    .map((c, i) => {
      const parent = c.parent !== undefined ? ` w15:paraIdParent="${lastParaId(comments, c.parent)}"` : '';
      return `<w15:commentEx w15:paraId="${lastParaId(comments, i)}"${parent} w15:done="${c.done ? 1 : 0}"/>`;
    })
    .join('');
  return `${XML_DECLARATION}<w15:commentsEx xmlns:w15="${NS.w15}">${body}</w15:commentsEx>`;
}

function commentsIdsXml(comments: readonly OutComment[]): string {
  const body = comments.map((_, i) => `<w16cid:commentId w16cid:paraId="${lastParaId(comments, i)}" w16cid:durableId="${durableIdOf(i)}"/>`).join('');
  return `${XML_DECLARATION}<w16cid:commentsIds xmlns:w16cid="${NS.w16cid}">${body}</w16cid:commentsIds>`;
}

function commentsExtensibleXml(comments: readonly OutComment[]): string {
  const body = comments.map((c, i) => `<w16cex:commentExtensible w16cex:durableId="${durableIdOf(i)}" w16cex:dateUtc="${wordDate(c.date)}"/>`).join('');
  return `${XML_DECLARATION}<w16cex:commentsExtensible xmlns:w16cex="${NS.w16cex}">${body}</w16cex:commentsExtensible>`;
}

function peopleXml(comments: readonly OutComment[]): string {
  const authors = [...new Set(comments.map((c) => c.author))];
  const body = authors
    .map((a) => `<w15:person w15:author="${escapeXml(a)}"><w15:presenceInfo w15:providerId="None" w15:userId="${escapeXml(a)}"/></w15:person>`)
    .join('');
  return `${XML_DECLARATION}<w15:people xmlns:w15="${NS.w15}">${body}</w15:people>`;
}

/** Each part's text, by its name under word/. */
export function commentPartTexts(comments: readonly OutComment[]): Record<(typeof COMMENT_PARTS)[number]['part'], string> {
  return {
    'comments.xml': commentsXml(comments),
    'commentsExtended.xml': commentsExtendedXml(comments),
    'commentsIds.xml': commentsIdsXml(comments),
    'commentsExtensible.xml': commentsExtensibleXml(comments),
    'people.xml': peopleXml(comments),
  };
}
