// The import heuristics, one table for every importer (shared, pure): how a line of a published report is told apart
// from page chrome, how the title, organ, year and 成文日期 are found, and the notes that say where each came from.
// The text importer (text.ts) and the Word importer (docx/import.ts) read them from here and nowhere else.
import { isoDate } from '../model/dates';
import type { ImportNote } from '../model/importNote';
import { parseChineseNumeral } from '../model/numbering';
import type { DateSource } from '../model/schema';
import { parseHeadingMarker } from '../outline/markers';

// ---- punctuation -------------------------------------------------------------------------------------------------

export const TERMINAL_PUNCT = /[。！？；：…”’）》」』】!?;:)]$/;
export const SENTENCE_PUNCT = /[，。；！？,;!?]/;

// ---- page chrome --------------------------------------------------------------------------------------------------

/** Words of page widgets and navigation (a line made only of these is chrome). */
const WIDGET_WORDS = new Set([
  '微信', '微博', '手机版', '移动版', '无障碍', '无障碍浏览', '长者模式', '关怀版', '适老化', '繁體', '繁体', '简体', '简', '繁',
  'English', '首页', '返回首页', '网站首页', '返回顶部', '顶部', '打印', '打印本页', '打印此页', '打印文章', '打印正文', '打印页面', '关闭', '关闭窗口', '关闭本页',
  '收藏', '加入收藏', '分享', '分享到', '扫一扫', '扫码', '字体', '字号', '字体大小', '大', '中', '小', '默认', '保护视力色',
  '视力保护色', '护眼模式', '登录', '注册', '搜索', '纠错', '我要纠错', '下载', '朗读', '语音播报', '政务微信', '政务微博',
  'QQ空间', 'QQ', '新浪微博', '微信扫一扫', '今日头条', '复制链接', '来源', '浏览', '阅读', '次',
]);

/** Keys of the metadata blocks and info bars that government sites print around a document. */
const META_KEYS = [
  '信息索引号', '索引号', '主题分类', '体裁分类', '组配分类', '服务对象分类', '分类', '发布机构', '发文机关', '发文单位', '成文日期', '成文时间',
  '发布日期', '发文日期', '发布时间', '更新时间', '更新日期', '生成日期', '名称', '标题', '发文字号', '文号', '主题词', '关键词', '文章来源',
  '信息来源', '来源', '浏览数', '浏览次数', '浏览量', '点击数', '点击量', '点击次数', '阅读数', '阅读量', '阅读次数', '访问量', '访问次数', '作者',
  '责任编辑', '编辑', '时效性', '有效性', '生效日期', '失效日期', '废止日期', '公开方式', '公开范围', '公开时限', '所属机构', '统一编号',
  '登记号', '文种', '信息类别', '字号', '字体', '公文生成日期', '备注/文号', '备注',
  // The sign-off line under an article: who reviewed and edited the page.
  '初审', '复审', '终审', '审核人', '校对', '撰稿', '供稿', '摄影',
];
// Sites space a key out to align the bar (`索 引 号:`): a key may have a space between any two of its characters.
const KEY_ALTERNATIVES = META_KEYS.map((k) => [...k].join('\\s?')).join('|');
const META_KEY_RE = new RegExp(`(${KEY_ALTERNATIVES})\\s*[:：]`, 'g');
const META_LINE_RE = new RegExp(`^(?:${KEY_ALTERNATIVES})\\s*[:：]`);
/** A list bullet before an info-bar line (`- 发布机构: …`, `• 索引号: …`). */
const BULLET_RE = /^[-•●▪◦·*]\s*/;
/** `时间：2025-03-20　浏览次数：…`: a bare 时间/日期 opens an info bar when a date follows or another key is on the line. */
const BARE_TIME_RE = /^(?:时间|日期|发布|更新)\s*[:：]\s*(?:\d{4}\s*[-年/.]|$)/;
const COUNTER_RE = /(?:浏览|点击|阅读|访问)(?:次数|数|量)?\s*[:：]\s*(?:-|\d*)\s*$/;

/** Page footers and the links after an article: the report is over. */
const FOOTER_RE =
  /站内地图|网站地图|版权所有|ICP备|ICP证|公网安备|网站标识码|网站识别码|技术支持[:：]|^主办单位|^主办[:：]|^承办[:：]|^协办[:：]|^联系我们|^联系方式[:：]|^联系电话[:：]|^通讯地址[:：]|^地址[:：]|建议使用.{0,20}浏览器|(?:浏览|显示).{0,10}分辨率|^上一篇|^下一篇|^【?关闭窗口|扫一扫在手机|^相关链接|^相关文章|^相关阅读|^相关新闻|^相关稿件|^友情链接/;

const BREADCRUMB_RE = /^(?:当前位置|您当前的位置|您的位置|您现在的位置|所在位置|位置)[:：]|^首页\s*[>＞»›/]/;
/** A contact line under a published document (`（联系人：…，电话：…）`): page furniture, and personal data. */
const CONTACT_RE = /^[（(]?\s*(?:联系人|联系电话|联系方式|电话|传真|邮编|邮政编码|电子邮箱|E-?mail)\s*[:：]/i;

function isWidgetLine(text: string): boolean {
  if (text.length > 60) return false;
  const tokens = text
    .replace(/[【】[\]「」<>《》()（）]/g, ' ')
    .split(/[\s|｜丨/:：,，、]+/)
    .filter((t) => t.length > 0);
  return tokens.length > 0 && tokens.every((t) => WIDGET_WORDS.has(t) || /^[-—]$/.test(t));
}

function isPipeNavigation(text: string): boolean {
  if (!/[|｜丨]/.test(text)) return false;
  const parts = text.split(/\s*[|｜丨]\s*/).filter((p) => p.length > 0);
  return parts.length >= 2 && parts.every((p) => p.length <= 12 && !SENTENCE_PUNCT.test(p));
}

function isMetaLine(line: string): boolean {
  const text = line.replace(BULLET_RE, '');
  if (text.length > 200) return false;
  if (META_LINE_RE.test(text)) return true;
  if (text.length > 80) return false;
  if (BARE_TIME_RE.test(text)) return true;
  // An info bar whose first key is unknown but that ends with a page counter (`… 浏览次数：-`).
  META_KEY_RE.lastIndex = 0;
  const keys = text.match(META_KEY_RE)?.length ?? 0;
  return COUNTER_RE.test(text) && (keys >= 1 || !SENTENCE_PUNCT.test(text));
}

export type LineKind = 'blank' | 'chrome' | 'meta' | 'footer' | 'text';

/** What a (normalised) line of a web page is: the report's text, or one of the kinds of page chrome. */
export function classifyLine(text: string): LineKind {
  if (text.length === 0) return 'blank';
  if (text.length <= 120 && FOOTER_RE.test(text)) return 'footer';
  if (isMetaLine(text)) return 'meta';
  if (isWidgetLine(text) || isPipeNavigation(text) || BREADCRUMB_RE.test(text)) return 'chrome';
  if (text.length <= 80 && CONTACT_RE.test(text)) return 'chrome';
  return 'text';
}

export type MetaValues = Map<string, string>;

/** Reads `键: 值  键: 值` pairs from a metadata line into `values` (the first value of a key wins); returns the last key. */
export function readMetaLine(line: string, values: MetaValues): string | null {
  const text = line.replace(BULLET_RE, '');
  const keys: { key: string; at: number; valueAt: number }[] = [];
  META_KEY_RE.lastIndex = 0;
  for (let m = META_KEY_RE.exec(text); m; m = META_KEY_RE.exec(text)) keys.push({ key: m[1]!.replace(/\s/g, ''), at: m.index, valueAt: m.index + m[0].length });
  const bare = /^(时间|日期)\s*[:：]/.exec(text);
  if (bare && !values.has('发布时间')) {
    const value = text.slice(bare[0].length, keys[0]?.at ?? text.length).trim();
    if (value) values.set('发布时间', value);
  }
  let lastKey: string | null = null;
  for (let k = 0; k < keys.length; k++) {
    const { key, valueAt } = keys[k]!;
    const value = text.slice(valueAt, k + 1 < keys.length ? keys[k + 1]!.at : text.length).trim();
    if (!values.has(key) && value.length > 0 && value !== '-') values.set(key, value);
    lastKey = key;
  }
  return lastKey;
}

// ---- dates ------------------------------------------------------------------------------------------------------

const DATE_ARABIC = /(\d{4})\s*[-年/.．]\s*(\d{1,2})\s*[-月/.．]\s*(\d{1,2})\s*日?/;
const DATE_CHINESE = /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/;
const DATE_LINE_ARABIC = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const DATE_LINE_CHINESE = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;

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
  const c = DATE_CHINESE.exec(text);
  if (c) return isoDate(chineseYear(c[1]!), parseChineseNumeral(c[2]!), parseChineseNumeral(c[3]!));
  return '';
}

/** A line that is only a date (the date under a signature, or under the title), possibly in brackets. */
export function isDateLine(text: string): boolean {
  const bare = text.replace(/^[（(]\s*(.*?)\s*[）)]$/, '$1');
  return DATE_LINE_ARABIC.test(bare) || DATE_LINE_CHINESE.test(bare);
}

// ---- title and organ ----------------------------------------------------------------------------------------------

const YEAR_IN_TEXT = /(\d{4})\s*年|([〇零一二三四五六七八九]{4})年/;
const TITLE_OPENS_WITH_YEAR = /^(?:关于)?(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年/;
const ORGAN_SUFFIX = '人民政府|政府|委员会|办公室|办公厅|管理局|局|厅|委|办|院|部|署|中心|党委|党组|人大常委会|公司|集团|处|所|站|队|会';
export const ORGAN_END_RE = new RegExp(`(?:${ORGAN_SUFFIX})$`);
export const ADDRESSEE_RE = new RegExp(`^[\\u4e00-\\u9fa5（）()、，,\\s]{1,60}?(?:${ORGAN_SUFFIX})[:：]$`);
export const DOC_NUMBER_RE = /^[\u4e00-\u9fa5]{1,16}\s*[〔［[（(]\s*(?:\d{4})\s*[〕］\]）)]\s*\d{1,5}\s*号$/;
/** A line that names an organ and nothing else (`中共某某县委`, `某某县人民政府`): part of a title block. */
const ORGAN_LINE_RE = new RegExp(`^[\\u4e00-\\u9fa5（）()]{2,30}(?:${ORGAN_SUFFIX})$`);

/** The year a text names first (`2024年`, `二〇二四年`), or null. */
export function yearOf(text: string): number | null {
  const m = YEAR_IN_TEXT.exec(text);
  if (!m) return null;
  const y = m[1] ? Number(m[1]) : chineseYear(m[2]!);
  return y >= 1990 && y <= 2200 ? y : null;
}

/** A line that reads as the report's title (or its last line): ends with 报告 / 总结, no sentence punctuation. */
export function isTitleCandidate(text: string): boolean {
  return (
    text.length >= 2 &&
    text.length <= 90 &&
    (/报告(?:[（(][^（）()]{1,12}[）)])?$/.test(text) || /法治.*总结(?:[（(][^（）()]{1,12}[）)])?$/.test(text)) &&
    !SENTENCE_PUNCT.test(text.replace(/[，,]\s*(?=[\u4e00-\u9fa5])/g, '')) &&
    !parseHeadingMarker(text)
  );
}

/** Whether a line is only an organ's name (a line of a title block above 关于…). */
export function isOrganLine(text: string): boolean {
  if (SENTENCE_PUNCT.test(text) || /关于/.test(text)) return false;
  // One organ, or two side by side (`中共X县委 X县人民政府`).
  const organs = text.split(/[ \u3000]+/);
  return organs.length <= 3 && organs.every((o) => ORGAN_LINE_RE.test(o));
}

/**
 * Whether `prev` is a line of the title whose next line(s) read `rest`: the organ above 关于… (one or two organs, a
 * joint 中共X委 / X人民政府 title), a first line ending in 关于 or in the year, or a line the next one plainly continues.
 */
export function continuesTitle(prev: string, rest: string): boolean {
  if (prev.length === 0 || prev.length > 50 || SENTENCE_PUNCT.test(prev) || TERMINAL_PUNCT.test(prev)) return false;
  if (parseHeadingMarker(prev) || classifyLine(prev) !== 'text' || isTitleCandidate(prev)) return false;
  // An organ line above a title that begins with its own place name (`沛县2024年…`) is a banner, not part of it.
  if (isOrganLine(prev) && (/^关于/.test(rest) || isOrganLine(organOfTitle(rest)) || TITLE_OPENS_WITH_YEAR.test(rest))) return true;
  if (isOrganLine(prev) && YEAR_IN_TEXT.test(rest.slice(0, 8))) return false;
  if (/关于$/.test(prev) || /^(?:的|情况|年度|工作|法治|报告)/.test(rest)) return true;
  if (YEAR_IN_TEXT.test(rest)) return false;
  return YEAR_IN_TEXT.test(prev) || ORGAN_END_RE.test(prev);
}

/** The lines of a title block joined: two organ lines keep a space between them (`中共X县委 X县人民政府`). */
export function joinTitleLines(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) {
    const organs = out.length > 0 && isOrganLine(out) && isOrganLine(line);
    out += (organs ? ' ' : '') + line;
  }
  return out;
}

/** The organ a title names: the words before 关于 or before the year. */
export function organOfTitle(title: string): string {
  const m = /^(.+?)(?:关于|(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年)/.exec(title);
  if (!m) return '';
  return m[1]!.replace(/关于$/, '').trim();
}

// ---- the end of a report: 附注, 附件 -----------------------------------------------------------------------------

/**
 * The 附注 a line holds (GB/T 9704 §7.3.6: in parentheses below the date, e.g. （此件公开发布）), without its
 * parentheses, or null when the line is not one. Recognition of 附注 / 附件 in either importer belongs here.
 */
export function notationOf(line: string): string | null {
  const m = /^[（(]\s*(此件[^（()）]{1,16}?)\s*[）)]$/.exec(line.trim());
  return m ? m[1]! : null;
}
/** `附件：1.×××` opening the attachment note. */
export const ATTACHMENT_RE = /^附件[:：]\s*(.*)$/;
/** A numbered attachment name on the lines after `附件：`. */
export const ATTACHMENT_ITEM_RE = /^\d{1,2}\s*[.．、]/;

// ---- the meta: year, organ, date, with notes saying where each came from -----------------------------------------

export interface MetaEvidence {
  title: string;
  /** The organ in the signature line, if the document is signed. */
  signature: string;
  /** The date under the signature, or under the title (ISO, '' if none). */
  signatureDate: string;
  headerDate: string;
  /** The web page's info block (成文日期, 发布时间, 发布机构, 名称 …), if any. */
  page?: MetaValues;
  /** The body's paragraphs, for the year of a report whose title names none. */
  paragraphs: readonly string[];
  /** Year to assume when nothing in the file names one (the caller's context, e.g. the report pasted into). */
  defaultYear?: number;
  /** The current year, for the last resort (a report is most often on last year). */
  thisYear: number;
}

export interface ResolvedMeta {
  year: number;
  organ: string;
  date: string;
  dateSource?: DateSource;
  notes: ImportNote[];
}

/** The year a report is on: the title, else the first sentence (`2024年，……`), else the dates in the text. */
function resolveYear(e: MetaEvidence, date: string, notes: ImportNote[]): number {
  const fromTitle = yearOf(e.title);
  if (fromTitle !== null) return fromTitle;
  const named = e.page?.get('名称') ?? e.page?.get('标题');
  const fromName = named ? yearOf(named) : null;
  if (fromName !== null) {
    notes.push({ severity: 'info', message: `标题中未写明报告年度，已按网页信息栏的“名称”定为 ${fromName} 年，请核对。` });
    return fromName;
  }
  const first = e.paragraphs.find((p) => p.trim().length > 0) ?? '';
  const opening = /^\s*(?:(\d{4})|([〇零一二三四五六七八九]{4}))\s*年(?:度|以来|来)?\s*[，,、]/.exec(first);
  if (opening) {
    const y = opening[1] ? Number(opening[1]) : chineseYear(opening[2]!);
    if (y >= 1990 && y <= 2200) {
      notes.push({ severity: 'info', message: `标题中未写明报告年度，已按正文第一句“${first.slice(0, 12)}……”定为 ${y} 年，请核对。` });
      return y;
    }
  }
  // The year the text speaks of most (plans name the next one, ranges the outline's span: the most frequent wins).
  const counts = new Map<number, number>();
  for (const p of e.paragraphs) {
    for (const m of p.matchAll(/(?<![\d—–~～-])(\d{4})\s*年(?![\d—–~～-])/g)) {
      const y = Number(m[1]);
      if (y >= 1990 && y <= 2200) counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  let best: [number, number] | null = null;
  for (const entry of counts) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  if (best && best[1] >= 2) {
    notes.push({ severity: 'warning', message: `标题和正文第一句都未写明报告年度，已按正文中出现最多的年份定为 ${best[0]} 年（出现 ${best[1]} 次），请核对。` });
    return best[0];
  }
  if (date) {
    const y = Math.min(2200, Math.max(1990, Number(date.slice(0, 4)) - 1));
    notes.push({ severity: 'warning', message: `文中未写明报告年度，已按成文日期（${date}）定为上一年 ${y} 年，请核对。` });
    return y;
  }
  if (e.defaultYear !== undefined) {
    const y = Math.min(2200, Math.max(1990, e.defaultYear));
    notes.push({ severity: 'warning', message: `文中未写明报告年度，已沿用当前报告的年度 ${y} 年，请核对。` });
    return y;
  }
  const y = Math.min(2200, Math.max(1990, e.thisYear - 1));
  notes.push({ severity: 'warning', message: `文中未写明报告年度，也没有可参考的日期，已暂定为去年（${y} 年），请在“报告信息”中核对。` });
  return y;
}

/**
 * The 成文日期 and where it came from: the document's own (成文日期, the date under the signature or the title), else
 * the web page's 发布/更新时间 — which only says when the page was published, so the model records that (`dateSource`).
 */
function resolveDate(e: MetaEvidence, notes: ImportNote[]): { date: string; source?: DateSource } {
  const page = e.page ?? new Map<string, string>();
  const candidates: [label: string, value: string, source?: DateSource][] = [
    ['成文日期', page.get('成文日期') ?? page.get('成文时间') ?? ''],
    ['落款日期', e.signatureDate],
    ['标题下的日期', e.headerDate],
    ['发文日期', page.get('发文日期') ?? ''],
    // The date a disclosure platform gives the document itself (公文生成日期), not the page.
    ['公文生成日期', page.get('公文生成日期') ?? page.get('生成日期') ?? ''],
    ['发布日期', page.get('发布日期') ?? '', 'published'],
    ['发布时间', page.get('发布时间') ?? '', 'published'],
    ['更新时间', page.get('更新时间') ?? page.get('更新日期') ?? '', 'updated'],
  ];
  for (const [label, value, source] of candidates) {
    const iso = value ? parseDateText(value) : '';
    if (!iso) continue;
    if (source) notes.push({ severity: 'info', message: `未注明成文日期，已取网页的“${label}”${iso}作为成文日期，请核对（网页的${label}只说明何时发布，不一定是成文日期）。` });
    return source ? { date: iso, source } : { date: iso };
  }
  notes.push({ severity: 'info', message: '未找到成文日期，请在“报告信息”中填写。' });
  return { date: '' };
}

// The subject of a report's first sentence: `2024年，巫山县司法局坚持…`, `…领导下，某区市场监管局认真…`.
const OPENING_ORGAN_RE = new RegExp(
  `(?:^|[，,。；;])\\s*((?![我本全该各在])[\\u4e00-\\u9fa5（）()]{2,28}?(?:人民政府|政府|委员会|办公室|管理局|监管局|局|办事处|镇|乡))` +
  `(?=坚持|认真|深入|全面|始终|紧紧|紧扣|紧密|围绕|根据|按照|在|以|聚焦|立足|持续|扎实|着力|积极|不断|牢牢)`);

/** The organ a report's first sentence names as its subject, or ''. */
export function organOfOpening(paragraphs: readonly string[]): string {
  const first = paragraphs.find((p) => p.trim().length > 0) ?? '';
  const sentence = first.slice(0, Math.max(0, first.search(/[。！？]/)) || first.length);
  const m = OPENING_ORGAN_RE.exec(sentence);
  // 市政府 / 县政府 alone names no organ in particular (the report's own government, unnamed): not guessed.
  return m && m[1]!.length >= 3 && !/^(?:[省市县区乡镇]|本级)(?:人民)?政府$/.test(m[1]!) ? m[1]! : '';
}

/** The organ: the signature, else the organ the title names, else the page's 发布机构, else the first sentence's subject. */
function resolveOrgan(e: MetaEvidence, notes: ImportNote[]): string {
  const titleOrgan = organOfTitle(e.title);
  const publisher = e.page?.get('发布机构') ?? e.page?.get('发文机关') ?? e.page?.get('发文单位') ?? '';
  let organ = e.signature || (ORGAN_END_RE.test(titleOrgan) ? titleOrgan : publisher || titleOrgan);
  if (!organ) {
    organ = organOfOpening(e.paragraphs);
    if (organ) notes.push({ severity: 'info', message: `报告没有标题和署名，机关名称取自正文第一句：${organ}，请核对。` });
  }
  if (!organ) notes.push({ severity: 'warning', message: '未能识别报告机关名称，请在“报告信息”中填写。' });
  return organ;
}

/** Year, organ and 成文日期 of an imported report, each with a note when it was not plainly written. */
export function resolveMeta(e: MetaEvidence): ResolvedMeta {
  const notes: ImportNote[] = [];
  const { date, source } = resolveDate(e, notes);
  const year = resolveYear(e, date, notes);
  const organ = resolveOrgan(e, notes);
  return source ? { year, organ, date, dateSource: source, notes } : { year, organ, date, notes };
}

/** The base name of a file (no folder, no extension), a title of last resort when it names a report. */
export function titleFromFileName(fileName: string | undefined): string {
  const base = (fileName ?? '').replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return /报告/.test(base) ? base : '';
}
