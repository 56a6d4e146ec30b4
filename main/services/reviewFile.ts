// 导出审阅稿 and 导入审阅意见 (Node): the review copy written where the user picks (the checker runs here on the
// document sent), and a reviewer's returned .docx read in the capped child and placed on the draft sent.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createChecker } from '../../shared/check/engine';
import { buildReviewCopy } from '../../shared/docx/review/reviewCopy';
import { reviewSummaryText } from '../../shared/docx/review/importReview';
import { UserFacingError, type ExportResult, type ReviewImportResponse } from '../../shared/ipc/contract';
import type { ReportDocument } from '../../shared/model/schema';
import { atomicWrite } from './atomicWrite';
import type { Dialogs } from './context';
import { EXPORT_FILTERS, exportFileName } from './exportFile';
import { MAX_SOURCE_BYTES } from './loadDocument';
import { importReviewInWorker } from './reviewImport';

/** `remember` keeps the written file for 在文件夹中显示 (ExportService.remember). */
export async function exportReviewToDialog(dialogs: Dialogs, doc: ReportDocument, ignoredAppendix: boolean, remember: (path: string) => string): Promise<ExportResult> {
  let path = await dialogs.saveFile({ title: '导出审阅稿（检查结果作为 Word 批注）', defaultName: exportFileName(doc).replace(/\.docx$/, '（审阅稿）.docx'), filters: EXPORT_FILTERS });
  if (!path) return { status: 'cancelled' };
  if (!/\.docx$/i.test(path)) path += '.docx';
  const bytes = await buildReviewCopy(doc, createChecker().check(doc), { ignoredAppendix });
  await atomicWrite(path, bytes, { backup: false });
  return { status: 'exported', fileName: basename(path), exportId: remember(path) };
}

export async function importReviewFromDialog(dialogs: Dialogs, doc: ReportDocument): Promise<ReviewImportResponse> {
  const path = await dialogs.openFile({ title: '导入审阅意见（审阅人退回的 Word 文件）', filters: EXPORT_FILTERS });
  if (!path) return { status: 'cancelled' };
  const name = basename(path);
  const size = (await stat(path).catch(() => null))?.size;
  if (size === undefined) throw new UserFacingError('read-failed', `无法读取“${name}”。`);
  if (size > MAX_SOURCE_BYTES) throw new UserFacingError('too-large', `“${name}”过大（${(size / 1024 / 1024).toFixed(0)} MB），不像是一份报告，已拒绝读取。`);
  const result = await importReviewInWorker(doc, new Uint8Array(await readFile(path)), name);
  return { status: 'imported', fileName: name, items: result.added, summary: reviewSummaryText(result.summary) };
}
