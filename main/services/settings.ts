// User settings (Node): validated with the contract's schema; a corrupt or invalid file is moved aside, never
// deleted, defaults are used and the user is told once. The storage is a small backend: electron-store in the app
// (constructed by main/electron/main.ts after prepareSettingsFile has vetted the file), a plain JSON file in Node.
import { readFileSync, renameSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { Settings, UserFacingError, type RecentFile, type SettingsPatch, type SettingsResult } from '../../shared/ipc/contract';
import { atomicWrite } from './atomicWrite';

/** Where settings are kept. `load` returns the raw stored object (validated by the service), undefined when none. */
export interface SettingsBackend {
  load(): unknown;
  save(settings: Settings): void | Promise<void>;
}

/** The name electron-store uses by default (`config.json` in userData); the JSON backend uses the same file. */
export const SETTINGS_FILE_NAME = 'config.json';

export const MAX_RECENT_FILES = 10;

export function defaultSettings(): Settings {
  return Settings.parse({});
}

export interface PreparedSettings {
  /** The Chinese notice for the user when the file had to be moved aside; null when all was well. */
  notice: string | null;
  /** Where the bad file was moved, when it was. */
  movedTo: string | null;
}

/**
 * Checks the settings file before any store opens it. A file that is not JSON or does not match the schema is
 * renamed to `config.json.invalid-<timestamp>` beside it (never deleted) so that the store starts from defaults
 * and the user can still find their old settings. Never throws: the app always starts.
 */
export function prepareSettingsFile(filePath: string, now: Date = new Date()): PreparedSettings {
  let text: string;
  try {
    if (!existsSync(filePath)) return { notice: null, movedTo: null };
    text = readFileSync(filePath, 'utf8');
  } catch (e) {
    return { notice: `无法读取设置文件（${errorText(e)}），本次使用默认设置。`, movedTo: null };
  }
  const problem = settingsProblem(text);
  if (!problem) return { notice: null, movedTo: null };
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let movedTo = join(dirname(filePath), `${basename(filePath)}.${problem.kind}-${stamp}`);
  for (let n = 2; existsSync(movedTo); n++) movedTo = join(dirname(filePath), `${basename(filePath)}.${problem.kind}-${stamp}-${n}`);
  try {
    renameSync(filePath, movedTo);
  } catch (e) {
    return { notice: `设置文件${problem.what}，且无法移到一旁（${errorText(e)}），本次使用默认设置，原文件未改动。`, movedTo: null };
  }
  return {
    notice: `设置文件${problem.what}，已改用默认设置。原文件已保留为“${basename(movedTo)}”（位于 ${dirname(movedTo)}）。`,
    movedTo,
  };
}

function settingsProblem(text: string): { kind: 'corrupt' | 'invalid'; what: string } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { kind: 'corrupt', what: text.trim() === '' ? '是空的' : '已损坏（不是有效的 JSON）' };
  }
  return Settings.safeParse(raw).success ? null : { kind: 'invalid', what: '的内容不符合要求' };
}

/** The backend for Node (tests, e2e harness, CLI): one JSON file written atomically. */
export function createJsonFileBackend(filePath: string): SettingsBackend {
  return {
    load() {
      try {
        return JSON.parse(readFileSync(filePath, 'utf8'));
      } catch {
        return undefined;
      }
    },
    async save(settings) {
      mkdirSync(dirname(filePath), { recursive: true });
      await atomicWrite(filePath, JSON.stringify(settings, null, 2) + '\n', { backup: false });
    },
  };
}

/** The shape of electron-store 12 this adapter needs (kept structural so this file never imports Electron). */
export interface StoreLike {
  store: Record<string, unknown>;
}

/** Adapts an electron-store instance (created with `clearInvalidConfig: false`, no schema: the service validates). */
export function electronStoreBackend(store: StoreLike): SettingsBackend {
  return {
    load: () => store.store,
    save: (settings) => {
      store.store = settings as unknown as Record<string, unknown>;
    },
  };
}

export class SettingsService {
  private current: Settings;
  private notice: string | null;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly backend: SettingsBackend, notice: string | null = null) {
    const loaded = backend.load();
    const parsed = loaded === undefined ? { success: true as const, data: defaultSettings() } : Settings.safeParse(loaded);
    if (parsed.success) {
      this.current = parsed.data;
      this.notice = notice;
    } else {
      this.current = defaultSettings();
      this.notice = notice ?? '设置内容不符合要求，本次使用默认设置。';
    }
  }

  /** The settings, and the notice about a moved-aside file the first time only. */
  get(): SettingsResult {
    const notice = this.notice;
    this.notice = null;
    return { settings: structuredClone(this.current), notice };
  }

  snapshot(): Settings {
    return structuredClone(this.current);
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const next = Settings.parse({
      ...this.current,
      ...patch,
      ui: { ...this.current.ui, ...(patch.ui ?? {}) },
      templateFolders: { ...this.current.templateFolders, ...(patch.templateFolders ?? {}) },
      recentFiles: this.current.recentFiles,
      exportFolder: this.current.exportFolder,
    });
    await this.commit(next);
    return structuredClone(this.current);
  }

  async addRecent(entry: RecentFile): Promise<void> {
    const rest = this.current.recentFiles.filter((r) => r.id !== entry.id);
    await this.commit({ ...this.current, recentFiles: [entry, ...rest].slice(0, MAX_RECENT_FILES) });
  }

  /** Remembers the folder of a Word export, proposed by the next one. */
  async setExportFolder(folder: string): Promise<void> {
    if (this.current.exportFolder === folder) return;
    await this.commit({ ...this.current, exportFolder: folder });
  }

  async removeRecent(id: string): Promise<void> {
    if (!this.current.recentFiles.some((r) => r.id === id)) return;
    await this.commit({ ...this.current, recentFiles: this.current.recentFiles.filter((r) => r.id !== id) });
  }

  /** Applies in memory at once (the app keeps working when the disk refuses) and persists in order. */
  private async commit(next: Settings): Promise<void> {
    this.current = next;
    const snapshot = structuredClone(next);
    const run = this.saving.catch(() => undefined).then(() => this.backend.save(snapshot));
    this.saving = run;
    try {
      await run;
    } catch (e) {
      const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
      const why = code === 'ENOSPC' || code === 'save-disk-full' ? '磁盘空间不足' : '无法写入设置文件';
      throw new UserFacingError('settings-write-failed', `设置在本次使用中已生效，但${why}，下次启动时将恢复为原来的设置。`);
    }
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
