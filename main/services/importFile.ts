// 导入 (Node): the user picks last year's report (.txt copied from the bureau's web page, or .docx) in a native
// dialog; main reads it into a new, unsaved document. The renderer never sends a path.
import { basename } from 'node:path';
import { writtenMarkerFindings } from '../../shared/check/rules/structure';
import type { ImportResult } from '../../shared/ipc/contract';
import type { ImportNote } from '../../shared/model/importNote';
import type { Dialogs, FileFilter } from './context';
import { loadDocumentFromFile, type LoadedDocument } from './loadDocument';

export const IMPORT_FILTERS: FileFilter[] = [
  { name: '报告文本或 Word 文件 (*.txt, *.docx)', extensions: ['txt', 'docx'] },
  { name: '纯文本 (*.txt)', extensions: ['txt'] },
  { name: 'Word 文件 (*.docx)', extensions: ['docx'] },
];

/** Asks for a file and imports it; a UserFacingError (Chinese) when it cannot be read. The file is only read. */
export async function importFromDialog(
  dialogs: Dialogs,
  load: (path: string) => Promise<LoadedDocument> = loadDocumentFromFile,
): Promise<ImportResult> {
  const path = await dialogs.openFile({ title: '导入报告（网页复制的文本或 Word 文件）', filters: IMPORT_FILTERS });
  if (!path) return { status: 'cancelled' };
  const loaded = await load(path);
  return { status: 'imported', fileName: basename(path), doc: loaded.doc, notes: [...loaded.notes, ...sourceMarkerNotes(loaded)] };
}

/**
 * The checker's judgement of the heading markers as the source wrote them (struct.source-marker), shown with the
 * import notes: once imported, the body derives its numbers, so this is the only moment a skipped （二） can be seen.
 * The importer itself only notes what it changed, so each slip is reported once.
 */
export function sourceMarkerNotes(loaded: Pick<LoadedDocument, 'markers'>): ImportNote[] {
  return loaded.markers ? writtenMarkerFindings(loaded.markers).map((f) => ({ severity: 'warning', message: f.message })) : [];
}
