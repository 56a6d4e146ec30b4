// Atomic saves: replace, backup, per-path queue, stale-temp sweep, and failures that leave the target intact.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../shared/ipc/contract';
import { atomicWrite, BACKUP_SUFFIX, realFs, sweepStaleTemps, TEMP_PREFIX, type WriterFs } from '../../main/services/atomicWrite';
import { tempDir } from '../support/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function tempFolder(): string {
  const dir = tempDir('aw');
  return dir;
}

const temps = (dir: string): string[] => readdirSync(dir).filter((n) => n.startsWith(TEMP_PREFIX));

/** Mounts `dir` read-only (or a small tmpfs) when this machine allows it; returns false where mount is not permitted. */
function tryMount(args: string[], target: string): boolean {
  const r = spawnSync('mount', [...args, target], { stdio: 'ignore' });
  if (r.status !== 0) return false;
  cleanups.push(() => spawnSync('umount', [target], { stdio: 'ignore' }));
  return true;
}

function failingFs(failOn: keyof WriterFs | 'writeFile', code: string): WriterFs {
  const fail = (): never => {
    throw Object.assign(new Error(`${code}: injected`), { code });
  };
  return {
    ...realFs,
    open: async (p, flags, mode) => {
      if (failOn === 'open') fail();
      const h = await realFs.open(p, flags, mode);
      return {
        writeFile: async (data) => {
          if (failOn === 'writeFile') {
            await h.writeFile(typeof data === 'string' ? data.slice(0, 10) : data.slice(0, 10));
            fail();
          }
          await h.writeFile(data);
        },
        sync: () => h.sync(),
        close: () => h.close(),
      };
    },
    rename: async (a, b) => {
      if (failOn === 'rename') fail();
      await realFs.rename(a, b);
    },
  };
}

async function expectSaveError(p: Promise<unknown>, code: string, words: RegExp): Promise<void> {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserFacingError);
  expect((error as UserFacingError).code).toBe(code);
  expect((error as UserFacingError).message).toMatch(words);
  expect((error as UserFacingError).message).toContain('原文件未作任何改动');
}

describe('atomicWrite', () => {
  it('creates a new file without a backup and leaves no temp file', async () => {
    const dir = tempFolder();
    const target = join(dir, '报告.fzbg');
    const result = await atomicWrite(target, '第一版');
    expect(readFileSync(target, 'utf8')).toBe('第一版');
    expect(result.backupKept).toBe(false);
    expect(existsSync(target + BACKUP_SUFFIX)).toBe(false);
    expect(temps(dir)).toEqual([]);
  });

  it('replaces the file and keeps the previous version as .bak', async () => {
    const dir = tempFolder();
    const target = join(dir, '报告.fzbg');
    await atomicWrite(target, '第一版');
    const result = await atomicWrite(target, '第二版');
    expect(result.backupKept).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('第二版');
    expect(readFileSync(target + BACKUP_SUFFIX, 'utf8')).toBe('第一版');
    await atomicWrite(target, '第三版');
    expect(readFileSync(target + BACKUP_SUFFIX, 'utf8')).toBe('第二版');
    expect(temps(dir)).toEqual([]);
  });

  it('keeps the permissions of the file it replaces and saves through a symbolic link', async () => {
    const dir = tempFolder();
    const real = join(dir, 'real.fzbg');
    writeFileSync(real, 'old');
    chmodSync(real, 0o600);
    const link = join(dir, 'link.fzbg');
    symlinkSync(real, link);
    await atomicWrite(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(statSync(real).mode & 0o777).toBe(0o600);
    expect(readFileSync(real + BACKUP_SUFFIX, 'utf8')).toBe('old');
  });

  it('refuses to replace a file marked read-only, and handles long file names', async () => {
    const dir = tempFolder();
    const target = join(dir, '只读.fzbg');
    writeFileSync(target, 'old');
    chmodSync(target, 0o444);
    await expectSaveError(atomicWrite(target, 'new'), 'save-file-read-only', /被设置为只读/);
    expect(readFileSync(target, 'utf8')).toBe('old');
    // 78 characters: 239 bytes in UTF-8, within the 255-byte limit, but not with a temp prefix and suffix around it.
    const long = join(dir, `${'某某县人民政府关于年度法治政府建设情况的报告'.repeat(4).slice(0, 78)}.fzbg`);
    await atomicWrite(long, 'a');
    await atomicWrite(long, 'b');
    expect(readFileSync(long, 'utf8')).toBe('b');
    expect(temps(dir)).toEqual([]);
  });

  it('runs saves of one path one at a time, and the last one wins', async () => {
    const dir = tempFolder();
    const target = join(dir, 'a.fzbg');
    let open = 0;
    let maxOpen = 0;
    const counting: WriterFs = {
      ...realFs,
      open: async (p, flags, mode) => {
        const h = await realFs.open(p, flags, mode);
        if (!p.includes(BACKUP_SUFFIX)) maxOpen = Math.max(maxOpen, ++open);
        return { writeFile: (d) => h.writeFile(d), sync: () => h.sync(), close: async () => { await h.close(); open--; } };
      },
    };
    const saves = Array.from({ length: 20 }, (_, i) => atomicWrite(target, `版本${i}`.repeat(5000), { fs: counting }));
    await Promise.all(saves);
    expect(maxOpen).toBe(1);
    expect(readFileSync(target, 'utf8')).toBe('版本19'.repeat(5000));
    expect(readFileSync(target + BACKUP_SUFFIX, 'utf8')).toBe('版本18'.repeat(5000));
    expect(temps(dir)).toEqual([]);
  });

  it('keeps going after a failed save in the same queue', async () => {
    const dir = tempFolder();
    const target = join(dir, 'a.fzbg');
    await atomicWrite(target, 'old');
    const bad = atomicWrite(target, 'never', { fs: failingFs('rename', 'EACCES') });
    const good = atomicWrite(target, 'new');
    await expectSaveError(bad, 'save-read-only', /没有写入权限/);
    await good;
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('refuses a read-only folder with a Chinese message and leaves the file intact', async () => {
    const dir = tempFolder();
    const src = join(dir, 'src');
    const ro = join(dir, 'ro');
    mkdirSync(src);
    mkdirSync(ro);
    writeFileSync(join(src, '报告.fzbg'), '旧内容');
    // Root ignores file modes, so a read-only bind mount stands in for a read-only share; where mounting is not
    // allowed the file system layer reports EROFS the way such a mount would.
    const mounted = tryMount(['--bind', src], ro) && spawnSync('mount', ['-o', 'remount,ro,bind', ro]).status === 0;
    const folder = mounted ? ro : src;
    const options = mounted ? {} : { fs: failingFs('open', 'EROFS') };
    if (mounted) expect(() => writeFileSync(join(ro, 'probe'), 'x')).toThrow();
    await expectSaveError(atomicWrite(join(folder, '报告.fzbg'), '新内容', options), 'save-read-only', /只读/);
    expect(readFileSync(join(src, '报告.fzbg'), 'utf8')).toBe('旧内容');
    expect(temps(src)).toEqual([]);
  });

  it('reports a full disk and leaves the old file byte for byte', async () => {
    const dir = tempFolder();
    const small = join(dir, 'small');
    mkdirSync(small);
    const mounted = tryMount(['-t', 'tmpfs', '-o', 'size=128k', 'tmpfs'], small);
    const target = join(small, '报告.fzbg');
    const old = '旧'.repeat(10_000);
    writeFileSync(target, old);
    const big = '新'.repeat(200_000); // 600 kB: more than the tmpfs holds
    const options = mounted ? {} : { fs: failingFs('writeFile', 'ENOSPC') };
    await expectSaveError(atomicWrite(target, big, options), 'save-disk-full', /磁盘空间不足/);
    expect(readFileSync(target, 'utf8')).toBe(old);
    expect(temps(small)).toEqual([]);
  });

  it('reports a folder that has gone away', async () => {
    const dir = tempFolder();
    const gone = join(dir, 'usb-drive');
    mkdirSync(gone);
    rmSync(gone, { recursive: true });
    await expectSaveError(atomicWrite(join(gone, '报告.fzbg'), 'x'), 'save-folder-gone', /已不存在/);
    expect(existsSync(gone)).toBe(false);
  });

  it('retries a rename Windows refuses for a moment, and only on Windows', async () => {
    const dir = tempFolder();
    const target = join(dir, 'a.fzbg');
    writeFileSync(target, 'old');
    let refusals = 0;
    const flaky = (limit: number): WriterFs => ({
      ...realFs,
      rename: async (a, b) => {
        if (b === target && refusals < limit) {
          refusals++;
          throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
        }
        await realFs.rename(a, b);
      },
    });
    await atomicWrite(target, 'new', { fs: flaky(2), platform: 'win32' });
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(refusals).toBe(2);
    refusals = 0;
    await expectSaveError(atomicWrite(target, 'newer', { fs: flaky(1), platform: 'linux' }), 'save-read-only', /没有写入权限/);
    expect(readFileSync(target, 'utf8')).toBe('new');
    // A file Word keeps open stays locked beyond the retries: that is what the user is told.
    refusals = 0;
    await expectSaveError(atomicWrite(target, 'newest', { fs: flaky(100), platform: 'win32' }), 'save-busy', /正被其他程序占用/);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(temps(dir), readdirSync(dir).join(',')).toEqual([]);
  });
});

describe('sweepStaleTemps', () => {
  it('removes temps of dead processes and of this process, keeps live ones and foreign files', async () => {
    const dir = tempFolder();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const live = process.ppid;
    const names = {
      dead: `${TEMP_PREFIX}a.fzbg-${dead}-0123abcd.tmp`,
      self: `${TEMP_PREFIX}a.fzbg-${process.pid}-89abcdef.tmp`,
      liveRecent: `${TEMP_PREFIX}a.fzbg-${live}-00000000.tmp`,
      liveOld: `${TEMP_PREFIX}b.fzbg-${live}-11111111.tmp`,
      foreign: '~$报告.docx',
      doc: '报告.fzbg',
    };
    for (const n of Object.values(names)) writeFileSync(join(dir, n), 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(join(dir, names.liveOld), twoHoursAgo, twoHoursAgo);
    const removed = await sweepStaleTemps(dir);
    expect(removed.sort()).toEqual([names.dead, names.self, names.liveOld].sort());
    expect(readdirSync(dir).sort()).toEqual([names.liveRecent, names.foreign, names.doc].sort());
  });

  it('does nothing for a folder that does not exist', async () => {
    expect(await sweepStaleTemps(join(tmpdir(), 'no-such-folder-fzbg'))).toEqual([]);
  });
});
