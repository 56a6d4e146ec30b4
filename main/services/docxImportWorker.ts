// The Word import's child process (Node): parses one .docx outside the app's process, so a hostile or huge file
// can only exhaust this process's capped heap or run into the caller's timeout, never freeze or crash the app.
import { importDocx, PackageError } from '../../shared/docx/import';

export interface DocxWorkerInput {
  bytes: Uint8Array;
  fileName: string;
}

export type DocxWorkerOutput =
  | ({ ok: true } & ReturnType<typeof importDocx>)
  | { ok: false; userFacing: boolean; message: string };

export function runDocxImport(input: DocxWorkerInput): DocxWorkerOutput {
  try {
    return { ok: true, ...importDocx(input.bytes, {}, { fileName: input.fileName }) };
  } catch (e) {
    if (e instanceof PackageError) return { ok: false, userFacing: true, message: e.message };
    return { ok: false, userFacing: false, message: e instanceof Error ? e.message : String(e) };
  }
}

const send = process.send?.bind(process);
if (send) {
  process.once('message', (input: DocxWorkerInput) => {
    send(runDocxImport({ bytes: new Uint8Array(input.bytes), fileName: input.fileName }), undefined, {}, () => process.exit(0));
  });
}
