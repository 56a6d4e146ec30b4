// Reading a report from a file of any supported kind (Node): .fzbg (our format), .txt (its encoding decided from the
// evidence in shared/import/encoding.ts) and .docx (parsed in a capped worker thread). Used by the CLI
// (import, outline, check) and by main's import. Every failure is a UserFacingError with a Chinese message.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { UserFacingError, type ImportNote } from '../../shared/ipc/contract';
import { DocumentFormatError, parseDocument } from '../../shared/model/format';
import type { ReportDocument } from '../../shared/model/schema';
import { decodeText } from '../../shared/import/encoding';
import { importText, type WrittenMarker } from '../../shared/import/text';
import type { MandatedParts } from '../../shared/outline/parts';
import { importDocxInWorker } from './docxImport';

export type SourceKind = 'fzbg' | 'txt' | 'docx';

export interface LoadedDocument {
  doc: ReportDocument;
  notes: ImportNote[];
  kind: SourceKind;
  /** For imported text: the mandated parts as recognised from the text (before headings were tagged). */
  parts?: MandatedParts;
  /** For imported text and Word: the heading markers as the source wrote them (the checker reports malformed ones). */
  markers?: WrittenMarker[];
}

/** Largest file read: a report is a few hundred kilobytes at most; anything far larger is not a report. */
export const MAX_SOURCE_BYTES = 32 * 1024 * 1024;

/** True when the bytes look like a binary file (NUL bytes or many control characters), not text. */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return false;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return false;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return n > 0 && control / n > 0.05;
}

async function readBytes(path: string): Promise<Uint8Array> {
  const name = basename(path);
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw fileReadError(e, name);
  }
  if (info.isDirectory()) throw new UserFacingError('open-directory', `“${name}”是文件夹，不是文件。`);
  if (!info.isFile()) throw new UserFacingError('open-unreadable', `“${name}”不是普通文件，无法读取。`);
  if (info.size > MAX_SOURCE_BYTES) {
    throw new UserFacingError('open-too-large', `文件“${name}”过大（${(info.size / 1024 / 1024).toFixed(1)} MB），不像是一份报告，未读取。`);
  }
  try {
    return await readFile(path);
  } catch (e) {
    throw fileReadError(e, name);
  }
}

/** The Chinese error for a failed read of `name`, by the system error code. */
export function fileReadError(e: unknown, name: string): UserFacingError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UserFacingError('open-missing', `找不到文件“${name}”，请检查路径是否正确。`);
  if (code === 'EACCES' || code === 'EPERM') return new UserFacingError('open-denied', `没有权限读取文件“${name}”。`);
  if (code === 'EISDIR') return new UserFacingError('open-directory', `“${name}”是文件夹，不是文件。`);
  return new UserFacingError('open-unreadable', `无法读取文件“${name}”${code ? `（${code}）` : ''}。`);
}

/**
 * Loads a report from `path`: a .fzbg document as saved, or a .txt imported into the model (with notes on what the
 * importer did). Throws UserFacingError (Chinese message) for a missing, unreadable, damaged or unsupported file;
 * the file itself is never modified.
 */
export async function loadDocumentFromFile(path: string): Promise<LoadedDocument> {
  const name = basename(path);
  const ext = extname(path).toLowerCase();
  switch (ext) {
    case '.fzbg': {
      const bytes = await readBytes(path);
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new UserFacingError('open-format', `无法打开“${name}”：文件不是有效的 UTF-8 文本，已损坏或不是法治年报助手的报告文件。原文件未作任何改动。`);
      }
      try {
        return { doc: parseDocument(text), notes: [], kind: 'fzbg' };
      } catch (e) {
        if (e instanceof DocumentFormatError) throw new UserFacingError('open-format', `无法打开“${name}”：${e.message}`);
        throw e;
      }
    }
    case '.txt':
    case '.text': {
      const bytes = await readBytes(path);
      if (looksBinary(bytes)) throw new UserFacingError('open-format', `“${name}”不是文本文件（可能是改了扩展名的其他文件），无法导入。`);
      const decoded = decodeText(bytes, name);
      if (decoded.text.trim().length === 0) throw new UserFacingError('open-empty', `文件“${name}”是空的，没有可导入的内容。`);
      const { doc, notes, parts, markers } = importText(decoded.text, { fileName: name });
      notes.unshift(...decoded.notes);
      return { doc, notes, kind: 'txt', parts, markers };
    }
    case '.docx': {
      // Parsed in a worker thread with a memory cap and a timeout (docxImport.ts).
      const bytes = await readBytes(path);
      const { doc, notes, markers } = await importDocxInWorker(bytes, name);
      return { doc, notes, kind: 'docx', markers };
    }
    case '.doc':
    case '.wps':
      throw new UserFacingError('open-unsupported', `不支持旧版 Word/WPS 文件（${ext}）：“${name}”。请在 Word 或 WPS 中“另存为” .docx 后再导入。`);
    default:
      throw new UserFacingError(
        'open-unsupported',
        `不支持的文件类型${ext ? `“${ext}”` : '（无扩展名）'}：“${name}”。可以打开 .fzbg 报告文件，或导入 .txt 纯文本、.docx Word 文件。`,
      );
  }
}
