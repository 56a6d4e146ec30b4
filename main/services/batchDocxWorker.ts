// The batch's Word-import child process (Node): like docxImportWorker.ts, parses .docx files outside the app's
// process under a heap cap, but stays up for the next file, so a folder of a hundred reports costs one start-up.
import { importDocx, PackageError } from '../../shared/docx/import';
import type { DocxWorkerOutput } from './docxImportWorker';

export interface BatchDocxRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
}

export type BatchDocxReply = (DocxWorkerOutput & { id: number }) | { ready: true; id?: undefined };

function parse(request: BatchDocxRequest): BatchDocxReply {
  try {
    const { doc, notes, markers } = importDocx(new Uint8Array(request.bytes), {}, { fileName: request.fileName });
    return { id: request.id, ok: true, doc, notes, markers };
  } catch (e) {
    if (e instanceof PackageError) return { id: request.id, ok: false, userFacing: true, message: e.message };
    return { id: request.id, ok: false, userFacing: false, message: e instanceof Error ? e.message : String(e) };
  }
}

const send = process.send?.bind(process);
if (send) {
  process.on('message', (request: BatchDocxRequest) => send(parse(request)));
  process.on('disconnect', () => process.exit(0));
  // Loaded: the pool starts timing files from here, not from the fork (a cold start on a busy PC takes seconds).
  send({ ready: true });
}
