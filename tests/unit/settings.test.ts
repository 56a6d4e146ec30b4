// Settings: schema defaults, updates that persist, and corrupt or invalid files moved aside (never deleted) with a
// one-time notice, so the app always starts.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createJsonFileBackend, defaultSettings, electronStoreBackend, MAX_RECENT_FILES, prepareSettingsFile, SETTINGS_FILE_NAME, SettingsService,
} from '../../main/services/settings';
import { createServices } from '../../main/services';
import { createHandlers } from '../../main/ipc/handlers';
import type { AppContext } from '../../main/services/context';
import { tempDir } from '../support/tempDir';

function dataDir(): string {
  const d = tempDir('settings');
  return d;
}
function ctxFor(dir: string, folders: (string | null)[] = [], asked: string[] = []): AppContext {
  return {
    dataDir: dir, templatesDir: join(__dirname, '../../templates'), appName: 't', appVersion: '0', platform: 'linux',
    dialogs: { openFile: async () => null, saveFile: async () => null, openFolder: async ({ title }) => (asked.push(title), folders.shift() ?? null) },
    window: { setTitle: () => undefined, setDirty: () => undefined, closeConfirmed: () => undefined },
  };
}

describe('settings', () => {
  it('lets the user pick the team template folder with the folder dialog, storing nothing until the settings are saved', async () => {
    const dir = dataDir();
    const asked: string[] = [];
    const handlers = createHandlers(ctxFor(dir, ['\\\\fs01\\法治办\\模板', null], asked));
    expect(await handlers.chooseTeamFolder()).toEqual({ path: '\\\\fs01\\法治办\\模板' });
    expect(asked).toEqual(['选择团队模板文件夹']);
    expect((await handlers.getSettings()).settings.templateFolders.team).toBe('');
    // Cancelled.
    expect(await handlers.chooseTeamFolder()).toEqual({ path: null });
  });

  it('starts from defaults when there is no file, and persists updates', async () => {
    const dir = dataDir();
    const file = join(dir, SETTINGS_FILE_NAME);
    expect(prepareSettingsFile(file)).toEqual({ notice: null, movedTo: null });
    const service = new SettingsService(createJsonFileBackend(file));
    expect(service.get()).toEqual({ settings: defaultSettings(), notice: null });
    expect(defaultSettings().ui).toEqual({ liveCheck: true, showGuidance: true, zoom: 1 });
    const updated = await service.update({ defaultOrgan: '某某县司法局', ui: { liveCheck: false, showGuidance: true, zoom: 1.25 }, templateFolders: { team: '\\\\fs01\\法治办\\模板' } });
    expect(updated.defaultOrgan).toBe('某某县司法局');
    const reopened = new SettingsService(createJsonFileBackend(file));
    expect(reopened.get().settings).toMatchObject({ defaultOrgan: '某某县司法局', ui: { liveCheck: false, zoom: 1.25 }, templateFolders: { team: '\\\\fs01\\法治办\\模板' } });
  });

  it('rejects an update outside the schema and keeps the old value', async () => {
    const service = new SettingsService(createJsonFileBackend(join(dataDir(), SETTINGS_FILE_NAME)));
    await expect(service.update({ ui: { zoom: 9 } })).rejects.toThrow();
    await service.update({ ui: { liveCheck: false } });
    expect(service.get().settings.ui).toEqual({ liveCheck: false, showGuidance: true, zoom: 1 });
    expect(service.get().settings.ui.zoom).toBe(1);
  });

  it('keeps the ten most recent files, newest first, without duplicates', async () => {
    const service = new SettingsService(createJsonFileBackend(join(dataDir(), SETTINGS_FILE_NAME)));
    for (let i = 0; i < 12; i++) await service.addRecent({ id: `f${i}`, name: `${i}.fzbg`, location: '/docs', openedAt: new Date(2025, 0, i + 1).toISOString() });
    await service.addRecent({ id: 'f5', name: '5.fzbg', location: '/docs', openedAt: new Date(2025, 1, 1).toISOString() });
    const ids = service.get().settings.recentFiles.map((r) => r.id);
    expect(ids).toHaveLength(MAX_RECENT_FILES);
    expect(ids.slice(0, 3)).toEqual(['f5', 'f11', 'f10']);
    await service.removeRecent('f11');
    expect(service.get().settings.recentFiles.map((r) => r.id)).not.toContain('f11');
  });

  for (const [kind, content, words] of [
    ['corrupt', '{"defaultOrgan": "某某局", "ui": {', /已损坏/],
    ['invalid', JSON.stringify({ defaultOrgan: 42, ui: { zoom: 'big' } }), /不符合要求/],
    ['corrupt', '', /是空的/],
  ] as const) {
    it(`moves a ${kind} file aside (${words.source}), uses defaults and tells the user once`, async () => {
      const dir = dataDir();
      writeFileSync(join(dir, SETTINGS_FILE_NAME), content);
      const services = createServices(ctxFor(dir));
      const first = services.settings.get();
      expect(first.settings).toEqual(defaultSettings());
      expect(first.notice).toMatch(words);
      expect(first.notice).toMatch(/默认设置/);
      expect(services.settings.get().notice).toBeNull();
      const aside = readdirSync(dir).filter((n) => n.startsWith(`${SETTINGS_FILE_NAME}.${kind}-`));
      expect(aside).toHaveLength(1);
      expect(first.notice).toContain(aside[0]);
      expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(content);
      // The next save writes a fresh, valid file; the moved-aside one stays.
      await services.settings.update({ defaultOrgan: '新机关' });
      expect(JSON.parse(readFileSync(join(dir, SETTINGS_FILE_NAME), 'utf8')).defaultOrgan).toBe('新机关');
      expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(content);
    });
  }

  it('leaves a valid file where it is', () => {
    const dir = dataDir();
    const file = join(dir, SETTINGS_FILE_NAME);
    writeFileSync(file, JSON.stringify({ defaultOrgan: '某某局' }));
    expect(prepareSettingsFile(file).notice).toBeNull();
    expect(new SettingsService(createJsonFileBackend(file)).get().settings.defaultOrgan).toBe('某某局');
  });

  it('works over an electron-store-like backend and tells the user when its content is invalid', async () => {
    const store = { store: { defaultOrgan: 5 } as Record<string, unknown> };
    const service = new SettingsService(electronStoreBackend(store));
    const { settings, notice } = service.get();
    expect(settings).toEqual(defaultSettings());
    expect(notice).toMatch(/默认设置/);
    await service.update({ defaultSignature: '某某县人民政府' });
    expect(store.store.defaultSignature).toBe('某某县人民政府');
  });

  it('keeps working in memory when the settings cannot be written', async () => {
    const failing = { load: () => undefined, save: () => Promise.reject(Object.assign(new Error('EROFS'), { code: 'EROFS' })) };
    const service = new SettingsService(failing);
    await expect(service.update({ defaultOrgan: '某某局' })).rejects.toMatchObject({ code: 'settings-write-failed', message: expect.stringMatching(/下次启动时将恢复/) });
    expect(service.get().settings.defaultOrgan).toBe('某某局');
  });
});
