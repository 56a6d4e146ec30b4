// Where the mandated parts lie in the body (shared, pure), for rules that judge a part's content: the recogniser
// of shared/outline/parts.ts, memoised per body array so that several rules of one check share one run.
import { blockContent, type Block, type MandatedPartId, type ReportDocument } from '../../model/schema';
import { recognizeMandatedParts, type MandatedParts } from '../../outline/parts';

let lastBody: unknown;
let lastYear = NaN;
let lastParts: MandatedParts | undefined;

export function partsOf(doc: ReportDocument): MandatedParts {
  if (doc.body !== lastBody || doc.meta.year !== lastYear || !lastParts) {
    lastParts = recognizeMandatedParts(doc);
    lastBody = doc.body;
    lastYear = doc.meta.year;
  }
  return lastParts;
}

/** Body index ranges [start, end) covered by a part (all its locations, e.g. several thematic achievements parts). */
export function partRanges(parts: MandatedParts, id: MandatedPartId): Array<{ start: number; end: number }> {
  return parts.locations.filter((l) => l.id === id).map((l) => l.extent);
}

/** The part id a body index belongs to (the innermost / latest-starting location that covers it). */
export function partAt(parts: MandatedParts, index: number): MandatedPartId | undefined {
  let best: { id: MandatedPartId; start: number; size: number } | undefined;
  for (const l of parts.locations) {
    if (index < l.extent.start || index >= l.extent.end) continue;
    const size = l.extent.end - l.extent.start;
    if (!best || size < best.size) best = { id: l.id, start: l.extent.start, size };
  }
  return best?.id;
}

/** A placeholder of a template or a draft: 【…】 with anything inside (【不足】, 【××件】, 【本级人民政府】). */
export const BRACKET_PLACEHOLDER = /【[^】\n]{0,40}】/;

/** Whether a block is only template text: empty once its hints are left out, or still holding a 【…】 placeholder. */
export function isTemplateText(block: Block): boolean {
  if (block.type === 'heading') return true;
  const text = blockContent(block);
  return text.trim().length === 0 || BRACKET_PLACEHOLDER.test(text);
}

let lastUnfilledBody: unknown;
let lastUnfilledYear = NaN;
let lastUnfilled: MandatedPartId[] = [];

/**
 * Mandated parts present whose every block below the heading is template text (and that have at least one such
 * block: a part with only its heading is "empty", reported by struct.part-empty). Shown as 未填写, never ✓.
 */
export function unfilledParts(doc: ReportDocument): MandatedPartId[] {
  if (doc.body === lastUnfilledBody && doc.meta.year === lastUnfilledYear) return lastUnfilled;
  const parts = partsOf(doc);
  const out: MandatedPartId[] = [];
  for (const id of parts.present) {
    const locs = parts.locations.filter((l) => l.id === id);
    let blocks = 0;
    let filled = false;
    for (const loc of locs) {
      // A part recognised inside a paragraph (一是切实履行第一责任人职责……) is filled by that paragraph.
      if (doc.body[loc.path[0]!]?.type !== 'heading') { filled = true; break; }
      for (let k = loc.extent.start + 1; k < loc.extent.end; k++) {
        const b = doc.body[k]!;
        if (b.type === 'heading') continue;
        blocks++;
        if (!isTemplateText(b)) { filled = true; break; }
      }
      if (filled) break;
    }
    if (!filled && blocks > 0) out.push(id);
  }
  lastUnfilledBody = doc.body;
  lastUnfilledYear = doc.meta.year;
  lastUnfilled = out;
  return out;
}
