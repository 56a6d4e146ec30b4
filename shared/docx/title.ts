// How a report title is set over lines (shared, pure): the title's own line breaks, or for a long title breaks
// before 关于 / 的 and at word boundaries, with balanced lines (GB/T 9704: 回行时词意完整、排列对称、长短适宜).
import { textWidth } from './layout';

/** Full-width characters that fit on one title line: 22 pt characters in the 156 mm type area. */
export const TITLE_LINE_CHARS = 20;

/** The lines the title is printed on. */
export function titleLines(title: string, maxChars: number = TITLE_LINE_CHARS): string[] {
  const own = title.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  if (own.length !== 1) return own;
  const text = own[0]!;
  if (textWidth(text) <= maxChars) return [text];
  return splitBalanced(text, maxChars);
}

/** Where a line may end: after a word (ICU word segmentation), with a bonus before 关于 and before 的. */
function breakPoints(text: string): { at: number; bonus: number }[] {
  const points: { at: number; bonus: number }[] = [];
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  for (const seg of segmenter.segment(text)) {
    const at = seg.index;
    if (at === 0) continue;
    const rest = text.slice(at);
    const bonus = rest.startsWith('关于') ? 30 : rest.startsWith('的') ? 6 : 0;
    points.push({ at, bonus });
  }
  return points;
}

/** Breaks into the fewest lines that fit, choosing the breaks with dynamic programming: balance minus bonuses. */
function splitBalanced(text: string, maxChars: number): string[] {
  const points = [{ at: 0, bonus: 0 }, ...breakPoints(text), { at: text.length, bonus: 0 }];
  const n = points.length;
  const total = textWidth(text);
  const minLines = Math.ceil(total / maxChars);
  for (let lines = minLines; lines <= minLines + 2; lines++) {
    const ideal = total / lines;
    // best[k][j]: cost of setting text up to point j on k lines; from[k][j]: the previous point.
    const best: number[][] = Array.from({ length: lines + 1 }, () => new Array<number>(n).fill(Infinity));
    const from: number[][] = Array.from({ length: lines + 1 }, () => new Array<number>(n).fill(-1));
    best[0]![0] = 0;
    for (let k = 1; k <= lines; k++) {
      for (let j = 1; j < n; j++) {
        for (let i = 0; i < j; i++) {
          const prev = best[k - 1]![i]!;
          if (prev === Infinity) continue;
          const w = textWidth(text.slice(points[i]!.at, points[j]!.at));
          if (w > maxChars) continue;
          const cost = prev + Math.abs(w - ideal) * 2 - (j < n - 1 ? points[j]!.bonus : 0);
          if (cost < best[k]![j]!) {
            best[k]![j] = cost;
            from[k]![j] = i;
          }
        }
      }
    }
    if (best[lines]![n - 1] === Infinity) continue;
    const result: string[] = [];
    let j = n - 1;
    for (let k = lines; k > 0; k--) {
      const i = from[k]![j]!;
      result.unshift(text.slice(points[i]!.at, points[j]!.at));
      j = i;
    }
    return result;
  }
  // A title without word boundaries that fit (a very long run of Latin text): cut by width.
  const out: string[] = [];
  let line = '';
  for (const ch of text) {
    if (textWidth(line + ch) > maxChars) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) out.push(line);
  return out;
}
