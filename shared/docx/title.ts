// How a report title is set over lines (shared, pure; the exporter and the editor use it): GB/T 9704 §7.3.3 asks
// that a title broken over lines keep words whole, stand symmetric and have lines of suitable length, set as a
// trapezoid or a lozenge. Here: never a line of one or two characters, never a break inside a word or inside the
// organ's name when the name fits on a line, and the best-balanced inverted trapezoid or lozenge.
import { PAGE, SIZE } from './layout';

/**
 * The widest a glyph of the title can be, in em of the 2号 (22 pt) title, over the fonts a reader may draw it
 * in: 方正小标宋简体 and its fallbacks 华文中宋 / 宋体 (digits and Latin half an em) and LibreOffice's Noto Serif CJK
 * Bold (digits about 0.55 em). Chinese characters and full-width marks are one em in all of them.
 */
function titleGlyphWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c === 0x20) return 0.35;
  if (c >= 0x30 && c <= 0x39) return 0.6;
  if (c < 0x7f) return 0.7;
  if (c >= 0xff61 && c <= 0xff9f) return 0.6; // half-width katakana forms
  return 1;
}

export function titleWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += titleGlyphWidth(ch);
  return w;
}

/**
 * Em that fit on one title line: the 156 mm type area holds 8845 / 440 = 20.1 em of 22 pt characters (titles are
 * not condensed); a tenth of an em is left for the reader's rounding, so 20 full-width characters still fit.
 */
export const TITLE_LINE_EM = Math.floor((PAGE.typeWidth / (SIZE.title * 10)) * 10) / 10 - 0.1;

/** Where the organ's name may break when it does not fit on a line: after an administrative unit. */
const UNIT_END = /[省市州盟县旗区镇乡道委府会室处局厅署院心部组]/;
const LOCALITY = /[省市州县区镇乡]/;
/** The head word of a name (委员会 of 全面依法治区委员会, 办公室 of 委员会办公室): never the start of a line. */
const UNIT_HEAD = /^(?:委员会|办公室|人民政府|政府|办事处|管理局|局|委|党组|工作组|领导小组)/;
/** Words of report titles that a break must never split (the word segmenter cuts some of them). */
const WORDS = ['法治政府建设', '法治政府', '法治建设', '法治社会', '法治乡村', '依法治国', '依法行政', '全面依法治', '年度', '工作', '情况', '报告', '关于', '下一步', '打算', '述职', '述法'];
/** Marks that may not start a line, and those that may not end one. */
const NO_LINE_START = /[、，。；：！？）》」』”’〕】…—·%]/;
const NO_LINE_END = /[（《「『“‘〔【]/;

interface BreakPoint {
  at: number;
  /** Negative: a good place (before 关于, after the organ); positive: acceptable but worse. */
  cost: number;
}

/** The span of the organ's name in the title: the text before 关于, or before the year when there is no 关于. */
function organSpans(text: string): [number, number][] {
  let end = text.indexOf('关于');
  if (end <= 0) {
    const year = /(?:19|20|21)\d\d年/.exec(text);
    end = year && year.index > 0 ? year.index : -1;
  }
  if (end <= 0) return [];
  // Joint titles name two organs separated by a space: each is a name of its own.
  const spans: [number, number][] = [];
  let start = 0;
  for (const m of text.slice(0, end).matchAll(/\s+/g)) {
    if (m.index > start) spans.push([start, m.index]);
    start = m.index + m[0].length;
  }
  if (end > start) spans.push([start, end]);
  return spans;
}

function breakPoints(text: string): BreakPoint[] {
  const boundaries = new Set<number>();
  for (const seg of new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)) boundaries.add(seg.index);
  const protectedAt = new Set<number>();
  for (const word of WORDS) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      for (let k = i + 1; k < i + word.length; k++) protectedAt.add(k);
    }
  }
  const organs = organSpans(text);
  const points: BreakPoint[] = [];
  for (let at = 1; at < text.length; at++) {
    const before = text[at - 1]!;
    const after = text[at]!;
    if (/\s/.test(before) && !/\s/.test(after)) {
      points.push({ at, cost: -4 });
      continue;
    }
    if (/\s/.test(before) || /\s/.test(after)) continue;
    if (!boundaries.has(at) || protectedAt.has(at)) continue;
    if (NO_LINE_START.test(after) || NO_LINE_END.test(before)) continue;
    // 2025年度, 2025年: the number stays with its unit; Latin words stay whole.
    if (/[0-9A-Za-z]/.test(before) && /[0-9A-Za-z年月日度期届号]/.test(after)) continue;
    if (text.startsWith('关于', at - 2)) continue; // 关于 never ends a line: its object follows
    const inside = organs.find(([s, e]) => at > s && at < e);
    if (inside) {
      const [s, e] = inside;
      if (titleWidth(text.slice(s, e)) <= TITLE_LINE_EM) continue;
      if (!UNIT_END.test(before)) continue;
      if (LOCALITY.test(before) && after === '委' && text[at + 1] !== '员') continue; // 区委, 县委: one unit
      if (UNIT_HEAD.test(text.slice(at))) continue; // 依法治区|委员会, 委员会|办公室: the head stays with its name
      points.push({ at, cost: 1 });
      continue;
    }
    const organEnd = organs.some(([, e]) => e === at);
    const cost = text.startsWith('关于', at) || organEnd ? -3 : /^[及和与暨并]/.test(after) ? -1 : after === '的' ? 0.5 : 0;
    points.push({ at, cost });
  }
  return points;
}

/** The cost of a setting: balance, shape (inverted trapezoid or lozenge) and the breaks chosen. */
function settingCost(widths: number[], breakCost: number): number {
  const mean = widths.reduce((a, b) => a + b, 0) / widths.length;
  let cost = breakCost;
  for (const w of widths) cost += Math.abs(w - mean);
  const peak = widths.indexOf(Math.max(...widths));
  let fell = false;
  for (let i = 1; i < widths.length; i++) {
    const rise = widths[i]! - widths[i - 1]!;
    if (rise < -0.25) fell = true;
    if (rise <= 0.25) continue;
    // A rise is allowed only on the way up to the peak of a lozenge (never into the last line); an upright
    // trapezoid or a zigzag costs heavily.
    const lozenge = widths.length >= 3 && !fell && i <= peak && peak < widths.length - 1;
    cost += lozenge ? rise * 0.3 : 4 + rise * 1.5;
  }
  return cost;
}

const MIN_LINE_CHARS = 3;

/** The best setting of `text` on `lines` lines, or null when none keeps every rule. */
function bestSetting(text: string, points: BreakPoint[], lines: number, maxEm: number): { lines: string[]; cost: number } | null {
  let best: { lines: string[]; cost: number } | null = null;
  const chosen: BreakPoint[] = [];
  const search = (from: number, start: number): void => {
    if (chosen.length === lines - 1) {
      const cuts = [0, ...chosen.map((p) => p.at), text.length];
      const parts = cuts.slice(1).map((end, k) => text.slice(cuts[k], end).trim());
      if (parts.some((p) => [...p].length < MIN_LINE_CHARS || titleWidth(p) > maxEm)) return;
      const cost = settingCost(parts.map(titleWidth), chosen.reduce((a, p) => a + p.cost, 0));
      if (!best || cost < best.cost - 1e-9) best = { lines: parts, cost };
      return;
    }
    for (let k = from; k < points.length; k++) {
      const p = points[k]!;
      if (titleWidth(text.slice(start, p.at).trim()) > maxEm) break;
      chosen.push(p);
      search(k + 1, p.at);
      chosen.pop();
    }
  };
  search(0, 0);
  return best;
}

/** The lines the title is printed on. A title the user broke into lines keeps those lines. */
export function titleLines(title: string, maxEm: number = TITLE_LINE_EM): string[] {
  const own = title.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  if (own.length !== 1) return own;
  const text = own[0]!;
  if (titleWidth(text) <= maxEm) return [text];
  const points = breakPoints(text);
  const fewest = Math.ceil(titleWidth(text) / maxEm);
  // One line more than the fewest is tried too: it wins when it is much better balanced; more lines cost 6 each.
  let best: { lines: string[]; cost: number } | null = null;
  for (let lines = fewest; lines <= Math.min(fewest + 2, 6); lines++) {
    const s = bestSetting(text, points, lines, maxEm);
    if (s && (!best || s.cost + 6 * (lines - fewest) < best.cost)) best = { lines: s.lines, cost: s.cost + 6 * (lines - fewest) };
    if (best && lines > fewest) break;
  }
  return best ? best.lines : cutByWidth(text, maxEm);
}

/** A title without a break that keeps the rules (a long run of Latin text): cut by width. */
function cutByWidth(text: string, maxEm: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of text) {
    if (titleWidth(line + ch) > maxEm) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) out.push(line);
  return out;
}
