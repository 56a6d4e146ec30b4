// What the side panels show, computed from one body snapshot (renderer, pure over shared/): checker findings, the
// mandated parts, counts, and which level-1 part each block belongs to.
import type { Block, ReportDocument, MandatedPartId } from '../../shared/model/schema';
import { MANDATED_PART_IDS, blockText } from '../../shared/model/schema';
import { requiredPartIds } from '../../shared/model/parts';
import type { CheckResult, Finding } from '../../shared/check/types';
import type { Checker } from '../../shared/check/engine';
import { recognizeMandatedParts, type MandatedParts } from '../../shared/outline/parts';
import { countBody, type BodyCounts } from '../../shared/editor/counts';
import { sequenceMarkers } from '../../shared/model/numbering';

export interface OutlineItem {
  index: number;
  level: 1 | 2 | 3 | 4;
  marker: string;
  text: string;
  chars: number;
}

export type PartState = { kind: 'ok' } | { kind: 'warn'; count: number } | { kind: 'unfilled' } | { kind: 'missing'; required: boolean };

export interface Analysis {
  doc: ReportDocument;
  result: CheckResult;
  parts: MandatedParts;
  counts: BodyCounts;
  outline: OutlineItem[];
  partStates: Record<MandatedPartId, PartState>;
  /** For each block, the index of the level-1 heading above it (-1 before the first). */
  sectionOf: number[];
}

export function analyze(doc: ReportDocument, checker: Checker, liveCheck: boolean): Analysis {
  const result: CheckResult = liveCheck ? checker.check(doc) : { findings: [], ignored: [], unfilledParts: [] };
  const parts = recognizeMandatedParts(doc);
  const counts = countBody(doc.body);
  const markers = sequenceMarkers(doc.body);
  const sectionOf: number[] = [];
  let section = -1;
  const outline: OutlineItem[] = [];
  doc.body.forEach((b: Block, i) => {
    if (b.type === 'heading') {
      if (b.level === 1) section = i;
      let chars = counts.perBlock[i]!;
      for (let j = i + 1; j < doc.body.length; j++) {
        const n = doc.body[j]!;
        if (n.type === 'heading' && n.level <= b.level) break;
        chars += counts.perBlock[j]!;
      }
      outline.push({ index: i, level: b.level, marker: markers[i]!, text: blockText(b), chars });
    }
    sectionOf.push(section);
  });
  const partStates = {} as Record<MandatedPartId, PartState>;
  const required = requiredPartIds();
  for (const id of MANDATED_PART_IDS) {
    const locs = parts.locations.filter((l) => l.id === id);
    if (locs.length === 0) {
      partStates[id] = { kind: 'missing', required: required.includes(id) };
      continue;
    }
    // Only template text (hints, placeholders): 未填写, never ✓.
    if (result.unfilledParts.includes(id)) { partStates[id] = { kind: 'unfilled' }; continue; }
    const inPart = (f: Finding) =>
      f.path.length > 0 && f.severity !== 'info' && locs.some((l) => f.path[0]! >= l.extent.start && f.path[0]! < l.extent.end);
    const count = result.findings.filter(inPart).length;
    partStates[id] = count > 0 ? { kind: 'warn', count } : { kind: 'ok' };
  }
  return { doc, result, parts, counts, outline, partStates, sectionOf };
}
