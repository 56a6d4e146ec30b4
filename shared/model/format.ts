// The .fzbg file format (shared, pure): one UTF-8 JSON object with a format version; parse, migrate, serialise.
import { z } from 'zod';
import { splitHintsInRawBlocks } from './hints';
import { ReportDocument } from './schema';

export const FZBG_FORMAT = 'fzbg';
export const FZBG_VERSION = 7;

/** A document file that cannot be opened; `message` is for the user (Chinese). */
export class DocumentFormatError extends Error {
  constructor(message: string, readonly reason: 'syntax' | 'not-fzbg' | 'newer' | 'invalid') {
    super(message);
    this.name = 'DocumentFormatError';
  }
}

const Envelope = z.object({ format: z.literal(FZBG_FORMAT), version: z.number().int().positive() }).loose();

/**
 * Version 1 → 2: the 附注 became a field of the meta (`notation`). Version 1 had nowhere else to put it, so a report
 * whose last body paragraph is only a 附注 such as （此件公开发布） has it moved there; everything else is unchanged.
 */
export function migrateNotationToMeta(raw: Record<string, unknown>): Record<string, unknown> {
  const meta = raw.meta as Record<string, unknown> | undefined;
  const body = raw.body;
  if (!meta || typeof meta !== 'object' || meta.notation !== undefined || !Array.isArray(body) || body.length < 2) return raw;
  const last = body[body.length - 1] as { type?: unknown; children?: unknown } | null;
  if (!last || last.type !== 'paragraph' || !Array.isArray(last.children)) return raw;
  const text = (last.children as { text?: unknown }[]).map((l) => (typeof l?.text === 'string' ? l.text : '')).join('').trim();
  const m = /^[（(](此件[^（()）]{1,16})[）)]$/.exec(text);
  if (!m) return raw;
  return { ...raw, meta: { ...meta, notation: m[1] }, body: body.slice(0, -1) };
}

/**
 * Version 2 → 3: documents may carry `review` (a reviewer's comments and tracked changes). An older file has
 * none; a stray `review` value an older writer cannot have meant is dropped rather than misread.
 */
export function migrateAddReviewItems(raw: Record<string, unknown>): Record<string, unknown> {
  const { review: _stray, ...rest } = raw;
  return rest;
}

/**
 * Version 3 → 4: `meta.dateSource` (where an imported 成文日期 came from) is new and optional. An older file never
 * says, so its date stays what it was: the document's own or one the user entered. Nothing to rewrite.
 */
export function migrateDateSource(raw: Record<string, unknown>): Record<string, unknown> {
  return raw;
}

/**
 * Version 4 → 5: template writing hints, inline body text such as “（写权责清单动态调整……。）” until then, become hint
 * leaves (`hint: true`), so that they are shown grey, never exported and never taken for content.
 */
export function migrateHintLeaves(raw: Record<string, unknown>): Record<string, unknown> {
  return { ...raw, body: splitHintsInRawBlocks(raw.body) };
}

/**
 * Version 5 → 6: a template's formulation entries may name the rule that reports them (`family`: confusable words,
 * leaders' names) and the context they apply in (`before`, `after`, `notBefore`, `notAfter`) and their `source`.
 * All are new and optional: an older file's entries are formulation-dictionary entries without context, as before.
 */
export function migrateWordingContext(raw: Record<string, unknown>): Record<string, unknown> {
  return raw;
}

/**
 * Version 6 → 7: an ignored finding may say who ignored it (`by`, the user name from the settings). An older file never
 * says; an entry's stray `by` that is not a string is dropped rather than misread.
 */
export function migrateIgnoredBy(raw: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(raw.ignores)) return raw;
  const ignores = (raw.ignores as unknown[]).map((ig) => {
    if (!ig || typeof ig !== 'object' || !('by' in ig) || typeof (ig as { by: unknown }).by === 'string') return ig;
    const { by: _stray, ...rest } = ig as Record<string, unknown>;
    return rest;
  });
  return { ...raw, ignores };
}

/** Migrations from version n to n+1, indexed by n. Each takes and returns the raw JSON object. */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  1: migrateNotationToMeta,
  2: migrateAddReviewItems,
  3: migrateDateSource,
  4: migrateHintLeaves,
  5: migrateWordingContext,
  6: migrateIgnoredBy,
};

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
