// A small pool of capped Word-import child processes for the batch (Node). Same caps and messages as the one-file
// import (docxImport.ts: heap cap, timeout per file, the file never modified), but each child reads file after
// file: forking one per file costs a third of a second or more, too slow for a folder of a hundred reports. A child
// that runs out of heap or time is killed; its file becomes a row with the reason and the next file gets a new child.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { UserFacingError, type ImportNote } from '../../shared/ipc/contract';
import type { ReportDocument } from '../../shared/model/schema';
import type { ReportCheck } from './batchCheck';
import { DOCX_IMPORT_MEMORY_MB, DOCX_IMPORT_TIMEOUT_MS } from './docxImport';
import type { BatchDocxReply, BatchDocxRequest } from './batchDocxWorker';

export interface DocxPoolOptions {
  size?: number;
  memoryMb?: number;
  timeoutMs?: number;
}

/** A file read by a child: the document, and its check when asked for (or why checking it failed). */
export interface PooledImport {
  doc: ReportDocument;
  notes: ImportNote[];
  markers?: Extract<BatchDocxReply, { ok: true }>['markers'];
  checked?: ReportCheck;
  checkError?: string;
}

type Job = { id: number; bytes: Uint8Array; fileName: string; check?: BatchDocxRequest['check']; resolve: (v: PooledImport) => void; reject: (e: Error) => void };

interface Slot {
  child: ChildProcess | null;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  stderr: string;
  ready: boolean;
}

/** Time a child may take to start (load its code) before its first file is timed. */
const START_TIMEOUT_MS = 60_000;

function startChild(memoryMb: number): ChildProcess {
  const heap = `--max-old-space-size=${memoryMb}`;
  const options = { serialization: 'advanced' as const, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] as ('ignore' | 'pipe' | 'ipc')[] };
  // The bundled worker beside the built main (scripts/build.mjs), else the source through tsx (CLI, tests, bench).
  // The bundled main.js sits in dist/main and the worker in dist/main/services (esbuild keeps the source tree).
  const built = [join(__dirname, 'batchDocxWorker.js'), join(__dirname, 'services', 'batchDocxWorker.js')].find((p) => existsSync(p));
  if (built) return fork(built, [], { ...options, execArgv: [heap] });
  const source = join(__dirname, 'batchDocxWorker.ts');
  const tsx = createRequire(join(__dirname, 'batchDocxPool.ts')).resolve('tsx/cjs');
  return fork(source, [], { ...options, execArgv: [heap, '--require', tsx] });
}

export class DocxPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private readonly memoryMb: number;
  private readonly timeoutMs: number;
  private nextId = 1;
  private closed = false;

  constructor(options: DocxPoolOptions = {}) {
    this.slots = Array.from({ length: Math.max(1, options.size ?? 2) }, () => ({ child: null, job: null, timer: null, stderr: '', ready: false }));
    this.memoryMb = options.memoryMb ?? DOCX_IMPORT_MEMORY_MB;
    this.timeoutMs = options.timeoutMs ?? DOCX_IMPORT_TIMEOUT_MS;
  }

  /** Parses one .docx in a child (and checks it, given `check`); a UserFacingError (Chinese) when it cannot be read. */
  import(bytes: Uint8Array, fileName: string, check?: BatchDocxRequest['check']): Promise<PooledImport> {
    if (this.closed) return Promise.reject(new UserFacingError('batch-cancelled', '检查已取消。'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, bytes, fileName, check, resolve, reject });
      this.pump();
    });
  }

  /** Stops every child; queued and running imports fail with 检查已取消. */
  close(): void {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new UserFacingError('batch-cancelled', '检查已取消。'));
    for (const slot of this.slots) {
      const job = slot.job;
      this.stop(slot);
      job?.reject(new UserFacingError('batch-cancelled', '检查已取消。'));
    }
  }

  private stop(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    const child = slot.child;
    slot.child = null;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job || this.queue.length === 0 || this.closed) continue;
      const job = this.queue.shift()!;
      try {
        this.run(slot, job);
      } catch (e) {
        this.stop(slot);
        job.reject(new UserFacingError('import-docx-failed', `无法启动 Word 导入：${e instanceof Error ? e.message : String(e)}`));
      }
    }
  }

  private finish(slot: Slot, job: Job, outcome: () => void, keepChild: boolean): void {
    if (slot.job !== job) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    if (!keepChild) this.stop(slot);
    outcome();
    this.pump();
  }

  private child(slot: Slot): ChildProcess {
    if (slot.child) return slot.child;
    const child = startChild(this.memoryMb);
    slot.child = child;
    slot.stderr = '';
    slot.ready = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      if (slot.stderr.length < 8192) slot.stderr += chunk.toString('utf8');
    });
    child.on('message', (reply: BatchDocxReply) => {
      if (slot.child !== child) return;
      if ('ready' in reply) {
        slot.ready = true;
        if (slot.job) this.time(slot, slot.job);
        return;
      }
      const job = slot.job;
      if (!job || reply.id !== job.id || slot.child !== child) return;
      this.finish(slot, job, () => {
        if (reply.ok) job.resolve({ doc: reply.doc, notes: reply.notes, markers: reply.markers, checked: reply.checked, checkError: reply.checkError });
        else if (reply.userFacing) job.reject(new UserFacingError('import-docx', `无法导入“${job.fileName}”：${reply.message}`));
        else job.reject(new UserFacingError('import-docx-failed', `导入“${job.fileName}”时出错：${reply.message}。原文件未作任何改动。`));
      }, true);
    });
    const died = (why: string) => {
      if (slot.child !== child) return;
      const job = slot.job;
      slot.child = null;
      if (!job) return;
      const memory = /heap out of memory|Reached heap limit|Allocation failed/i.test(slot.stderr);
      this.finish(slot, job, () => job.reject(memory
        ? new UserFacingError('import-docx-memory', `“${job.fileName}”过于庞大或复杂，读取时超出了允许的内存（${this.memoryMb} MB），已停止导入。原文件未作任何改动。`)
        : new UserFacingError('import-docx-failed', `读取“${job.fileName}”的导入进程意外退出（${why}），已停止导入。原文件未作任何改动。`)), false);
    };
    child.on('exit', (code, signal) => died(signal ?? `代码 ${code}`));
    child.on('error', (e) => died(e.message));
    return child;
  }

  /** Times `job`: the per-file limit once the child is up, a start-up allowance before. */
  private time(slot: Slot, job: Job): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      this.finish(slot, job, () => job.reject(slot.ready
        ? new UserFacingError('import-docx-timeout', `读取“${job.fileName}”超过 ${Math.max(1, Math.round(this.timeoutMs / 1000))} 秒仍未完成，文件可能过于复杂或已损坏，已停止导入。原文件未作任何改动。`)
        : new UserFacingError('import-docx-failed', `Word 导入进程未能启动，“${job.fileName}”未读取。原文件未作任何改动。`)), false);
    }, slot.ready ? this.timeoutMs : START_TIMEOUT_MS);
  }

  private run(slot: Slot, job: Job): void {
    slot.job = job;
    const child = this.child(slot);
    this.time(slot, job);
    const request: BatchDocxRequest = { id: job.id, bytes: job.bytes, fileName: job.fileName, check: job.check };
    child.send(request, (e) => {
      if (e) this.finish(slot, job, () => job.reject(new UserFacingError('import-docx-failed', `无法把“${job.fileName}”交给导入进程：${e.message}`)), false);
    });
  }
}
