// A small pool of capped Word-import child processes for the batch (Node). Same caps and messages as the one-file
// import (docxImport.ts: heap cap, timeout per file, the file never modified), but each child reads file after
// file: forking one per file costs a third of a second or more, too slow for a folder of a hundred reports. A child
// that runs out of heap or time is killed; its file becomes a row with the reason and the next file gets a new child.
import type { ChildProcess } from 'node:child_process';
import { UserFacingError } from '../../shared/ipc/contract';
import type { ImportNote } from '../../shared/model/importNote';
import type { ReportDocument } from '../../shared/model/schema';
import type { ReportCheck } from './batchCheck';
import { captureStderr, forkWorker, ranOutOfHeap } from './cappedChild';
import { DOCX_IMPORT_MEMORY_MB, DOCX_IMPORT_TIMEOUT_MS, docxImportErrors } from './docxImport';
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
  stderr: () => string;
  ready: boolean;
}

/** Time a child may take to start (load its code) before its first file is timed. */
const START_TIMEOUT_MS = 60_000;

export class DocxPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private readonly memoryMb: number;
  private readonly timeoutMs: number;
  private nextId = 1;
  private closed = false;

  constructor(options: DocxPoolOptions = {}) {
    this.slots = Array.from({ length: Math.max(1, options.size ?? 2) }, () => ({ child: null, job: null, timer: null, stderr: () => '', ready: false }));
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
        job.reject(docxImportErrors(job.fileName).start(e instanceof Error ? e.message : String(e)));
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
    const child = forkWorker('batchDocxWorker', this.memoryMb);
    slot.child = child;
    slot.stderr = captureStderr(child);
    slot.ready = false;
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
        else job.reject(docxImportErrors(job.fileName).reported(reply.message, reply.userFacing));
      }, true);
    });
    const died = (why: string) => {
      if (slot.child !== child) return;
      const job = slot.job;
      slot.child = null;
      if (!job) return;
      const errors = docxImportErrors(job.fileName);
      this.finish(slot, job, () => job.reject(ranOutOfHeap(slot.stderr()) ? errors.memory(this.memoryMb) : errors.exited(why)), false);
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
        ? docxImportErrors(job.fileName).timeout(Math.max(1, Math.round(this.timeoutMs / 1000)))
        : new UserFacingError('import-docx-failed', `Word 导入进程未能启动，“${job.fileName}”未读取。原文件未作任何改动。`)), false);
    }, slot.ready ? this.timeoutMs : START_TIMEOUT_MS);
  }

  private run(slot: Slot, job: Job): void {
    slot.job = job;
    const child = this.child(slot);
    this.time(slot, job);
    const request: BatchDocxRequest = { id: job.id, bytes: job.bytes, fileName: job.fileName, check: job.check };
    child.send(request, (e) => {
      if (e) this.finish(slot, job, () => job.reject(docxImportErrors(job.fileName).send(e.message)), false);
    });
  }
}
