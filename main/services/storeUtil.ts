// Helpers shared by the stores under dataDir (Node): safe file names for document ids, JSON reads, text summaries.
import { createHash, randomBytes } from 'node:crypto';
import { countBody } from '../../shared/editor/counts';
import { blockText, type ReportDocument } from '../../shared/model/schema';

/** A file-name-safe key for a document id: the id itself when it is plain, else a hash of it. */
export function docKey(docId: string): string {
  return /^[A-Za-z0-9_-]{1,64}$/.test(docId) ? docId : 'h' + createHash('sha256').update(docId).digest('hex').slice(0, 40);
}

/** A sortable, unique id: time in base 36 (fixed width) plus random hex. */
export function timeId(now: Date = new Date()): string {
  return now.getTime().toString(36).padStart(9, '0') + randomBytes(3).toString('hex');
}

/** Number of characters of text in the body, counted as the editor counts them (shared/editor/counts.ts). */
export function countChars(doc: ReportDocument): number {
  return countBody(doc.body).total;
}

/** The first words of the body for a list entry. */
export function previewText(doc: ReportDocument, max = 120): string {
  const parts: string[] = [];
  let length = 0;
  for (const block of doc.body) {
    const text = blockText(block).replace(/\s+/g, ' ').trim();
    if (!text) continue;
    parts.push(text);
    length += text.length + 1;
    if (length > max) break;
  }
  const joined = parts.join(' ');
  return joined.length > max ? joined.slice(0, max) + '…' : joined;
}

export { errorCode } from '../../shared/ipc/errors';
