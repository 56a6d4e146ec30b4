// Child process for kill-save.test.ts (Node): sweeps the folder like a fresh start, then saves two versions of a
// file over and over with the real atomic writer until the parent kills it.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { atomicWrite, sweepStaleTemps } from '../../main/services/atomicWrite';

const [target, aPath, bPath] = process.argv.slice(2) as [string, string, string];
const versions = [readFileSync(aPath), readFileSync(bPath)];

async function main(): Promise<void> {
  await sweepStaleTemps(dirname(target));
  process.stdout.write('ready\n');
  for (let i = 0; ; i++) await atomicWrite(target, versions[i % 2]!);
}
void main();
