// Importing a published report from plain text (shared, pure): text copied from a government web page or a .txt.
// Drops the page chrome, finds the title, organ, year and date, and structures the body. Words and punctuation are
// kept exactly as written; what the importer could not do, or did on the user's behalf, is said in the notes.
import type { ImportNote } from '../model/importNote';
import { newDocumentId } from '../model/id';
import { parseChineseNumeral } from '../model/numbering';
import { emptyRuleSettings, type Block, type ReportDocument, type ReportMeta } from '../model/schema';
import { parseHeadingMarker } from '../outline/markers';
import { recognizeMandatedParts, type MandatedParts } from '../outline/parts';
import { normalizeLine, runInEnd, structureParagraphs, type WrittenMarker } from './structure';
import { notationOf } from './notation';

export { normalizeLine, runInEnd, structureLine, structureParagraphs, type StructuredBody, type WrittenMarker } from './structure';

export interface ImportTextOptions {
  /** The document id (a new random one by default). */
  id?: string;
  /** The source file's name: a title of last resort when the text has none. */
  fileName?: string;
  templateId?: string;
  /** Fallback report year when neither the title nor a date gives one (default: last year). */
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

// ---- line classes -------------------------------------------------------------------------------------------------

/** Words of page widgets and navigation (a line made only of these is chrome). */
const WIDGET_WORDS = new Set([
  '微信', '微博', '手机版', '移动版', '无障碍', '无障碍浏览', '长者模式', '关怀版', '适老化', '繁體', '繁体', '简体', '简', '繁',
  'English', '首页', '返回首页', '网站首页', '返回顶部', '顶部', '打印', '打印本页', '打印此页', '关闭', '关闭窗口', '关闭本页',
  '收藏', '加入收藏', '分享', '分享到', '扫一扫', '扫码', '字体', '字号', '字体大小', '大', '中', '小', '默认', '保护视力色',
  '视力保护色', '护眼模式', '登录', '注册', '搜索', '纠错', '我要纠错', '下载', '朗读', '语音播报', '政务微信', '政务微博',
  'QQ空间', 'QQ', '新浪微博', '微信扫一扫', '今日头条', '复制链接', '来源', '浏览', '阅读', '次',
]);

/** Keys of the metadata blocks that government sites print around a document. */
const META_KEYS = [
  '信息索引号', '索引号', '主题分类', '体裁分类', '组配分类', '服务对象分类', '分类', '发布机构', '发文机关', '发文单位', '成文日期', '成文时间',
  '发布日期', '发文日期', '发布时间', '更新时间', '更新日期', '生成日期', '名称', '标题', '发文字号', '文号', '主题词', '关键词', '文章来源',
  '信息来源', '来源', '浏览数', '浏览次数', '浏览量', '点击数', '点击量', '阅读数', '阅读量', '访问量', '作者', '责任编辑', '编辑', '时效性',
  '有效性', '生效日期', '失效日期', '废止日期', '公开方式', '公开范围', '公开时限', '所属机构', '统一编号', '登记号', '文种', '信息类别',
];
const META_KEY_RE = new RegExp(`(${META_KEYS.join('|')})\\s*[:：]`, 'g');
const META_LINE_RE = new RegExp(`^(?:${META_KEYS.join('|')})\\s*[:：]`);

/** Page footers and the links after an article: the report is over. */
const FOOTER_RE =
  /站内地图|网站地图|版权所有|ICP备|ICP证|公网安备|网站标识码|网站识别码|技术支持[:：]|^主办单位|^主办[:：]|^承办[:：]|^协办[:：]|^联系我们|^联系方式[:：]|^联系电话[:：]|^通讯地址[:：]|^地址[:：]|建议使用.{0,20}浏览器|(?:浏览|显示).{0,10}分辨率|^上一篇|^下一篇|^【?关闭窗口|扫一扫在手机|^相关链接|^相关文章|^相关阅读|^相关新闻|^相关稿件|^友情链接/;

const BREADCRUMB_RE = /^(?:当前位置|您当前的位置|您的位置|您现在的位置|所在位置|位置)[:：]|^首页\s*[>＞»›/]/;
/** A contact line under a published document (`（联系人：…，电话：…）`): page furniture, and personal data. */
const CONTACT_RE = /^[（(]?\s*(?:联系人|联系电话|联系方式|电话|传真|邮编|邮政编码|电子邮箱|E-?mail)\s*[:：]/i;

const ORGAN_SUFFIX = '人民政府|政府|委员会|办公室|办公厅|管理局|局|厅|委|办|院|部|署|中心|党委|党组|人大常委会|公司|集团|处|所|站|队|会';
const ADDRESSEE_RE = new RegExp(`^[\\u4e00-\\u9fa5（）()、，,\\s]{1,60}?(?:${ORGAN_SUFFIX})[:：]$`);
const DOC_NUMBER_RE = /^[\u4e00-\u9fa5]{1,16}\s*[〔［[（(]\s*(?:\d{4})\s*[〕］\]）)]\s*\d{1,5}\s*号$/;
const ORGAN_END_RE = new RegExp(`(?:${ORGAN_SUFFIX})$`);

const DATE_ARABIC = /(\d{4})\s*[-年/.．]\s*(\d{1,2})\s*[-月/.．]\s*(\d{1,2})\s*日?/;
const DATE_LINE_ARABIC = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const DATE_LINE_CHINESE = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;

const TERMINAL_PUNCT = /[。！？；：…”’）》」』】!?;:)]$/;
const SENTENCE_PUNCT = /[，。；！？,;!?]/;

type LineKind = 'blank' | 'chrome' | 'meta' | 'footer' | 'text';

interface Line {
  raw: string;
  text: string;
  kind: LineKind;
  /** Read into the meta (addressee, document number, date) rather than dropped. */
  consumed?: boolean;
}

function isWidgetLine(text: string): boolean {
  if (text.length > 60) return false;
  const tokens = text
    .replace(/[【】[\]「」<>《》]/g, ' ')
    .split(/[\s|｜丨/:：,，、]+/)
    .filter((t) => t.length > 0);
  return tokens.length > 0 && tokens.every((t) => WIDGET_WORDS.has(t) || /^[-—]$/.test(t));
}

function isPipeNavigation(text: string): boolean {
  if (!/[|｜丨]/.test(text)) return false;
  const parts = text.split(/\s*[|｜丨]\s*/).filter((p) => p.length > 0);
  return parts.length >= 2 && parts.every((p) => p.length <= 12 && !SENTENCE_PUNCT.test(p));
}

function classify(text: string): LineKind {
  if (text.length === 0) return 'blank';
  if (text.length <= 120 && FOOTER_RE.test(text)) return 'footer';
  if (META_LINE_RE.test(text) && text.length <= 200) return 'meta';
  if (isWidgetLine(text) || isPipeNavigation(text) || BREADCRUMB_RE.test(text)) return 'chrome';
  if (text.length <= 80 && CONTACT_RE.test(text)) return 'chrome';
  return 'text';
}

// ---- metadata ----------------------------------------------------------------------------------------------------

type MetaValues = Map<string, string>;

/** Reads `键: 值  键: 值` pairs from a metadata line into `values` (the first value of a key wins). */
function readMetaLine(text: string, values: MetaValues): string | null {
  const keys: { key: string; at: number; valueAt: number }[] = [];
  META_KEY_RE.lastIndex = 0;
  for (let m = META_KEY_RE.exec(text); m; m = META_KEY_RE.exec(text)) keys.push({ key: m[1]!, at: m.index, valueAt: m.index + m[0].length });
  let lastKey: string | null = null;
  for (let k = 0; k < keys.length; k++) {
    const { key, valueAt } = keys[k]!;
    const value = text.slice(valueAt, k + 1 < keys.length ? keys[k + 1]!.at : text.length).trim();
    if (!values.has(key) && value.length > 0 && value !== '-') values.set(key, value);
    lastKey = key;
  }
  return lastKey;
}

function isoDate(y: number, m: number, d: number): string {
  if (!(y >= 1990 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return '';
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return '';
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function chineseYear(s: string): number {
  let y = 0;
  for (const ch of s) {
    const v = '〇一二三四五六七八九'.indexOf(ch === '零' ? '〇' : ch);
    if (v < 0) return NaN;
    y = y * 10 + v;
  }
  return y;
}

/** An ISO date from `2025-01-13`, `2025年1月13日` or `二〇二五年一月十三日`; '' when there is none. */
export function parseDateText(text: string): string {
  const a = DATE_ARABIC.exec(text);
  if (a) return isoDate(Number(a[1]), Number(a[2]), Number(a[3]));
  const c = /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/.exec(text);
  if (c) return isoDate(chineseYear(c[1]!), parseChineseNumeral(c[2]!), parseChineseNumeral(c[3]!));
  return '';
}

function isDateLine(text: string): boolean {
  const bare = text.replace(/^[（(]\s*(.*?)\s*[）)]$/, '$1');
  return DATE_LINE_ARABIC.test(bare) || DATE_LINE_CHINESE.test(bare);
}

/** A line of the report itself: a sentence (or the start of one), not a fragment of page furniture. */
function isProse(text: string): boolean {
  return (text.length >= 30 && SENTENCE_PUNCT.test(text)) || (text.length >= 6 && /[。：:！？；]$/.test(text));
}

// ---- title -------------------------------------------------------------------------------------------------------

const YEAR_IN_TEXT = /(\d{4})\s*年|([〇零一二三四五六七八九]{4})年/;

function isTitleCandidate(text: string): boolean {
  return (
    text.length >= 2 &&
    text.length <= 90 &&
    (/报告(?:[（(][^（）()]{1,12}[）)])?$/.test(text) || /法治.*总结(?:[（(][^（）()]{1,12}[）)])?$/.test(text)) &&
    !SENTENCE_PUNCT.test(text.replace(/[，,]\s*(?=[\u4e00-\u9fa5])/g, '')) &&
    !parseHeadingMarker(text)
  );
}

/** Whether `prev` is the first line of a title whose second line is `line` (`…2024年` / `法治政府建设年度报告`). */
function continuesTitle(prev: string, line: string): boolean {
  if (prev.length === 0 || prev.length > 50 || SENTENCE_PUNCT.test(prev) || TERMINAL_PUNCT.test(prev)) return false;
  if (parseHeadingMarker(prev) || classify(prev) !== 'text' || isTitleCandidate(prev)) return false;
  if (/关于$/.test(prev) || /^(?:的|情况|年度|工作|法治|报告)/.test(line)) return true;
  if (YEAR_IN_TEXT.test(line)) return false;
  return YEAR_IN_TEXT.test(prev) || /关于$/.test(prev) || ORGAN_END_RE.test(prev);
}

function yearOf(text: string): number | null {
  const m = YEAR_IN_TEXT.exec(text);
  if (!m) return null;
  const y = m[1] ? Number(m[1]) : chineseYear(m[2]!);
  return y >= 1990 && y <= 2200 ? y : null;
}

/** The organ a title names: the words before 关于 or before the year. */
function organOfTitle(title: string): string {
  const m = /^(.+?)(?:关于|(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年)/.exec(title);
  if (!m) return '';
  return m[1]!.replace(/关于$/, '').trim();
}

// ---- the importer ------------------------------------------------------------------------------------------------

/** Imports a report from text (web-page copy or .txt). Never throws on odd input: it returns what it could read. */
export function importText(text: string, options: ImportTextOptions = {}): ImportTextResult {
  const notes: ImportNote[] = [];
  const rawLines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n|\u2028|\u2029/);
  const lines: Line[] = rawLines.map((raw) => {
    const t = normalizeLine(raw);
    return { raw, text: t, kind: classify(t) };
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

  // The title: the last title-like line before the anchor, possibly joined with the line above it.
  let title = '';
  let titleEnd = -1;
  for (let i = anchor >= 0 ? anchor - 1 : lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.kind !== 'text' || !isTitleCandidate(line.text)) continue;
    title = line.text;
    titleEnd = i;
    line.consumed = true;
    let p = i - 1;
    while (p >= 0 && lines[p]!.kind === 'blank' && i - p <= 2) p--;
    if (p >= 0 && lines[p]!.kind === 'text' && continuesTitle(lines[p]!.text, line.text)) {
      title = lines[p]!.text + title;
      lines[p]!.consumed = true;
    } else if (title.length < 8) {
      // `年度报告` alone is a column name, not a title.
      title = '';
      titleEnd = -1;
      line.consumed = false;
      continue;
    }
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
      let p = j - 1;
      while (p > anchor && lines[p]!.kind === 'blank') p--;
      const joined = p > anchor && lines[p]!.kind === 'text' && continuesTitle(lines[p]!.text, line.text);
      if (!joined && line.text.length < 8) continue;
      title = joined ? lines[p]!.text + line.text : line.text;
      if (joined) lines[p]!.consumed = true;
      line.consumed = true;
      titleEnd = j;
      for (let k = anchor; k < (joined ? p : j); k++) if (lines[k]!.kind === 'text') lines[k]!.kind = 'chrome';
      break;
    }
  }
  if (!title) {
    const named = meta.get('名称') ?? meta.get('标题');
    if (named && /报告/.test(named)) {
      title = named;
      notes.push({ severity: 'info', message: `标题取自网页信息栏的“名称”：${named}。` });
    } else if (options.fileName) {
      const base = options.fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
      if (/报告/.test(base)) {
        title = base;
        notes.push({ severity: 'warning', message: `正文中未找到报告标题，已用文件名“${base}”作标题，请核对。` });
      }
    }
    if (!title) notes.push({ severity: 'warning', message: '未找到报告标题，请在“报告信息”中填写。' });
  }

  // Between the title and the body: 主送机关, 发文字号, a date; the rest is chrome.
  let addressee = '';
  let docNumber = meta.get('发文字号') ?? meta.get('文号') ?? '';
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
    const m = /^附件[:：]\s*(.*)$/.exec(lines[bodyIdx[k]!]!.text);
    if (!m) continue;
    const items = [m[1]!, ...bodyIdx.slice(k + 1).map((i) => lines[i]!.text)];
    if (items.slice(1).every((t) => /^\d{1,2}\s*[.．、]/.test(t) && !/[。；]$/.test(t))) {
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

  // Year, organ, date.
  let year = yearOf(title) ?? (meta.has('名称') ? yearOf(meta.get('名称')!) : null);
  const dateSources: [string, string][] = [
    ['成文日期', meta.get('成文日期') ?? meta.get('成文时间') ?? ''],
    ['落款日期', signatureDate],
    ['标题下的日期', headerDate],
    ['发布日期', meta.get('发布日期') ?? meta.get('发文日期') ?? ''],
    ['发布时间', meta.get('发布时间') ?? ''],
    ['更新时间', meta.get('更新时间') ?? meta.get('更新日期') ?? ''],
  ];
  let date = '';
  for (const [label, value] of dateSources) {
    const iso = value ? parseDateText(value) : '';
    if (!iso) continue;
    date = iso;
    if (label !== '成文日期' && label !== '落款日期') {
      notes.push({ severity: 'info', message: `未注明成文日期，已取网页的“${label}”${iso}作为成文日期，请核对。` });
    }
    break;
  }
  if (!date) notes.push({ severity: 'info', message: '未找到成文日期，请在“报告信息”中填写。' });
  if (year === null) {
    const fromDate = date ? Number(date.slice(0, 4)) - 1 : (options.defaultYear ?? new Date().getFullYear() - 1);
    year = Math.min(2200, Math.max(1990, fromDate));
    notes.push({ severity: 'warning', message: `标题中未写明报告年度，已暂定为 ${year} 年，请核对。` });
  }

  const titleOrgan = organOfTitle(title);
  const publisher = meta.get('发布机构') ?? meta.get('发文机关') ?? meta.get('发文单位') ?? '';
  let organ = signature;
  if (!organ) organ = ORGAN_END_RE.test(titleOrgan) ? titleOrgan : publisher || titleOrgan;
  if (!organ) notes.push({ severity: 'warning', message: '未能识别报告机关名称，请在“报告信息”中填写。' });

  const reportMeta: ReportMeta = {
    organ,
    year,
    title,
    addressee,
    date,
    signature: signature || organ,
  };
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
