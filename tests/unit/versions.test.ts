// Version history: named snapshots, automatic snapshots at each save bounded to the newest ones, list and read.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VersionService } from '../../main/services/versions';
import { paragraph } from '../../shared/model/schema';
import { report } from '../fixtures/reportDocs';
import { tempDir } from '../support/tempDir';

function folder(): string {
  const d = tempDir('ver');
  return d;
}
function clock(start = Date.UTC(2025, 1, 1)): () => Date {
  let t = start;
  return () => new Date((t += 60_000));
}

describe('versions', () => {
  it('keeps a named snapshot and reads it back', async () => {
    const versions = new VersionService(folder(), clock());
    const doc = report('doc-a', '甲', '送审前的文字');
    const entry = await versions.createNamed(doc, ' 送审前 ');
    expect(entry).toMatchObject({ docId: 'doc-a', name: '送审前', kind: 'named', chars: '2024年推进法治政府建设的主要举措和成效送审前的文字'.length });
    expect(await versions.list('doc-a')).toEqual([entry]);
    expect(await versions.read('doc-a', entry.id)).toEqual(doc);
    expect(await versions.list('doc-b')).toEqual([]);
    await expect(versions.createNamed(doc, '   ')).rejects.toMatchObject({ code: 'version-name-empty' });
    await expect(versions.read('doc-a', '../x')).rejects.toMatchObject({ code: 'version-bad-id' });
    await expect(versions.read('doc-b', entry.id)).rejects.toMatchObject({ code: 'version-missing' });
  });

  it('takes an automatic snapshot per changed save and keeps only the newest ones; named ones stay', async () => {
    const dir = folder();
    const versions = new VersionService(dir, clock(), 5);
    const named = await versions.createNamed(report('doc-a', '甲', '第0稿'), '初稿');
    const autos = [];
    for (let i = 1; i <= 8; i++) autos.push(await versions.createAuto(report('doc-a', '甲', `第${i}稿`)));
    // Saving again without a change adds nothing.
    expect(await versions.createAuto(report('doc-a', '甲', '第8稿'))).toBeNull();
    const list = await versions.list('doc-a');
    expect(list.filter((v) => v.kind === 'auto').map((v) => v.id)).toEqual(autos.slice(3).reverse().map((v) => v!.id));
    expect(list.filter((v) => v.kind === 'named')).toEqual([named]);
    expect(list[0]!.createdAt > list[list.length - 1]!.createdAt).toBe(true);
    const newest = await versions.read('doc-a', list[0]!.id);
    expect(newest.body[1]).toEqual(paragraph('第8稿'));
    // After a restart the newest snapshot on disk is still recognised as unchanged.
    const restarted = new VersionService(dir, clock(Date.UTC(2025, 1, 2)), 5);
    expect(await restarted.createAuto(report('doc-a', '甲', '第8稿'))).toBeNull();
    const ninth = await restarted.createAuto(report('doc-a', '甲', '第9稿'));
    expect((await restarted.list('doc-a')).filter((v) => v.kind === 'auto').map((v) => v.id)).toEqual([ninth!.id, ...autos.slice(4).reverse().map((v) => v!.id)]);
  });

  it('skips a damaged snapshot file in the list and says so when it is opened', async () => {
    const dir = folder();
    const versions = new VersionService(dir, clock());
    const good = await versions.createNamed(report('doc-a', '甲', '好的'), '好');
    writeFileSync(join(dir, 'doc-a', 'named-0000000000abcdef.json'), '{"format":"fzbg-version","ver');
    expect(await versions.list('doc-a')).toEqual([good]);
    await expect(versions.read('doc-a', 'named-0000000000abcdef')).rejects.toMatchObject({ code: 'version-unreadable' });
    expect(readdirSync(join(dir, 'doc-a'))).toHaveLength(2);
  });

  it('stores documents with unusual ids under a safe folder name', async () => {
    const dir = folder();
    const versions = new VersionService(dir, clock());
    const id = '../../报告 2024';
    const entry = await versions.createNamed(report(id, '甲', '文字'), '送审前');
    expect(readdirSync(dir)).toHaveLength(1);
    expect(readdirSync(dir)[0]).toMatch(/^h[0-9a-f]{40}$/);
    expect((await versions.read(id, entry.id)).id).toBe(id);
  });
});
