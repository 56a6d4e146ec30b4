// Vitest setup (Node, tests only): fast-check runs on a fixed seed so that `npm test` is deterministic; `npm run fuzz`
// (FUZZ=1) draws a fresh seed per file, prints it for replay, and multiplies the runs of suites that use fuzzRuns().
import fc from 'fast-check';

export const FUZZ = process.env.FUZZ === '1';
const seed = FUZZ ? Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 0x7fffffff)) : 20261202;
if (FUZZ) process.stdout.write(`fast-check seed ${seed} (replay: FUZZ=1 FUZZ_SEED=${seed} npm run fuzz)\n`);
fc.configureGlobal({ seed });

/** The number of runs of a property: as given in `npm test`, ten times as many under `npm run fuzz`. */
export function fuzzRuns(n: number): number {
  return FUZZ ? n * 10 : n;
}
