// Finding the reports in a reviewer's folder (Node): .docx, .txt and .fzbg files in it and its subfolders (and the
// old .doc/.wps, so that they show up as rows saying what to do), within caps on files, folders and total size.
// A symbolic link is followed only when it stays inside the folder; the files are never opened for writing.
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { UserFacingError } from '../../shared/ipc/contract';

const BATCH_EXTENSIONS = ['.docx', '.txt', '.fzbg', '.doc', '.wps'] as const;

export interface BatchLimits {
  maxFiles: number;
  maxTotalBytes: number;
  /** Folders visited: a reviewer who picks a whole drive gets a message, not a long wait. */
  maxFolders: number;
  maxDepth: number;
}

export const BATCH_LIMITS: BatchLimits = { maxFiles: 500, maxTotalBytes: 512 * 1024 * 1024, maxFolders: 2000, maxDepth: 8 };

export interface BatchFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the folder, with / between parts: the report's key and what the table shows. */
  key: string;
  size: number;
}

function folderError(e: unknown, folder: string): UserFacingError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new UserFacingError('batch-missing', `找不到文件夹“${folder}”。`);
  if (code === 'ENOTDIR') return new UserFacingError('batch-not-folder', `“${folder}”不是文件夹。`);
  if (code === 'EACCES' || code === 'EPERM') return new UserFacingError('batch-denied', `没有权限读取文件夹“${folder}”。`);
  return new UserFacingError('batch-unreadable', `无法读取文件夹“${folder}”${code ? `（${code}）` : ''}。`);
}

/** The report files under `folder`, sorted by their relative path. Throws UserFacingError (Chinese) past a cap. */
export async function collectReportFiles(folder: string, limits: BatchLimits = BATCH_LIMITS): Promise<BatchFile[]> {
  let root: string;
  try {
    root = await realpath(folder);
    if (!(await stat(root)).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (e) {
    throw folderError(e, folder);
  }
  const inside = (p: string): boolean => p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);
  const files: BatchFile[] = [];
  const seen = new Set<string>();
  let folders = 0;
  let total = 0;
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (++folders > limits.maxFolders) {
      throw new UserFacingError('batch-too-many-folders', `“${folder}”下的子文件夹超过 ${limits.maxFolders} 个，不像是一个报告文件夹。请选择存放报告的文件夹。`);
    }
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (dir === root) throw folderError(e, folder);
      return; // an unreadable subfolder holds nothing we can check
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    for (const entry of entries) {
      // Hidden files and Word's lock files (~$报告.docx) are not reports.
      if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
      let path = join(dir, entry.name);
      let info;
      try {
        info = await lstat(path);
        if (info.isSymbolicLink()) {
          const target = await realpath(path);
          if (!inside(target)) continue; // a link out of the folder is not the reviewer's to read
          path = target;
          info = await stat(target);
        }
      } catch {
        continue;
      }
      if (seen.has(path)) continue;
      seen.add(path);
      if (info.isDirectory()) {
        if (depth < limits.maxDepth) await walk(path, depth + 1);
        continue;
      }
      if (!info.isFile() || !(BATCH_EXTENSIONS as readonly string[]).includes(extname(entry.name).toLowerCase())) continue;
      if (files.length >= limits.maxFiles) {
        throw new UserFacingError('batch-too-many-files', `“${folder}”中的报告文件超过 ${limits.maxFiles} 个，一次最多检查 ${limits.maxFiles} 份。请分成几个文件夹检查。`);
      }
      total += info.size;
      if (total > limits.maxTotalBytes) {
        throw new UserFacingError('batch-too-large', `“${folder}”中的文件合计超过 ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB，一次检查不了这么多。请分成几个文件夹检查。`);
      }
      const key = relative(root, join(dir, entry.name)).split(sep).join('/');
      files.push({ path, key, size: info.size });
    }
  };
  await walk(root, 0);
  return files;
}
