// Compared with last year (shared, pure): pairs each report with the same organ's previous report (full name or
// 简称, renamed organs by their text, a manual pairing over both), and measures how much of a report is last
// year's text: paragraphs copied unchanged or with only numbers or the year changed, and indicators whose value did
// not change. The marks per paragraph are what the report view shows.
import { extractStatements } from '../check/rules/figures';
import { blockText, type ReportDocument } from '../model/schema';
import { reportingOrgan } from '../check/rules/dates';

/** A paragraph's relation to last year's report. */
type CopyMark = 'same' | 'numbers';

export interface ParagraphMark {
  /** Body index of the paragraph in this year's report. */
  index: number;
  mark: CopyMark;
  /** The previous year's paragraph it matches. */
  previous: string;
}

export interface Comparison {
  /** Paragraphs counted (body paragraphs and table cells of some length). */
  paragraphs: number;
  same: number;
  numbersOnly: number;
  /** (same + numbersOnly) / paragraphs, 0 when there are none. */
  copiedShare: number;
  marks: ParagraphMark[];
  /** Indicators stated with the same value and unit in both years, e.g. `行政复议案件 18件`. */
  unchangedIndicators: string[];
}

/** Short paragraphs (a one-line heading-like sentence) tell nothing about copying. */
const MIN_PARAGRAPH = 20;

function normalize(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, '');
}

/** The text with every figure and year blanked: two paragraphs with the same skeleton differ only in numbers. */
export function skeleton(text: string): string {
  return normalize(text)
    .replace(/[0-9０-９]+(?:[.．][0-9０-９]+)?/g, '#')
    .replace(/[〇○零一二三四五六七八九]{4}(?=年)/g, '#');
}

interface Paragraph { index: number; text: string }

function paragraphsOf(doc: ReportDocument): Paragraph[] {
  const out: Paragraph[] = [];
  doc.body.forEach((b, index) => {
    if (b.type !== 'paragraph') return;
    const text = normalize(blockText(b));
    if (text.length >= MIN_PARAGRAPH) out.push({ index, text });
  });
  return out;
}

/** How far `current` copies `previous`. */
export function compareReports(current: ReportDocument, previous: ReportDocument): Comparison {
  const before = paragraphsOf(previous);
  const exact = new Map(before.map((p) => [p.text, p.text] as const));
  const shapes = new Map<string, string>();
  for (const p of before) if (!shapes.has(skeleton(p.text))) shapes.set(skeleton(p.text), p.text);
  const marks: ParagraphMark[] = [];
  let same = 0, numbersOnly = 0;
  const now = paragraphsOf(current);
  for (const p of now) {
    const hit = exact.get(p.text);
    if (hit !== undefined) {
      same++;
      marks.push({ index: p.index, mark: 'same', previous: hit });
      continue;
    }
    const shaped = shapes.get(skeleton(p.text));
    if (shaped !== undefined) {
      numbersOnly++;
      marks.push({ index: p.index, mark: 'numbers', previous: shaped });
    }
  }
  return {
    paragraphs: now.length,
    same,
    numbersOnly,
    copiedShare: now.length ? (same + numbersOnly) / now.length : 0,
    marks,
    unchangedIndicators: unchangedIndicators(current, previous),
  };
}

/** Indicator label → `value unit`, for labels stated once with one value in the report. */
function indicators(doc: ReportDocument): Map<string, string> {
  const seen = new Map<string, string | null>();
  for (const b of doc.body) {
    const texts = b.type === 'table' ? b.children.flatMap((r) => r.children.map((c) => c.children.map((l) => l.text).join(''))) : [blockText(b)];
    for (const text of texts) {
      for (const s of extractStatements(text)) {
        // A year is not an indicator (`2024年`): the unit list has no 年, but a bare `2024` before 件 would be odd.
        const value = `${s.value}${s.unitWord}`;
        const prior = seen.get(s.label);
        seen.set(s.label, prior === undefined || prior === value ? value : null);
      }
    }
  }
  const out = new Map<string, string>();
  for (const [label, value] of seen) if (value !== null) out.set(label, value);
  return out;
}

function unchangedIndicators(current: ReportDocument, previous: ReportDocument): string[] {
  const before = indicators(previous);
  const out: string[] = [];
  for (const [label, value] of indicators(current)) if (before.get(label) === value) out.push(`${label} ${value}`);
  return out;
}

// ---- pairing ---------------------------------------------------------------------------------------------------

/** An organ's name reduced to what identifies it: no spaces, no 中共 prefix of a joint name, no 办公室 suffix noise. */
function organKey(organ: string): string {
  return normalize(organ).replace(/^中共/, '').replace(/[（(][^）)]*[）)]/g, '');
}

/** `a` is `b` with characters dropped, in order (an abbreviation: 政数局 of 政务服务和数据管理局). */
function isSubsequence(a: string, b: string): boolean {
  let j = 0;
  for (let i = 0; i < b.length && j < a.length; i++) if (b[i] === a[j]) j++;
  return j === a.length;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

const PLACE = /^[\u4e00-\u9fff]{1,8}?(?:自治区|特别行政区|省|市|自治州|州|盟|地区|区|县|旗|镇|乡|街道)/;

/** The place an organ's name starts with (`江海区司法局` → `江海区`), or '' when it names none. */
function placeOf(organ: string): string {
  return PLACE.exec(organKey(organ))?.[0] ?? '';
}

/**
 * How alike two organ names are, 0 … 1: 1 the same, 0.9 one abbreviates the other (政数局 of 政务服务和数据管理局,
 * the name without its city), else the bigrams they share (Dice) — and 0 for two different places, since a county's
 * desk holds the same department of many places (江海区司法局, 蓬江区司法局).
 */
export function organSimilarity(a: string, b: string): number {
  const x = organKey(a), y = organKey(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const [s, l] = x.length <= y.length ? [x, y] : [y, x];
  if (s.length >= 3 && s[s.length - 1] === l[l.length - 1] && (s[0] === l[0] || l.includes(s.slice(0, 2))) && isSubsequence(s, l)) return 0.9;
  const p = placeOf(x), q = placeOf(y);
  if (p && q && p !== q) return 0;
  const A = bigrams(x), B = bigrams(y);
  let common = 0;
  for (const g of A) if (B.has(g)) common++;
  return A.size + B.size ? (2 * common) / (A.size + B.size) : 0;
}

/** The share of a report's paragraphs whose skeleton appears in the other: how a renamed organ is still recognised. */
function textOverlap(current: ReportDocument, previous: ReportDocument): number {
  const now = paragraphsOf(current);
  if (now.length === 0) return 0;
  const shapes = new Set(paragraphsOf(previous).map((p) => skeleton(p.text)));
  return now.filter((p) => shapes.has(skeleton(p.text))).length / now.length;
}

export interface PairInput {
  /** A stable key (the file's path relative to its folder). */
  key: string;
  doc: ReportDocument;
}

export type PairedBy = 'name' | 'abbreviation' | 'text' | 'manual';

export interface Pairing {
  current: string;
  previous: string;
  by: PairedBy;
}

/** Names at least this alike pair without further evidence (same place, a word of the organ changed). */
const NAME_THRESHOLD = 0.6;
/** Text overlap that pairs a renamed organ's report with last year's. */
const TEXT_THRESHOLD = 0.5;

/**
 * Pairs this year's reports with last year's, one to one: `manual` first (a previous key of null unpairs), then by
 * organ name (the most alike first), then — for a renamed organ — by shared text. Reports left over stay unpaired.
 * `yearBefore`: the previous reports span several years (an archive), so a report pairs only with one of the year
 * just before its own (a manual pairing may still choose any).
 */
export function pairReports(current: readonly PairInput[], previous: readonly PairInput[], manual: Readonly<Record<string, string | null>> = {}, yearBefore = false): Pairing[] {
  const fits = (c: PairInput, p: PairInput): boolean => !yearBefore || p.doc.meta.year === c.doc.meta.year - 1;
  const out: Pairing[] = [];
  const usedNow = new Set<string>();
  const usedBefore = new Set<string>();
  const keysBefore = new Set(previous.map((p) => p.key));
  for (const [now, before] of Object.entries(manual)) {
    if (!current.some((c) => c.key === now)) continue;
    usedNow.add(now);
    if (before !== null && keysBefore.has(before) && !usedBefore.has(before)) {
      usedBefore.add(before);
      out.push({ current: now, previous: before, by: 'manual' });
    }
  }
  const candidates: Array<{ now: string; before: string; score: number; by: PairedBy }> = [];
  for (const c of current) {
    if (usedNow.has(c.key)) continue;
    const organ = reportingOrgan(c.doc.meta);
    for (const p of previous) {
      if (usedBefore.has(p.key) || !fits(c, p)) continue;
      const score = organSimilarity(organ, reportingOrgan(p.doc.meta));
      if (score >= NAME_THRESHOLD) candidates.push({ now: c.key, before: p.key, score, by: score === 1 ? 'name' : 'abbreviation' });
    }
  }
  const take = (list: typeof candidates): void => {
    list.sort((a, b) => b.score - a.score || a.now.localeCompare(b.now) || a.before.localeCompare(b.before));
    for (const x of list) {
      if (usedNow.has(x.now) || usedBefore.has(x.before)) continue;
      usedNow.add(x.now);
      usedBefore.add(x.before);
      out.push({ current: x.now, previous: x.before, by: x.by });
    }
  };
  take(candidates);
  const byText: typeof candidates = [];
  for (const c of current) {
    if (usedNow.has(c.key)) continue;
    const place = placeOf(reportingOrgan(c.doc.meta));
    for (const p of previous) {
      if (usedBefore.has(p.key) || !fits(c, p)) continue;
      const other = placeOf(reportingOrgan(p.doc.meta));
      if (place && other && place !== other) continue;
      const score = textOverlap(c.doc, p.doc);
      if (score >= TEXT_THRESHOLD) byText.push({ now: c.key, before: p.key, score, by: 'text' });
    }
  }
  take(byText);
  return out;
}
