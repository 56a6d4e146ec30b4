// Repeated characters and phrases (shared, pure). An accidental doubling (赴赴, 的的, 政务网络政务网络) is an error;
// reduplication (大大, 牢牢, 件件, 研究研究) and repeats across a word boundary (学习|习近平, 骨干网|网络) are not.
// Candidates come from a cheap regex; only their surroundings go through the word segmenter.
import type { BlockRule, RawFinding } from '../types';
import { at, HAN_CLASS, isHanCode, matches, wordsAround } from '../text';

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

// Last position of each character pair (hashed), stamped with a per-call base so the table is never cleared.
const pairTable = new Int32Array(1 << 16);
let base = 1;

/**
 * Immediately repeated runs of 2–8 Chinese characters (`政务网络政务网络`), in one pass: a repeat of length L shows
 * as a character pair seen again exactly L characters later, which a hashed table of last positions finds.
 */
function doubledPhrases(text: string): Array<{ a: number; p: string }> {
  const out: Array<{ a: number; p: string }> = [];
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
    if (j >= 0 && len >= 2 && len <= 8 && j >= busyUntil && i + len <= n && isHanCode(c0)) {
      let k = 0;
      let same = true;
      while (k < len && text.charCodeAt(j + k) === text.charCodeAt(i + k) && isHanCode(text.charCodeAt(i + k))) {
        if (text.charCodeAt(i + k) !== c0) same = false;
        k++;
      }
      // A run of one character is the doubled-character check's business.
      if (k === len && !same) {
        out.push({ a: j, p: text.slice(j, i) });
        busyUntil = i + len;
      }
    }
    c0 = c1;
  }
  return out;
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
    for (const { a, p } of doubledPhrases(text)) {
      const mid = a + p.length;
      const b = mid + p.length;
      if (taken.some(([x, y]) => a < y && b > x)) continue;
      const words = wordsAround(text, a, b, 8);
      // The repeat must start and end on word boundaries, and the middle too: 骨干网|网络 is not a doubled 网.
      const starts = new Set(words.map((w) => w.start));
      const ends = new Set(words.map((w) => w.end));
      if (!starts.has(a) || !starts.has(mid) || !ends.has(mid) || !ends.has(b)) continue;
      const inner = words.filter((w) => w.start >= a && w.end <= mid);
      if (inner.length === 1 && ABAB_VERBS.has(p)) continue;
      if (inner.length === 1 && p.length === 2 && p[0] === p[1]) continue; // 家家 户户 style
      if (/^一[^一]$/.test(p)) continue; // 一步一步, 一点一点
      out.push(at(unit, a, b, `“${p}”重复出现，应删去一处。`, p));
      taken.push([a, b]);
    }
    for (const m of matches(DOUBLED_CHAR, text)) {
      const a = m.index;
      if (taken.some(([x, y]) => a >= x && a < y)) continue;
      const ch = m[1]!;
      if (REDUPLICABLE.has(ch)) continue;
      // Three in a row (哈哈哈) is deliberate or a stuck key, not a doubling; the segmenter is not asked.
      if (text[a + 2] === ch || text[a - 1] === ch) continue;
      const words = wordsAround(text, a, a + 2, 8);
      const first = words.find((w) => w.start <= a && a < w.end);
      const second = words.find((w) => w.start <= a + 1 && a + 1 < w.end);
      // Both characters must stand alone: 大大 is one word, 学习|习 and 网|网络 belong to different words.
      if (!first || !second || first === second || first.word !== ch || second.word !== ch) continue;
      out.push(at(unit, a, a + 2, `“${ch}”字重复，应删去一个。`, ch));
    }
    return out;
  },
};

export const REPETITION_RULES = [repeated];
