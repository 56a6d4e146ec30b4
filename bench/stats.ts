// Benchmark statistics and timing (bench, Node): percentiles, repeated runs after a warm-up, and the metric record
// that the table and the JSON output are made from.

/** How a metric is judged: which statistic, compared how, against what. `null` for a baseline without a target. */
export interface Target {
  stat: 'median' | 'p95';
  op: '<=' | '>=';
  value: number;
}

export interface Metric {
  name: string;
  /** The corpus size the metric ran on (characters), or null when it has none (the bundle). */
  size: number | null;
  median: number;
  p95: number;
  unit: string;
  target: Target | null;
  /** Whether the target is met (null without a target). */
  met: boolean | null;
  /** How many samples the figures come from. */
  samples: number;
  /** What the reader of the table should know about this figure (how it was taken, why it misses). */
  note?: string;
}

/** Nearest-rank percentile of unsorted samples (p in 0..100). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function judge(target: Target | null, med: number, p95: number): boolean | null {
  if (!target) return null;
  const v = target.stat === 'median' ? med : p95;
  if (!Number.isFinite(v)) return false;
  return target.op === '<=' ? v <= target.value : v >= target.value;
}

export function metric(
  name: string,
  size: number | null,
  samples: readonly number[],
  unit: string,
  target: Target | null,
  note?: string,
): Metric {
  const med = median(samples);
  const p95 = percentile(samples, 95);
  return { name, size, median: med, p95, unit, target, met: judge(target, med, p95), samples: samples.length, ...(note ? { note } : {}) };
}

/** A metric whose figures are computed rather than sampled (ratios, sizes). */
export function derived(name: string, size: number | null, med: number, p95: number, unit: string, target: Target | null, samples: number, note?: string): Metric {
  return { name, size, median: med, p95, unit, target, met: judge(target, med, p95), samples, ...(note ? { note } : {}) };
}

export interface SampleOptions {
  /** Runs thrown away first (JIT, caches, lazy initialisation). */
  warmup: number;
  /** At least this many measured runs… */
  min: number;
  /** …and at most this many… */
  max: number;
  /** …stopping once this much wall time has been spent measuring (after `min`). */
  budgetMs: number;
}

/** Wall-clock times of the runs, and the CPU time this process spent in each (user + system). */
export interface Samples {
  wall: number[];
  cpu: number[];
}

/** "CPU time median x ms": beside a wall-clock figure, what the run cost this process (other load on the machine
 *  lengthens wall time, hardly CPU time). */
export function cpuNote(s: Samples): string {
  return `CPU time median ${median(s.cpu).toFixed(s.cpu.length && median(s.cpu) < 10 ? 2 : 1)} ms`;
}

/**
 * Times `run` repeatedly. `prepare` (untimed) builds each run's input, so a run never reuses what the previous
 * one cached unless the metric means it to.
 */
export async function sample<T>(
  options: SampleOptions,
  prepare: (i: number) => T | Promise<T>,
  run: (input: T, i: number) => unknown,
): Promise<Samples> {
  for (let i = 0; i < options.warmup; i++) {
    const r = run(await prepare(i), i);
    if (r instanceof Promise) await r;
  }
  const out: Samples = { wall: [], cpu: [] };
  const start = performance.now();
  for (let i = 0; i < options.max; i++) {
    const input = await prepare(options.warmup + i);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = run(input, options.warmup + i);
    if (r instanceof Promise) await r;
    out.wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    out.cpu.push((c.user + c.system) / 1000);
    if (out.wall.length >= options.min && performance.now() - start > options.budgetMs) break;
  }
  return out;
}
