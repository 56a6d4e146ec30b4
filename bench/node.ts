// Node-side benchmarks (bench, Node): the checker (full and incremental), text import, Word export and import, the
// checker against zhlint on the same text, and the renderer bundle's gzip size.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { run as zhlint } from 'zhlint';
import { createChecker } from '../shared/check/engine';
import { importText } from '../shared/import/text';
import { exportDocx } from '../shared/docx/export';
import { importDocx } from '../shared/docx/import';
import type { ReportDocument } from '../shared/model/schema';
import { reportChars, reportMarkdown, reportText, REPO_ROOT } from './corpus';
import { cpuNote, derived, median, metric, percentile, sample, type Metric } from './stats';

/** What the typist adds in the incremental check, one character per keystroke: a real sentence of the fixtures. */
export const TYPED_TEXT = '进一步提升学习宣传贯彻习近平法治思想的深度、广度、力度，推动法治政府建设各项工作取得新成效。';

/** The body paragraph nearest the middle of the report (where the typing happens in both the Node and the page runs). */
export function middleParagraph(doc: ReportDocument): number {
  const mid = doc.body.length >> 1;
  for (let d = 0; d < doc.body.length; d++) {
    for (const i of [mid + d, mid - d]) if (doc.body[i]?.type === 'paragraph') return i;
  }
  throw new Error('基准语料：报告中没有段落。');
}

/** The document after typing `ch` at `offset` of paragraph `index`, with new objects only along the edited path,
 *  as Slate produces them. */
function typed(doc: ReportDocument, index: number, offset: number, ch: string): ReportDocument {
  const block = doc.body[index]!;
  if (block.type !== 'paragraph') throw new Error('not a paragraph');
  const text = block.children[0]!.text;
  const body = doc.body.slice();
  body[index] = { ...block, children: [{ ...block.children[0]!, text: text.slice(0, offset) + ch + text.slice(offset) }] };
  return { ...doc, body };
}

const quietConsole = { ...console, log() {}, info() {}, warn() {}, error() {} } as Console;

export interface NodeBenchOptions {
  /** Multiplies the measuring budgets (a quick run for checking the harness: 0.2). */
  budget: number;
  log: (line: string) => void;
  /** Whether a metric was asked for (--only). */
  wants: (name: string) => boolean;
}

export async function nodeMetrics(docs: Map<number, ReportDocument>, options: NodeBenchOptions): Promise<Metric[]> {
  const out: Metric[] = [];
  const b = (ms: number) => Math.max(200, ms * options.budget);
  const doc = docs.get(20_000)!;
  const size = 20_000;

  // check.full: a fresh checker on a fresh copy, so no block is served from a cache.
  if (options.wants('check.full')) {
    options.log('check.full');
    const full = await sample({ warmup: 5, min: 15, max: 400, budgetMs: b(4000) }, () => ({ c: createChecker(), d: structuredClone(doc) }), ({ c, d }) => c.check(d));
    out.push(metric('check.full', size, full.wall, 'ms', { stat: 'median', op: '<=', value: 10 }, `createChecker().check(doc), new checker and document objects each run; ${cpuNote(full)}`));
  }

  // check.incremental: one warm checker; each run is one more typed character in the middle paragraph.
  if (options.wants('check.incremental')) {
    options.log('check.incremental');
    const checker = createChecker();
    const index = middleParagraph(doc);
    let current = structuredClone(doc);
    checker.check(current);
    const start = Math.floor((current.body[index] as { children: { text: string }[] }).children[0]!.text.length / 2);
    let offset = start;
    const samples = await sample(
      { warmup: 10, min: 100, max: 2000, budgetMs: b(3000) },
      (i) => {
        current = typed(current, index, offset, TYPED_TEXT[i % TYPED_TEXT.length]!);
        offset += 1;
        return current;
      },
      (d) => checker.check(d),
    );
    out.push(metric('check.incremental', size, samples.wall, 'ms', { stat: 'median', op: '<=', value: 2 }, `warm checker, one character typed into one paragraph per run; ${cpuNote(samples)}`));
  }

  // import.text: the 20k report as plain text (title, numbered headings, paragraphs, signature) through the importer.
  if (options.wants('import.text')) {
    options.log('import.text');
    const text = reportText(doc);
    const samples = await sample({ warmup: 5, min: 15, max: 300, budgetMs: b(3000) }, () => text, (t) => importText(t, { id: 'bench' }));
    out.push(metric('import.text', size, samples.wall, 'ms', { stat: 'median', op: '<=', value: 50 }, `the report as pasted text (title, numbered headings, paragraphs, signature); ${cpuNote(samples)}`));
  }

  // export.docx / import.docx
  if (options.wants('export.docx')) {
    options.log('export.docx');
    const exported = await sample({ warmup: 2, min: 7, max: 60, budgetMs: b(5000) }, () => doc, (d) => exportDocx(d));
    out.push(metric('export.docx', size, exported.wall, 'ms', { stat: 'median', op: '<=', value: 500 }, cpuNote(exported)));
  }
  if (options.wants('import.docx')) {
    options.log('import.docx');
    out.push(await importDocxMetric(doc, b(5000)));
  }

  // peer.zhlint: ours and zhlint, interleaved, on the same 20k text; throughput in characters per millisecond.
  if (options.wants('peer.zhlint')) {
    options.log('peer.zhlint');
    const chars = reportChars(doc);
    const markdown = reportMarkdown(doc);
    const ours: number[] = [];
    const theirs: number[] = [];
    const lint = () => zhlint(markdown, { rules: { preset: 'default' }, logger: quietConsole });
    lint();
    createChecker().check(structuredClone(doc));
    const started = performance.now();
    for (let i = 0; i < 40; i++) {
      const c = createChecker();
      const d = structuredClone(doc);
      let t = performance.now();
      c.check(d);
      ours.push(performance.now() - t);
      t = performance.now();
      lint();
      theirs.push(performance.now() - t);
      if (i >= 4 && performance.now() - started > b(8000)) break;
    }
    const oursRate = chars / median(ours);
    const theirRate = chars / median(theirs);
    const ratio = oursRate / theirRate;
    // The slow tail of each: our p95 time against theirs.
    const ratioP95 = (chars / percentile(ours, 95)) / (chars / percentile(theirs, 95));
    out.push(derived('peer.zhlint', size, ratio, ratioP95, '×', { stat: 'median', op: '>=', value: 1 }, ours.length,
      `ours ${oursRate.toFixed(0)} chars/ms (${median(ours).toFixed(1)} ms), zhlint ${theirRate.toFixed(1)} chars/ms (${median(theirs).toFixed(0)} ms, preset default); p95 column: ratio of the p95 times`));
  }

  return out;
}

async function importDocxMetric(doc: ReportDocument, budgetMs: number): Promise<Metric> {
  const bytes = await exportDocx(doc);
  const back = importDocx(bytes);
  if (back.doc.body.length < doc.body.length / 2) throw new Error('基准测试：导出的Word文件读回后内容缺失。');
  const samples = await sample({ warmup: 2, min: 7, max: 60, budgetMs }, () => bytes, (b) => importDocx(b));
  return metric('import.docx', 20_000, samples.wall, 'ms', { stat: 'median', op: '<=', value: 500 }, `the exported 20k report (${(bytes.length / 1024).toFixed(0)} KB) read back; ${cpuNote(samples)}`);
}

/** gzip size of the renderer's JavaScript and CSS as built in dist/renderer (source maps not counted). */
export function bundleMetric(): Metric {
  const dir = join(REPO_ROOT, 'dist', 'renderer');
  let bytes = 0;
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(m?js|css)$/.test(name)) {
        bytes += gzipSync(readFileSync(p), { level: 9 }).length;
        files.push(name);
      }
    }
  };
  walk(dir);
  const mb = bytes / 1e6;
  return derived('bundle.gzip', null, mb, mb, 'MB', { stat: 'median', op: '<=', value: 1.5 }, 1, `${files.length} files (${files.join(', ')}), gzip -9, 1 MB = 10⁶ bytes`);
}
