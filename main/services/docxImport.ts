// Runs the Word import in a worker thread with a memory cap and a timeout (Node). The caller gets the document and
// notes, or a UserFacingError with a Chinese message: a hostile file never crashes or freezes the app.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserFacingError, type ImportNote } from '../../shared/ipc/contract';
import type { ReportDocument } from '../../shared/model/schema';
import type { DocxWorkerInput, DocxWorkerOutput } from './docxImportWorker';

export interface DocxImportLimitsOptions {
  /** Heap cap of the worker, in MB. */
  memoryMb?: number;
  /** Time allowed, in milliseconds. */
  timeoutMs?: number;
}

export const DOCX_IMPORT_MEMORY_MB = 512;
export const DOCX_IMPORT_TIMEOUT_MS = 10_000;

/**
 * The worker: the bundled docxImportWorker.js beside this code in the built app (esbuild entry), else the .ts source
 * started through tsx's require hook (the CLI under tsx, the unit tests).
 */
function startWorker(input: DocxWorkerInput, memoryMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, memoryMb / 8)), stackSizeMb: 4 };
  const built = fileURLToPath(new URL('./docxImportWorker.js', import.meta.url));
  if (existsSync(built)) return new Worker(built, { workerData: input, resourceLimits });
  const source = fileURLToPath(new URL('./docxImportWorker.ts', import.meta.url));
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs');
  const bootstrap = `require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`;
  return new Worker(bootstrap, { eval: true, workerData: input, resourceLimits });
}

/** Imports the .docx bytes off the main thread. */
export function importDocxInWorker(bytes: Uint8Array, fileName: string, options: DocxImportLimitsOptions = {}): Promise<{ doc: ReportDocument; notes: ImportNote[] }> {
  const memoryMb = options.memoryMb ?? DOCX_IMPORT_MEMORY_MB;
  const timeoutMs = options.timeoutMs ?? DOCX_IMPORT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    let settled = false;
    let worker: Worker;
    try {
      worker = startWorker({ bytes, fileName }, memoryMb);
    } catch (e) {
      reject(new UserFacingError('import-docx-failed', `无法启动 Word 导入：${e instanceof Error ? e.message : String(e)}`));
      return;
    }
    const finish = (f: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
      void worker.terminate();
    };
    const timer = setTimeout(() => {
      finish(() => reject(new UserFacingError('import-docx-timeout', `读取“${fileName}”超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，文件可能过于复杂或已损坏，已停止导入。`)));
    }, timeoutMs);
    worker.on('message', (out: DocxWorkerOutput) => {
      finish(() => {
        if (out.ok) resolve({ doc: out.doc, notes: out.notes });
        else if (out.userFacing) reject(new UserFacingError('import-docx', `无法导入“${fileName}”：${out.message}`));
        else reject(new UserFacingError('import-docx-failed', `导入“${fileName}”时出错：${out.message}。原文件未作任何改动。`));
      });
    });
    worker.on('error', (e: Error & { code?: string }) => {
      finish(() => {
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          reject(new UserFacingError('import-docx-memory', `“${fileName}”过于庞大或复杂，读取时超出了允许的内存（${memoryMb} MB），已停止导入。`));
        } else {
          reject(new UserFacingError('import-docx-failed', `导入“${fileName}”时出错：${e.message}。原文件未作任何改动。`));
        }
      });
    });
    worker.on('exit', (code) => {
      finish(() => reject(new UserFacingError('import-docx-failed', `导入“${fileName}”的进程意外退出（代码 ${code}），已停止导入。原文件未作任何改动。`)));
    });
  });
}
