// Hostile inputs beyond files to import (issue 16): a team template whose patterns backtrack catastrophically, a team
// folder with a link to /dev/zero, a pipe and a huge file, and a 200,000-paragraph report. Each runs in a child
// process under the hostile-files harness (hostile/run.ts): within its time and memory budget, no stack trace, a
// Chinese message, no network, and the input unchanged.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureLines, fzbgOf } from './hostile/files';
import { CHINESE, CLI, CRASH_TRACE, REPO, runTs, type ChildRun } from './hostile/run';
import { tempDir } from '../support/tempDir';

const HANG_MS = 60_000;
const MEMORY_BUDGET_KB = 600 * 1024;
let work: string;
let sharedTmp: string;

beforeAll(() => {
  work = tempDir('hostile-in');
  sharedTmp = join(work, 'tmp');
  mkdirSync(sharedTmp);
});

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const run = (entry: string, args: string[], id: string) => {
  mkdirSync(join(work, id, 'cwd'), { recursive: true });
  return runTs(entry, args, { cwd: join(work, id, 'cwd'), scratch: join(work, id, 'scratch'), timeoutMs: HANG_MS, env: { TMPDIR: sharedTmp, HOME: join(work, id) } });
};
function expectContained(r: ChildRun, label: string): void {
  const why = `${label}: exit ${r.code}${r.timedOut ? ' (hung: killed)' : ''}, peak ${Math.round(r.peakRssKb / 1024)} MB, ${r.ms} ms\n${r.stderr.slice(0, 500)}`;
  expect(r.timedOut, why).toBe(false);
  expect(r.signal, why).toBeNull();
  expect(r.peakRssKb, why).toBeLessThan(MEMORY_BUDGET_KB);
  expect(r.stderr + r.stdout.slice(0, 2000), why).not.toMatch(CRASH_TRACE);
  expect(r.networkAttempts, why).toEqual([]);
}

describe('hostile inputs', () => {
  it('a team template with catastrophic patterns: check --template answers, naming what it cannot run', async () => {
    const dir = join(work, 'pattern');
    mkdirSync(dir, { recursive: true });
    const template = join(dir, 'team.json');
    writeFileSync(template, JSON.stringify({
      id: 'hostile', name: '恶意团队模板', body: [],
      rules: {
        formulations: [{ wrong: '(.{1,9}){1,9}@', regex: true, correct: '' }, { wrong: '(a)\\1', regex: true, correct: '' }],
        requiredIndicators: [{ part: 'achievements', label: '案件数', pattern: '.*.*.*.*.*.*.*.*案件数为零' }],
      },
    }));
    const report = join(dir, 'r.txt');
    writeFileSync(report, ['某县司法局关于2025年度法治政府建设情况的报告', 'x'.repeat(40), '案'.repeat(40)].join('\n'));
    const before = [sha(template), sha(report)];
    const r = await run(CLI, ['check', report, '--template', template], 'pattern');
    expectContained(r, 'check --template');
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).toContain('模板“恶意团队模板”中的匹配规则“(a)\\1”使用了反向引用');
    expect(r.stderr).toMatch(CHINESE);
    expect([sha(template), sha(report)]).toEqual(before);
  }, 2 * HANG_MS);

  it('a team folder with a link to /dev/zero, a pipe and a 5 MB file: the list answers, each refusal with its reason', async () => {
    const team = join(work, 'team');
    mkdirSync(team, { recursive: true });
    writeFileSync(join(team, 'ok.json'), readFileSync(join(REPO, 'templates/builtin/department.json'), 'utf8').replace('"id": "department"', '"id": "team-ok"'));
    symlinkSync('/dev/zero', join(team, 'zero.json'));
    execFileSync('mkfifo', [join(team, 'pipe.json')]);
    writeFileSync(join(team, 'huge.json'), Buffer.alloc(5 * 1024 * 1024, 32));
    const before = sha(join(team, 'ok.json'));
    const r = await run(join(__dirname, 'hostile', 'app-templates.ts'), [team, join(work, 'team-data')], 'team');
    expectContained(r, 'listTemplates');
    const envelope = JSON.parse(r.stdout);
    expect(envelope.ok).toBe(true);
    expect(envelope.value.templates.map((t: { id: string }) => t.id)).toContain('team-ok');
    expect(envelope.value.notices).toEqual(expect.arrayContaining([
      '团队模板文件“zero.json”是指向文件夹以外的链接（只读取文件夹里的模板文件），已跳过。',
      '团队模板文件“pipe.json”不是普通文件（可能是设备、管道或文件夹），已跳过。',
      '团队模板文件“huge.json”过大（5.0 MB，模板文件不超过 2 MB），已跳过。',
    ]));
    expect(envelope.value.notices.join('')).not.toContain('网络中断');
    expect(sha(join(team, 'ok.json'))).toBe(before);
  }, 2 * HANG_MS);

  it('a 200,000-paragraph .fzbg (under the 32 MB cap): check answers within 600 MB', async () => {
    const dir = join(work, 'huge');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'huge.fzbg');
    const pieces = fixtureLines().flatMap((l) => l.match(/.{1,34}/gu) ?? []);
    writeFileSync(file, fzbgOf(Array.from({ length: 200_000 }, (_, i) => pieces[i % pieces.length]!)));
    const before = sha(file);
    const r = await run(CLI, ['check', file], 'huge');
    expectContained(r, 'check huge');
    expect(r.code).toBe(1);
    expect(r.stdout.slice(0, 200)).toMatch(CHINESE);
    expect(sha(file)).toBe(before);
  }, 2 * HANG_MS);
});
