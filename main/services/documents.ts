// Opening and saving .fzbg reports (Node). Main asks for paths through ctx.dialogs; the renderer only ever holds an
// opaque handle and the file name. Saves are atomic (atomicWrite), take an automatic version and clear the
// document's recovery entries; recent files live in the settings.
import { readFile, stat } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname, resolve } from 'node:path';
import { UserFacingError, type DocSession, type ImportNote, type OpenResult, type SaveResult } from '../../shared/ipc/contract';
import { DocumentFormatError, parseDocument, serializeDocument } from '../../shared/model/format';
import type { ReportDocument } from '../../shared/model/schema';
import { atomicWrite, BACKUP_SUFFIX, sweepStaleTemps } from './atomicWrite';
import type { Dialogs, FileFilter } from './context';
import type { RecoveryService } from './recovery';
import type { SettingsService } from './settings';
import { errorCode } from './storeUtil';
import type { VersionService } from './versions';

export const FZBG_FILTERS: FileFilter[] = [{ name: '法治年报文档 (*.fzbg)', extensions: ['fzbg'] }];

export interface DocumentServiceDeps {
  dialogs: Dialogs;
  settings: SettingsService;
  recovery?: RecoveryService;
  versions?: VersionService;
  /** Reports problems that must not fail a save (e.g. the automatic version could not be written). */
  log?: (message: string, error: unknown) => void;
  now?: () => Date;
}

export class DocumentService {
  private readonly pathByHandle = new Map<string, string>();
  private readonly handleByPath = new Map<string, string>();

  constructor(private readonly deps: DocumentServiceDeps) {}

  async open(): Promise<OpenResult> {
    const path = await this.deps.dialogs.openFile({ title: '打开报告', filters: FZBG_FILTERS });
    if (!path) return { status: 'cancelled' };
    return this.openPath(path);
  }

  async openRecent(id: string): Promise<OpenResult> {
    const recent = this.deps.settings.snapshot().recentFiles.find((r) => r.id === id);
    if (!recent) throw new UserFacingError('recent-unknown', '最近文件列表中没有这一项，请通过“打开”选择文件。');
    const path = resolve(recent.location, recent.name);
    try {
      return await this.openPath(path);
    } catch (e) {
      if (e instanceof UserFacingError && e.code === 'open-missing') {
        await this.deps.settings.removeRecent(id).catch(() => undefined);
        throw new UserFacingError('recent-missing', `文件“${recent.name}”已不存在（可能已被移动、重命名或删除，或所在的驱动器未连接），已从最近文件列表中移除。`);
      }
      throw e;
    }
  }

  /** Opens a file by path (dialogs, recent files, the CLI and the e2e harness). */
  async openPath(path: string): Promise<OpenResult> {
    const full = resolve(path);
    const name = basename(full);
    await sweepStaleTemps(dirname(full));
    const text = await readText(full);
    const notes: ImportNote[] = [];
    let doc: ReportDocument;
    try {
      doc = parseDocument(text);
    } catch (e) {
      if (!(e instanceof DocumentFormatError)) throw e;
      // A torn or emptied file (not written by us: our saves are atomic) with a good backup beside it: open the
      // backup and say so; the damaged file stays as it is until the user saves.
      const backup = e.reason === 'syntax' ? await readText(full + BACKUP_SUFFIX).then(parseDocument).catch(() => null) : null;
      if (!backup) throw new UserFacingError('open-format', `无法打开“${name}”：${e.message}`);
      doc = backup;
      notes.push({
        severity: 'warning',
        message: `“${name}”已损坏（${e.message.replace(/。.*$/, '')}），已打开上一次保存时保留的备份“${name}${BACKUP_SUFFIX}”。请核对内容后保存。`,
      });
    }
    const session = this.sessionFor(full);
    await this.remember(full);
    return { status: 'opened', session, doc, notes };
  }

  /**
   * Saves `doc`: to the handle's file, or (no handle, unknown handle, or saveAs) where the user chooses. On
   * failure a UserFacingError says why, and the file on disk is unchanged.
   */
  async save(req: { handle: string | null; doc: ReportDocument; saveAs: boolean }): Promise<SaveResult> {
    let path = req.handle ? this.pathByHandle.get(req.handle) : undefined;
    if (!path || req.saveAs) {
      const suggested = path ? basename(path) : `${safeFileName(req.doc.meta.title) || '未命名报告'}.fzbg`;
      const chosen = await this.deps.dialogs.saveFile({ title: req.saveAs ? '另存为' : '保存报告', defaultName: suggested, filters: FZBG_FILTERS });
      if (!chosen) return { status: 'cancelled' };
      path = resolve(/\.fzbg$/i.test(chosen) ? chosen : `${chosen}.fzbg`);
    }
    return this.saveToPath(path, req.doc);
  }

  async saveToPath(path: string, doc: ReportDocument): Promise<SaveResult> {
    const full = resolve(path);
    const data = serializeDocument(doc);
    await atomicWrite(full, data);
    const savedAt = (this.deps.now?.() ?? new Date()).toISOString();
    const session = this.sessionFor(full);
    // The save itself succeeded: the steps below must not turn it into a failure.
    await this.remember(full).catch((e) => this.deps.log?.('recent files not updated', e));
    await this.deps.versions?.createAuto(doc).catch((e) => this.deps.log?.('automatic version not kept', e));
    await this.deps.recovery?.documentSaved(doc.id).catch((e) => this.deps.log?.('recovery entry not removed', e));
    return { status: 'saved', session, savedAt };
  }

  /** The path behind a handle (null when unknown), for services that need it (recovery, export). */
  pathOf(handle: string | null): string | null {
    return (handle && this.pathByHandle.get(handle)) || null;
  }

  /** A handle for a path, e.g. when a recovered document goes back to its file. */
  sessionFor(path: string): DocSession {
    const full = resolve(path);
    let handle = this.handleByPath.get(full);
    if (!handle) {
      handle = randomBytes(12).toString('hex');
      this.handleByPath.set(full, handle);
      this.pathByHandle.set(handle, full);
    }
    return { handle, fileName: basename(full) };
  }

  private async remember(full: string): Promise<void> {
    await this.deps.settings.addRecent({
      id: recentId(full),
      name: basename(full),
      location: dirname(full),
      openedAt: (this.deps.now?.() ?? new Date()).toISOString(),
    });
  }
}

export function recentId(fullPath: string): string {
  return createHash('sha256').update(fullPath).digest('hex').slice(0, 16);
}

/** No report comes near this; a larger file is not a report (and would only tie the app up). */
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

async function readText(full: string): Promise<string> {
  const name = basename(full);
  try {
    if ((await stat(full)).size > MAX_DOCUMENT_BYTES) throw new UserFacingError('open-too-large', `“${name}”过大，不是法治年报助手的报告文件。`);
    return await readFile(full, 'utf8');
  } catch (e) {
    if (e instanceof UserFacingError) throw e;
    switch (errorCode(e)) {
      case 'ENOENT':
      case 'ENOTDIR':
        throw new UserFacingError('open-missing', `找不到文件“${name}”（可能已被移动、重命名或删除，或所在的驱动器未连接）。`);
      case 'EACCES':
      case 'EPERM':
        throw new UserFacingError('open-denied', `没有权限读取“${name}”。`);
      case 'EISDIR':
        throw new UserFacingError('open-is-folder', `“${name}”是一个文件夹，不是报告文件。`);
      default:
        throw new UserFacingError('open-failed', `无法读取“${name}”：${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/** A title turned into a file name Windows accepts. */
export function safeFileName(title: string): string {
  return title.replace(/[\\/:*?"<>|\r\n\t]/g, '').trim().slice(0, 120);
}
