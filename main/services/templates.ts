// The template library (Node): built-in templates (read-only, shipped in templates/builtin), the user's own
// (dataDir/templates) and a team folder on a shared drive (settings.templateFolders.team). An offline or vanished
// team folder, or a bad file in it, yields a notice, never a failure.
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, realpath, stat, unlink } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import { UserFacingError, type TemplateList } from '../../shared/ipc/contract';
import { Template, type TemplateInput, type TemplateSource, type TemplateSummary } from '../../shared/model/template';
import { BUILTIN_PATTERNS } from '../../shared/check/rules/formulations';
import { templatePatternProblems } from '../../shared/check/userPattern';
import { atomicWrite, sweepStaleTemps, type WriterFs } from './atomicWrite';
import { errorCode } from './storeUtil';

export interface TemplateServiceOptions {
  /** templates/builtin of the app. */
  builtinDir: string;
  /** dataDir/templates. */
  userDir: string;
  /** The team folder as currently set ('' when none). */
  teamDir: () => string;
  /** How long the team folder may take to answer before it is treated as offline (default 8 s). */
  teamTimeoutMs?: number;
  /** The file layer saves go through (tests inject failures). */
  writerFs?: WriterFs;
}

type Loaded = { template: Template; file: string };
type FolderScan = { loaded: Loaded[]; notices: string[] };

const SOURCE_LABEL: Record<TemplateSource, string> = { builtin: '内置', user: '我的', team: '团队' };

export class TemplateService {
  private teamScan: { folder: string; promise: Promise<FolderScan> } | null = null;

  constructor(private readonly options: TemplateServiceOptions) {}

  async init(): Promise<void> {
    await mkdir(this.options.userDir, { recursive: true });
    await sweepStaleTemps(this.options.userDir);
  }

  async list(): Promise<TemplateList> {
    const scans = await this.scanAll();
    const notices = scans.flatMap((s) => s.notices);
    const seen = new Map<string, TemplateSource>();
    const templates: TemplateSummary[] = [];
    for (const { template } of scans.flatMap((s) => s.loaded)) {
      const earlier = seen.get(template.id);
      if (earlier) {
        notices.push(`${SOURCE_LABEL[template.source]}模板“${template.name}”的编号“${template.id}”与${SOURCE_LABEL[earlier]}模板重复，已略去。`);
        continue;
      }
      seen.set(template.id, template.source);
      templates.push({ id: template.id, name: template.name, description: template.description, source: template.source });
    }
    return { templates, notices };
  }

  /** A template by id; built-ins first, then the user's own, then the team's. */
  async read(id: string): Promise<Template> {
    const scans = await this.scanAll();
    const found = scans.flatMap((s) => s.loaded).find((l) => l.template.id === id);
    if (found) return found.template;
    const teamDown = scans[2]!.notices.find((n) => n.startsWith('团队模板文件夹'));
    throw new UserFacingError('template-missing', `找不到编号为“${id}”的模板。${teamDown ?? ''}`);
  }

  /**
   * Saves a template as the user's own (source user) or publishes it to the team folder (source team: it works for
   * whoever may write there). Built-in ids are refused.
   */
  async save(input: TemplateInput): Promise<TemplateSummary> {
    const parsed = Template.safeParse(input);
    if (!parsed.success) throw new UserFacingError('template-invalid', `模板内容不符合要求（${parsed.error.issues[0]?.path.join('.') || '格式'}）。`);
    const template = parsed.data;
    const builtins = await this.scanBuiltin();
    if (template.source === 'builtin' || builtins.loaded.some((l) => l.template.id === template.id)) {
      throw new UserFacingError('template-builtin', `内置模板是只读的，不能覆盖。请换一个模板编号（当前为“${template.id}”）另存为自己的模板。`);
    }
    let folder: string;
    if (template.source === 'team') {
      folder = this.options.teamDir().trim();
      if (!folder) throw new UserFacingError('template-no-team', '尚未设置团队模板文件夹，请先在设置中填写共享文件夹的位置。');
      const ms = this.options.teamTimeoutMs ?? 8000;
      if (!(await Promise.race([isFolder(folder), new Promise<false>((r) => setTimeout(() => r(false), ms).unref())]))) throw new UserFacingError('template-team-offline', `团队模板文件夹“${folder}”当前无法访问（网络驱动器可能未连接），模板未发布。`);
    } else {
      folder = this.options.userDir;
      await mkdir(folder, { recursive: true });
    }
    try {
      await atomicWrite(join(folder, `${template.id}.json`), JSON.stringify(template, null, 1) + '\n', { fs: this.options.writerFs });
    } catch (e) {
      if (e instanceof UserFacingError && e.code === 'save-read-only' && template.source === 'team') {
        throw new UserFacingError('template-team-read-only', `没有权限向团队模板文件夹“${folder}”发布模板（只有负责维护模板的同事可以发布）。可以把它另存为自己的模板。`);
      }
      throw e;
    }
    return { id: template.id, name: template.name, description: template.description, source: template.source };
  }

  /** Deletes one of the user's own templates (built-in and team templates cannot be deleted here). */
  async deleteOwn(id: string): Promise<void> {
    const own = await scanFolder(this.options.userDir, 'user', false);
    const found = own.loaded.find((l) => l.template.id === id);
    if (!found) throw new UserFacingError('template-not-own', '只能删除自己保存的模板；内置模板和团队模板不能在这里删除。');
    await unlink(found.file).catch((e) => {
      if (errorCode(e) !== 'ENOENT') throw new UserFacingError('template-delete-failed', `无法删除模板“${found.template.name}”。`);
    });
    await unlink(found.file + '.bak').catch(() => undefined);
  }

  private async scanAll(): Promise<[FolderScan, FolderScan, FolderScan]> {
    return [await this.scanBuiltin(), await scanFolder(this.options.userDir, 'user', false), await this.scanTeam()];
  }

  private scanBuiltin(): Promise<FolderScan> {
    return scanFolder(this.options.builtinDir, 'builtin', false);
  }

  private async scanTeam(): Promise<FolderScan> {
    const folder = this.options.teamDir().trim();
    if (!folder) return { loaded: [], notices: [] };
    // A network drive that has gone away can keep a read waiting for a long time: give up after a while.
    const ms = this.options.teamTimeoutMs ?? 8000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<FolderScan>((resolve) => {
      timer = setTimeout(() => resolve({ loaded: [], notices: [`团队模板文件夹“${folder}”长时间没有响应（网络驱动器可能已断开），暂时只列出内置模板和我的模板。`] }), ms);
    });
    // While a scan of a hanging share is still waiting, later lists wait on the same one instead of piling up
    // more stuck reads (each would hold one of the few threads Node does file work on).
    let scan = this.teamScan?.folder === folder ? this.teamScan.promise : undefined;
    if (!scan) {
      const promise = (async (): Promise<FolderScan> => {
        if (!(await isFolder(folder))) {
          return { loaded: [], notices: [`团队模板文件夹“${folder}”当前无法访问（网络驱动器可能未连接或文件夹已被移走），暂时只列出内置模板和我的模板。`] };
        }
        return scanFolder(folder, 'team', true);
      })();
      this.teamScan = { folder, promise };
      scan = promise;
      void promise.finally(() => {
        if (this.teamScan?.promise === promise) this.teamScan = null;
      });
    }
    try {
      return await Promise.race([scan, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Every `*.json` template in a folder, sorted by name; bad files become notices (team and user folders). */
async function scanFolder(folder: string, source: TemplateSource, remote: boolean): Promise<FolderScan> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => n.toLowerCase().endsWith('.json') && !n.startsWith('.'));
  } catch (e) {
    if (errorCode(e) === 'ENOENT' && source === 'user') return { loaded: [], notices: [] };
    const where = source === 'team' ? '团队模板文件夹' : source === 'user' ? '我的模板文件夹' : '内置模板文件夹';
    return { loaded: [], notices: [`${where}“${folder}”无法读取（${errorCode(e) ?? String(e)}）。`] };
  }
  names.sort();
  const loaded: Loaded[] = [];
  const notices: string[] = [];
  const label = SOURCE_LABEL[source];
  for (const name of names) {
    const file = join(folder, name);
    let text: string;
    try {
      text = await readTemplateFile(folder, file);
    } catch (e) {
      const why = e instanceof TemplateFileRefused ? e.reason : readFailure(e, remote);
      notices.push(`${label}模板文件“${name}”${why}，已跳过。`);
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      notices.push(`${label}模板文件“${name}”已损坏（不是有效的 JSON），已跳过。`);
      continue;
    }
    const parsed = Template.safeParse(raw);
    if (!parsed.success) {
      notices.push(`${label}模板文件“${name}”的内容不符合模板格式（${parsed.error.issues[0]?.path.join('.') || '格式'}），已跳过。`);
      continue;
    }
    // A pattern the linear-time engine cannot run is skipped when checking: say so when the template is listed.
    if (source !== 'builtin') notices.push(...templatePatternProblems(parsed.data.rules, parsed.data.name, BUILTIN_PATTERNS));
    loaded.push({ template: { ...parsed.data, source }, file });
  }
  return { loaded, notices };
}

/** A template file is a few kilobytes; 2 MB is far beyond any real one (a shared folder must not feed us a disk). */
export const MAX_TEMPLATE_FILE_BYTES = 2 * 1024 * 1024;

class TemplateFileRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * Reads one template file within bounds: a regular file (a link is followed only to a regular file inside the same
 * folder), at most MAX_TEMPLATE_FILE_BYTES, read through one handle so the checks and the read see the same file.
 */
async function readTemplateFile(folder: string, file: string): Promise<string> {
  const link = await lstat(file);
  if (link.isSymbolicLink()) {
    const [target, root] = await Promise.all([realpath(file), realpath(folder)]);
    const rel = relative(root, target);
    if (rel.startsWith('..') || isAbsolute(rel)) throw new TemplateFileRefused('是指向文件夹以外的链接（只读取文件夹里的模板文件）');
  }
  // Checked before opening too: opening a named pipe would wait for a writer.
  if (!(await stat(file)).isFile()) throw new TemplateFileRefused('不是普通文件（可能是设备、管道或文件夹）');
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new TemplateFileRefused('不是普通文件（可能是设备、管道或文件夹）');
    if (info.size > MAX_TEMPLATE_FILE_BYTES) throw new TemplateFileRefused(`过大（${(info.size / 1024 / 1024).toFixed(1)} MB，模板文件不超过 ${MAX_TEMPLATE_FILE_BYTES / 1024 / 1024} MB）`);
    // Read at most one byte past the cap: a file that grows meanwhile is still refused, never read without end.
    const buffer = Buffer.alloc(Math.min(info.size, MAX_TEMPLATE_FILE_BYTES) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_TEMPLATE_FILE_BYTES) throw new TemplateFileRefused(`过大（超过 ${MAX_TEMPLATE_FILE_BYTES / 1024 / 1024} MB）`);
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The true reason a read failed, in Chinese (网络中断 only for the errors a dropped share gives). */
function readFailure(e: unknown, remote: boolean): string {
  const code = errorCode(e);
  switch (code) {
    case 'EACCES': case 'EPERM': return '无法读取（没有读取权限）';
    case 'ENOENT': return '无法读取（文件已被移走或删除）';
    case 'ELOOP': return '无法读取（链接指向自身或循环）';
    case 'EISDIR': return '不是普通文件（是文件夹）';
    case 'EMFILE': case 'ENFILE': return '暂时无法读取（打开的文件过多）';
    case 'ETIMEDOUT': case 'ENETUNREACH': case 'ENETDOWN': case 'ECONNRESET': case 'EHOSTDOWN': case 'EHOSTUNREACH': case 'ENOTCONN':
      return '无法读取（网络中断）';
    case 'EIO': return remote ? '无法读取（读写出错，网络驱动器可能已断开）' : '无法读取（磁盘读写出错）';
    default: return `无法读取（${code ?? '未知原因'}）`;
  }
}
