// The batch engine of the reviewer's desk (Node): reads every report of a folder (Word files in capped child
// processes, never modified), checks each with the checker, summarises it, and — given last year's folder — pairs
// and compares. A file that cannot be read is a row with the reason and the rest go on. Progress is reported per
// file; an AbortSignal cancels. Shared by the app (main/services/batchService.ts), the CLI and the packaged
// app's command line.
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, extname } from 'node:path';
import { createChecker, type Checker } from '../../shared/check/engine';
import type { WrittenMarkerInfo } from '../../shared/check/types';
import type { CheckResult } from '../../shared/check/types';
import { compareReports, pairReports, type Comparison, type PairedBy } from '../../shared/desk/compare';
import { reportingOrgan } from '../../shared/check/rules/dates';
import type { DeskRow } from '../../shared/desk/rows';
import type { ReportSummary } from '../../shared/desk/summary';
import { UserFacingError, type ImportNote } from '../../shared/ipc/contract';
import type { ReportDocument, RuleSettings } from '../../shared/model/schema';
import type { MandatedParts } from '../../shared/outline/parts';
import { checkReport, type ReportCheck } from './batchCheck';
import { collectReportFiles, type BatchFile, type BatchLimits } from './batchFiles';
import { DocxPool } from './batchDocxPool';
import { fileReadError, loadDocumentFromFile, MAX_SOURCE_BYTES, type LoadedDocument } from './loadDocument';

export interface BatchProgress {
  phase: 'scan' | 'reports' | 'previous' | 'compare';
  done: number;
  total: number;
  /** The file just finished. */
  file?: string;
}

export interface BatchOptions {
  /** Last year's folder, to compare with. */
  previous?: string;
  /** The previous folder is an archive of several years: only the reports of the year before a report count. */
  previousLastYearOnly?: boolean;
  /** Rule settings that replace each report's own (the CLI's --template). */
  rules?: RuleSettings;
  /** Manual pairings: this year's key → last year's key (null: no counterpart). */
  pairings?: Record<string, string | null>;
  onProgress?: (p: BatchProgress) => void;
  signal?: AbortSignal;
  limits?: BatchLimits;
  /** Child processes reading Word files at once. */
  concurrency?: number;
}

export interface CheckedReport {
  file: BatchFile;
  doc: ReportDocument;
  notes: ImportNote[];
  result: CheckResult;
  parts: MandatedParts;
  summary: ReportSummary;
}

export type BatchEntry = CheckedReport | { file: BatchFile; failed: string };

export interface LastYear {
  folder: string;
  /** The folder is an archive of several years: a report pairs only with one of the year before its own. */
  yearBefore: boolean;
  reports: Array<{ file: BatchFile; doc: ReportDocument }>;
  /** Keys of last year's files that could not be read, with the reason. */
  failed: Array<{ key: string; reason: string }>;
}

export interface BatchResult {
  folder: string;
  entries: BatchEntry[];
  lastYear: LastYear | null;
  /** This year's key → its pairing and comparison. */
  comparisons: Map<string, { previousKey: string; by: PairedBy; comparison: Comparison }>;
}

export const isChecked = (e: BatchEntry): e is CheckedReport => !('failed' in e);

function cancelled(): UserFacingError {
  return new UserFacingError('batch-cancelled', '检查已取消。');
}

/** A report read, and for a .docx of this year already checked in the pool's child. */
type Loaded = LoadedDocument & { checked?: ReportCheck; checkError?: string };

/** Reads one report: .txt/.fzbg in this process, .docx in the pool (checked there too when `check`). Never writes. */
async function loadReport(file: BatchFile, pool: DocxPool, check: { rules?: RuleSettings } | undefined): Promise<Loaded> {
  if (extname(file.path).toLowerCase() !== '.docx') return loadDocumentFromFile(file.path);
  const name = basename(file.path);
  let bytes: Uint8Array;
  try {
    const info = await stat(file.path);
    if (info.size > MAX_SOURCE_BYTES) throw new UserFacingError('open-too-large', `文件“${name}”过大（${(info.size / 1024 / 1024).toFixed(1)} MB），不像是一份报告，未读取。`);
    bytes = await readFile(file.path);
  } catch (e) {
    throw e instanceof UserFacingError ? e : fileReadError(e, name);
  }
  const { doc, notes, markers, checked, checkError } = await pool.import(bytes, name, check);
  return { doc, notes, kind: 'docx', markers, checked, checkError };
}

function reason(e: unknown, file: BatchFile): string {
  if (e instanceof UserFacingError) return e.message;
  return `无法读取“${file.key}”：${e instanceof Error ? e.message : String(e)}`;
}

/** Runs `work` over `items` with at most `limit` at a time, in order of start; stops starting new ones once aborted. */
async function eachLimited<T>(items: readonly T[], limit: number, signal: AbortSignal | undefined, work: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && !signal?.aborted) {
      const i = next++;
      await work(items[i]!, i);
    }
  });
  await Promise.all(lanes);
}

/** Word-import children: one per core (this process only collects their results), at least 1 and at most 4. */
function poolSize(options: BatchOptions): number {
  return options.concurrency ?? Math.max(1, Math.min(4, availableParallelism()));
}

/** Lets the event loop breathe between reports (IPC, progress, a 取消 click). */
const breathe = (): Promise<void> => new Promise((ok) => setImmediate(ok));

function checkLoaded(file: BatchFile, loaded: Loaded, checker: () => Checker, rules?: RuleSettings): CheckedReport {
  if (loaded.checkError !== undefined) throw new Error(loaded.checkError);
  const checked = loaded.checked ?? checkReport(loaded.doc, (loaded as { markers?: WrittenMarkerInfo[] }).markers, checker(), rules);
  return { file, notes: loaded.notes, ...checked };
}

async function readAll(files: readonly BatchFile[], pool: DocxPool, options: BatchOptions, phase: 'reports' | 'previous', each: (file: BatchFile, loaded: Loaded | null, failed: string | null) => void): Promise<void> {
  let done = 0;
  // This year's Word files are checked in the children; last year's are only read (for the comparison).
  const check = phase === 'reports' ? { rules: options.rules } : undefined;
  // Two files per child in flight, so a child never waits for the next file while this process handles a reply.
  await eachLimited(files, 2 * poolSize(options), options.signal, async (file) => {
    let loaded: Loaded | null = null;
    let failed: string | null = null;
    try {
      loaded = await loadReport(file, pool, check);
    } catch (e) {
      failed = reason(e, file);
    }
    if (options.signal?.aborted) return;
    each(file, loaded, failed);
    options.onProgress?.({ phase, done: ++done, total: files.length, file: file.key });
    await breathe();
  });
  if (options.signal?.aborted) throw cancelled();
}

/** Checks every report under `folder` (or the files given) and compares with last year's folder when given. */
export async function runBatch(input: string | { folder: string; files: BatchFile[] }, options: BatchOptions = {}): Promise<BatchResult> {
  const { signal } = options;
  options.onProgress?.({ phase: 'scan', done: 0, total: 0 });
  const folder = typeof input === 'string' ? input : input.folder;
  const files = typeof input === 'string' ? await collectReportFiles(input, options.limits) : input.files;
  if (signal?.aborted) throw cancelled();
  const pool = new DocxPool({ size: poolSize(options) });
  const stop = () => pool.close();
  signal?.addEventListener('abort', stop);
  try {
    // For the .txt and .fzbg files read here: one checker, made when first needed, without the block cache (each
    // report is checked once; the cache serves re-checks).
    let local: Checker | null = null;
    const checker = () => (local ??= createChecker(undefined, { cache: false }));
    const byKey = new Map<string, BatchEntry>();
    await readAll(files, pool, options, 'reports', (file, loaded, failed) => {
      if (loaded) {
        try {
          byKey.set(file.key, checkLoaded(file, loaded, checker, options.rules));
        } catch (e) {
          byKey.set(file.key, { file, failed: `检查“${file.key}”时出错：${e instanceof Error ? e.message : String(e)}` });
        }
      } else byKey.set(file.key, { file, failed: failed! });
    });
    const entries = files.map((f) => byKey.get(f.key)!);
    let lastYear: LastYear | null = null;
    let comparisons: BatchResult['comparisons'] = new Map();
    if (options.previous) {
      const before = await collectReportFiles(options.previous, options.limits);
      lastYear = { folder: options.previous, yearBefore: !!options.previousLastYearOnly, reports: [], failed: [] };
      const got = new Map<string, ReportDocument>();
      const ly = lastYear;
      await readAll(before, pool, options, 'previous', (file, loaded, failed) => {
        if (loaded) got.set(file.key, loaded.doc);
        else ly.failed.push({ key: file.key, reason: failed! });
      });
      // From an archive of several years, only reports of a year just before one of this year's reports.
      const years = new Set(entries.filter(isChecked).map((e) => e.doc.meta.year - 1));
      for (const f of before) {
        const doc = got.get(f.key);
        if (doc && (!options.previousLastYearOnly || years.has(doc.meta.year))) lastYear.reports.push({ file: f, doc });
      }
      options.onProgress?.({ phase: 'compare', done: 0, total: 1 });
      comparisons = compareAll(entries, lastYear, options.pairings);
      options.onProgress?.({ phase: 'compare', done: 1, total: 1 });
    }
    return { folder, entries, lastYear, comparisons };
  } finally {
    signal?.removeEventListener('abort', stop);
    pool.close();
  }
}

function compareAll(entries: readonly BatchEntry[], lastYear: LastYear, pairings?: Record<string, string | null>): BatchResult['comparisons'] {
  const now = entries.filter(isChecked);
  const pairs = pairReports(now.map((e) => ({ key: e.file.key, doc: e.doc })), lastYear.reports.map((r) => ({ key: r.file.key, doc: r.doc })), pairings, lastYear.yearBefore);
  const previousDoc = new Map(lastYear.reports.map((r) => [r.file.key, r.doc] as const));
  const currentDoc = new Map(now.map((e) => [e.file.key, e.doc] as const));
  const out: BatchResult['comparisons'] = new Map();
  for (const p of pairs) out.set(p.current, { previousKey: p.previous, by: p.by, comparison: compareReports(currentDoc.get(p.current)!, previousDoc.get(p.previous)!) });
  return out;
}

/** Re-pairs an existing result with manual pairings (no file is read again). */
export function repair(result: BatchResult, pairings: Record<string, string | null>): BatchResult {
  return result.lastYear ? { ...result, comparisons: compareAll(result.entries, result.lastYear, pairings) } : result;
}

/** The table's rows, in the folder's order. */
export function deskRows(result: BatchResult): DeskRow[] {
  const previousOrgan = new Map(result.lastYear?.reports.map((r) => [r.file.key, reportingOrgan(r.doc.meta)] as const) ?? []);
  return result.entries.map((e): DeskRow => {
    if (!isChecked(e)) return { key: e.file.key, status: 'failed', reason: e.failed };
    const c = result.comparisons.get(e.file.key);
    return {
      key: e.file.key,
      status: 'ok',
      summary: e.summary,
      previous: c ? {
        key: c.previousKey,
        organ: previousOrgan.get(c.previousKey) ?? '',
        by: c.by,
        paragraphs: c.comparison.paragraphs,
        same: c.comparison.same,
        numbersOnly: c.comparison.numbersOnly,
        copiedShare: c.comparison.copiedShare,
        unchangedIndicators: c.comparison.unchangedIndicators,
      } : null,
    };
  });
}
