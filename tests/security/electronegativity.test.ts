// Electron audit: @doyensec/electronegativity over main/ (with the preload) and the page's HTML (where the CSP
// meta lives). It exits 0 even when it finds issues, so the test reads its CSV output: zero findings of MEDIUM
// severity or higher may remain unannotated.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tempDir';

const REPO = resolve(__dirname, '..', '..');
const work = tempDir('eng');

function scan(): { issue: string; severity: string; file: string; location: string }[] {
  const input = join(work, 'app');
  cpSync(join(REPO, 'main'), join(input, 'main'), { recursive: true });
  mkdirSync(join(input, 'renderer'), { recursive: true });
  cpSync(join(REPO, 'renderer', 'index.html'), join(input, 'renderer', 'index.html'));
  const csv = join(work, 'findings.csv');
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  execFileSync(
    join(REPO, 'node_modules', '.bin', 'electronegativity'),
    ['-i', input, '-o', csv, '-r', '-v', 'false', '-e', pkg.devDependencies.electron],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const [header, ...rows] = readFileSync(csv, 'utf8').trim().split('\n');
  expect(header).toMatch(/^issue, severity, confidence, filename, location/);
  return rows.map((row) => {
    const cells = row.match(/("([^"]*)"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').trim());
    return { issue: cells[0]!, severity: cells[1]!, file: cells[3]!, location: cells[4]! };
  });
}

describe('electronegativity', () => {
  it('finds nothing of medium severity or higher', () => {
    const findings = scan();
    const serious = findings.filter((f) => ['MEDIUM', 'HIGH', 'CRITICAL'].includes(f.severity));
    expect(serious).toEqual([]);
  });
});
