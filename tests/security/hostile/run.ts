// Runs a TypeScript entry (the CLI, or the app-open runner) in a child Node process under watch (tests, Node): every
// network use throws and is logged, the peak resident memory of each process is recorded, and the child is killed
// when it overruns its time budget.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPO = resolve(__dirname, '..', '..', '..');
export const CLI = join(REPO, 'main', 'cli.ts');
const NO_NETWORK = join(__dirname, 'no-network.cjs');
const RECORD_RSS = join(__dirname, 'record-rss.cjs');
const TSX = pathToFileURL(join(REPO, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the child was killed for overrunning its budget. */
  timedOut: boolean;
  /** The largest peak resident set (kB) of the child and of any Node process it started; 0 if none reported. */
  peakRssKb: number;
  /** Wall-clock time of the child, start-up included (for the report; not asserted). */
  ms: number;
  /** Processes (the child and any it started) in which the no-network hook was loaded. */
  hookedPids: number[];
  /** Network uses the no-network hook blocked, one JSON object each. */
  networkAttempts: { what: string; detail: string }[];
}

export interface RunOptions {
  cwd: string;
  /** Folder for the hook logs and the child's TMPDIR/HOME. */
  scratch: string;
  timeoutMs: number;
  /** Extra environment (e.g. a shared TMPDIR so tsx's compile cache survives between runs). */
  env?: Record<string, string>;
}

/** Runs `node --require no-network --require record-rss --import tsx <entry> …args`. */
export function runTs(entry: string, args: readonly string[], options: RunOptions): Promise<ChildRun> {
  mkdirSync(options.scratch, { recursive: true });
  const netLog = join(options.scratch, 'network.log');
  const rssLog = join(options.scratch, 'rss.log');
  const hookedLog = join(options.scratch, 'hooked.log');
  for (const f of [netLog, rssLog, hookedLog]) rmSync(f, { force: true });
  const hooks = `--require ${JSON.stringify(NO_NETWORK)} --require ${JSON.stringify(RECORD_RSS)}`;
  const started = Date.now();
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, entry, ...args], {
      cwd: options.cwd,
      // NODE_OPTIONS (not argv) so that any Node process or worker the child starts carries the hooks too.
      env: { ...process.env, NODE_OPTIONS: hooks, FZBG_NET_LOG: netLog, FZBG_RSS_LOG: rssLog, FZBG_HOOKED_LOG: hookedLog, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    // On Linux, also sample the peak (VmHWM) of the child and its descendants while they run: a process killed at
    // its own limit (the Word import's timeout) never reaches the exit hook.
    const sampled = new Map<number, number>();
    const sampler = setInterval(() => sampleTree(child.pid, sampled), 50);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(sampler);
      const rss = existsSync(rssLog)
        ? readFileSync(rssLog, 'utf8').trim().split('\n').filter(Boolean).map((l) => Number(l.split(' ')[1]))
        : [];
      const net = existsSync(netLog)
        ? readFileSync(netLog, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { what: string; detail: string })
        : [];
      resolveRun({
        code, signal, timedOut, ms: Date.now() - started,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        peakRssKb: Math.max(0, ...rss, ...sampled.values()),
        networkAttempts: net,
        hookedPids: existsSync(hookedLog) ? readFileSync(hookedLog, 'utf8').trim().split('\n').filter(Boolean).map(Number) : [],
      });
    });
  });
}

/** A stack trace or an uncaught error's name in output the user sees: the CLI must never print one. */
export const CRASH_TRACE = /^\s+at .+[(:]\d+:\d+\)?$|\b(TypeError|RangeError|ReferenceError|SyntaxError|AssertionError)\b|Unhandled|node:internal/m;
/** Chinese text (a message for the user). */
export const CHINESE = /[\u4e00-\u9fff]/;

/** Records VmHWM (peak resident set, kB) of `root` and every descendant into `peaks`, where /proc exists. */
function sampleTree(root: number | undefined, peaks: Map<number, number>): void {
  if (root === undefined || !existsSync('/proc/self/status')) return;
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parentOf.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 20; p = parentOf.get(p), hops++) if (p === root) return true;
    return false;
  };
  for (const pid of parentOf.keys()) {
    if (!inTree(pid)) continue;
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      if (kb > (peaks.get(pid) ?? 0)) peaks.set(pid, kb);
    } catch {
      // ended meanwhile
    }
  }
}
