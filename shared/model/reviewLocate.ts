// Where a review item is now (shared, pure): the draft is edited after the import, so before jumping to an item or
// applying it the editor finds it again in its block's current text, by its quote and neighbourhood, nearest to the
// saved offset. Null when the text it was on is gone.
import type { ReviewItem } from './review';

/** How many characters `a` and `b` share at their ends (also used when placing an imported item). */
export const commonSuffix = (a: string, b: string): number => {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
};
/** How many characters `a` and `b` share at their starts. */
export const commonPrefix = (a: string, b: string): number => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/** The item's range in `text` (the current text of its block), or null. */
export function locateReviewItem(text: string, item: Pick<ReviewItem, 'quote' | 'before' | 'after' | 'anchor' | 'kind' | 'wholeParagraph'>): { start: number; end: number } | null {
  const anchor = item.anchor;
  if (!anchor) return null;
  if (item.wholeParagraph) return item.kind === 'insert' ? { start: text.length, end: text.length } : { start: 0, end: text.length };
  const quote = item.kind === 'insert' ? '' : item.quote;
  if (text.slice(anchor.start, anchor.start + quote.length) === quote && (quote || contextScore(text, anchor.start, 0, item) > 0 || text.length === 0)) {
    return { start: anchor.start, end: anchor.start + quote.length };
  }
  let best: { start: number; score: number; distance: number } | null = null;
  const consider = (start: number): void => {
    if (start < 0 || start > text.length) return;
    const score = contextScore(text, start, quote.length, item);
    const distance = Math.abs(start - anchor.start);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { start, score, distance };
  };
  if (quote) {
    for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) consider(at);
  } else {
    const tail = item.before.slice(-6);
    const head = item.after.slice(0, 6);
    if (tail) for (let at = text.indexOf(tail); at >= 0; at = text.indexOf(tail, at + 1)) consider(at + tail.length);
    if (head) for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) consider(at);
  }
  const found = best as { start: number; score: number } | null;
  if (!found || (!quote && found.score === 0)) return null;
  return { start: found.start, end: found.start + quote.length };
}

function contextScore(text: string, start: number, length: number, item: Pick<ReviewItem, 'before' | 'after'>): number {
  return commonSuffix(item.before, text.slice(0, start)) + commonPrefix(item.after, text.slice(start + length));
}
