// Character counts of a report (shared, pure), Chinese style: every character except whitespace and template hints, per part and total.
import { blockContent, type Block, type RuleSettings } from '../model/schema';

const WHITESPACE = /[\s\u00a0\u3000\u200b\ufeff]/u;

/** Characters without whitespace (code points, so a rare character outside the BMP counts once). */
export function countChars(text: string): number {
  let n = 0;
  for (const ch of text) if (!WHITESPACE.test(ch)) n++;
  return n;
}

export interface SectionCount {
  /** Index of the level-1 heading that opens the section, or -1 for the text before the first one. */
  index: number;
  chars: number;
}

export interface BodyCounts {
  total: number;
  /** One entry per level-1 section, in order (the preamble first when it has text). */
  sections: SectionCount[];
  /** Count per block, in body order. */
  perBlock: number[];
}

const blockCache = new WeakMap<Block, number>();

/** Counts of the body; unchanged blocks are counted once (the cache is keyed by the immutable block object). */
export function countBody(body: readonly Block[]): BodyCounts {
  const perBlock = body.map((b) => {
    let n = blockCache.get(b);
    if (n === undefined) {
      n = countChars(blockContent(b)); // template hints are not text of the report
      blockCache.set(b, n);
    }
    return n;
  });
  const sections: SectionCount[] = [];
  let current: SectionCount = { index: -1, chars: 0 };
  body.forEach((b, i) => {
    if (b.type === 'heading' && b.level === 1) {
      if (current.index !== -1 || current.chars > 0) sections.push(current);
      current = { index: i, chars: 0 };
    }
    current.chars += perBlock[i]!;
  });
  if (current.index !== -1 || current.chars > 0) sections.push(current);
  return { total: perBlock.reduce((a, n) => a + n, 0), sections, perBlock };
}

export type LengthState = 'none' | 'short' | 'ok' | 'long';

/** Where a total stands against the template's optional length target. */
export function lengthState(total: number, target: RuleSettings['lengthTarget']): LengthState {
  if (!target || (target.min === undefined && target.max === undefined)) return 'none';
  if (target.min !== undefined && total < target.min) return 'short';
  if (target.max !== undefined && total > target.max) return 'long';
  return 'ok';
}
