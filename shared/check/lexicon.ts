// How well a stretch of Chinese splits into words: the fewest stray characters it leaves (shared, pure). The rules use
// it to tell a slip (规范范性文件 leaves a stray 范) from two words that meet (学习|习近平, 中共滑县|县委).
import { OFFICIAL_WORDS } from './data/officialWords';
import { isHanCode, wordSegmenter } from './text';

/**
 * Characters that are words on their own in official writing: function words, pronouns, numerals, measure words,
 * places and organs (全县, 该局), a few nouns and adjectives. Any other character left alone by a split is a stray: a
 * bound part of a word (性, 范, 务) does not stand by itself. One-character verbs are left out on purpose: 检查查 and
 * 推推进 are slips, and a verb before a word that starts with the same character is rare.
 */
const FREE_CHARACTERS = new Set([...(
  '的地得了着过之所而且但则即既和与及或并把被对从向以为于由将等是有无不没也都又还就才再更最很太各每该其此这那哪谁' +
  '我你他她它您咱在到给让使比按据经自至共全本某另已曾正要会能可应须需必请如若因故虽' +
  '一二三四五六七八九十两零〇百千万亿第半几多少余近约超达占' +
  '个件项次人名家户处条款类种场期届年月日天时分秒元角亩吨米份张本篇台辆套座间栋层' +
  '上下中内外前后里旁东西南北' +
  '省市县区乡镇村州旗盟街局委厅办科室院站队校会社馆庭组部团' +
  '党国事钱水电路网门山河林田车书表图' +
  '大小新老好强快慢早晚长短高低'
)]);

/** The longest curated word, so that lookups stop early. */
const MAX_WORD = Math.max(...[...OFFICIAL_WORDS].map((w) => w.length));

export interface Split {
  /** Characters that belong to no word and are no word themselves. */
  strays: number;
  /** Number of pieces of the best split (fewer is better when the strays tie). */
  pieces: number;
  /** Start offsets of the pieces of one character (to see whether a given character was left alone). */
  singles: ReadonlySet<number>;
}

/**
 * The split of `text` into curated words, words of the ICU dictionary (as ICU finds them in this text) and single
 * characters that leaves the fewest strays, then the fewest pieces, then the longest words first. Meant for short
 * stretches (a clause or less).
 */
export function bestSplit(text: string): Split {
  const n = text.length;
  // Word ends reachable from each start: ICU's multi-character segments and every curated word found here.
  const ends: number[][] = Array.from({ length: n }, () => []);
  for (const s of wordSegmenter().segment(text)) {
    if (s.segment.length > 1 && isHanCode(s.segment.charCodeAt(0))) ends[s.index]!.push(s.index + s.segment.length);
  }
  for (let i = 0; i < n; i++) {
    for (let len = 2; len <= MAX_WORD && i + len <= n; len++) {
      if (OFFICIAL_WORDS.has(text.slice(i, i + len))) ends[i]!.push(i + len);
    }
  }
  // cost[i]: best (strays, pieces) for text[i..]; next[i]: where the first piece of that split ends.
  const strays = new Array<number>(n + 1).fill(0);
  const pieces = new Array<number>(n + 1).fill(0);
  const next = new Array<number>(n + 1).fill(n);
  for (let i = n - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    const stray = isHanCode(c) && !FREE_CHARACTERS.has(text[i]!) ? 1 : 0;
    let bestS = strays[i + 1]! + stray;
    let bestP = pieces[i + 1]! + 1;
    let bestE = i + 1;
    for (const e of ends[i]!) {
      const s = strays[e]!;
      const p = pieces[e]! + 1;
      // On a tie the longer first word wins: 事项|项 rather than 事|项项, 落实|实 rather than 落|实实.
      if (s < bestS || (s === bestS && (p < bestP || (p === bestP && e > bestE)))) { bestS = s; bestP = p; bestE = e; }
    }
    strays[i] = bestS;
    pieces[i] = bestP;
    next[i] = bestE;
  }
  const singles = new Set<number>();
  for (let i = 0; i < n; i = next[i]!) if (next[i] === i + 1) singles.add(i);
  return { strays: strays[0]!, pieces: pieces[0]!, singles };
}


/** Whether `w` is one word: a curated word or one the ICU dictionary holds. */
export function isWord(w: string): boolean {
  if (OFFICIAL_WORDS.has(w)) return true;
  const segments = [...wordSegmenter().segment(w)];
  return segments.length === 1 && w.length > 1;
}
