// Vitest setup (Node, tests only): fast-check runs on a fixed seed so that `npm test` is deterministic; `npm run fuzz`
// (FUZZ=1) draws a fresh seed per file, prints it for replay, and multiplies the runs of suites that use fuzzRuns().
import fc from 'fast-check';

export const FUZZ = process.env.FUZZ === '1';
/** The seed of every property in this run: fixed in `npm test`, drawn afresh (and printed) under `npm run fuzz`. */
export const SEED = FUZZ ? Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 0x7fffffff)) : 20261202;
if (FUZZ) process.stdout.write(`fast-check seed ${SEED} (replay: FUZZ=1 FUZZ_SEED=${SEED} npm run fuzz)\n`);
fc.configureGlobal({ seed: SEED });

/** The number of runs of a property: as given in `npm test`, ten times as many under `npm run fuzz`. */
export function fuzzRuns(n: number): number {
  return FUZZ ? n * 10 : n;
}
