// `npm run bench` (bench, Node): builds the renderer, runs the Node and Chromium benchmarks on the corpus, prints the
// Markdown table (or, with --json, one JSON object and nothing else on stdout) and writes bench/results.md.
//   --json        print {machine, metrics: [{name, size, median, p95, unit, target, met, samples, note}]} only
//   --no-build    measure dist/renderer as it is (default: build it first with scripts/build.mjs)
//   --only=a,b    run only the metrics whose names start with one of these (check, typing, render…)
//   --quick       a short run (smaller budgets) for checking the harness; results.md is not written
//   --profile     also write CPU profiles (typing pages, one 50k first render) to bench/out/ (open them in Chrome
//                 DevTools); the figures of a profiled run are skewed, so results.md is not written
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildReport, CORPUS_SIZES, loadFixtures, REPO_ROOT } from './corpus';
import { bundleMetric, nodeMetrics } from './node';
import { browserMetrics } from './browser';
import { panelMetric } from './panel';
import { batchMetric } from './batch';
import { reviewMetrics } from './review';
import { hugeCheckMetrics } from './huge';
import type { Metric, Target } from './stats';

interface Args {
  json: boolean;
  build: boolean;
  only: string[] | null;
  quick: boolean;
  profile: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, build: true, only: null, quick: false, profile: false };
  for (const a of argv) {
    if (a === '--json') args.json = true;
    else if (a === '--no-build') args.build = false;
    else if (a === '--quick') args.quick = true;
    else if (a === '--profile') args.profile = true;
    else if (a.startsWith('--only=')) args.only = a.slice(7).split(',').filter(Boolean);
    else throw new Error(`未知参数：${a}`);
  }
  return args;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  platform: string;
  date: string;
  /** 1-minute load average at the start and at the end of the run (other work on the machine skews every figure). */
  load: [number, number];
}

function machine(loadAtStart: number): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    date: new Date().toISOString(),
    load: [loadAtStart, loadavg()[0]!].map((x) => Math.round(x * 100) / 100) as [number, number],
  };
}

function fmt(v: number, unit: string): string {
  if (!Number.isFinite(v)) return '—';
  if (unit === 'ms') return v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0);
  if (unit === '×') return v.toFixed(2);
  if (unit === 'MB') return v.toFixed(2);
  return String(Math.round(v * 100) / 100);
}

function targetText(t: Target | null, unit: string): string {
  if (!t) return '—';
  const u = unit === '×' ? '' : ` ${unit}`;
  return `${t.stat} ${t.op === '<=' ? '≤' : '≥'} ${t.value}${u}`;
}

export function markdownTable(metrics: readonly Metric[], m: Machine): string {
  const lines = [
    `# Benchmarks`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, ${m.platform}; ${m.date}; load average ${m.load[0]} at the start, ${m.load[1]} at the end.`,
    `Corpus: reports of about 5k/20k/50k characters built from the two fixtures (bench/corpus.ts). Medians over repeated runs after a warm-up.`,
    '',
    '| metric | size | median | p95 | unit | target | met? |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const x of metrics) {
    const met = x.met === null ? '—' : x.met ? 'yes' : '**no**';
    lines.push(`| ${x.name} | ${x.size === null ? '—' : `${Math.round(x.size / 1000)}k`} | ${fmt(x.median, x.unit)} | ${fmt(x.p95, x.unit)} | ${x.unit} | ${targetText(x.target, x.unit)} | ${met} |`);
  }
  const notes = metrics.filter((x) => x.note);
  if (notes.length) {
    lines.push('', 'Notes:', '');
    for (const x of notes) lines.push(`- \`${x.name}\` (${x.samples} samples): ${x.note}`);
  }
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // In --json mode stdout carries the JSON object only: progress goes to stderr.
  const t0 = performance.now();
  const log = (line: string) => process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);
  const wants = (name: string) => !args.only || args.only.some((p) => name.startsWith(p));
  const started = performance.now();
  const loadAtStart = loadavg()[0]!;

  if (args.build && (wants('bundle') || wants('typing') || wants('render') || wants('heap') || wants('panel'))) {
    log('building dist/ (scripts/build.mjs)');
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  // Measured right after the build, before anything else could rebuild dist/.
  const bundle = wants('bundle') ? bundleMetric() : null;
  const fixtures = loadFixtures();
  const docs = new Map(CORPUS_SIZES.map((n) => [n, buildReport(n, fixtures)] as const));
  const budget = args.quick ? 0.15 : 1;

  const metrics: Metric[] = [];
  if (['check', 'import', 'export', 'peer'].some(wants)) {
    metrics.push(...(await nodeMetrics(docs, { budget, log, wants })));
  }
  if (wants('check.huge')) {
    metrics.push(...(await hugeCheckMetrics({ log, runs: args.quick ? 1 : 3 })));
  }
  if (wants('batch.check')) {
    metrics.push(await batchMetric(docs.get(20_000)!, { log, runs: args.quick ? 1 : 3 }));
  }
  if (wants('review')) {
    metrics.push(...(await reviewMetrics(docs.get(50_000)!, { runs: args.quick ? 1 : 5, log })));
  }
  if (['typing', 'render', 'heap'].some(wants)) {
    metrics.push(...(await browserMetrics(docs, { budget, log, wants, profileDir: args.profile ? join(REPO_ROOT, 'bench', 'out') : undefined })));
  }
  if (wants('panel')) {
    metrics.push(await panelMetric(docs.get(50_000)!, { runs: args.quick ? 3 : 8, log }));
  }
  if (bundle) metrics.push(bundle);
  const selected = metrics.filter((x) => wants(x.name));
  const m = machine(loadAtStart);
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  if (args.json) {
    process.stdout.write(JSON.stringify({ machine: m, metrics: selected }) + '\n');
  } else {
    const table = markdownTable(selected, m);
    process.stdout.write(table);
  }
  if (!args.quick && !args.only && !args.profile) writeFileSync(join(REPO_ROOT, 'bench', 'results.md'), markdownTable(selected, m));
}

main().catch((e: unknown) => {
  process.stderr.write(`基准测试失败：${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
