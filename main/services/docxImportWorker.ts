// The Word import's worker thread (Node): parses one .docx off the main thread, so a hostile or huge file can only
// exhaust this worker's capped heap or run into the caller's timeout, never freeze or crash the app.
import { parentPort, workerData } from 'node:worker_threads';
import { importDocx, PackageError } from '../../shared/docx/import';

export interface DocxWorkerInput {
  bytes: Uint8Array;
  fileName: string;
}

export type DocxWorkerOutput =
  | { ok: true; doc: ReturnType<typeof importDocx>['doc']; notes: ReturnType<typeof importDocx>['notes'] }
  | { ok: false; userFacing: boolean; message: string };

function run(input: DocxWorkerInput): DocxWorkerOutput {
  try {
    const { doc, notes } = importDocx(input.bytes, {}, { fileName: input.fileName });
    return { ok: true, doc, notes };
  } catch (e) {
    if (e instanceof PackageError) return { ok: false, userFacing: true, message: e.message };
    return { ok: false, userFacing: false, message: e instanceof Error ? e.message : String(e) };
  }
}

if (parentPort && workerData) parentPort.postMessage(run(workerData as DocxWorkerInput));
