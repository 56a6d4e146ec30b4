// Failures the app must survive without losing text, driven through the real contract handlers and dispatcher:
// a recovery area it cannot write to, a disk that fills up, and two saves of one document at once (in one app and
// from two processes). Real mounts where this machine allows them (a read-only bind mount, a 1 MB tmpfs); where it
// does not, the same errors are injected at the node:fs layer, under the services, exactly as the kernel reports them.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { createDispatcher, type Dispatcher } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { TEMP_PREFIX } from '../../main/services/atomicWrite';
import { RecoveryService } from '../../main/services/recovery';
import { parseDocument, serializeDocument } from '../../shared/model/format';
import type { ReportDocument } from '../../shared/model/schema';
import { fixtureLines, fzbgOf } from '../security/hostile/files';
import { tempDir } from '../support/tempDir';

const REPO = resolve(__dirname, '..', '..');
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

let work: string;
beforeAll(() => {
  work = tempDir('fail');
});

function folder(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A report of the real text: the first `n` lines of a published report, under one stable id. */
function report(n: number, id = 'failures-doc'): ReportDocument {
  return { ...parseDocument(fzbgOf(fixtureLines().slice(0, n))), id };
}

const mountAllowed = process.env.FZBG_TEST_NO_MOUNT !== '1';
function mount(args: string[]): boolean {
  if (!mountAllowed) return false;
  return spawnSync('mount', args, { stdio: 'ignore' }).status === 0;
}

// ---- errors injected at the node:fs layer (where mounting is not permitted) ---------------------------------------
const faults = new Map<string, string>();
let patched = false;
function injectFault(dir: string, code: 'ENOSPC' | 'EROFS'): () => void {
  if (!patched) {
    patched = true;
    const fsp = createRequire(import.meta.url)('node:fs/promises') as typeof import('node:fs/promises');
    const faultFor = (p: unknown): string | undefined => {
      const full = resolve(String(p));
      for (const [d, c] of faults) if (full === d || full.startsWith(d + sep)) return c;
      return undefined;
    };
    const fail = (code: string, syscall: string, p: unknown): never => {
      throw Object.assign(new Error(`${code}: injected, ${syscall} '${String(p)}'`), { code, syscall, path: String(p) });
    };
    const { open, writeFile, appendFile, rename, unlink, mkdir, link, copyFile } = fsp;
    Object.assign(fsp, {
      open: async (p: string, flags?: string, mode?: number) => {
        const code = faultFor(p);
        const writing = typeof flags === 'string' && /[wa+]/.test(flags);
        if (code === 'EROFS' && writing) fail(code, 'open', p);
        const handle = await open(p, flags, mode);
        if (code !== 'ENOSPC' || !writing) return handle;
        // A full disk lets the file be created and refuses its bytes.
        return Object.assign(Object.create(handle), { writeFile: async () => fail(code, 'write', p), write: async () => fail(code, 'write', p) });
      },
      writeFile: async (p: string, ...rest: unknown[]) => (faultFor(p) ? fail(faultFor(p)!, 'write', p) : (writeFile as any)(p, ...rest)),
      appendFile: async (p: string, ...rest: unknown[]) => (faultFor(p) ? fail(faultFor(p)!, 'write', p) : (appendFile as any)(p, ...rest)),
      rename: async (a: string, b: string) => (faultFor(b) === 'EROFS' ? fail('EROFS', 'rename', b) : rename(a, b)),
      unlink: async (p: string) => (faultFor(p) === 'EROFS' ? fail('EROFS', 'unlink', p) : unlink(p)),
      link: async (a: string, b: string) => (faultFor(b) ? fail(faultFor(b)!, 'link', b) : link(a, b)),
      copyFile: async (a: string, b: string) => (faultFor(b) ? fail(faultFor(b)!, 'copyfile', b) : copyFile(a, b)),
      mkdir: async (p: string, options?: { recursive?: boolean }) =>
        faultFor(p) === 'EROFS' && !existsSync(p) ? fail('EROFS', 'mkdir', p) : mkdir(p, options),
    });
    syncBuiltinESMExports();
  }
  const key = resolve(dir);
  faults.set(key, code);
  return () => faults.delete(key);
}

/** A folder on a disk that can be filled up and freed again: a 1 MB tmpfs, or ENOSPC injected at the fs layer. */
function smallDisk(name: string): { dir: string; kind: 'tmpfs' | 'injected'; fill(): void; free(): void } {
  const dir = folder(name);
  if (mount(['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir])) {
    cleanups.push(() => spawnSync('umount', [dir], { stdio: 'ignore' }));
    const filler = join(dir, 'filler.bin');
    return {
      dir, kind: 'tmpfs',
      fill() {
        const fd = openSync(filler, 'w');
        const block = Buffer.alloc(4096, 1);
        try {
          for (;;) writeSync(fd, block);
        } catch (e) {
          expect((e as { code?: string }).code).toBe('ENOSPC');
        } finally {
          closeSync(fd);
        }
      },
      free: () => rmSync(filler),
    };
  }
  let undo: (() => void) | null = null;
  return {
    dir, kind: 'injected',
    fill: () => { undo = injectFault(dir, 'ENOSPC'); },
    free: () => { undo?.(); undo = null; },
  };
}

/** A folder that becomes read-only: a read-only bind mount over itself, or EROFS injected at the fs layer. */
function makeReadOnly(dir: string): 'mount' | 'injected' {
  if (mount(['--bind', dir, dir])) {
    cleanups.push(() => spawnSync('umount', [dir], { stdio: 'ignore' }));
    if (mount(['-o', 'remount,ro,bind', dir])) {
      expect(() => writeFileSync(join(dir, 'probe'), 'x')).toThrow();
      return 'mount';
    }
  }
  cleanups.push(injectFault(dir, 'EROFS'));
  return 'injected';
}

function app(dataDir: string, saveTo: string | null = null): { dispatch: Dispatcher; logged: string[] } {
  const logged: string[] = [];
  const handlers = createHandlers({
    dataDir, templatesDir: join(REPO, 'templates'), appName: '法治年报助手', appVersion: 'test', platform: process.platform,
    dialogs: { openFile: async () => null, saveFile: async () => saveTo, openFolder: async () => null },
    window: { setTitle: () => undefined, setDirty: () => undefined, closeConfirmed: () => undefined },
  });
  return { dispatch: createDispatcher(handlers, (message) => logged.push(message)), logged };
}

async function ok<T = any>(dispatch: Dispatcher, method: string, ...args: unknown[]): Promise<T> {
  const envelope = await dispatch(method, args);
  expect(envelope, `${method} should succeed`).toMatchObject({ ok: true });
  return (envelope as { value: T }).value;
}
async function refused(dispatch: Dispatcher, method: string, ...args: unknown[]): Promise<{ code: string; message: string }> {
  const envelope = await dispatch(method, args);
  expect(envelope, `${method} should be refused`).toMatchObject({ ok: false });
  const { error } = envelope as { error: { code: string; message: string } };
  expect(error.code).not.toBe('internal');
  expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  return error;
}

const temps = (dir: string) => readdirSync(dir).filter((n) => n.startsWith(TEMP_PREFIX));

describe('the recovery area cannot be written', () => {
  it('the app still starts, lists and restores earlier entries, says autosave failed in Chinese, and saves documents', async () => {
    const dataDir = folder('ro/data');
    const docs = folder('ro/docs');
    // An earlier run crashed and left an entry.
    const earlier = new RecoveryService(join(dataDir, 'recovery'));
    await earlier.init();
    const left = report(12, 'earlier-doc');
    const { id: earlierId } = await earlier.write({ doc: left, filePath: null, fileName: '上次的报告.fzbg' });
    const entryFile = join(dataDir, 'recovery', `${earlierId}.json`);
    const entryBytes = readFileSync(entryFile);

    const how = makeReadOnly(dataDir);
    const { dispatch } = app(dataDir, join(docs, '报告.fzbg'));

    const list = await ok(dispatch, 'listRecovery');
    expect(list.entries.map((e: { id: string }) => e.id)).toEqual([earlierId]);
    const restored = await ok(dispatch, 'readRecovery', earlierId);
    expect(restored.doc).toEqual(left);

    const doc = report(20);
    const autosave = await refused(dispatch, 'writeRecovery', { handle: null, fileName: null, doc });
    expect(autosave.code).toBe('recovery-write-failed');
    expect(autosave.message).toMatch(/恢复区.*(没有写入权限|无法写入)/);

    // The user's own save is what matters, and it works.
    const saved = await ok(dispatch, 'saveDocument', { handle: null, doc, saveAs: false });
    expect(saved.status).toBe('saved');
    expect(parseDocument(readFileSync(join(docs, '报告.fzbg'), 'utf8'))).toEqual(doc);
    // Settings that cannot be stored, a named version that cannot be kept: refused with a reason, not a crash.
    for (const [method, arg] of [['updateSettings', { defaultOrgan: '江海区司法局' }], ['createVersion', { doc, name: '送审稿' }]] as const) {
      const envelope = await dispatch(method, [arg]);
      if (!envelope.ok) {
        expect(envelope.error.code, `${method}: ${envelope.error.message}`).not.toBe('internal');
        expect(envelope.error.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    // The earlier entry is untouched, and discarding it is refused with a reason rather than an internal error.
    const discard = await refused(dispatch, 'discardRecovery', earlierId);
    expect(discard.message).toMatch(/恢复记录/);
    expect(readFileSync(entryFile).equals(entryBytes)).toBe(true);
    expect(['mount', 'injected']).toContain(how);
  });
});

describe('the disk fills up', () => {
  it('a save and an autosave are refused in Chinese; the file and the last autosave stay whole; after freeing space the save succeeds', async () => {
    const disk = smallDisk('full');
    const dataDir = join(disk.dir, 'data');
    const docs = join(disk.dir, 'docs');
    mkdirSync(docs);
    const target = join(docs, '报告.fzbg');
    const { dispatch } = app(dataDir, target);

    const first = report(10);
    const { session } = await ok(dispatch, 'saveDocument', { handle: null, doc: first, saveAs: false });
    const onDisk = readFileSync(target);
    const typed = report(14);
    const { id: entryId } = await ok(dispatch, 'writeRecovery', { handle: session.handle, fileName: session.fileName, doc: typed });

    disk.fill();
    const more = report(40);
    const save = await refused(dispatch, 'saveDocument', { handle: session.handle, doc: more, saveAs: false });
    expect(save.code).toBe('save-disk-full');
    expect(save.message).toMatch(/磁盘空间不足.*原文件未作任何改动/);
    expect(readFileSync(target).equals(onDisk)).toBe(true);
    expect(temps(docs)).toEqual([]);

    const autosave = await refused(dispatch, 'writeRecovery', { handle: session.handle, fileName: session.fileName, doc: more });
    expect(autosave).toMatchObject({ code: 'recovery-write-failed', message: expect.stringContaining('磁盘空间不足') });
    // The autosave before the disk filled is still there, whole.
    const { doc: recovered } = await ok(dispatch, 'readRecovery', entryId);
    expect(recovered).toEqual(typed);
    expect(temps(join(dataDir, 'recovery'))).toEqual([]);

    disk.free();
    await ok(dispatch, 'saveDocument', { handle: session.handle, doc: more, saveAs: false });
    expect(parseDocument(readFileSync(target, 'utf8'))).toEqual(more);
    expect(parseDocument(readFileSync(`${target}.bak`, 'utf8'))).toEqual(first);
    expect(temps(docs)).toEqual([]);
    expect(['tmpfs', 'injected']).toContain(disk.kind);
  });
});

describe('the command line on a full disk', () => {
  it('import and export say the disk is full, in Chinese, with exit code 2, and leave nothing behind', async () => {
    const disk = smallDisk('cli-full');
    const fixture = resolve(REPO, '..', 'shared', 'fixtures', 'reports', 'jianghai-2025-webpage.txt');
    const cli = async (...args: string[]) => {
      let out = '';
      let err = '';
      const sink = (add: (s: string) => void) => new Writable({ write(chunk, _enc, done) { add(String(chunk)); done(); } });
      const code = await runCli(args, sink((s) => (out += s)), sink((s) => (err += s)));
      return { code, out, err };
    };
    const fzbg = join(disk.dir, '报告.fzbg');
    expect((await cli('import', fixture, '-o', fzbg)).code).toBe(0);
    const saved = readFileSync(fzbg);
    disk.fill();
    for (const args of [['import', fixture, '-o', fzbg, '--force'], ['export', fzbg, '-o', join(disk.dir, '报告.docx')]]) {
      const r = await cli(...args);
      expect(r.code, `${args[0]}: ${r.err}`).toBe(2);
      expect(r.err).toMatch(/^出错：.*磁盘空间不足/);
      expect(r.err).not.toMatch(/^\s+at /m);
    }
    expect(readFileSync(fzbg).equals(saved)).toBe(true);
    // Nothing half-written: no Word file, no temp file, not even a backup (the new bytes never fitted).
    expect(readdirSync(disk.dir).filter((n) => n !== 'filler.bin')).toEqual(['报告.fzbg']);
    disk.free();
  });
});

describe('two saves of one document at once', () => {
  it('in one app: ten saves fired together all succeed, one after another; the last one is on disk, the one before it in .bak', async () => {
    const docs = folder('twice/docs');
    const target = join(docs, '报告.fzbg');
    const { dispatch } = app(folder('twice/data'), target);
    const { session } = await ok(dispatch, 'saveDocument', { handle: null, doc: report(5), saveAs: false });
    const versions = Array.from({ length: 10 }, (_, i) => report(10 + i * 3));
    const results = await Promise.all(versions.map((doc) => dispatch('saveDocument', [{ handle: session.handle, doc, saveAs: false }])));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(parseDocument(readFileSync(target, 'utf8'))).toEqual(versions[9]);
    expect(parseDocument(readFileSync(`${target}.bak`, 'utf8'))).toEqual(versions[8]);
    expect(temps(docs)).toEqual([]);
  });

  it('from two processes: the file is always one whole version, never a mix, and no temp file is left', async () => {
    const docs = folder('two-processes');
    const target = join(docs, '报告.fzbg');
    const a = report(60);
    const b = { ...report(30), meta: { ...report(30).meta, title: '另一个窗口里的标题' } };
    const wholeVersions = [serializeDocument(a), serializeDocument(b)];
    writeFileSync(join(work, 'a.json'), JSON.stringify(a));
    writeFileSync(join(work, 'b.json'), JSON.stringify(b));
    writeFileSync(target, wholeVersions[0]!);

    const tsx = pathToFileURL(join(REPO, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const child = (version: string) =>
      new Promise<{ code: number | null; out: string; err: string }>((done, reject) => {
        const p = spawn(process.execPath, ['--import', tsx, join(REPO, 'tests/security/hostile/save-loop.ts'), target, join(work, version), '40'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        p.stdout.on('data', (d) => (out += d));
        p.stderr.on('data', (d) => (err += d));
        p.on('error', reject);
        p.on('close', (code) => done({ code, out, err }));
      });
    let reads = 0;
    let running = true;
    const both = Promise.all([child('a.json'), child('b.json')]).finally(() => (running = false));
    // Meanwhile a reader (the other window opening the file) always finds one whole version.
    while (running) {
      const text = readFileSync(target, 'utf8');
      expect(wholeVersions).toContain(text);
      reads++;
      await new Promise((r) => setTimeout(r, 2));
    }
    const [ra, rb] = await both;
    expect(ra, ra.err).toMatchObject({ code: 0, out: '{"failed":0}\n' });
    expect(rb, rb.err).toMatchObject({ code: 0, out: '{"failed":0}\n' });
    expect(reads).toBeGreaterThan(10);
    expect(wholeVersions).toContain(readFileSync(target, 'utf8'));
    expect(wholeVersions).toContain(readFileSync(`${target}.bak`, 'utf8'));
    expect(temps(docs)).toEqual([]);
  });
});

describe('the CLI’s reader goes away', () => {
  it.each([['outline'], ['check', '--json']])('`%s … | head` ends quietly: no stack trace, an exit code of 0, 1 or 2', async (command, ...flags) => {
    const tsx = pathToFileURL(join(REPO, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const fixture = resolve(REPO, '..', 'shared', 'fixtures', 'reports', 'jianghai-2025-webpage.txt');
    const { code, err } = await new Promise<{ code: number | null; err: string }>((done, reject) => {
      const p = spawn(process.execPath, ['--import', tsx, join(REPO, 'main', 'cli.ts'), command, fixture, ...flags], { stdio: ['ignore', 'pipe', 'pipe'] });
      // The reader closes its end before the report is written, as `head` does after its first lines.
      p.stdout.destroy();
      let err = '';
      p.stderr.on('data', (d) => (err += d));
      p.on('error', reject);
      p.on('close', (code) => done({ code, err }));
    });
    expect(err).not.toMatch(/EPIPE|node:internal|^\s+at /m);
    expect([0, 1, 2]).toContain(code);
  });
});
