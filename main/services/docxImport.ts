// Runs the Word import in a capped child process (Node, cappedChild.ts): a heap cap and a timeout. The caller gets
// the document and notes, or a UserFacingError (Chinese).
import { UserFacingError } from '../../shared/ipc/contract';
import type { ImportNote } from '../../shared/model/importNote';
import type { ReportDocument } from '../../shared/model/schema';
import type { WrittenMarker } from '../../shared/import/structure';
import { runInCappedChild, type CappedRunErrors } from './cappedChild';
import type { DocxWorkerInput, DocxWorkerOutput } from './docxImportWorker';

export interface DocxImportLimitsOptions {
  /** Heap cap of the child process, in MB. */
  memoryMb?: number;
  /** Time allowed, in milliseconds. */
  timeoutMs?: number;
}

export const DOCX_IMPORT_MEMORY_MB = 512;
export const DOCX_IMPORT_TIMEOUT_MS = 10_000;

/** What the user reads when a .docx cannot be imported (the one-file import and the batch's pool alike). */
export function docxImportErrors(fileName: string): CappedRunErrors & { reported(message: string, userFacing: boolean): UserFacingError } {
  const failed = (why: string) => new UserFacingError('import-docx-failed', `导入“${fileName}”时出错：${why}。原文件未作任何改动。`);
  return {
    start: (why) => new UserFacingError('import-docx-failed', `无法启动 Word 导入：${why}`),
    send: (why) => new UserFacingError('import-docx-failed', `无法把“${fileName}”交给导入进程：${why}`),
    error: failed,
    timeout: (seconds) => new UserFacingError('import-docx-timeout', `读取“${fileName}”超过 ${seconds} 秒仍未完成，文件可能过于复杂或已损坏，已停止导入。原文件未作任何改动。`),
    memory: (memoryMb) => new UserFacingError('import-docx-memory', `“${fileName}”过于庞大或复杂，读取时超出了允许的内存（${memoryMb} MB），已停止导入。原文件未作任何改动。`),
    exited: (how) => new UserFacingError('import-docx-failed', `读取“${fileName}”的导入进程意外退出（${how}），已停止导入。原文件未作任何改动。`),
    /** The worker read the file and said why it could not import it (userFacing: the file's fault, not ours). */
    reported: (message, userFacing) => (userFacing ? new UserFacingError('import-docx', `无法导入“${fileName}”：${message}`) : failed(message)),
  };
}

/** Imports the .docx bytes in a capped child process. */
export function importDocxInWorker(bytes: Uint8Array, fileName: string, options: DocxImportLimitsOptions = {}): Promise<{ doc: ReportDocument; notes: ImportNote[]; markers: WrittenMarker[] }> {
  const errors = docxImportErrors(fileName);
  const limits = { memoryMb: options.memoryMb ?? DOCX_IMPORT_MEMORY_MB, timeoutMs: options.timeoutMs ?? DOCX_IMPORT_TIMEOUT_MS };
  return runInCappedChild<DocxWorkerInput, DocxWorkerOutput, { doc: ReportDocument; notes: ImportNote[]; markers: WrittenMarker[] }>(
    'docxImportWorker', { bytes, fileName }, limits, errors, (out) => {
      if (!out.ok) throw errors.reported(out.message, out.userFacing);
      return { doc: out.doc, notes: out.notes, markers: out.markers };
    });
}
