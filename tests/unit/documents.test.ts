// Opening and saving .fzbg files through the handlers: dialogs in main, opaque handles, recent files, a save that
// takes a version and clears recovery, and clear errors for missing or damaged files.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../main/ipc/handlers';
import { TEMP_PREFIX } from '../../main/services/atomicWrite';
import type { AppContext } from '../../main/services/context';
import { parseDocument, serializeDocument } from '../../shared/model/format';
import { paragraph } from '../../shared/model/schema';
import { report } from '../fixtures/reportDocs';
import { tempDir } from '../support/tempDir';


function setup() {
  const root = tempDir('docs');
  const docs = join(root, '文档');
  mkdirSync(docs);
  const answers = { open: [] as (string | null)[], save: [] as (string | null)[] };
  const asked: string[] = [];
  const ctx: AppContext = {
    dataDir: join(root, 'data'), templatesDir: join(__dirname, '../../templates'), appName: 't', appVersion: '0', platform: 'linux',
    dialogs: {
      openFile: async ({ title }) => (asked.push(title), answers.open.shift() ?? null),
      saveFile: async ({ title, defaultName }) => (asked.push(`${title}:${defaultName}`), answers.save.shift() ?? null),
      openFolder: async () => null,
    },
    window: { setTitle: () => undefined, setDirty: () => undefined, closeConfirmed: () => undefined },
  };
  return { root, docs, answers, asked, handlers: createHandlers(ctx) };
}

describe('documents', () => {
  it('saves a new document where the user chooses, then back to the same file by handle', async () => {
    const { docs, answers, asked, handlers } = setup();
    const doc = report('doc-a', '某某县司法局关于2024年度法治政府建设情况的报告', '第一稿');
    answers.save.push(join(docs, '年报'));
    const first = await handlers.saveDocument({ handle: null, doc, saveAs: false });
    expect(first.status).toBe('saved');
    if (first.status !== 'saved') return;
    expect(first.session.fileName).toBe('年报.fzbg');
    expect(asked).toEqual(['保存报告:某某县司法局关于2024年度法治政府建设情况的报告.fzbg']);
    expect(first.session.handle).not.toContain('/');
    expect(parseDocument(readFileSync(join(docs, '年报.fzbg'), 'utf8'))).toEqual(doc);

    const second = await handlers.saveDocument({ handle: first.session.handle, doc: { ...doc, body: [...doc.body, paragraph('第二稿')] }, saveAs: false });
    expect(second).toMatchObject({ status: 'saved', session: first.session });
    expect(asked).toHaveLength(1);
    expect(readFileSync(join(docs, '年报.fzbg.bak'), 'utf8')).toBe(serializeDocument(doc));
    // Each save with a change took an automatic version.
    expect((await handlers.listVersions('doc-a')).filter((v) => v.kind === 'auto')).toHaveLength(2);
    const { settings } = await handlers.getSettings();
    expect(settings.recentFiles.map((r) => r.name)).toEqual(['年报.fzbg']);
  });

  it('two saves of one document at once are written one after the other; the last one wins', async () => {
    const { docs, answers, handlers } = setup();
    answers.save.push(join(docs, 'a.fzbg'));
    const first = await handlers.saveDocument({ handle: null, doc: report('doc-a', '甲', '第0稿'), saveAs: false });
    if (first.status !== 'saved') throw new Error('not saved');
    const drafts = Array.from({ length: 6 }, (_, i) => report('doc-a', '甲', `第${i + 1}稿`.repeat(2000)));
    const results = await Promise.all(drafts.map((doc) => handlers.saveDocument({ handle: first.session.handle, doc, saveAs: false })));
    expect(results.every((r) => r.status === 'saved')).toBe(true);
    expect(parseDocument(readFileSync(join(docs, 'a.fzbg'), 'utf8'))).toEqual(drafts[5]);
    expect(readdirSync(docs).sort()).toEqual(['a.fzbg', 'a.fzbg.bak']);
  });

  it('sweeps temp files beside recent documents at the next start', async () => {
    const { root, docs, answers, handlers } = setup();
    answers.save.push(join(docs, 'a.fzbg'));
    await handlers.saveDocument({ handle: null, doc: report('doc-a', '甲', '正文'), saveAs: false });
    writeFileSync(join(docs, `${TEMP_PREFIX}a.fzbg-999999999-0123abcd.tmp`), '{"torn');
    const next = createHandlers({
      dataDir: join(root, 'data'), templatesDir: join(__dirname, '../../templates'), appName: 't', appVersion: '0', platform: 'linux',
      dialogs: { openFile: async () => null, saveFile: async () => null, openFolder: async () => null },
      window: { setTitle: () => undefined, setDirty: () => undefined, closeConfirmed: () => undefined },
    });
    await next.listRecovery();
    await vi.waitFor(() => expect(readdirSync(docs).sort()).toEqual(['a.fzbg']));
  });

  it('a cancelled dialog changes nothing', async () => {
    const { handlers, docs } = setup();
    expect(await handlers.openDocument()).toEqual({ status: 'cancelled' });
    expect(await handlers.saveDocument({ handle: null, doc: report('d', 't', 'x'), saveAs: true })).toEqual({ status: 'cancelled' });
    expect(readdirSync(docs)).toEqual([]);
  });

  it('opens a file, sweeps stale temps beside it, and opens it again from the recent list', async () => {
    const { docs, answers, handlers } = setup();
    const doc = report('doc-a', '甲', '正文');
    writeFileSync(join(docs, 'a.fzbg'), serializeDocument(doc));
    writeFileSync(join(docs, `${TEMP_PREFIX}a.fzbg-999999999-0123abcd.tmp`), '{"torn');
    answers.open.push(join(docs, 'a.fzbg'));
    const opened = await handlers.openDocument();
    expect(opened).toMatchObject({ status: 'opened', doc, notes: [], session: { fileName: 'a.fzbg' } });
    expect(readdirSync(docs)).toEqual(['a.fzbg']);
    const { settings } = await handlers.getSettings();
    const again = await handlers.openRecent(settings.recentFiles[0]!.id);
    expect(again).toEqual(opened);
  });

  it('drops a recent file that has gone and says so', async () => {
    const { docs, answers, handlers } = setup();
    writeFileSync(join(docs, 'a.fzbg'), serializeDocument(report('doc-a', '甲', '正文')));
    answers.open.push(join(docs, 'a.fzbg'));
    await handlers.openDocument();
    const id = (await handlers.getSettings()).settings.recentFiles[0]!.id;
    rmSync(join(docs, 'a.fzbg'));
    await expect(handlers.openRecent(id)).rejects.toMatchObject({ code: 'recent-missing', message: expect.stringMatching(/已不存在.*已从最近文件列表中移除/) });
    expect((await handlers.getSettings()).settings.recentFiles).toEqual([]);
    await expect(handlers.openRecent(id)).rejects.toMatchObject({ code: 'recent-unknown' });
  });

  it('refuses a damaged file with a Chinese message, or opens its backup with a warning', async () => {
    const { docs, answers, handlers } = setup();
    writeFileSync(join(docs, 'bad.fzbg'), '{"format":"fzbg","version":1,"id":"x","me');
    answers.open.push(join(docs, 'bad.fzbg'));
    await expect(handlers.openDocument()).rejects.toMatchObject({ code: 'open-format', message: expect.stringMatching(/无法打开“bad.fzbg”.*已损坏/) });

    const good = report('doc-b', '乙', '备份里的正文');
    writeFileSync(join(docs, 'bad.fzbg.bak'), serializeDocument(good));
    answers.open.push(join(docs, 'bad.fzbg'));
    const opened = await handlers.openDocument();
    expect(opened.status).toBe('opened');
    if (opened.status !== 'opened') return;
    expect(opened.doc).toEqual(good);
    expect(opened.notes[0]).toMatchObject({ severity: 'warning', message: expect.stringMatching(/已打开上一次保存时保留的备份/) });
    expect(readFileSync(join(docs, 'bad.fzbg'), 'utf8')).toContain('"me');
  });

  it('a save clears the document\'s recovery entry; a recovered document goes back to its file', async () => {
    const { docs, answers, handlers } = setup();
    const doc = report('doc-a', '甲', '正文');
    answers.save.push(join(docs, 'a.fzbg'));
    const saved = await handlers.saveDocument({ handle: null, doc, saveAs: false });
    if (saved.status !== 'saved') throw new Error('not saved');
    const typed = { ...doc, body: [...doc.body, paragraph('未保存的新段落')] };
    const entry = await handlers.writeRecovery({ handle: saved.session.handle, fileName: saved.session.fileName, doc: typed });
    const listed = await handlers.listRecovery();
    expect(listed.entries.map((e) => [e.id, e.fileName])).toEqual([[entry.id, 'a.fzbg']]);
    const restored = await handlers.readRecovery(entry.id);
    expect(restored).toEqual({ doc: typed, session: saved.session });
    await handlers.saveDocument({ handle: restored.session!.handle, doc: restored.doc, saveAs: false });
    expect((await handlers.listRecovery()).entries).toEqual([]);
    expect(parseDocument(readFileSync(join(docs, 'a.fzbg'), 'utf8'))).toEqual(typed);
  });

  it('a failed save keeps the file on disk and the recovery entry', async () => {
    const { docs, answers, handlers } = setup();
    const doc = report('doc-a', '甲', '正文');
    answers.save.push(join(docs, 'gone', 'a.fzbg'));
    const entry = await handlers.writeRecovery({ handle: null, fileName: null, doc });
    await expect(handlers.saveDocument({ handle: null, doc, saveAs: false })).rejects.toMatchObject({ code: 'save-folder-gone' });
    expect((await handlers.listRecovery()).entries.map((e) => e.id)).toEqual([entry.id]);
  });
});
