// Repeated characters and phrases (shared, pure). An accidental doubling (赴赴, 规范范性文件, 政务网络政务网络) is an
// error; reduplication (大大, 牢牢, 件件, 研究研究) and repeats across a word boundary (学习|习近平, 中共滑县|县委) are not.
// Candidates come from a cheap regex; only their surroundings go through the word split.
import type { BlockRule, RawFinding } from '../types';
import { bestSplit, isWord } from '../lexicon';
import { at, HAN_CLASS, isHanCode, matches, q, wordsAround } from '../text';

/** Characters that double legitimately even when the segmenter splits them (件件, 次次, 村村通, 谈谈, 稳稳…). */
const REDUPLICABLE = new Set([...(
  '大小多少高低长短好早快慢轻重深浅紧牢稳实细真常刚渐稍久默悄偏仅区平安明白清楚干净认扎踏兢业井勃欣滔茫洋匆频屡寥熙攘' +
  '源蒸历津念框循孜彬翩冉落朗堂赫谆侃绰飘蒙隆纷亭滚熊汹济啧喋嗷栩岌惴耿恋苦丝毫斑凛' +
  '年月日天人事件家户处时层步个样种条项次村点滴声句字回遍桩宗座台门科级环节张根心头面方星片批期周场所代班届单份行票笔' +
  '株棵颗粒块杯碗盘本册篇页首部封位名口双对副套组群队排列趟轮阵番' +
  '看试想听说谈走等问查管帮学议比讲练做写读算摸找聊尝瞧歇笑哈嘻呵嘿息' +
  '一两三五'
)]);

/** Two-character verbs whose ABAB reduplication is legitimate (研究研究, 讨论讨论). */
const ABAB_VERBS = new Set(['研究', '讨论', '宣传', '学习', '商量', '考虑', '了解', '检查', '交流', '锻炼', '休息', '活动', '总结', '整理', '琢磨', '比较', '介绍', '准备', '调查', '分析', '收拾', '打扫', '打听', '思考', '体验', '认识', '熟悉', '梳理', '盘点', '清理', '沟通', '协调', '商议', '议论', '合计', '溜达', '放松', '热闹', '高兴', '明白', '清楚']);

const DOUBLED_CHAR = new RegExp(`([${HAN_CLASS}])\\1`, 'g');

/** Longest repeat looked for: a clause pasted twice. */
const MAX_PHRASE = 48;
/** A repeat of this many Chinese characters or more is a paste done twice wherever it starts and ends. */
const UNALIGNED_MIN = 4;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || c === 0x0a || c === 0x0d;
}

/** A mark that ends a clause or an item of a list. */
const CLAUSE_MARK = /[，、；：。？！,;:?!]/;

/** A repeat holding a mark needs this many Chinese characters unless each copy ends a clause. */
const MARKED_MIN = 5;

/**
 * A repeat that holds a mark is a paste when it is long enough or each copy ends a clause (加强监督，加强监督，,
 * 情况报告。情况报告。): a list such as 江门日报、南方日报、南方都市报 repeats 日报、南方 without anyone pasting twice.
 */
function pasteWithMarks(text: string, a: number, mid: number, han: number): boolean {
  const p = text.slice(a, mid);
  if (!/[^\p{Script=Han}\d]/u.test(p) || han >= MARKED_MIN) return true;
  return CLAUSE_MARK.test(p[p.length - 1]!);
}

// Last position of each character pair (hashed), stamped with a per-call base so the table is never cleared.
const pairTable = new Int32Array(1 << 16);
let base = 1;

/**
 * Immediately repeated runs (`政务网络政务网络`, `加强执法监督，加强执法监督，`), in one pass: a repeat of length L shows
 * as a character pair seen again exactly L characters later, which a hashed table of last positions finds. Runs of
 * 2–3 characters are Chinese only; longer ones may hold marks and digits but need four Chinese characters.
 */
function doubledPhrases(text: string): Array<{ a: number; p: string; han: number }> {
  const out: Array<{ a: number; p: string; han: number }> = [];
  const n = text.length;
  if (n < 4) return out;
  if (base + n + 16 > 0x3fffffff) { pairTable.fill(0); base = 1; }
  const stamp = base;
  base += n + 16;
  let busyUntil = 0; // the end of the last repeat found: overlapping ones are the same repeat seen again
  let c0 = text.charCodeAt(0);
  for (let i = 0; i + 1 < n; i++) {
    const c1 = text.charCodeAt(i + 1);
    const h = (c0 * 31 + c1) & 0xffff;
    const seen = pairTable[h]!;
    pairTable[h] = stamp + i;
    const j = seen >= stamp ? seen - stamp : -1;
    const len = i - j;
    if (j >= 0 && len >= 2 && len <= MAX_PHRASE && j >= busyUntil && i + len <= n && isHanCode(c0)) {
      let k = 0;
      let han = 0;
      let same = true;
      while (k < len) {
        const c = text.charCodeAt(i + k);
        if (c !== text.charCodeAt(j + k) || isSpace(c)) break;
        if (isHanCode(c)) han++;
        else if (len < UNALIGNED_MIN) break;
        if (c !== c0) same = false;
        k++;
      }
      // A run of one character is the doubled-character check's business.
      if (k === len && !same && (len < UNALIGNED_MIN || (han >= UNALIGNED_MIN && pasteWithMarks(text, j, i, han)))) {
        out.push({ a: j, p: text.slice(j, i), han });
        busyUntil = i + len;
      }
    }
    c0 = c1;
  }
  return out;
}

/** Levels of place (滑县|县委, 蓝田县|县委, 津市|市): a doubling across a place name is never judged a slip. */
const PLACE_LEVELS = new Set([...'省市县区乡镇村州旗盟']);
/** An organ and its head, leaders or members (司法局|局长, 法院|院领导, 纪委|委员, 协会|会长): not a doubling either. */
const ORGAN_TITLE = /^(?:[局部处科所院站队校社馆庭组会厅行室股]长|[局部处科所院厅委校]领导|[局部处科所院厅委校]党[组委]|[局部厅委院]机关|委员|会员|社员|党员|组员|队员)/;

/** Whether text[at..at + 4) is an AABB form: AB or AABB is a word, both reduplicate, or neither end leans on a neighbour. */
function isAabb(text: string, at: number): boolean {
  const a = text[at]!;
  const b = text[at + 2]!;
  if (isWord(a + b) || isWord(text.slice(at, at + 4)) || (REDUPLICABLE.has(a) && REDUPLICABLE.has(b))) return true;
  const before = text[at - 1];
  const after = text[at + 4];
  return !(before !== undefined && isWord(before + a)) && !(after !== undefined && isWord(b + after));
}

const TRIPLED_CHAR = new RegExp(`([${HAN_CLASS}])\\1\\1`, 'g');
/** Numerals repeat in numbers written in characters (二〇〇〇年, 一一一). */
const NUMERALS = new Set([...'〇零一二三四五六七八九十百千万亿']);

/** Characters that end compounds (都市报|报道, 服务网|网点, 电视台|台长): after a word, a lone one is that word's end. */
const SUFFIXES = new Set([...'报网台站库群号刊栏馆厅室港园']);

/**
 * Whether the doubled character at `a` (text[a] === text[a + 1]) is a slip. Removing one copy must leave a text that
 * splits into words more cleanly: fewer stray characters (规范范性文件 → 规范性文件, 执法法人员 → 执法人员), or as few
 * and one piece less, with one copy left alone (全全市, 平台台) or both (的的, 赴赴). Two words that meet (学习|习近平,
 * 我市|市场, 检查|查处) split as cleanly with both copies as without one.
 */
function isDoubledCharacter(text: string, a: number): boolean {
  const ch = text[a]!;
  // Three in a row are the tripled-character check's business.
  if (text[a + 2] === ch || text[a - 1] === ch) return false;
  // AABB (方方面面, 实实在在, 家家户户, 风风火火) is deliberate; 确保保件件 is not (the first 保 ends 确保).
  if (a >= 2 && text[a - 2] === text[a - 1] && isHanCode(text.charCodeAt(a - 2)) && isAabb(text, a - 2)) return false;
  if (a + 3 < text.length && text[a + 2] === text[a + 3] && isHanCode(text.charCodeAt(a + 2)) && isAabb(text, a)) return false;
  if (PLACE_LEVELS.has(ch) || ORGAN_TITLE.test(text.slice(a + 1, a + 4))) return false;
  let from = a;
  let to = a + 2;
  while (from > 0 && from > a - 8 && isHanCode(text.charCodeAt(from - 1))) from--;
  while (to < text.length && to < a + 10 && isHanCode(text.charCodeAt(to))) to++;
  const withBoth = text.slice(from, to);
  const i = a - from;
  const before = bestSplit(withBoth);
  const after = bestSplit(withBoth.slice(0, i + 1) + withBoth.slice(i + 2));
  const firstAlone = before.singles.has(i);
  const secondAlone = before.singles.has(i + 1);
  const reduplicable = REDUPLICABLE.has(ch);
  if (firstAlone && SUFFIXES.has(ch) && i > 0 && isHanCode(withBoth.charCodeAt(i - 1)) && !before.singles.has(i - 1)) return false;
  if (after.strays < before.strays) {
    // A character that reduplicates (层层, 事事) is a slip only where one copy belongs to a word (检查查).
    return !reduplicable || firstAlone !== secondAlone;
  }
  if (after.strays > before.strays || after.pieces >= before.pieces) return false;
  // The pair taken as one reduplicated word whose second copy belongs with the next character (时时|间 for 时间,
  // 形形|成 for 形成): the split with one copy less is shorter, so the pair did not modify what follows.
  const next = withBoth[i + 2];
  // Only where the pair can be one word: 工作|作出 splits as cleanly with both copies (each in a word of its own).
  if (!firstAlone && !secondAlone && next !== undefined && isWord(ch + ch) && isWord(ch + next)) return true;
  if (firstAlone && secondAlone) return !reduplicable;
  return firstAlone !== secondAlone;
}

export const repeated: BlockRule = {
  id: 'rep.doubled',
  category: 'repetition',
  severity: 'error',
  title: '字词误重复',
  scope: 'block',
  check(unit) {
    const text = unit.text;
    const out: RawFinding[] = [];
    const taken: Array<[number, number]> = [];
    // Phrases first (政务网络政务网络), so a doubled phrase is reported once, not also as doubled characters.
    for (const { a, p, han } of doubledPhrases(text)) {
      const mid = a + p.length;
      const b = mid + p.length;
      if (taken.some(([x, y]) => a < y && b > x)) continue;
      if (han < UNALIGNED_MIN) {
        const words = wordsAround(text, a, b, 8);
        // A short repeat must start and end on word boundaries, and the middle too: 骨干网|网络 is not a doubled 网.
        const starts = new Set(words.map((w) => w.start));
        const ends = new Set(words.map((w) => w.end));
        if (!starts.has(a) || !starts.has(mid) || !ends.has(mid) || !ends.has(b)) continue;
        const inner = words.filter((w) => w.start >= a && w.end <= mid);
        if (inner.length === 1 && ABAB_VERBS.has(p)) continue;
        if (inner.length === 1 && p.length === 2 && p[0] === p[1]) continue; // 家家 户户 style
        if (/^一[^一]$/.test(p)) continue; // 一步一步, 一点一点
      }
      out.push(at(unit, a, b, `${q(p)}重复出现，应删去一处。`, p));
      taken.push([a, b]);
    }
    // Exactly three in a row (层层层, 的的的): a key held or a commit made twice over a doubling.
    for (const m of matches(TRIPLED_CHAR, text)) {
      const a = m.index;
      const ch = m[1]!;
      if (text[a - 1] === ch || text[a + 3] === ch || NUMERALS.has(ch) || taken.some(([x, y]) => a < y && a + 3 > x)) continue;
      // Two copies stay where two are right (层层, 学习|习近平, 我市|市场), judged as a doubling would be.
      const keep = isDoubledCharacter(text.slice(0, a) + text.slice(a + 1), a) ? ch : ch + ch;
      out.push(at(unit, a, a + 3, `“${ch}”字连写了三遍，应为“${keep}”。`, keep));
      taken.push([a, a + 3]);
    }
    for (const m of matches(DOUBLED_CHAR, text)) {
      const a = m.index;
      if (taken.some(([x, y]) => a >= x && a < y)) continue;
      if (!isDoubledCharacter(text, a)) continue;
      const ch = m[1]!;
      out.push(at(unit, a, a + 2, `“${ch}”字重复，应删去一个。`, ch));
    }
    return out;
  },
};

export const REPETITION_RULES = [repeated];
