// Punctuation rules (shared, pure), after GB/T 15834-2011: half-width marks in Chinese text, doubled or clashing
// marks, unbalanced pairs and nested titles, titles in << >>, quotes the wrong way round, typed dashes, 顿号 misuse,
// range marks, ellipsis forms and the 间隔号 of month-day names.
import type { BlockRule, RawFinding } from '../types';
import { at, HAN_CLASS, isChineseContext, isHanCode, matches, q, wordsAround } from '../text';

// ----- half-width marks -------------------------------------------------------------------------------------------

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const HAS_HAN = new RegExp(`[${HAN_CLASS}]`);
const HAN_GLOBAL = new RegExp(`[${HAN_CLASS}]`, 'g');
const HALF_MARK_CODES = new Set([0x2c, 0x3b, 0x3a, 0x3f, 0x21, 0x28, 0x29, 0x22]);

function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Previous / next character that is not a space. */
function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || c === 0x0a || c === 0x0d;
}
function prevNonSpace(text: string, i: number): string | undefined {
  for (let k = i - 1; k >= 0; k--) if (!isSpaceCode(text.charCodeAt(k))) return text[k];
  return undefined;
}
function nextNonSpace(text: string, i: number): string | undefined {
  for (let k = i + 1; k < text.length; k++) if (!isSpaceCode(text.charCodeAt(k))) return text[k];
  return undefined;
}

/**
 * Positions of half-width marks that stand in Chinese text, with their full-width replacement. A mark counts when a
 * neighbour is a Chinese character or full-width mark; a comma or colon between digits (1,000; 10:30) does not;
 * parentheses and straight quotes are converted as pairs.
 */
export function halfWidthMarks(text: string): Array<{ index: number; full: string }> {
  const found = new Map<number, string>();
  const parenStack: number[] = [];
  const parenPairs: Array<[number, number]> = [];
  const quotes: number[] = [];
  const near = (i: number): boolean => isChineseContext(prevNonSpace(text, i)) || isChineseContext(nextNonSpace(text, i));
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // , ; : ? ! ( ) "
    if (c !== 0x2c && c !== 0x3b && c !== 0x3a && c !== 0x3f && c !== 0x21 && c !== 0x28 && c !== 0x29 && c !== 0x22) continue;
    if (c === 0x28) { parenStack.push(i); continue; }
    if (c === 0x29) {
      const open = parenStack.pop();
      if (open !== undefined) parenPairs.push([open, i]);
      else if (near(i)) found.set(i, '）');
      continue;
    }
    if (c === 0x22) { quotes.push(i); continue; }
    if ((c === 0x2c || c === 0x3a) && isAsciiDigit(text[i - 1]) && isAsciiDigit(text[i + 1])) continue;
    if (near(i)) found.set(i, HALF_TO_FULL[text[i]!]!);
  }
  for (const open of parenStack) if (near(open)) found.set(open, '（');
  for (const [open, close] of parenPairs) {
    if (isChineseContext(prevNonSpace(text, open)) || isChineseContext(nextNonSpace(text, close)) || HAS_HAN.test(text.slice(open + 1, close))) {
      found.set(open, '（');
      found.set(close, '）');
    }
  }
  // Straight double quotes: convert in pairs (open, close) when the quoted stretch touches Chinese text.
  for (let k = 0; k + 1 < quotes.length; k += 2) {
    const a = quotes[k]!;
    const b = quotes[k + 1]!;
    if (HAS_HAN.test(text.slice(a + 1, b)) || isChineseContext(prevNonSpace(text, a)) || isChineseContext(nextNonSpace(text, b))) {
      found.set(a, '“');
      found.set(b, '”');
    }
  }
  return [...found.entries()].sort((x, y) => x[0] - y[0]).map(([index, full]) => ({ index, full }));
}

export const halfWidth: BlockRule = {
  id: 'punct.halfwidth',
  category: 'punctuation',
  severity: 'error',
  title: '中文行文中的半角标点',
  scope: 'block',
  check(unit) {
    if (!/[,;:?!()"]/.test(unit.text)) return [];
    let marks = halfWidthMarks(unit.text);
    if (marks.length === 0) return [];
    // Converting a mark can put a half-width neighbour into Chinese context ("?!" → "？!"): take those in too, so
    // the fix leaves nothing this rule would report again. Replacements keep the length, so indices stay valid.
    // Only needed when some half-width mark was left as it is (1,000; a lone straight quote): usually none is.
    let total = 0;
    for (let i = 0; i < unit.text.length; i++) if (HALF_MARK_CODES.has(unit.text.charCodeAt(i))) total++;
    while (total > marks.length) {
      const units = unit.text.split('');
      for (const { index, full } of marks) units[index] = full;
      const more = halfWidthMarks(units.join(''));
      if (more.length === 0) break;
      marks = [...marks, ...more].sort((x, y) => x.index - y.index);
    }
    const start = marks[0]!.index;
    const end = marks[marks.length - 1]!.index + 1;
    let fix = '';
    let pos = start;
    for (const { index, full } of marks) { fix += unit.text.slice(pos, index) + full; pos = index + 1; }
    const kinds = [...new Set(marks.map((m) => unit.text[m.index]))].join(' ');
    return [at(unit, start, end, `本段有${marks.length}处半角标点（${kinds}），中文行文应使用全角标点。可一键改为全角，也可在全文范围内统一修正。`, fix)];
  },
};

// ----- doubled and clashing marks ---------------------------------------------------------------------------------

const RANK: Record<string, number> = { '。': 5, '？': 5, '！': 5, '；': 4, '：': 3, '，': 2, '、': 1 };
const TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '.': '。' };
// A run of two or more sentence-internal or final marks, taken whole (so that its fix leaves no run behind);
// runs of ? and ! alone (？！) and "……" are legitimate and excluded.
const DOUBLED = /[，。、；：,;:？！?!]{2,}/g;
const QUERY_EXCLAIM_ONLY = /^[？！?!]+$/;

export const doubled: BlockRule = {
  id: 'punct.doubled',
  category: 'punctuation',
  severity: 'error',
  title: '标点重复或连用',
  scope: 'block',
  check(unit) {
    const out: RawFinding[] = [];
    for (const m of matches(DOUBLED, unit.text)) {
      const run = m[0];
      if (QUERY_EXCLAIM_ONLY.test(run)) continue;
      const full = [...run].map((c) => TO_FULL[c] ?? c);
      // Keep the strongest mark of the run (a 顿号 before a full stop goes, a doubled comma becomes one).
      const keep = full.reduce((best, c) => ((RANK[c] ?? 0) > (RANK[best] ?? 0) ? c : best), full[0]!);
      const same = new Set(full).size === 1;
      const message = same ? `标点${q(run)}重复，应只保留一个。` : `标点${q(run)}连用，应只保留“${keep}”。`;
      out.push(at(unit, m.index, m.index + run.length, message, keep));
    }
    return out;
  },
};

// ----- paired marks -----------------------------------------------------------------------------------------------

// Opening and closing marks → pair index; half- and full-width parentheses count as one kind.
const PAIR_NAMES = ['引号', '单引号', '书名号', '书名号', '括号', '方头括号'];
const OPENS: Record<string, number> = { '“': 0, '‘': 1, '《': 2, '〈': 3, '（': 4, '(': 4, '【': 5 };
const CLOSES: Record<string, number> = { '”': 0, '’': 1, '》': 2, '〉': 3, '）': 4, ')': 4, '】': 5 };
const ANY_PAIR_MARK = /[“”‘’《》〈〉（）()【】]/;
const PAIR_MARKS = /[“”‘’《》〈〉（）()【】]/g;

// 《…<…>…》 or 《…＜…＞…》: group 1 is the text up to the inner opening bracket, group 2 the inner title.
const ANGLED_INNER_TITLE = /(《[^《》<>＜＞]*)[<＜]([^《》<>＜＞]+)[>＞](?=[^《》<>＜＞]*》)/g;

export const unbalanced: BlockRule = {
  id: 'punct.unbalanced',
  category: 'punctuation',
  severity: 'error',
  title: '成对标点不配对',
  scope: 'block',
  check(unit) {
    const text = unit.text;
    if (!ANY_PAIR_MARK.test(text)) return [];
    const out: RawFinding[] = [];
    const stacks: number[][] = [[], [], [], [], [], []];
    // Quotes typed the wrong way round are punct.quotes' business: their pairs are not reported here as well.
    const skipQuotes = quoteDirectionFixes(text).length > 0;
    let innerOpen = -1; // a 《 opened inside another 《
    for (const m of matches(PAIR_MARKS, text)) {
      const i = m.index;
      const ch = m[0];
      if (skipQuotes && (ch === '“' || ch === '”')) continue;
      const o = OPENS[ch];
      if (o !== undefined) {
        if (o === 2 && stacks[2]!.length === 1) innerOpen = i;
        stacks[o]!.push(i);
        continue;
      }
      const c = CLOSES[ch];
      if (c === undefined) continue;
      if (c === 2 && stacks[2]!.length === 2 && innerOpen >= 0) {
        // A title inside a title uses 〈〉.
        out.push({ ...at(unit, innerOpen, i + 1, '书名号内再用书名号时，里面一层应改用单书名号〈〉。', `〈${text.slice(innerOpen + 1, i)}〉`), rule: 'punct.nested-title', severity: 'warning' });
        innerOpen = -1;
      }
      if (stacks[c]!.length > 0) stacks[c]!.pop();
      else out.push(at(unit, i, i + 1, `${PAIR_NAMES[c]}不配对：${q(ch)}前面缺少对应的前${PAIR_NAMES[c]}。`));
    }
    stacks.forEach((stack, k) => {
      for (const i of stack) out.push(at(unit, i, i + 1, `${PAIR_NAMES[k]}不配对：${q(text[i]!)}后面缺少对应的后${PAIR_NAMES[k]}。`));
    });
    // Angle brackets typed for the inner title (《关于贯彻<实施纲要>的意见》, ＜…＞).
    if (text.includes('《')) {
      for (const m of matches(ANGLED_INNER_TITLE, text)) {
        const open = m.index + m[1]!.length;
        const close = open + 1 + m[2]!.length;
        out.push({ ...at(unit, open, close + 1, `书名号内的书名号应改用单书名号〈〉，不用${q(text[open]! + text[close]!)}。`, `〈${m[2]}〉`), rule: 'punct.nested-title', severity: 'warning' });
      }
    }
    return out.sort((x, y) => x.start - y.start);
  },
};

// ----- title marks typed with angle brackets ----------------------------------------------------------------------

const TYPED_TITLE = /(?:<<|＜＜|«)([^<>＜＞«»《》\n]{1,80}?)(?:>>|＞＞|»)/g;

export const typedTitle: BlockRule = {
  id: 'punct.title-marks',
  category: 'punctuation',
  severity: 'error',
  title: '书名号误用<<>>',
  scope: 'block',
  check(unit) {
    const text = unit.text;
    if (!/<<|＜＜|«/.test(text)) return [];
    const out: RawFinding[] = [];
    for (const m of matches(TYPED_TITLE, text)) {
      // A title: at least two Chinese characters and no space at either end (not a<<2 与 b>>3 in code).
      const inner = m[1]!;
      if (/^\s|\s$/.test(inner) || (inner.match(HAN_GLOBAL) ?? []).length < 2) continue;
      out.push(at(unit, m.index, m.index + m[0].length, `书名号应写作“《》”，不用尖括号：《${m[1]}》。`, `《${m[1]}》`));
    }
    return out;
  },
};

// ----- quote direction ---------------------------------------------------------------------------------------------

/**
 * Double quotes typed the wrong way round (”法治“, “法治“, ”法治”), as the marks to put at given offsets. Only when the
 * quotes do not pair as written and pair once they alternate “ ” “ ”: an odd number (a quotation running over several
 * paragraphs, a mark missing) is left to the pairing check.
 */
export function quoteDirectionFixes(text: string): Array<{ index: number; mark: '“' | '”' }> {
  const marks: number[] = [];
  let depth = 0;
  let paired = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '“' && ch !== '”') continue;
    marks.push(i);
    depth += ch === '“' ? 1 : -1;
    if (depth < 0) paired = false;
  }
  if (marks.length % 2 !== 0 || (paired && depth === 0)) return [];
  const out: Array<{ index: number; mark: '“' | '”' }> = [];
  marks.forEach((i, k) => {
    const want = k % 2 === 0 ? '“' : '”';
    if (text[i] !== want) out.push({ index: i, mark: want });
  });
  return out;
}

export const quotes: BlockRule = {
  id: 'punct.quotes',
  category: 'punctuation',
  severity: 'error',
  title: '引号方向颠倒',
  scope: 'block',
  check(unit) {
    const text = unit.text;
    if (!text.includes('”') && !text.includes('“')) return [];
    const fixes = quoteDirectionFixes(text);
    if (fixes.length === 0) return [];
    // One finding per quoted stretch that holds a wrong mark, its fix the stretch with both marks right.
    const marks = [...text.matchAll(/[“”]/g)].map((m) => m.index);
    const wrong = new Set(fixes.map((f) => f.index));
    const out: RawFinding[] = [];
    for (let k = 0; k + 1 < marks.length; k += 2) {
      const a = marks[k]!;
      const b = marks[k + 1]!;
      if (!wrong.has(a) && !wrong.has(b)) continue;
      const inner = text.slice(a + 1, b);
      out.push(at(unit, a, b + 1, `引号方向不对，应写作“${q(inner).slice(1, -1)}”。`, `“${inner}”`));
    }
    return out;
  },
};

// ----- dashes -------------------------------------------------------------------------------------------------------

// Runs of hyphens, minus signs, en and em dashes: two or more of them other than —— were typed for a 破折号, and so
// was a single one between two clauses.
const TYPED_DASH = /[-－–—]+/g;
/** Four or more marks in a row are a separator line or a leader, not a dash. */
const MAX_DASH = 3;
/** A single hyphen stands for a 破折号 only between runs this long (联合深圳-江门高新 is a connector of two names). */
const CLAUSE_RUN = 5;

/** Length of the run of Chinese characters ending before `i` (direction -1) or starting at `i` (direction 1). */
function hanRun(text: string, i: number, direction: 1 | -1): number {
  let n = 0;
  for (let k = direction === 1 ? i : i - 1; k >= 0 && k < text.length && isHanCode(text.charCodeAt(k)); k += direction) n++;
  return n;
}

export const dash: BlockRule = {
  id: 'punct.dash',
  category: 'punctuation',
  severity: 'error',
  title: '破折号的写法（——）',
  scope: 'block',
  check(unit) {
    const text = unit.text;
    if (!/[-－–—]/.test(text)) return [];
    const out: RawFinding[] = [];
    for (const m of matches(TYPED_DASH, text)) {
      const a = m.index;
      const b = a + m[0].length;
      const before = text[a - 1];
      const after = text[b];
      if (m[0].length > MAX_DASH || m[0] === '——' || m[0] === '———') continue;
      if (m[0].length >= 2) {
        // -- or －－ in Chinese text; between digits it is a range (the range rule's), in Latin text not ours.
        if (!isChineseContext(prevNonSpace(text, a)) && !isChineseContext(nextNonSpace(text, b - 1))) continue;
        if (isAsciiDigit(prevNonSpace(text, a)) && isAsciiDigit(nextNonSpace(text, b - 1))) continue;
        out.push(at(unit, a, b, `破折号应写作“——”，不写作${q(m[0])}。`, '——'));
        continue;
      }
      // A single hyphen or 一字线 between Chinese words: a connector of short items (市-县-镇-村, 深圳—江门工作站) is
      // left as it is; between two clauses (坚持一个中心-建设法治政府示范市) it stands for a 破折号.
      if (!isHanCode(before?.charCodeAt(0) ?? 0) || !isHanCode(after?.charCodeAt(0) ?? 0)) continue;
      const left = hanRun(text, a, -1);
      const right = hanRun(text, b, 1);
      if (left < CLAUSE_RUN || right < CLAUSE_RUN) continue;
      if (/[-－–—]/.test(text[a - left - 1] ?? '') || /[-－–—]/.test(text[b + right] ?? '')) continue;
      // A title is written as it was published (《政务智库报告—数字政府观察》).
      if (text.lastIndexOf('《', a) > text.lastIndexOf('》', a)) continue;
      out.push({ ...at(unit, a, b, `两个分句之间的${q(m[0])}应为破折号“——”。`, '——'), severity: 'warning' });
    }
    return out;
  },
};

// ----- 顿号 ---------------------------------------------------------------------------------------------------------

const DUNHAO_TITLES = /》、(?=《)/g;
const DUNHAO_QUOTES = /”、(?=“)/g;
const DUNHAO_CONJ = /、(?=(和|及|与|或|以及|或者|及其))/g;
// Words that begin with a conjunction character but are not one (the segmenter sometimes splits them).
const NOT_CONJ = /^(?:与会|及时|及早|及格|和谐|和平|和美|和睦|和解|或许|与其|与时)/;
// 与/和 as a preposition opening the next item (、与群众利益密切相关的事项, 、和发展要求相适应的制度): the relation word
// closes it before the next mark, and the 顿号 before it separates items as it should.
const PREPOSITION_ITEM = /^[^，。；：、！？]{1,24}?(?:相关|有关|相适应|相结合|相衔接|相协调|相匹配|相符|相统一|挂钩|一致|同步|对接|衔接|相比|配套)的/;

/**
 * Whether the quoted items joined by the 顿号 at `i` are followed by a word they describe (“甲”、“乙”数字文创,
 * “三项制度”、“双随机、一公开”监管): the 顿号 then shows that the items are parallel and must stay.
 */
function describedAfterQuotes(text: string, i: number): boolean {
  let k = i;
  for (;;) {
    const link = /^(?:、|和|及|与|以及|或)“/.exec(text.slice(k, k + 3));
    if (!link) break;
    const close = text.indexOf('”', k + link[0].length);
    if (close < 0) return false;
    k = close + 1;
  }
  const next = text[k];
  return next !== undefined && isHanCode(next.charCodeAt(0)) && next !== '等';
}

export const dunhao: BlockRule = {
  id: 'punct.dunhao',
  category: 'punctuation',
  severity: 'error',
  title: '顿号误用（书名号、引号之间，和/及/与/或之前）',
  scope: 'block',
  check(unit) {
    const text = unit.text;
    if (!text.includes('、')) return [];
    const out: RawFinding[] = [];
    for (const m of matches(DUNHAO_TITLES, text)) {
      out.push(at(unit, m.index, m.index + 2, '并列的书名号之间通常不用顿号，应删去“、”。', '》'));
    }
    for (const m of matches(DUNHAO_QUOTES, text)) {
      if (describedAfterQuotes(text, m.index + 1)) continue;
      out.push({ ...at(unit, m.index, m.index + 2, '并列的引号之间通常不用顿号，宜删去“、”（引号后紧接所修饰的词语时须保留）。', '”'), severity: 'warning' });
    }
    for (const m of matches(DUNHAO_CONJ, text)) {
      // Only when the segmenter sees the conjunction as a word of its own: not 及时, 和谐, 与会, 或许.
      const words = wordsAround(text, m.index + 1, m.index + 3);
      const w = words.find((x) => x.start === m.index + 1);
      if (!w || !['和', '及', '与', '或', '以及', '或者', '及其'].includes(w.word)) continue;
      if (NOT_CONJ.test(text.slice(m.index + 1, m.index + 3))) continue;
      if ((w.word === '与' || w.word === '和') && PREPOSITION_ITEM.test(text.slice(m.index + 2))) continue;
      out.push(at(unit, m.index, m.index + 1 + w.word.length, `“${w.word}”前不用顿号，应删去“、”。`, w.word));
    }
    return out;
  },
};

// ----- ranges -------------------------------------------------------------------------------------------------------

// Year ranges with a hyphen, en dash or tilde (2021-2025年, (2023-2024)): GB/T 15834 uses the 一字线 for time.
const YEAR_RANGE = /(?<![\d.\-—])((?:19|20)\d{2})(年?)\s*([-－–~～])\s*((?:19|20)\d{2})(?![\d\-])/g;
// Number ranges: 25-30人, 15～30% (the unit must be on both ends).
const TIME_AFTER = /^(?:月|日|号|时|点|周|季度|年|世纪|届|期|批|次|轮|章|条|款|项|版)/;
const NUMBER_RANGE = /(?<![\d.\-A-Za-z])(\d+(?:\.\d+)?)(%|万|亿)?([-－–~～])(\d+(?:\.\d+)?)(%|万|亿)?(?=[\u4e00-\u9fff%，。；、）)]|$)/g;

export const range: BlockRule = {
  id: 'punct.range',
  category: 'punctuation',
  severity: 'warning',
  title: '起止范围的连接号',
  scope: 'block',
  check(unit) {
    const text = unit.text;
    if (!/\d[-－–~～]/.test(text) && !/\d\s+[-－–~～]/.test(text)) return [];
    const out: RawFinding[] = [];
    const covered: Array<[number, number]> = [];
    for (const m of matches(YEAR_RANGE, text)) {
      const from = Number(m[1]);
      const to = Number(m[4]);
      if (to <= from || to - from > 30) continue;
      // A date such as 2025-11-20 is not a range.
      const afterTo = text.slice(m.index + m[0].length);
      if (/^[-－]\d/.test(afterTo)) continue;
      const end = m.index + m[0].length;
      out.push(at(unit, m.index, end, `表示年份起止应使用一字线“—”：${m[1]}${m[2]}—${m[4]}。`, `${m[1]}${m[2]}—${m[4]}`));
      covered.push([m.index, end]);
    }
    for (const m of matches(NUMBER_RANGE, text)) {
      if (covered.some(([a, b]) => m.index < b && m.index + m[0].length > a)) continue;
      const [, a, unitA, sep, b, unitB] = m;
      const from = Number(a);
      const to = Number(b);
      if (!(to > from)) continue;
      if (/^0\d/.test(a!) || /^0\d/.test(b!)) continue; // phone numbers and codes
      // Preceded by Chinese text (not a code like 粤ICP备…): the range is part of a sentence.
      const prev = text[m.index - 1];
      if (prev !== undefined && !isChineseContext(prev) && !/[\s约为达近超]/.test(prev)) continue;
      const u = unitB ?? unitA ?? '';
      // Time and ordinal ranges (1-9月, 第1-3批) take the 一字线 instead.
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
      if (!u && (TIME_AFTER.test(after) || prev === '第')) {
        if (sep !== '—') out.push(at(unit, m.index, m.index + m[0].length, `表示时间或序号的起止应使用一字线“—”：${a}—${b}。`, `${a}—${b}`));
        continue;
      }
      const fixed = `${a}${u}～${b}${u}`;
      if (sep === '～' && (unitA ?? '') === (unitB ?? '')) continue; // already right
      if (sep === '～' || sep === '~') {
        if ((unitA ?? '') === (unitB ?? '') && sep === '~') {
          out.push(at(unit, m.index, m.index + m[0].length, `数值范围应使用浪纹线“～”：${fixed}。`, fixed));
        } else if ((unitA ?? '') !== (unitB ?? '')) {
          out.push(at(unit, m.index, m.index + m[0].length, `数值范围两端的“${u}”都应写出：${fixed}。`, fixed));
        }
        continue;
      }
      out.push(at(unit, m.index, m.index + m[0].length, `数值范围应使用浪纹线“～”${u ? `，两端都写“${u}”` : ''}：${fixed}。`, fixed));
    }
    return out;
  },
};

// ----- ellipsis -----------------------------------------------------------------------------------------------------

const WRONG_ELLIPSIS = /。{3,}|\.{3,}|·{3,}|⋯+|…+/g;
const ELLIPSIS_DENG = /……(?=等)/g;

export const ellipsis: BlockRule = {
  id: 'punct.ellipsis',
  category: 'punctuation',
  severity: 'error',
  title: '省略号的写法',
  scope: 'block',
  check(unit) {
    const text = unit.text;
    if (!/[.。…·⋯]{2,}|…/.test(text)) return [];
    const out: RawFinding[] = [];
    for (const m of matches(WRONG_ELLIPSIS, text)) {
      if (/^…+$/.test(m[0]) && m[0].length % 2 === 0) continue; // …… (and …………… for omitted paragraphs)
      out.push(at(unit, m.index, m.index + m[0].length, `省略号应写作“……”（两个三连点），不写作${q(m[0])}。`, '……'));
    }
    for (const m of matches(ELLIPSIS_DENG, text)) {
      out.push(at(unit, m.index, m.index + 3, '省略号后不再用“等”，二者只留其一。', '等'));
    }
    return out;
  },
};

// ----- 间隔号 in month-day names ----------------------------------------------------------------------------------

const MONTH_DAY_NAME = /“(1[0-2]|[1-9])[.．・•](3[01]|[12]\d|[1-9])”/g;

export const interpunct: BlockRule = {
  id: 'punct.interpunct',
  category: 'punctuation',
  severity: 'warning',
  title: '月日简称的间隔号',
  scope: 'block',
  check(unit) {
    const out: RawFinding[] = [];
    for (const m of matches(MONTH_DAY_NAME, unit.text)) {
      out.push(at(unit, m.index, m.index + m[0].length, `以月日简称事件时用间隔号“·”：“${m[1]}·${m[2]}”。`, `“${m[1]}·${m[2]}”`));
    }
    return out;
  },
};

export const PUNCTUATION_RULES: BlockRule[] = [halfWidth, doubled, unbalanced, typedTitle, quotes, dash, dunhao, range, ellipsis, interpunct];

