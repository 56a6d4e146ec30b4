// The recovery area: entries per document, listing with torn entries skipped, nothing overwritten silently, and
// removal only after a successful save or an explicit discard.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecoveryService } from '../../main/services/recovery';
import { paragraph } from '../../shared/model/schema';
import { report } from '../fixtures/reportDocs';
import { tempDir } from '../support/tempDir';

function folder(): string {
  const d = tempDir('rec');
  return d;
}

function clock(start = Date.UTC(2025, 2, 1, 8, 0, 0)): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

describe('recovery', () => {
  it('keeps one entry per document and lists time, title, preview and length', async () => {
    const dir = folder();
    const rec = new RecoveryService(dir, clock());
    await rec.init();
    const a = report('doc-a', '某某县司法局关于2024年度法治政府建设情况的报告', '全年办理行政复议案件12件。');
    const first = await rec.write({ doc: a, filePath: '/docs/a.fzbg', fileName: 'a.fzbg' });
    const second = await rec.write({ doc: { ...a, body: [...a.body, paragraph('新增一段。')] }, filePath: '/docs/a.fzbg', fileName: 'a.fzbg' });
    expect(second.id).toBe(first.id);
    await rec.write({ doc: report('doc-b', '', '乙文档'), filePath: null, fileName: null });
    const { entries, skipped } = await rec.list();
    expect(skipped).toEqual([]);
    expect(entries).toHaveLength(2);
    const entryA = entries.find((e) => e.docId === 'doc-a')!;
    expect(entryA).toMatchObject({ title: '某某县司法局关于2024年度法治政府建设情况的报告', fileName: 'a.fzbg', savedAt: second.savedAt });
    expect(entryA.preview).toContain('全年办理行政复议案件12件。');
    expect(entryA.chars).toBe('2024年推进法治政府建设的主要举措和成效全年办理行政复议案件12件。新增一段。'.length);
    expect(entries.find((e) => e.docId === 'doc-b')!.title).toBe('未命名报告');
    const restored = await rec.read(first.id);
    expect(restored.doc.body).toHaveLength(3);
    expect(restored.filePath).toBe('/docs/a.fzbg');
  });

  it('after a crash: lists the earlier run\'s entries, skips torn ones, and never writes over them', async () => {
    const dir = folder();
    const before = new RecoveryService(dir, clock());
    const a = report('doc-a', '甲', '崩溃前的文字');
    const written = await before.write({ doc: a, filePath: null, fileName: null });
    // A torn entry and an empty one (e.g. a disk that lost its last blocks), plus an unrelated file.
    writeFileSync(join(dir, 'doc-x--0000000000abcdef.json'), '{"format":"fzbg-recovery","version":1,"docId":"doc-x","fi');
    writeFileSync(join(dir, 'doc-y--0000000000abcdee.json'), '');
    writeFileSync(join(dir, 'notes.txt'), 'not ours');

    const after = new RecoveryService(dir, clock(Date.UTC(2025, 2, 2)));
    await after.init();
    const { entries, skipped } = await after.list();
    expect(entries.map((e) => e.id)).toEqual([written.id]);
    expect(skipped.map((s) => s.id).sort()).toEqual(['doc-x--0000000000abcdef', 'doc-y--0000000000abcdee']);
    expect(skipped.find((s) => s.id.startsWith('doc-x'))!.reason).toMatch(/不完整/);
    expect(skipped.find((s) => s.id.startsWith('doc-y'))!.reason).toMatch(/空的/);

    // The user opened the file instead of restoring and typed: a new entry, the crash entry untouched.
    const fresh = await after.write({ doc: report('doc-a', '甲', '重新打开后的文字'), filePath: null, fileName: null });
    expect(fresh.id).not.toBe(written.id);
    expect((await after.read(written.id)).doc.body[1]).toEqual({ type: 'paragraph', children: [{ text: '崩溃前的文字' }] });

    // Saving the document removes what this run wrote and restored for it, nothing else.
    await after.documentSaved('doc-a');
    const left = await after.list();
    expect(left.entries).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['doc-x--0000000000abcdef.json', 'doc-y--0000000000abcdee.json', 'notes.txt']);
  });

  it('a window reloaded after a crash sees the entries of this run, and typing again does not overwrite them', async () => {
    const rec = new RecoveryService(folder(), clock());
    const crashed = await rec.write({ doc: report('doc-a', '甲', '崩溃前'), filePath: null, fileName: null });
    const listed = await rec.list();
    expect(listed.entries.map((e) => e.id)).toEqual([crashed.id]);
    // The reloaded window opened the file instead of restoring, and typed.
    const again = await rec.write({ doc: report('doc-a', '甲', '重新打开后'), filePath: null, fileName: null });
    expect(again.id).not.toBe(crashed.id);
    expect((await rec.read(crashed.id)).doc.body[1]).toEqual(paragraph('崩溃前'));
    // Restored: later autosaves continue in the restored entry.
    expect((await rec.write({ doc: report('doc-a', '甲', '恢复后继续'), filePath: null, fileName: null })).id).toBe(crashed.id);
  });

  it('removes an entry on explicit discard only, and a later write starts a new one', async () => {
    const dir = folder();
    const rec = new RecoveryService(dir, clock());
    const doc = report('doc-a', '甲', '文字');
    const { id } = await rec.write({ doc, filePath: null, fileName: null });
    await rec.documentSaved('doc-b');
    expect((await rec.list()).entries.map((e) => e.id)).toEqual([id]);
    await rec.discard(id);
    expect((await rec.list()).entries).toEqual([]);
    const next = await rec.write({ doc, filePath: null, fileName: null });
    expect(next.id).not.toBe(id);
    await expect(rec.read('../../etc/passwd')).rejects.toMatchObject({ code: 'recovery-bad-id' });
    await expect(rec.read(id)).rejects.toMatchObject({ code: 'recovery-unreadable' });
  });

  it('does not lose a write racing a save', async () => {
    const dir = folder();
    const rec = new RecoveryService(dir, clock());
    const doc = report('doc-a', '甲', '文字');
    const pending = rec.write({ doc, filePath: null, fileName: null });
    await rec.documentSaved('doc-a');
    await pending;
    // The write that was under way finished before the removal: nothing is left behind.
    expect((await rec.list()).entries).toEqual([]);
  });

  it('reports a recovery area it cannot write to in Chinese', async () => {
    const dir = folder();
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const rec = new RecoveryService(file, clock());
    await expect(rec.write({ doc: report('doc-a', '甲', '文字'), filePath: null, fileName: null })).rejects.toMatchObject({
      code: 'recovery-write-failed',
      message: expect.stringMatching(/自动保存到恢复区失败.*请尽快手动保存/),
    });
  });
});
