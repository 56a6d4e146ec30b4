// Runs the Word import in a child process with a heap cap and a timeout (Node). A child process rather than a worker
// thread: V8 can abort the whole process when a worker thread reaches its resourceLimits in a tight loop, while a
// child that runs out of heap dies alone. The caller gets the document and notes, or a UserFacingError (Chinese).
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { UserFacingError, type ImportNote } from '../../shared/ipc/contract';
import type { ReportDocument } from '../../shared/model/schema';
import type { WrittenMarker } from '../../shared/import/structure';
import type { DocxWorkerInput, DocxWorkerOutput } from './docxImportWorker';

export interface DocxImportLimitsOptions {
  /** Heap cap of the child process, in MB. */
  memoryMb?: number;
  /** Time allowed, in milliseconds. */
  timeoutMs?: number;
}

export const DOCX_IMPORT_MEMORY_MB = 512;
export const DOCX_IMPORT_TIMEOUT_MS = 10_000;

/**
 * The child: the bundled docxImportWorker.js beside this code in the built app (an esbuild entry), else the .ts
 * source run through tsx's require hook (the CLI under tsx, the unit tests).
 */
function startChild(memoryMb: number): ChildProcess {
  const heap = `--max-old-space-size=${memoryMb}`;
  const options = { serialization: 'advanced' as const, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] as ('ignore' | 'pipe' | 'ipc')[] };
  // __dirname, not import.meta: this module is loaded as CommonJS by the esbuild bundle, tsx and Playwright alike.
  // The bundled main.js sits in dist/main and the worker in dist/main/services (scripts/build.mjs).
  const built = [join(__dirname, 'docxImportWorker.js'), join(__dirname, 'services', 'docxImportWorker.js')].find((p) => existsSync(p));
  if (built) return fork(built, [], { ...options, execArgv: [heap] });
  const source = join(__dirname, 'docxImportWorker.ts');
  const tsx = createRequire(join(__dirname, 'docxImport.ts')).resolve('tsx/cjs');
  return fork(source, [], { ...options, execArgv: [heap, '--require', tsx] });
}

/** Imports the .docx bytes in a capped child process. */
export function importDocxInWorker(bytes: Uint8Array, fileName: string, options: DocxImportLimitsOptions = {}): Promise<{ doc: ReportDocument; notes: ImportNote[]; markers: WrittenMarker[] }> {
  const memoryMb = options.memoryMb ?? DOCX_IMPORT_MEMORY_MB;
  const timeoutMs = options.timeoutMs ?? DOCX_IMPORT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = startChild(memoryMb);
    } catch (e) {
      reject(new UserFacingError('import-docx-failed', `无法启动 Word 导入：${e instanceof Error ? e.message : String(e)}`));
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
      finish(() => reject(new UserFacingError('import-docx-timeout', `读取“${fileName}”超过 ${Math.max(1, Math.round(timeoutMs / 1000))} 秒仍未完成，文件可能过于复杂或已损坏，已停止导入。原文件未作任何改动。`)));
    }, timeoutMs);
    child.on('message', (out: DocxWorkerOutput) => {
      finish(() => {
        if (out.ok) resolve({ doc: out.doc, notes: out.notes, markers: out.markers });
        else if (out.userFacing) reject(new UserFacingError('import-docx', `无法导入“${fileName}”：${out.message}`));
        else reject(new UserFacingError('import-docx-failed', `导入“${fileName}”时出错：${out.message}。原文件未作任何改动。`));
      });
    });
    child.on('error', (e) => {
      finish(() => reject(new UserFacingError('import-docx-failed', `导入“${fileName}”时出错：${e.message}。原文件未作任何改动。`)));
    });
    child.on('exit', (code, signal) => {
      finish(() => {
        if (/heap out of memory|Reached heap limit|Allocation failed/i.test(stderr)) {
          reject(new UserFacingError('import-docx-memory', `“${fileName}”过于庞大或复杂，读取时超出了允许的内存（${memoryMb} MB），已停止导入。原文件未作任何改动。`));
        } else {
          reject(new UserFacingError('import-docx-failed', `读取“${fileName}”的导入进程意外退出（${signal ?? `代码 ${code}`}），已停止导入。原文件未作任何改动。`));
        }
      });
    });
    const input: DocxWorkerInput = { bytes, fileName };
    child.send(input, (e) => {
      if (e) finish(() => reject(new UserFacingError('import-docx-failed', `无法把“${fileName}”交给导入进程：${e.message}`)));
    });
  });
}
