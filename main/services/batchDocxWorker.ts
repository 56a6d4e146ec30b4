// The batch's Word-import child process (Node): like docxImportWorker.ts, parses .docx files outside the app's
// process under a heap cap, but stays up for the next file, so a folder of a hundred reports costs one start-up.
// Asked to, it also checks and summarises the report (batchCheck.ts): the children then share the work across the
// cores and the app's own process stays free for the window.
import { createChecker } from '../../shared/check/engine';
import { importDocx, PackageError } from '../../shared/docx/import';
import type { RuleSettings } from '../../shared/model/schema';
import { checkReport, type ReportCheck } from './batchCheck';
import type { DocxWorkerOutput } from './docxImportWorker';

export interface BatchDocxRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  /** Check the report too, with these rule settings in place of its own when given. */
  check?: { rules?: RuleSettings };
}

export type BatchDocxReply = (DocxWorkerOutput & { id: number; checked?: ReportCheck; checkError?: string }) | { ready: true; id?: undefined };

// One checker for the child's files, without the block cache: each report is checked once.
let checker: ReturnType<typeof createChecker> | null = null;

function parse(request: BatchDocxRequest): BatchDocxReply {
  let imported: ReturnType<typeof importDocx>;
  try {
    imported = importDocx(new Uint8Array(request.bytes), {}, { fileName: request.fileName });
  } catch (e) {
    if (e instanceof PackageError) return { id: request.id, ok: false, userFacing: true, message: e.message };
    return { id: request.id, ok: false, userFacing: false, message: e instanceof Error ? e.message : String(e) };
  }
  const { doc, notes, markers } = imported;
  if (!request.check) return { id: request.id, ok: true, doc, notes, markers };
  try {
    checker ??= createChecker(undefined, { cache: false });
    return { id: request.id, ok: true, doc, notes, markers, checked: checkReport(doc, markers, checker, request.check.rules) };
  } catch (e) {
    return { id: request.id, ok: true, doc, notes, markers, checkError: e instanceof Error ? e.message : String(e) };
  }
}

const send = process.send?.bind(process);
if (send) {
  process.on('message', (request: BatchDocxRequest) => send(parse(request)));
  process.on('disconnect', () => process.exit(0));
  // Loaded: the pool starts timing files from here, not from the fork (a cold start on a busy PC takes seconds).
  send({ ready: true });
}
