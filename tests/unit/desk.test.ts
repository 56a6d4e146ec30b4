// The reviewer's desk: deadlines by organ kind, pairing with last year (full name, 简称, renamed, different places
// that must not pair), copied paragraphs, folder reading (caps, symlinks out of the folder), and the batch engine.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareReports, organSimilarity, pairReports, skeleton } from '../../shared/desk/compare';
import { deadlineStatus } from '../../shared/desk/deadline';
import { importText } from '../../shared/import/text';
import { deskRows, runBatch } from '../../main/services/batch';
import { BATCH_LIMITS, collectReportFiles } from '../../main/services/batchFiles';
import { tempDir } from '../support/tempDir';

const FIXTURES = join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'reports');
const jianghai = readFileSync(join(FIXTURES, 'jianghai-2025-webpage.txt'), 'utf8');
const yangjiang = readFileSync(join(FIXTURES, 'yangjiang-2024-webpage.txt'), 'utf8');
const doc = (text: string, id = 'd') => importText(text, { id }).doc;
const tmp = tempDir('desk');

describe('deadline', () => {
  it('gives provincial organs 1 April and everyone else 1 March', () => {
    const meta = { organ: '江海区司法局', signature: '', title: '', year: 2025 };
    // The checker's judgement of the organ, so the desk and the check never disagree on a deadline.
    for (const organ of ['广东省人民政府', '中共广东省委 广东省人民政府', '新疆维吾尔自治区人民政府', '北京市人民政府']) {
      expect(deadlineStatus({ ...meta, organ, date: '2026-03-20' }), organ).toEqual({ kind: 'province', due: '2026-04-01', status: 'on-time' });
    }
    for (const organ of ['广东省司法厅', '阳江市人民政府', '江门市江海区人民政府', '广东省阳江市人民政府', '江海区司法局', '外海街道办事处']) {
      expect(deadlineStatus({ ...meta, organ, date: '2026-03-20' }), organ).toMatchObject({ due: '2026-03-01', status: 'late' });
    }
    expect(deadlineStatus({ ...meta, organ: '', signature: '', title: '广东省人民政府关于2025年度法治政府建设情况的报告', date: '2026-03-20' }).due).toBe('2026-04-01');
    expect(deadlineStatus({ ...meta, date: '2026-03-01' })).toEqual({ kind: 'department', due: '2026-03-01', status: 'on-time' });
    expect(deadlineStatus({ ...meta, date: '2026-03-02' }).status).toBe('late');
    expect(deadlineStatus({ ...meta, date: '' }).status).toBe('no-date');
    expect(deadlineStatus({ ...meta, organ: '广东省人民政府', date: '2026-03-20' })).toMatchObject({ due: '2026-04-01', status: 'on-time' });
  });
});

describe('pairing', () => {
  it('tolerates 简称 and small renames, and never pairs two places', () => {
    expect(organSimilarity('阳江市政务服务和数据管理局', '阳江市政务服务和数据管理局')).toBe(1);
    expect(organSimilarity('阳江市政数局', '阳江市政务服务和数据管理局')).toBe(0.9);
    expect(organSimilarity('江海区司法局', '江门市江海区司法局')).toBe(0.9);
    expect(organSimilarity('江海区政务服务数据管理局', '江海区政务服务和数据管理局')).toBeGreaterThanOrEqual(0.6);
    // Look-alikes that must stay apart: the same department of another place, another department of the same place.
    expect(organSimilarity('江海区司法局', '蓬江区司法局')).toBe(0);
    expect(organSimilarity('江海区人民政府', '新会区人民政府')).toBe(0);
    expect(organSimilarity('江海区司法局', '江海区财政局')).toBeLessThan(0.6);
  });

  it('pairs one to one, by name first, then a renamed organ by its text; a manual pairing wins', () => {
    const now = [
      { key: 'a', doc: doc(jianghai.replaceAll('2025年', '2026年'), 'a') },
      { key: 'b', doc: doc(yangjiang.replaceAll('阳江市政务服务和数据管理局', '阳江市数字政府建设局'), 'b') },
    ];
    const before = [{ key: 'x', doc: doc(yangjiang, 'x') }, { key: 'y', doc: doc(jianghai, 'y') }];
    expect(pairReports(now, before)).toEqual([{ current: 'a', previous: 'y', by: 'name' }, { current: 'b', previous: 'x', by: 'text' }]);
    expect(pairReports(now, before, { a: null, b: 'y' })).toEqual([{ current: 'b', previous: 'y', by: 'manual' }]);
  });

  it('from an archive of several years, pairs a report only with the year just before its own', () => {
    const now = [{ key: 'a', doc: doc(jianghai.replaceAll('2025年', '2026年'), 'a') }];
    const older = { key: 'old', doc: doc(jianghai.replaceAll('2025年', '2023年'), 'old') };
    const last = { key: 'last', doc: doc(jianghai, 'last') };
    expect(older.doc.meta.year).toBe(2023);
    expect(pairReports(now, [older, last], {}, true)).toEqual([{ current: 'a', previous: 'last', by: 'name' }]);
    // Only older years in the archive: no pairing (a picked folder, without the rule, would take it).
    expect(pairReports(now, [older], {}, true)).toEqual([]);
    expect(pairReports(now, [older])).toEqual([{ current: 'a', previous: 'old', by: 'name' }]);
    // A manual pairing may still choose any year.
    expect(pairReports(now, [older, last], { a: 'old' }, true)).toEqual([{ current: 'a', previous: 'old', by: 'manual' }]);
  });
});

describe('copied paragraphs', () => {
  it('counts paragraphs copied unchanged or with only numbers or the year changed, and unchanged indicators', () => {
    expect(skeleton('2024年受理行政复议案件18件')).toBe(skeleton('2025年受理行政复议案件21件'));
    expect(skeleton('受理行政复议案件18件')).not.toBe(skeleton('办理行政复议案件18件'));
    const before = doc(jianghai);
    const same = compareReports(before, before);
    expect(same.copiedShare).toBe(1);
    expect(same.numbersOnly).toBe(0);
    const moved = compareReports(doc(jianghai.replaceAll('2025年', '2026年')), before);
    expect(moved.copiedShare).toBe(1);
    expect(moved.numbersOnly).toBeGreaterThan(0);
    expect(moved.unchangedIndicators).toContain('政协提案 18件');
    // Another organ's report shares nothing.
    const other = compareReports(doc(yangjiang), before);
    expect(other.copiedShare).toBe(0);
    expect(other.marks).toEqual([]);
  });
});

describe('folder and engine', () => {
  it('reads subfolders, skips lock files and links out of the folder, and stops at the caps with a Chinese message', async () => {
    const root = join(tmp, 'reports');
    mkdirSync(join(root, 'sub'), { recursive: true });
    writeFileSync(join(root, 'a.txt'), jianghai);
    writeFileSync(join(root, 'sub', 'b.txt'), yangjiang);
    writeFileSync(join(root, '~$a.docx'), 'lock');
    writeFileSync(join(root, 'notes.md'), 'not a report');
    writeFileSync(join(tmp, 'outside.txt'), jianghai);
    symlinkSync(join(tmp, 'outside.txt'), join(root, 'link-out.txt'));
    symlinkSync(join(root, 'a.txt'), join(root, 'link-in.txt'));
    const files = await collectReportFiles(root);
    expect(files.map((f) => f.key)).toEqual(['a.txt', 'sub/b.txt']);
    await expect(collectReportFiles(root, { ...BATCH_LIMITS, maxFiles: 1 })).rejects.toThrow(/超过 1 个/);
    await expect(collectReportFiles(root, { ...BATCH_LIMITS, maxTotalBytes: 1000 })).rejects.toThrow(/合计超过/);
    await expect(collectReportFiles(join(tmp, 'missing'))).rejects.toThrow(/找不到文件夹/);
  });

  it('checks every file, keeps going past an unreadable one, and cancels', async () => {
    const root = join(tmp, 'batch');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, '1.txt'), jianghai);
    writeFileSync(join(root, '2.txt'), Buffer.from([0, 1, 2, 3, 0, 0]));
    writeFileSync(join(root, '3.doc'), 'old word');
    const progress: number[] = [];
    const rows = deskRows(await runBatch(root, { onProgress: (p) => p.phase === 'reports' && progress.push(p.done) }));
    expect(progress).toEqual([1, 2, 3]);
    expect(rows.map((r) => r.status)).toEqual(['ok', 'failed', 'failed']);
    const ok = rows[0]!;
    if (ok.status !== 'ok') throw new Error('unreachable');
    expect(ok.summary).toMatchObject({ organ: '江海区政务服务和数据管理局', year: 2025, errors: 24, chars: 4340 });
    expect(rows[2]).toMatchObject({ reason: expect.stringMatching(/另存为” \.docx/) });
    const controller = new AbortController();
    controller.abort();
    await expect(runBatch(root, { signal: controller.signal })).rejects.toThrow('检查已取消');
  });
});
