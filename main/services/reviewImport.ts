// 导入审阅意见 in a capped child process (Node, cappedChild.ts): the reviewer's .docx is read and placed on the draft in
// a child with a heap cap and a timeout, like the Word importer. The caller gets the merged draft, or a
// UserFacingError (Chinese).
import { UserFacingError } from '../../shared/ipc/contract';
import type { ReviewImportResult } from '../../shared/docx/review/importReview';
import type { ReportDocument } from '../../shared/model/schema';
import { runInCappedChild, type CappedRunErrors } from './cappedChild';
import type { ReviewWorkerInput, ReviewWorkerOutput } from './reviewImportWorker';

export const REVIEW_IMPORT_MEMORY_MB = 300;
const REVIEW_IMPORT_TIMEOUT_MS = 15_000;

export interface ReviewImportOptions { memoryMb?: number; timeoutMs?: number }

/** Imports the reviewer's file onto `doc`; `rssMb` is the child's resident memory when it finished, `ms` its working time. */
export function importReviewInWorker(doc: ReportDocument, bytes: Uint8Array, fileName: string, options: ReviewImportOptions = {}): Promise<ReviewImportResult & { rssMb: number; ms: number }> {
  const failed = (why: string): UserFacingError => new UserFacingError('import-review-failed', `导入“${fileName}”的审阅意见时出错：${why}。报告未作任何改动。`);
  const errors: CappedRunErrors = {
    start: failed,
    send: failed,
    error: failed,
    timeout: (seconds) => new UserFacingError('import-review-timeout', `读取“${fileName}”超过 ${seconds} 秒仍未完成，文件可能过于复杂或已损坏，已停止导入。报告未作任何改动。`),
    memory: (memoryMb) => new UserFacingError('import-review-memory', `“${fileName}”过于庞大或复杂，读取时超出了允许的内存（${memoryMb} MB），已停止导入。报告未作任何改动。`),
    exited: (how) => failed(`导入进程意外退出（${how}）`),
  };
  const limits = { memoryMb: options.memoryMb ?? REVIEW_IMPORT_MEMORY_MB, timeoutMs: options.timeoutMs ?? REVIEW_IMPORT_TIMEOUT_MS };
  return runInCappedChild<ReviewWorkerInput, ReviewWorkerOutput, ReviewImportResult & { rssMb: number; ms: number }>(
    'reviewImportWorker', { doc, bytes, fileName }, limits, errors, (out) => {
      if (!out.ok) throw out.userFacing ? new UserFacingError('import-review', `无法导入“${fileName}”的审阅意见：${out.message}`) : failed(out.message);
      return { ...out.result, rssMb: out.rssMb, ms: out.ms };
    });
}
