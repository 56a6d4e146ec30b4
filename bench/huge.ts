// The check of a huge report (bench, Node): a 200,000-paragraph .fzbg (about 30 MB, under the CLI's 32 MB cap) checked
// by the real CLI in a child process, timed as a whole command with its peak memory (VmHWM, as the hostile-files
// harness records it). Targets from the hostile-input issue: at most 10 s and 600 MB.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureLines, fzbgOf } from '../tests/security/hostile/files';
import { CLI, runTs } from '../tests/security/hostile/run';
import { metric, type Metric } from './stats';
import { withTempDir } from '../tests/support/tempDir';

const PARAGRAPHS = 200_000;

export async function hugeCheckMetrics(options: { log: (line: string) => void; runs: number }): Promise<Metric[]> {
  return withTempDir('bench-huge', async (dir) => {
    const file = join(dir, 'huge.fzbg');
    const pieces = fixtureLines().flatMap((l) => l.match(/.{1,34}/gu) ?? []);
    writeFileSync(file, fzbgOf(Array.from({ length: PARAGRAPHS }, (_, i) => pieces[i % pieces.length]!)));
    const walls: number[] = [];
    const peaks: number[] = [];
    for (let r = 0; r < options.runs; r++) {
      options.log(`check.huge run ${r + 1}/${options.runs}`);
      const run = await runTs(CLI, ['check', file], { cwd: dir, scratch: join(dir, `run-${r}`), timeoutMs: 120_000 });
      if (run.timedOut || run.code !== 1) throw new Error(`check.huge: the check ended with ${run.timedOut ? 'a time-out' : `code ${run.code}`}`);
      walls.push(run.ms);
      peaks.push(run.peakRssKb / 1024);
    }
    const note = `${PARAGRAPHS.toLocaleString('en')}-paragraph .fzbg checked by \`cli check\` in a child (tsx start-up included)`;
    return [
      metric('check.huge', null, walls, 'ms', { stat: 'median', op: '<=', value: 10_000 }, note),
      metric('check.huge.rss', null, peaks, 'MB', { stat: 'median', op: '<=', value: 600 }, 'peak resident memory of the same runs'),
    ];
  });
}
