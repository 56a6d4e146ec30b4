// The .fzbg file format (shared, pure): one UTF-8 JSON object with a format version; parse, migrate, serialise.
import { z } from 'zod';
import { splitHintsInRawBlocks } from './hints';
import { ReportDocument } from './schema';

export const FZBG_FORMAT = 'fzbg';
export const FZBG_VERSION = 2;

/** A document file that cannot be opened; `message` is for the user (Chinese). */
export class DocumentFormatError extends Error {
  constructor(message: string, readonly reason: 'syntax' | 'not-fzbg' | 'newer' | 'invalid') {
    super(message);
    this.name = 'DocumentFormatError';
  }
}

const Envelope = z.object({ format: z.literal(FZBG_FORMAT), version: z.number().int().positive() }).loose();

/**
 * Version 1 → 2: template writing hints, inline body text such as “（写权责清单动态调整……。）” until then, become hint
 * leaves (`hint: true`), so that they are shown grey, never exported and never taken for content.
 */
export function migrateHintLeaves(raw: Record<string, unknown>): Record<string, unknown> {
  return { ...raw, body: splitHintsInRawBlocks(raw.body) };
}

/** Migrations from version n to n+1, indexed by n. Each takes and returns the raw JSON object. */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = { 1: migrateHintLeaves };

export function serializeDocument(doc: ReportDocument): string {
  const checked = ReportDocument.parse(doc);
  return JSON.stringify({ format: FZBG_FORMAT, version: FZBG_VERSION, ...checked }, null, 1) + '\n';
}

/** Parses the text of a .fzbg file; throws DocumentFormatError with a Chinese message when it cannot be opened. */
export function parseDocument(text: string): ReportDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new DocumentFormatError(
      text.trim().length === 0 ? '文件是空的，无法打开。' : '文件已损坏或不完整（可能在保存时中断），无法打开。原文件未作任何改动。',
      'syntax',
    );
  }
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) throw new DocumentFormatError('这不是法治年报助手的报告文件（.fzbg），无法打开。', 'not-fzbg');
  let { version } = envelope.data;
  if (version > FZBG_VERSION) {
    throw new DocumentFormatError(`该文件由更新版本的法治年报助手保存（格式版本 ${version}），请升级软件后再打开。原文件未作任何改动。`, 'newer');
  }
  let obj = envelope.data as Record<string, unknown>;
  while (version < FZBG_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) throw new DocumentFormatError(`无法识别的文件格式版本 ${version}。`, 'invalid');
    obj = migrate(obj);
    version += 1;
  }
  const { format: _f, version: _v, ...rest } = obj;
  const parsed = ReportDocument.safeParse(rest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new DocumentFormatError(`文件内容不符合报告格式${where ? `（位置：${where}）` : ''}，无法打开。原文件未作任何改动。`, 'invalid');
  }
  return parsed.data;
}
