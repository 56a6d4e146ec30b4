// The new, next-year and compare commands, run in-process on a real published report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { parseDocument } from '../../shared/model/format';
import { tempDir } from '../support/tempDir';

const dir = tempDir('cli-ops');
const fixture = join(__dirname, '../../../shared/fixtures/reports/jianghai-2025-webpage.txt');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: '', err: '' };
  out.on('data', (c) => (chunks.out += String(c)));
  err.on('data', (c) => (chunks.err += String(c)));
  const code = await runCli(args, out, err);
  return { code, ...chunks };
}

describe('report commands', () => {
  it('new: a report from a built-in template', async () => {
    const r = await cli('new', 'township', '--organ', '某某镇人民政府', '--year', '2025', '-o', join(dir, 'town.fzbg'));
    expect(r).toMatchObject({ code: 0, err: '' });
    const doc = parseDocument(readFileSync(join(dir, 'town.fzbg'), 'utf8'));
    expect(doc.meta).toMatchObject({ title: '某某镇人民政府关于2025年度法治政府建设情况的报告', templateId: 'township', year: 2025 });
    expect((await cli('new', 'township', '--organ', 'x', '-o', join(dir, 'y.fzbg'))).code).toBe(2);
  });

  it('next-year and compare on an imported real report', async () => {
    expect((await cli('import', fixture, '-o', join(dir, '2025.fzbg'))).code).toBe(0);
    const r = await cli('next-year', join(dir, '2025.fzbg'), '-o', join(dir, '2026.fzbg'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/关于2026年度法治政府建设情况的报告/);
    const next = parseDocument(readFileSync(join(dir, '2026.fzbg'), 'utf8'));
    const staleTexts = next.body.flatMap((b) => (b.type === 'table' ? [] : b.children.filter((l) => l.stale).map((l) => l.text)));
    expect(staleTexts).toEqual(expect.arrayContaining(['8场次', '72人次', '7件', '18件', '100%']));
    expect(r.out).toContain(`共 ${staleTexts.length} 处数字`);
    const again = await cli('next-year', join(dir, '2025.fzbg'), '-o', join(dir, '2026.fzbg'));
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/已存在/);

    const c = await cli('compare', join(dir, '2025.fzbg'), join(dir, '2026.fzbg'));
    expect(c.code).toBe(0);
    expect(c.out).toContain('~ 202[-5-][+6+]年推进法治政府建设的主要举措及成效');
    expect(c.out).toMatch(/共增加 \d+ 字，删除 \d+ 字。/);
  });
});
