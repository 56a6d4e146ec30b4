// Child processes with a heap cap (Node), for reading files that may be hostile: the Word import, the review import
// and the batch's pool. A child rather than a worker thread: V8 can abort the whole process when a worker thread
// reaches its resourceLimits in a tight loop, while a child that runs out of heap dies alone.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { UserFacingError } from '../../shared/ipc/contract';

/** The workers run in children (each an esbuild entry in scripts/build.mjs, a .ts file beside this one). */
export type WorkerName = 'docxImportWorker' | 'reviewImportWorker' | 'batchDocxWorker';

/**
 * Starts worker `name` with a heap of `memoryMb`: the bundled .js in the built app, else the .ts source through
 * tsx's require hook (the CLI under tsx, the unit tests, the bench).
 */
export function forkWorker(name: WorkerName, memoryMb: number): ChildProcess {
  const heap = `--max-old-space-size=${memoryMb}`;
  const options = { serialization: 'advanced' as const, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] as ('ignore' | 'pipe' | 'ipc')[] };
  // __dirname, not import.meta: this module is loaded as CommonJS by the esbuild bundle, tsx and Playwright alike.
  // The bundled main.js sits in dist/main and the workers in dist/main/services (scripts/build.mjs).
  const built = [join(__dirname, `${name}.js`), join(__dirname, 'services', `${name}.js`)].find((p) => existsSync(p));
  if (built) return fork(built, [], { ...options, execArgv: [heap] });
  const tsx = createRequire(join(__dirname, 'cappedChild.ts')).resolve('tsx/cjs');
  return fork(join(__dirname, `${name}.ts`), [], { ...options, execArgv: [heap, '--require', tsx] });
}

/** The start of the child's stderr (8 KB), read as it comes, to tell a child that ran out of heap. */
export function captureStderr(child: ChildProcess): () => string {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < 8192) stderr += chunk.toString('utf8');
  });
  return () => stderr;
}

/** Whether a dead child's stderr says V8 ran out of heap. */
export function ranOutOfHeap(stderr: string): boolean {
  return /heap out of memory|Reached heap limit|Allocation failed/i.test(stderr);
}

/** The errors (Chinese, for the user) of a capped run, by what went wrong. */
export interface CappedRunErrors {
  /** The child could not be started. */
  start(why: string): UserFacingError;
  /** The input could not be sent to it. */
  send(why: string): UserFacingError;
  /** The child process failed (an 'error' event). */
  error(why: string): UserFacingError;
  /** It did not answer within the time allowed (seconds, at least 1). */
  timeout(seconds: number): UserFacingError;
  /** It ran out of its heap. */
  memory(memoryMb: number): UserFacingError;
  /** It died otherwise (the signal, or 代码 N). */
  exited(how: string): UserFacingError;
}

/**
 * Runs worker `name` once on `input`: its one message is turned into the result by `reply` (which throws a
 * UserFacingError for a failure it reports); the child is killed when it answers, fails or overruns `timeoutMs`.
 */
export function runInCappedChild<I, O, R>(
  name: WorkerName,
  input: I,
  limits: { memoryMb: number; timeoutMs: number },
  errors: CappedRunErrors,
  reply: (out: O) => R,
): Promise<R> {
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = forkWorker(name, limits.memoryMb);
    } catch (e) {
      reject(errors.start(e instanceof Error ? e.message : String(e)));
      return;
    }
    let settled = false;
    const stderr = captureStderr(child);
    const finish = (f: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    };
    const timer = setTimeout(() => finish(() => reject(errors.timeout(Math.max(1, Math.round(limits.timeoutMs / 1000))))), limits.timeoutMs);
    child.on('message', (out: O) => {
      finish(() => {
        try {
          resolve(reply(out));
        } catch (e) {
          reject(e);
        }
      });
    });
    child.on('error', (e) => finish(() => reject(errors.error(e.message))));
    child.on('exit', (code, signal) => {
      finish(() => reject(ranOutOfHeap(stderr()) ? errors.memory(limits.memoryMb) : errors.exited(signal ?? `代码 ${code}`)));
    });
    child.send(input as object, (e) => {
      if (e) finish(() => reject(errors.send(e.message)));
    });
  });
}
