// Hostile files against the real import path: zip bombs (honest, lying and overlapping), 10,000 entries, zip-slip
// names, XXE, billion laughs, 100,000-deep XML, a truncated zip, a workbook renamed .docx, a 50 MB document.xml, and
// .fzbg files that are truncated, of a newer version or 200 MB. Each runs in a child process (the CLI's `import`,
// and for .fzbg also the app's own open handler) that must answer within 10 s and 512 MB: imported, or refused
// with a Chinese message and exit code 2; never a crash or a stack trace, never a network use, never a file written
// outside its temporary folder, and the file itself never modified.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../shared/model/format';
import { blockText } from '../../shared/model/schema';
import { HOSTILE_FILES, type HostileFile } from './hostile/files';
import { CHINESE, CLI, CRASH_TRACE, runTs, type ChildRun } from './hostile/run';
import { tempDir } from '../support/tempDir';

/**
 * The import itself is held to 10 s by the product (the Word import's own timeout refuses the file after 10 s); the
 * child as a whole, with its TypeScript start-up on a busy machine, is killed as hung only after a minute.
 */
const HANG_MS = 60_000;
const MEMORY_BUDGET_KB = 512 * 1024;

let work: string;
let sharedTmp: string;

beforeAll(() => {
  work = tempDir('hostile');
  // The children's TMPDIR: tsx keeps its compile cache there (tsx-*), which the snapshots leave out.
  sharedTmp = join(work, 'tmp');
  mkdirSync(sharedTmp);
});

/** Every file and folder under `root` with size and modification time, except tsx's compile cache. */
function snapshot(root: string): Map<string, string> {
  const seen = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      const rel = relative(root, full);
      if (/^tmp[\\/]tsx-/.test(rel)) continue;
      const st = lstatSync(full);
      seen.set(rel, st.isDirectory() ? 'dir' : `${st.size}:${st.mtimeMs}`);
      if (st.isDirectory()) walk(full);
    }
  };
  walk(root);
  return seen;
}

function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of after) if (before.get(k) !== v) out.push(k);
  for (const k of before.keys()) if (!after.has(k)) out.push(`-${k}`);
  return out.sort();
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function describeRun(r: ChildRun): string {
  return `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}${r.timedOut ? ' (hung: killed)' : ''}, peak ${Math.round(r.peakRssKb / 1024)} MB\nstderr: ${r.stderr.slice(0, 600)}\nstdout: ${r.stdout.slice(0, 300)}`;
}

/** What every run must satisfy, whatever the file. */
function expectContained(r: ChildRun, label: string): void {
  const why = `${label}: ${describeRun(r)}`;
  expect(r.timedOut, why).toBe(false);
  expect(r.signal, why).toBeNull();
  expect([0, 2], why).toContain(r.code);
  expect(r.peakRssKb, why).toBeGreaterThan(0);
  expect(r.peakRssKb, why).toBeLessThan(MEMORY_BUDGET_KB);
  expect(r.stderr, why).not.toMatch(CRASH_TRACE);
  expect(r.stdout, why).not.toMatch(CRASH_TRACE);
  expect(r.networkAttempts, why).toEqual([]);
  // A refusal is a deliberate one (a limit, a format, the 10 s timeout), not the import process dying.
  expect(r.stderr + r.stdout, why).not.toMatch(/意外退出|程序内部错误/);
}

const APP_IMPORT_CASES = new Set(['zip-bomb-lying', 'zip-slip', 'xxe', 'truncated-zip', 'xlsx-as-docx', 'huge-document-xml']);

const outcomes: { id: string; via: string; code: number | null; peakMb: number; ms: number; said: string }[] = [];

describe.each(HOSTILE_FILES.map((f) => [f.id, f] as const))('hostile file %s', (id, file: HostileFile) => {
  let caseRoot: string;
  let input: string;
  let escapeTargets: string[] = [];
  let hashBefore: string;

  beforeAll(async () => {
    caseRoot = join(work, id);
    for (const sub of ['in', 'out', 'cwd', 'home', 'data']) mkdirSync(join(caseRoot, sub), { recursive: true });
    const created = await file.create(join(caseRoot, 'in'));
    input = created.path;
    escapeTargets = created.escapeTargets ?? [];
    hashBefore = await sha256(input);
  }, 120_000);

  afterAll(() => rmSync(caseRoot, { recursive: true, force: true }));

  it(`${file.what}: the CLI ${file.expect === 'reject' ? 'refuses it' : 'imports or refuses it'} within 10 s and 512 MB, writing nothing else`, async () => {
    const output = join(caseRoot, 'out', 'imported.fzbg');
    const before = snapshot(work);
    const r = await runTs(CLI, ['import', input, '-o', output], {
      cwd: join(caseRoot, 'cwd'), scratch: join(caseRoot, 'scratch'), timeoutMs: HANG_MS,
      env: { TMPDIR: sharedTmp, HOME: join(caseRoot, 'home') },
    });
    outcomes.push({ id, via: 'cli import', code: r.code, peakMb: Math.round(r.peakRssKb / 1024), ms: r.ms, said: (r.stderr || r.stdout).split('\n')[0]! });
    expectContained(r, `${id} via the CLI`);
    if (file.expect === 'reject') expect(r.code, describeRun(r)).toBe(2);
    if (r.code === 2) {
      expect(r.stderr).toMatch(/^出错：/);
      expect(r.stderr).toMatch(CHINESE);
      expect(existsSync(output)).toBe(false);
    } else {
      expect(r.stdout).toMatch(/^已导入/);
      // What was imported is a valid report document.
      expect(() => parseDocument(readFileSync(output, 'utf8'))).not.toThrow();
    }
    if (file.imported) {
      // A file that must import: it did, and nothing in it was lost silently.
      expect(r.code, describeRun(r)).toBe(0);
      const doc = parseDocument(readFileSync(output, 'utf8'));
      if (file.imported.title) expect(doc.meta.title).toBe(file.imported.title);
      const text = doc.body.map(blockText).join('\n');
      for (const re of file.imported.text ?? []) expect(text).toMatch(re);
      for (const re of file.imported.said ?? []) expect(r.stdout).toMatch(re);
    }
    if (file.forbiddenOutput) {
      expect(r.stdout + r.stderr).not.toMatch(file.forbiddenOutput);
      if (existsSync(output)) expect(readFileSync(output, 'utf8')).not.toMatch(file.forbiddenOutput);
    }
    // Nothing appeared or changed anywhere but the output file (and the hook logs in scratch/).
    const changed = changes(before, snapshot(work)).filter((p) => !p.startsWith(join(id, 'scratch')));
    expect(changed).toEqual(r.code === 0 ? [join(id, 'out', 'imported.fzbg')] : []);
    for (const target of escapeTargets) expect(existsSync(target), `zip-slip wrote ${target}`).toBe(false);
    expect(await sha256(input)).toBe(hashBefore);
  }, 2 * HANG_MS);

  // The app's own handlers behind the dispatcher: every .fzbg through 打开, and a sample of the Word files through 导入.
  const appMethod = file.id.startsWith('fzbg-') ? 'openDocument' : APP_IMPORT_CASES.has(file.id) ? 'importFile' : null;
  if (appMethod) {
    it(`${file.what}: the app's ${appMethod} handler ${file.expect === 'reject' ? 'refuses it' : 'takes or refuses it'} within 512 MB`, async () => {
      const before = snapshot(join(caseRoot, 'in'));
      const r = await runTs(join(__dirname, 'hostile', 'app-open.ts'), [appMethod, input, join(caseRoot, 'data')], {
        cwd: join(caseRoot, 'cwd'), scratch: join(caseRoot, 'scratch'), timeoutMs: HANG_MS,
        env: { TMPDIR: sharedTmp, HOME: join(caseRoot, 'home') },
      });
      outcomes.push({ id, via: `app ${appMethod}`, code: r.code, peakMb: Math.round(r.peakRssKb / 1024), ms: r.ms, said: r.stdout.trim() });
      expectContained(r, `${id} via the app`);
      const envelope = JSON.parse(r.stdout);
      if (file.expect === 'reject') expect(r.code, describeRun(r)).toBe(2);
      if (r.code === 2) {
        expect(envelope.ok).toBe(false);
        expect(envelope.error.code).not.toBe('internal');
        expect(envelope.error.message).toMatch(CHINESE);
      } else {
        expect(envelope).toMatchObject({ ok: true, status: appMethod === 'openDocument' ? 'opened' : 'imported' });
        expect(envelope.blocks).toBeGreaterThan(10);
      }
      expect(changes(before, snapshot(join(caseRoot, 'in')))).toEqual([]);
      expect(await sha256(input)).toBe(hashBefore);
    }, 2 * HANG_MS);
  }
});

afterAll(() => {
  // The figures the security report quotes.
  console.log(`hostile files: ${HOSTILE_FILES.length}, runs: ${outcomes.length}\n${outcomes.map((o) => `  ${o.id} (${o.via}): exit ${o.code}, peak ${o.peakMb} MB, ${(o.ms / 1000).toFixed(1)} s: ${o.said.slice(0, 160)}`).join('\n')}`);
});
