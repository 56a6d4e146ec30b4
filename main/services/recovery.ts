// The recovery area (Node): the working state of every open document, written atomically under dataDir/recovery
// within seconds of typing, so a crash or power loss loses at most the last keystrokes. Nothing is overwritten
// silently: an entry left by an earlier run is never written over, and is removed only after that document was
// saved successfully or the user discarded it.
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { UserFacingError, type RecoveryEntry, type RecoveryList } from '../../shared/ipc/contract';
import { ReportDocument } from '../../shared/model/schema';
import { atomicWrite, sweepStaleTemps } from './atomicWrite';
import { countChars, docKey, errorCode, previewText, timeId } from './storeUtil';

const RECOVERY_FORMAT = 'fzbg-recovery';
const ENTRY_ID = /^[A-Za-z0-9_-]{1,65}--[0-9a-z]{9,16}$/;

const StoredEntry = z.object({
  format: z.literal(RECOVERY_FORMAT),
  version: z.literal(1),
  docId: z.string(),
  fileName: z.string().nullable(),
  /** Where the document is saved (main-side only; never sent to the renderer). */
  filePath: z.string().nullable(),
  savedAt: z.string(),
  doc: ReportDocument,
});
type StoredEntry = z.infer<typeof StoredEntry>;

export interface RecoveredDocument {
  doc: ReportDocument;
  filePath: string | null;
  fileName: string | null;
}

export class RecoveryService {
  /** The entry this run writes for each document id. */
  private readonly current = new Map<string, string>();
  /** Every entry this run wrote or restored, per document: a successful save of the document removes them. */
  private readonly owned = new Map<string, Set<string>>();
  /** Entries listed to the user and not yet restored or discarded: never written over. */
  private readonly offered = new Set<string>();
  private readonly discarded = new Set<string>();
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(readonly dir: string, private readonly now: () => Date = () => new Date()) {}

  /** Creates the folder and removes temp files of writes a crash interrupted. */
  async init(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await sweepStaleTemps(this.dir);
  }

  async write(req: { doc: ReportDocument; filePath: string | null; fileName: string | null }): Promise<{ id: string; savedAt: string }> {
    const docId = req.doc.id;
    let id = this.current.get(docId);
    if (!id || this.offered.has(id) || this.discarded.has(id)) {
      id = `${docKey(docId)}--${timeId(this.now())}`;
      this.current.set(docId, id);
    }
    this.own(docId, id);
    const savedAt = this.now().toISOString();
    const stored: StoredEntry = {
      format: RECOVERY_FORMAT, version: 1, docId, fileName: req.fileName, filePath: req.filePath, savedAt, doc: req.doc,
    };
    const file = this.fileOf(id);
    const write = mkdir(this.dir, { recursive: true }).then(() => atomicWrite(file, JSON.stringify(stored), { backup: false })).catch((e: unknown) => {
      const code = e instanceof UserFacingError ? e.code : '';
      const why = code === 'save-disk-full' ? '磁盘空间不足' : code === 'save-read-only' ? '数据文件夹没有写入权限' : '无法写入数据文件夹';
      throw new UserFacingError('recovery-write-failed', `自动保存到恢复区失败（${why}）。请尽快手动保存文档。`);
    });
    this.track(id, write);
    await write;
    return { id, savedAt };
  }

  /** Every entry on disk; unreadable ones are reported in `skipped` while the others still list. Newest first. */
  async list(): Promise<RecoveryList> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return { entries: [], skipped: [] };
      throw e;
    }
    const entries: RecoveryEntry[] = [];
    const skipped: RecoveryList['skipped'] = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const id = name.slice(0, -'.json'.length);
      if (!ENTRY_ID.test(id)) continue;
      const result = await this.load(id);
      if ('reason' in result) {
        skipped.push({ id, reason: result.reason });
        continue;
      }
      const { stored } = result;
      // Once shown to the user an entry is theirs to restore or discard: later autosaves go to a new entry, even
      // for a document of this run (a reloaded window lists what the crashed one wrote).
      this.offered.add(id);
      entries.push({
        id,
        docId: stored.docId,
        title: stored.doc.meta.title.trim() || '未命名报告',
        fileName: stored.fileName,
        savedAt: stored.savedAt,
        preview: previewText(stored.doc),
        chars: countChars(stored.doc),
      });
    }
    entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    return { entries, skipped };
  }

  /** The document of an entry; it then belongs to this run (a save of the document removes it). */
  async read(id: string): Promise<RecoveredDocument> {
    this.checkId(id);
    const result = await this.load(id);
    if ('reason' in result) throw new UserFacingError('recovery-unreadable', result.reason);
    const { stored } = result;
    this.offered.delete(id);
    this.own(stored.docId, id);
    // Later autosaves of the restored document continue in this entry rather than starting another.
    this.current.set(stored.docId, id);
    return { doc: stored.doc, filePath: stored.filePath, fileName: stored.fileName };
  }

  /** Removes an entry at the user's explicit request. */
  async discard(id: string): Promise<void> {
    this.checkId(id);
    this.discarded.add(id);
    this.offered.delete(id);
    await this.pending.get(id)?.catch(() => undefined);
    await this.remove(id).catch((e: unknown) => {
      const why = ['EROFS', 'EACCES', 'EPERM'].includes(errorCode(e) ?? '') ? '数据文件夹没有写入权限' : '无法写入数据文件夹';
      throw new UserFacingError('recovery-discard-failed', `无法丢弃该恢复记录（${why}），下次启动时它仍会列出。`);
    });
  }

  /** After a successful save: the entries this run wrote or restored for the document are no longer needed. */
  async documentSaved(docId: string): Promise<void> {
    const ids = this.owned.get(docId);
    if (!ids) return;
    this.owned.delete(docId);
    this.current.delete(docId);
    for (const id of ids) {
      await this.pending.get(id)?.catch(() => undefined);
      await this.remove(id);
    }
  }

  private async load(id: string): Promise<{ stored: StoredEntry } | { reason: string }> {
    let text: string;
    try {
      text = await readFile(this.fileOf(id), 'utf8');
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return { reason: '该恢复记录已不存在（可能已被恢复或丢弃）。' };
      return { reason: `无法读取该恢复记录（${errorCode(e) ?? String(e)}）。` };
    }
    if (text.trim() === '') return { reason: '恢复记录是空的（可能在写入时断电），已跳过。' };
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { reason: '恢复记录不完整（可能在写入时断电），已跳过。' };
    }
    const parsed = StoredEntry.safeParse(raw);
    if (!parsed.success) return { reason: '恢复记录内容不符合格式，已跳过。' };
    return { stored: parsed.data };
  }

  private async remove(id: string): Promise<void> {
    try {
      await unlink(this.fileOf(id));
    } catch (e) {
      if (errorCode(e) !== 'ENOENT') throw e;
    }
  }

  private own(docId: string, id: string): void {
    let set = this.owned.get(docId);
    if (!set) this.owned.set(docId, (set = new Set()));
    set.add(id);
  }

  private track(id: string, p: Promise<unknown>): void {
    const settled = p.catch(() => undefined);
    this.pending.set(id, settled);
    void settled.then(() => {
      if (this.pending.get(id) === settled) this.pending.delete(id);
    });
  }

  private checkId(id: string): void {
    if (!ENTRY_ID.test(id)) throw new UserFacingError('recovery-bad-id', '无效的恢复记录编号。');
  }

  private fileOf(id: string): string {
    return join(this.dir, `${id}.json`);
  }
}
