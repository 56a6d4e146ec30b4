// The outline of a report (shared, pure): its meta, the mandated parts found and every heading in order, as the
// `outline` command prints it and as the editor's outline pane can use it. Headings carry no sequence marker.
import type { HeadingLevel, ReportDocument } from '../model/schema';
import { blockText, type MandatedPartId } from '../model/schema';
import { recognizeMandatedParts, type Confidence, type MandatedParts, type PartEvidence } from './parts';

export interface OutlinePart {
  id: MandatedPartId;
  /** The heading at `path`, or the heading above it when the part shows in a paragraph. */
  heading: string;
  path: number[];
  via: PartEvidence;
  confidence: Confidence;
  /** The words that show it: the heading, or the clause / sentence of a paragraph. */
  text: string;
}

export interface OutlineHeading {
  level: HeadingLevel;
  text: string;
  path: number[];
}

export interface Outline {
  title: string;
  organ: string;
  year: number;
  date: string;
  parts: OutlinePart[];
  headings: OutlineHeading[];
}

/** The outline of `doc`; pass `parts` when they are already recognised (e.g. by the importer, before tagging). */
export function buildOutline(doc: ReportDocument, parts: MandatedParts = recognizeMandatedParts(doc)): Outline {
  const headings: OutlineHeading[] = [];
  doc.body.forEach((block, i) => {
    if (block.type === 'heading') headings.push({ level: block.level, text: blockText(block), path: [i] });
  });
  return {
    title: doc.meta.title,
    organ: doc.meta.organ,
    year: doc.meta.year,
    date: doc.meta.date,
    parts: parts.locations.map((l) => ({ id: l.id, heading: l.heading, path: l.path, via: l.via, confidence: l.confidence, text: l.text })),
    headings,
  };
}
