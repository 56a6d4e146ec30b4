// Version history (Node): named snapshots (送审前) and an automatic snapshot at each save, one file per snapshot
// under dataDir/versions/<document>/, written atomically. Automatic snapshots are bounded; named ones are kept.
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { UserFacingError, VersionEntry } from '../../shared/ipc/contract';
import { ReportDocument } from '../../shared/model/schema';
import { atomicWrite, sweepStaleTemps } from './atomicWrite';
import { countChars, docKey, errorCode, timeId } from './storeUtil';

export const MAX_AUTO_VERSIONS = 50;
const VERSION_FORMAT = 'fzbg-version';
const VERSION_ID = /^(named|auto)-[0-9a-z]{9,16}$/;

const StoredVersion = z.object({
  format: z.literal(VERSION_FORMAT),
  version: z.literal(1),
  entry: VersionEntry,
  doc: ReportDocument,
});
type StoredVersion = z.infer<typeof StoredVersion>;

export class VersionService {
  /** The document of the newest automatic snapshot per document, as JSON, once known. */
  private readonly latestAuto = new Map<string, string>();

  constructor(readonly dir: string, private readonly now: () => Date = () => new Date(), private readonly maxAuto = MAX_AUTO_VERSIONS) {}

  async init(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    let folders: string[] = [];
    try {
      folders = await readdir(this.dir);
    } catch {
      return;
    }
    for (const folder of folders) await sweepStaleTemps(join(this.dir, folder));
  }

  /** A snapshot the user named (e.g. 送审前). */
  async createNamed(doc: ReportDocument, name: string): Promise<VersionEntry> {
    const trimmed = name.trim();
    if (!trimmed) throw new UserFacingError('version-name-empty', '请为版本起一个名称，例如“送审前”。');
    return this.write(doc, trimmed, 'named');
  }

  /**
   * The automatic snapshot taken at each save; skipped when the document is unchanged since the last one. Only
   * the newest `maxAuto` automatic snapshots are kept.
   */
  async createAuto(doc: ReportDocument): Promise<VersionEntry | null> {
    const checked = ReportDocument.parse(doc);
    const json = JSON.stringify(checked);
    // Only file names are listed here (ids sort by time): a save does not read the whole history.
    const autoIds = (await this.ids(doc.id)).filter((id) => id.startsWith('auto-')).sort().reverse();
    let latest = this.latestAuto.get(doc.id);
    if (latest === undefined && autoIds[0]) {
      const stored = parseStored(await readFile(this.fileOf(doc.id, autoIds[0]), 'utf8').catch(() => ''));
      latest = stored ? JSON.stringify(stored.doc) : '';
    }
    if (latest === json) return null;
    const entry = await this.write(checked, '保存时自动保留', 'auto');
    this.latestAuto.set(doc.id, json);
    for (const old of autoIds.slice(this.maxAuto - 1)) {
      await unlink(this.fileOf(doc.id, old)).catch(() => undefined);
    }
    return entry;
  }

  private async ids(docId: string): Promise<string[]> {
    try {
      return (await readdir(join(this.dir, docKey(docId)))).map((n) => (n.endsWith('.json') ? n.slice(0, -5) : '')).filter((id) => VERSION_ID.test(id));
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return [];
      throw e;
    }
  }

  /** Snapshots of a document, newest first. Unreadable snapshot files are left alone and not listed. */
  async list(docId: string): Promise<VersionEntry[]> {
    return (await this.loadAll(docId)).map((s) => s.entry);
  }

  async read(docId: string, versionId: string): Promise<ReportDocument> {
    if (!VERSION_ID.test(versionId)) throw new UserFacingError('version-bad-id', '无效的版本编号。');
    let text: string;
    try {
      text = await readFile(this.fileOf(docId, versionId), 'utf8');
    } catch (e) {
      if (errorCode(e) === 'ENOENT') throw new UserFacingError('version-missing', '该版本已不存在。');
      throw e;
    }
    const parsed = parseStored(text);
    if (!parsed || parsed.entry.docId !== docId) throw new UserFacingError('version-unreadable', '该版本的数据已损坏，无法打开。');
    return parsed.doc;
  }

  private async write(doc: ReportDocument, name: string, kind: 'named' | 'auto'): Promise<VersionEntry> {
    const created = this.now();
    const id = `${kind}-${timeId(created)}`;
    const checked = ReportDocument.parse(doc);
    const entry: VersionEntry = { id, docId: doc.id, name, kind, createdAt: created.toISOString(), chars: countChars(checked) };
    const stored: StoredVersion = { format: VERSION_FORMAT, version: 1, entry, doc: checked };
    const folder = join(this.dir, docKey(doc.id));
    try {
      // The folder too: a read-only or full data folder fails here (Node reports ENOENT for a recursive mkdir there).
      await mkdir(folder, { recursive: true });
      await atomicWrite(join(folder, `${id}.json`), JSON.stringify(stored), { backup: false });
    } catch (e) {
      const code = e instanceof UserFacingError ? e.code : '';
      const why = code === 'save-disk-full' ? '磁盘空间不足' : '无法写入数据文件夹';
      throw new UserFacingError('version-write-failed', `无法保留版本“${name}”（${why}）。文档本身未受影响。`);
    }
    return entry;
  }

  private async loadAll(docId: string): Promise<StoredVersion[]> {
    const folder = join(this.dir, docKey(docId));
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return [];
      throw e;
    }
    const out: StoredVersion[] = [];
    for (const name of names) {
      const id = name.endsWith('.json') ? name.slice(0, -5) : '';
      if (!VERSION_ID.test(id)) continue;
      const text = await readFile(join(folder, name), 'utf8').catch(() => '');
      const parsed = parseStored(text);
      if (parsed && parsed.entry.docId === docId) out.push(parsed);
    }
    return out.sort((a, b) => b.entry.createdAt.localeCompare(a.entry.createdAt) || b.entry.id.localeCompare(a.entry.id));
  }

  private fileOf(docId: string, versionId: string): string {
    return join(this.dir, docKey(docId), `${versionId}.json`);
  }
}

function parseStored(text: string): StoredVersion | null {
  try {
    const parsed = StoredVersion.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
