// 导出 Word (Node): the user picks where to save; main writes the report as an official-format .docx atomically
// (a temp file beside the target, then a rename), so a failed export never leaves a half-written file.
import { basename } from 'node:path';
import { exportDocx } from '../../shared/docx/export';
import type { ExportResult } from '../../shared/ipc/contract';
import type { ReportDocument } from '../../shared/model/schema';
import { atomicWrite } from './atomicWrite';
import type { Dialogs, FileFilter } from './context';

export const EXPORT_FILTERS: FileFilter[] = [{ name: 'Word 文件 (*.docx)', extensions: ['docx'] }];

/** A file name from the title: one line, no characters Windows forbids, not too long. */
export function exportFileName(doc: ReportDocument): string {
  const base = doc.meta.title.replace(/\s+/g, '').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').slice(0, 80) || '法治政府建设年度报告';
  return `${base}.docx`;
}

export async function exportToDialog(dialogs: Dialogs, doc: ReportDocument): Promise<ExportResult> {
  let path = await dialogs.saveFile({ title: '导出 Word 文件（公文格式）', defaultName: exportFileName(doc), filters: EXPORT_FILTERS });
  if (!path) return { status: 'cancelled' };
  if (!/\.docx$/i.test(path)) path += '.docx';
  const bytes = await exportDocx(doc);
  // The native dialog has already asked before replacing an existing file: no .bak beside the user's Word files.
  await atomicWrite(path, bytes, { backup: false });
  return { status: 'exported', fileName: basename(path) };
}
