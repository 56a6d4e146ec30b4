// 导入审阅意见 in a capped child process (Node): the reviewer's .docx is read and placed on the draft in a child with
// a heap cap and a timeout, like the Word importer. The caller gets the merged draft, or a UserFacingError (Chinese).
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { UserFacingError } from '../../shared/ipc/contract';
import type { ReviewImportResult } from '../../shared/docx/review/importReview';
import type { ReportDocument } from '../../shared/model/schema';
import type { ReviewWorkerInput, ReviewWorkerOutput } from './reviewImportWorker';

export const REVIEW_IMPORT_MEMORY_MB = 300;
const REVIEW_IMPORT_TIMEOUT_MS = 15_000;

/** The bundled reviewImportWorker.js beside this code in the built app, else the .ts source through tsx. */
function startChild(memoryMb: number): ChildProcess {
  const heap = `--max-old-space-size=${memoryMb}`;
  const options = { serialization: 'advanced' as const, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] as ('ignore' | 'pipe' | 'ipc')[] };
  // The bundled main.js sits in dist/main and the worker in dist/main/services (scripts/build.mjs).
  const built = [join(__dirname, 'reviewImportWorker.js'), join(__dirname, 'services', 'reviewImportWorker.js')].find((p) => existsSync(p));
  if (built) return fork(built, [], { ...options, execArgv: [heap] });
  const source = join(__dirname, 'reviewImportWorker.ts');
  const tsx = createRequire(join(__dirname, 'reviewImport.ts')).resolve('tsx/cjs');
  return fork(source, [], { ...options, execArgv: [heap, '--require', tsx] });
}

export interface ReviewImportOptions { memoryMb?: number; timeoutMs?: number }

/** Imports the reviewer's file onto `doc`; `rssMb` is the child's resident memory when it finished, `ms` its working time. */
export function importReviewInWorker(doc: ReportDocument, bytes: Uint8Array, fileName: string, options: ReviewImportOptions = {}): Promise<ReviewImportResult & { rssMb: number; ms: number }> {
  const memoryMb = options.memoryMb ?? REVIEW_IMPORT_MEMORY_MB;
  const timeoutMs = options.timeoutMs ?? REVIEW_IMPORT_TIMEOUT_MS;
  const failed = (why: string): UserFacingError => new UserFacingError('import-review-failed', `导入“${fileName}”的审阅意见时出错：${why}。报告未作任何改动。`);
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = startChild(memoryMb);
    } catch (e) {
      reject(failed(e instanceof Error ? e.message : String(e)));
      return;
    }
    let settled = false;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 8192) stderr += chunk.toString('utf8');
    });
    const finish = (f: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    };
    const timer = setTimeout(() => {
      finish(() => reject(new UserFacingError('import-review-timeout', `读取“${fileName}”超过 ${Math.max(1, Math.round(timeoutMs / 1000))} 秒仍未完成，文件可能过于复杂或已损坏，已停止导入。报告未作任何改动。`)));
    }, timeoutMs);
    child.on('message', (out: ReviewWorkerOutput) => {
      finish(() => {
        if (out.ok) resolve({ ...out.result, rssMb: out.rssMb, ms: out.ms });
        else if (out.userFacing) reject(new UserFacingError('import-review', `无法导入“${fileName}”的审阅意见：${out.message}`));
        else reject(failed(out.message));
      });
    });
    child.on('error', (e) => finish(() => reject(failed(e.message))));
    child.on('exit', (code, signal) => {
      finish(() => {
        if (/heap out of memory|Reached heap limit|Allocation failed/i.test(stderr)) {
          reject(new UserFacingError('import-review-memory', `“${fileName}”过于庞大或复杂，读取时超出了允许的内存（${memoryMb} MB），已停止导入。报告未作任何改动。`));
        } else {
          reject(failed(`导入进程意外退出（${signal ?? `代码 ${code}`}）`));
        }
      });
    });
    const input: ReviewWorkerInput = { doc, bytes, fileName };
    child.send(input, (e) => {
      if (e) finish(() => reject(failed(e.message)));
    });
  });
}
