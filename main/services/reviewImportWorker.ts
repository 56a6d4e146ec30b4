// The review import's child process (Node): reads a reviewer's .docx and places its items on the draft outside the
// app's process, so a hostile or huge file can only exhaust this process's capped heap or run into the timeout.
import { PackageError } from '../../shared/docx/zip';
import { importReview, type ReviewImportResult } from '../../shared/docx/review/importReview';
import type { ReportDocument } from '../../shared/model/schema';

export interface ReviewWorkerInput {
  doc: ReportDocument;
  bytes: Uint8Array;
  fileName: string;
}

export type ReviewWorkerOutput =
  | { ok: true; result: ReviewImportResult; rssMb: number; ms: number }
  | { ok: false; userFacing: boolean; message: string };

export function runReviewImport(input: ReviewWorkerInput): ReviewWorkerOutput {
  const started = performance.now();
  try {
    const result = importReview(input.doc, input.bytes, input.fileName);
    return { ok: true, result, rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024), ms: performance.now() - started };
  } catch (e) {
    if (e instanceof PackageError) return { ok: false, userFacing: true, message: e.message };
    return { ok: false, userFacing: false, message: e instanceof Error ? e.message : String(e) };
  }
}

const send = process.send?.bind(process);
if (send) {
  process.once('message', (input: ReviewWorkerInput) => {
    send(runReviewImport({ ...input, bytes: new Uint8Array(input.bytes) }), undefined, {}, () => process.exit(0));
  });
}
