// Sequence numbers of headings (一、（一）1.（1）), derived from the structure, never stored (shared, pure).
import type { Block, HeadingLevel } from './schema';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九, 100 → 一百. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a count: ${n}`);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 100) return DIGITS[Math.floor(n / 10)]! + '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    const restText = rest === 0 ? '' : rest < 10 ? '零' + DIGITS[rest] : rest < 20 ? '一' + chineseNumeral(rest) : chineseNumeral(rest);
    return DIGITS[Math.floor(n / 100)]! + '百' + restText;
  }
  return String(n);
}

/** The value of a Chinese numeral written with 一…九, 十, 百 (and 〇/零); NaN when it is not one. */
export function parseChineseNumeral(s: string): number {
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(s)) return NaN;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    const d = '零一二三四五六七八九'.indexOf(ch === '〇' ? '零' : ch === '两' ? '二' : ch);
    if (d >= 0) current = d;
    else if (ch === '十') { total += (current || 1) * 10; current = 0; }
    else if (ch === '百') { total += (current || 1) * 100; current = 0; }
  }
  return total + current;
}

/** The marker printed before a heading of `level` that is the `n`-th (1-based) among its siblings. */
export function sequenceMarker(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1: return `${chineseNumeral(n)}、`;
    case 2: return `（${chineseNumeral(n)}）`;
    case 3: return `${n}.`;
    case 4: return `（${n}）`;
  }
}

/**
 * The marker of every block (empty for paragraphs and tables), in body order. A heading's counter restarts
 * under each heading of a higher level; a heading that skips levels (a level 3 right under a level 1) is
 * numbered in its own level's sequence.
 */
export function sequenceMarkers(body: readonly Block[]): string[] {
  const counters = [0, 0, 0, 0];
  return body.map((block) => {
    if (block.type !== 'heading') return '';
    const i = block.level - 1;
    counters[i]! += 1;
    for (let j = i + 1; j < counters.length; j++) counters[j] = 0;
    return sequenceMarker(block.level, counters[i]!);
  });
}
