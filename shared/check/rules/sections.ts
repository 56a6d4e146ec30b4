// Where the mandated parts lie in the body (shared, pure), for rules that judge a part's content: the recogniser
// of shared/outline/parts.ts, memoised per body array so that several rules of one check share one run.
import type { MandatedPartId, ReportDocument } from '../../model/schema';
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
