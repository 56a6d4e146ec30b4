// Atomic file saves (Node): temp file beside the target, write, fsync, rename over, fsync the folder; a backup of the
// previous version; one write queue per path; stale temp files swept at start. A failure never touches the target.
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserFacingError, errorCode } from '../../shared/ipc/errors';

/** Every temp file this module writes starts with this, so a sweep recognises them and nothing else. */
export const TEMP_PREFIX = '.~fzbg-';
const TEMP_SUFFIX = '.tmp';
/** The previous version of `x.fzbg` is kept as `x.fzbg.bak`. */
export const BACKUP_SUFFIX = '.bak';

/** The slice of node:fs/promises the writer uses; tests inject one that fails where a real disk would. */
export interface WriterFs {
  open(path: string, flags: string, mode?: number): Promise<WriterFileHandle>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<{ mtimeMs: number; mode: number; isFile(): boolean; isDirectory(): boolean }>;
  readdir(path: string): Promise<string[]>;
}
export interface WriterFileHandle {
  writeFile(data: Uint8Array | string): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export const realFs: WriterFs = {
  open: (p, flags, mode) => nodeFs.open(p, flags, mode),
  rename: (a, b) => nodeFs.rename(a, b),
  link: (a, b) => nodeFs.link(a, b),
  copyFile: (a, b) => nodeFs.copyFile(a, b),
  unlink: (p) => nodeFs.unlink(p),
  stat: (p) => nodeFs.stat(p),
  readdir: (p) => nodeFs.readdir(p),
};

export interface AtomicWriteOptions {
  /** Keep the file being replaced as `<target>.bak` (default true). */
  backup?: boolean;
  fs?: WriterFs;
  platform?: NodeJS.Platform;
}

export interface AtomicWriteResult {
  path: string;
  /** False when the old version could not be kept as a backup (the new version was still written). */
  backupKept: boolean;
}

/** Temp files this process is writing right now: a sweep never removes those. */
const inFlight = new Set<string>();
/** One queue per resolved target path: saves of one file run one after another, so the last one wins. */
const queues = new Map<string, Promise<unknown>>();

/**
 * Writes `data` to `target` atomically: readers see the old bytes or the new bytes, never a mix. Throws a
 * UserFacingError with a Chinese message when the save fails; the target is then left exactly as it was.
 */
export function atomicWrite(target: string, data: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<AtomicWriteResult> {
  const key = resolve(target);
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => writeNow(key, data, options));
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

async function writeNow(target: string, data: Uint8Array | string, options: AtomicWriteOptions): Promise<AtomicWriteResult> {
  const fs = options.fs ?? realFs;
  const platform = options.platform ?? process.platform;
  // Save through a symbolic link to the file it points at, rather than replacing the link with a file.
  target = await nodeFs.realpath(target).catch(() => target);
  const folder = dirname(target);
  // The new file keeps the permissions of the one it replaces.
  const existing = await fs.stat(target).catch(() => null);
  if (existing?.isFile() && (existing.mode & 0o200) === 0) {
    // A file marked read-only (the way Word and Explorer see it): a rename would replace it regardless, so refuse.
    throw new UserFacingError('save-file-read-only', `无法保存：文件“${basename(target)}”被设置为只读。原文件未作任何改动，编辑中的内容也仍在窗口中，请另存为其他文件。`);
  }
  const mode = existing?.isFile() ? existing.mode & 0o777 : 0o644;
  const temp = join(folder, tempName(basename(target)));
  inFlight.add(temp);
  let tempCreated = false;
  try {
    const handle = await fs.open(temp, 'wx', mode);
    tempCreated = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const backupKept = options.backup === false ? false : await keepBackup(fs, target);
    await renameWithRetry(fs, temp, target, platform);
    tempCreated = false;
    await syncFolder(folder, platform);
    return { path: target, backupKept };
  } catch (e) {
    if (tempCreated) await fs.unlink(temp).catch(() => undefined);
    throw toUserFacing(e, target);
  } finally {
    inFlight.delete(temp);
  }
}

/**
 * Keeps the current target as `<target>.bak`. A hard link is instant and makes the old bytes survive the rename;
 * where links are not supported (FAT, some network shares) the file is copied. Either way the .bak itself is
 * replaced by a rename, so a crash here leaves the old .bak or the new one.
 */
async function keepBackup(fs: WriterFs, target: string): Promise<boolean> {
  try {
    const st = await fs.stat(target);
    if (!st.isFile()) return false;
  } catch {
    return false; // nothing to back up: a new file
  }
  const bak = target + BACKUP_SUFFIX;
  const bakTemp = join(dirname(target), tempName(basename(bak)));
  inFlight.add(bakTemp);
  try {
    try {
      await fs.link(target, bakTemp);
    } catch {
      await fs.copyFile(target, bakTemp);
    }
    await fs.rename(bakTemp, bak);
    // When the .bak already was a link to this very file (the last save failed after backing up), rename() does
    // nothing and leaves the temp name behind (POSIX): remove it.
    await fs.unlink(bakTemp).catch(() => undefined);
    return true;
  } catch {
    await fs.unlink(bakTemp).catch(() => undefined);
    return false;
  } finally {
    inFlight.delete(bakTemp);
  }
}

/** A temp name beside the target; long names are shortened so the temp name stays within file-name limits. */
function tempName(name: string): string {
  return `${TEMP_PREFIX}${name.slice(0, 40)}-${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
}

async function renameWithRetry(fs: WriterFs, from: string, to: string, platform: NodeJS.Platform): Promise<void> {
  // On Windows a virus scanner or the search indexer briefly holds the target open; the rename then fails with
  // EPERM/EBUSY/EACCES and succeeds a moment later.
  const delays = platform === 'win32' ? [20, 50, 100, 200, 400, 800] : [];
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (e) {
      const code = errorCode(e);
      const retriable = code === 'EPERM' || code === 'EBUSY' || code === 'EACCES';
      if (!retriable || attempt >= delays.length) {
        // On Windows the folder was writable (the temp file is there): the target is held open by another program.
        if (retriable && platform === 'win32') throw Object.assign(new Error(String(code)), { code: 'EBUSY' });
        throw e;
      }
      await new Promise((r) => setTimeout(r, delays[attempt]));
    }
  }
}

/** Makes the rename itself durable. Windows cannot open a directory for fsync; some file systems refuse it too. */
async function syncFolder(folder: string, platform: NodeJS.Platform): Promise<void> {
  if (platform === 'win32') return;
  let handle: nodeFs.FileHandle | undefined;
  try {
    handle = await nodeFs.open(folder, 'r');
    await handle.sync();
  } catch {
    // EINVAL/EISDIR/EPERM on file systems without directory fsync: the data itself is already synced.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Removes temp files left by an interrupted save in `folder`: ours by prefix, and only those no live save owns
 * (not in flight here, and the writing process is gone or the file is more than an hour old). Returns the names removed.
 */
export async function sweepStaleTemps(folder: string, fs: WriterFs = realFs): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(TEMP_PREFIX) || !name.endsWith(TEMP_SUFFIX)) continue;
    const full = join(folder, name);
    if (inFlight.has(full)) continue;
    const pid = Number(/-(\d+)-[0-9a-f]{8}\.tmp$/.exec(name)?.[1] ?? NaN);
    let stale = !Number.isFinite(pid) || pid === process.pid || !processAlive(pid);
    if (!stale) {
      try {
        stale = Date.now() - (await fs.stat(full)).mtimeMs > 60 * 60 * 1000;
      } catch {
        continue;
      }
    }
    if (!stale) continue;
    try {
      await fs.unlink(full);
      removed.push(name);
    } catch {
      // gone already or not ours to remove: leave it
    }
  }
  return removed;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errorCode(e) === 'EPERM';
  }
}

/** The Chinese message for a failed save; the code stays machine-readable for the renderer. */
export function toUserFacing(e: unknown, target: string): UserFacingError {
  if (e instanceof UserFacingError) return e;
  const folder = dirname(target);
  const name = basename(target);
  const keep = '原文件未作任何改动，编辑中的内容也仍在窗口中，请另存到其他位置。';
  switch (errorCode(e)) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new UserFacingError('save-read-only', `无法保存“${name}”：文件夹“${folder}”是只读的或没有写入权限。${keep}`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserFacingError('save-disk-full', `无法保存“${name}”：磁盘空间不足。${keep}`);
    case 'ENOENT':
    case 'ENOTDIR':
      return new UserFacingError('save-folder-gone', `无法保存“${name}”：保存位置“${folder}”已不存在（可能是移动硬盘或网络驱动器已断开）。${keep}`);
    case 'EBUSY':
      return new UserFacingError('save-busy', `无法保存“${name}”：文件正被其他程序占用（例如 Word 或杀毒软件）。请关闭占用它的程序后重试。${keep}`);
    case 'EISDIR':
      return new UserFacingError('save-is-folder', `无法保存：“${target}”是一个文件夹。${keep}`);
    case 'ENAMETOOLONG':
      return new UserFacingError('save-name-too-long', `无法保存：文件名或路径过长。${keep}`);
    case 'EIO':
      return new UserFacingError('save-io', `无法保存“${name}”：磁盘读写出错（可能是网络驱动器断开或磁盘故障）。${keep}`);
    default: {
      const detail = e instanceof Error ? e.message : String(e);
      return new UserFacingError('save-failed', `无法保存“${name}”：${detail}。${keep}`);
    }
  }
}
