// 导出 Word (Node): the user picks where to save in the system dialog (main proposes the title as the name, in the
// report's folder or the last export folder); main writes the report as an official-format .docx atomically (a temp
// file beside the target, then a rename), so a failed export never leaves a half-written file. Exported files are
// remembered by an opaque id so that 在文件夹中显示 can show one without the renderer ever holding a path.
import { randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';
import { exportDocx } from '../../shared/docx/export';
import { UserFacingError, type ExportResult } from '../../shared/ipc/contract';
import type { ReportDocument } from '../../shared/model/schema';
import { atomicWrite, toUserFacing, type WriterFs } from './atomicWrite';
import type { Dialogs, FileFilter, Shell } from './context';
import type { SettingsService } from './settings';

export const EXPORT_FILTERS: FileFilter[] = [{ name: 'Word 文件 (*.docx)', extensions: ['docx'] }];

/** A file name from the title: one line, no characters Windows forbids, not too long. */
export function exportFileName(doc: ReportDocument): string {
  const base = doc.meta.title.replace(/\s+/g, '').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').slice(0, 80) || '法治政府建设年度报告';
  return `${base}.docx`;
}

export interface ExportOptions {
  /** The folder the save dialog opens in. */
  defaultFolder?: string;
  /** The file system the writer uses (tests inject failures). */
  fs?: WriterFs;
  platform?: NodeJS.Platform;
}

export type ExportOutcome = { status: 'cancelled' } | { status: 'exported'; fileName: string; path: string };

export async function exportToDialog(dialogs: Dialogs, doc: ReportDocument, options: ExportOptions = {}): Promise<ExportOutcome> {
  let path = await dialogs.saveFile({
    title: '导出 Word 文件（公文格式）',
    defaultName: exportFileName(doc),
    defaultFolder: options.defaultFolder,
    filters: EXPORT_FILTERS,
  });
  if (!path) return { status: 'cancelled' };
  if (!/\.docx$/i.test(path)) path += '.docx';
  const bytes = await exportDocx(doc);
  try {
    // The native dialog has already asked before replacing an existing file: no .bak beside the user's Word files.
    await atomicWrite(path, bytes, { backup: false, fs: options.fs, platform: options.platform });
  } catch (e) {
    throw exportError(e, path);
  }
  return { status: 'exported', fileName: basename(path), path };
}

/** Why the Word file could not be written, in Chinese; the report itself is untouched and still open. */
export function exportError(e: unknown, target: string): UserFacingError {
  const saveError = toUserFacing(e, target);
  const name = basename(target);
  const folder = dirname(target);
  const keep = '报告本身未受影响，仍在窗口中打开，可以换一个位置重新导出。';
  const why: Record<string, string> = {
    'save-read-only': `文件夹“${folder}”是只读的或没有写入权限`,
    'save-file-read-only': `已有的同名文件被设置为只读`,
    'save-disk-full': '磁盘空间不足',
    'save-busy': '同名文件正在 Word 或其他程序中打开。请先在 Word 中关闭它，再重新导出',
    'save-folder-gone': `保存位置“${folder}”已不存在（可能是移动硬盘或网络驱动器已断开）`,
    'save-is-folder': `“${name}”是一个文件夹`,
    'save-name-too-long': '文件名或路径过长',
    'save-io': '磁盘读写出错（可能是网络驱动器断开或磁盘故障）',
  };
  const reason = why[saveError.code];
  const code = saveError.code.replace(/^save-/, 'export-');
  if (reason) return new UserFacingError(code, `无法导出“${name}”：${reason}。${keep}`);
  return new UserFacingError('export-failed', `无法导出“${name}”。${keep}（${saveError.message.replace(/。.*$/, '')}）`);
}

export interface ExportServiceDeps {
  dialogs: Dialogs;
  settings: SettingsService;
  /** The file a report belongs to (from its opaque handle), for proposing its folder. */
  pathOf(handle: string | null): string | null;
  shell?: Shell;
  log?: (message: string, error: unknown) => void;
  fs?: WriterFs;
  platform?: NodeJS.Platform;
}

/** Export from the app: the folder proposed, the last export folder remembered, and 在文件夹中显示 afterwards. */
export class ExportService {
  private readonly exported = new Map<string, string>();

  constructor(private readonly deps: ExportServiceDeps) {}

  async exportDocument(doc: ReportDocument, handle: string | null): Promise<ExportResult> {
    const reportPath = this.deps.pathOf(handle);
    const defaultFolder = (reportPath ? dirname(reportPath) : '') || this.deps.settings.snapshot().exportFolder || undefined;
    const outcome = await exportToDialog(this.deps.dialogs, doc, { defaultFolder, fs: this.deps.fs, platform: this.deps.platform });
    if (outcome.status === 'cancelled') return outcome;
    // The file is written: remembering the folder must not turn the export into a failure.
    await this.deps.settings.setExportFolder(dirname(outcome.path)).catch((e) => this.deps.log?.('export folder not remembered', e));
    return { status: 'exported', fileName: outcome.fileName, exportId: this.remember(outcome.path) };
  }

  /** Keeps a written file (a Word export, the desk's workbook) by an opaque id, for 在文件夹中显示. */
  remember(path: string): string {
    const exportId = randomBytes(12).toString('hex');
    this.exported.set(exportId, path);
    return exportId;
  }

  /** Shows an exported file selected in the system file manager; it is never opened. */
  showInFolder(exportId: string): void {
    const path = this.exported.get(exportId);
    if (!path) throw new UserFacingError('export-unknown', '找不到这个导出的文件，请重新导出。');
    if (!this.deps.shell) throw new UserFacingError('shell-unavailable', '当前环境无法打开文件夹。');
    this.deps.shell.showItemInFolder(path);
  }
}
