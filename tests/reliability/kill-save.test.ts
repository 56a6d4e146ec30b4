// Kills a process that is saving, at random moments, 200 times: the file on disk is always exactly the old or the
// new version (never torn), its backup too, and no temp file survives the sweep of the next start.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_SUFFIX, sweepStaleTemps, TEMP_PREFIX } from '../../main/services/atomicWrite';
import { tempDir } from '../support/tempDir';

const KILLS = 200;
let work: string;
let childScript: string;

beforeAll(async () => {
  work = tempDir('kill');
  // A bundled script starts in a few tens of milliseconds, so the 200 runs are dominated by the saving itself.
  childScript = join(work, 'child.cjs');
  await build({
    entryPoints: [join(__dirname, 'kill-save-child.ts')],
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: childScript, logLevel: 'silent',
  });
});

/** Two versions that differ everywhere and in length, so a mix or a truncation of either is never equal to one. */
function version(tag: string, lines: number): Buffer {
  const text = Array.from({ length: lines }, (_, i) => `${tag}第${i}段：法治政府建设年度报告正文，依法行政，严格规范公正文明执法。\n`).join('');
  return Buffer.from(JSON.stringify({ format: 'fzbg', tag, text }));
}

function runAndKill(target: string, a: string, b: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, target, a, b], { stdio: ['ignore', 'pipe', 'inherit'] });
    let killed = false;
    child.stdout.on('data', () => {
      if (killed) return;
      killed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended with ${code ?? signal}`))));
  });
}

/** One lane: its own folder, killing a saving child `kills` times and checking the disk after each kill. */
async function lane(name: string, kills: number, A: Buffer, B: Buffer, aPath: string, bPath: string) {
  const dir = join(work, name);
  mkdirSync(dir);
  const target = join(dir, '报告.fzbg');
  writeFileSync(target, A);
  const tally = { tempsFound: 0, A: 0, B: 0 };
  for (let run = 0; run < kills; run++) {
    await runAndKill(target, aPath, bPath, Math.floor(Math.random() * 40));
    const now = readFileSync(target);
    const isA = now.equals(A);
    expect(isA || now.equals(B), `${name} run ${run}: file is torn (${now.length} bytes)`).toBe(true);
    tally[isA ? 'A' : 'B']++;
    if (existsSync(target + BACKUP_SUFFIX)) {
      const bak = readFileSync(target + BACKUP_SUFFIX);
      expect(bak.equals(A) || bak.equals(B), `${name} run ${run}: backup is torn`).toBe(true);
    }
    // What the next start sees: the sweep removes every temp the killed save left.
    if (readdirSync(dir).some((n) => n.startsWith(TEMP_PREFIX))) tally.tempsFound++;
    await sweepStaleTemps(dir);
    expect(readdirSync(dir).filter((n) => n.startsWith(TEMP_PREFIX)), `${name} run ${run}: temp survived the sweep`).toEqual([]);
  }
  expect(readdirSync(dir).sort()).toEqual(['报告.fzbg', `报告.fzbg${BACKUP_SUFFIX}`]);
  return tally;
}

describe('saving survives being killed at any moment', () => {
  it(`keeps the file whole across ${KILLS} kills`, async () => {
    const A = version('甲', 3000);
    const B = version('乙', 2000);
    const aPath = join(work, 'a.bin');
    const bPath = join(work, 'b.bin');
    writeFileSync(aPath, A);
    writeFileSync(bPath, B);
    // Two lanes at once (separate folders): process start-up, not the disk, is what takes the time.
    const tallies = await Promise.all([lane('docs-1', KILLS / 2, A, B, aPath, bPath), lane('docs-2', KILLS / 2, A, B, aPath, bPath)]);
    const total = tallies.reduce((t, x) => ({ tempsFound: t.tempsFound + x.tempsFound, A: t.A + x.A, B: t.B + x.B }));
    // The kills did land in the middle of saves (temp files were left behind), and both versions were seen on disk.
    expect(total.A + total.B).toBe(KILLS);
    expect(total.tempsFound).toBeGreaterThan(0);
    expect(total.A).toBeGreaterThan(0);
    expect(total.B).toBeGreaterThan(0);
  }, 300_000);
});
