// Builds the file, recovery, version, settings and template services from the AppContext (Node). main/electron/main.ts
// passes an electron-store backend; tests, the e2e harness and the CLI use the JSON-file backend.
import { join } from 'node:path';
import { sweepStaleTemps } from './atomicWrite';
import type { AppContext } from './context';
import { DocumentService } from './documents';
import { ExportService } from './exportFile';
import { RecoveryService } from './recovery';
import { createJsonFileBackend, prepareSettingsFile, SETTINGS_FILE_NAME, SettingsService, type SettingsBackend } from './settings';
import { TemplateService } from './templates';
import { VersionService } from './versions';

export interface ServiceOptions {
  /**
   * Makes the settings backend for the settings file. Called only after the file has been vetted (a corrupt or
   * invalid one is moved aside), so electron-store can be created with `clearInvalidConfig: false` safely.
   * Default: the plain JSON-file backend.
   */
  settingsBackend?: (settingsFile: string) => SettingsBackend;
  log?: (message: string, error: unknown) => void;
}

export interface Services {
  settings: SettingsService;
  documents: DocumentService;
  recovery: RecoveryService;
  versions: VersionService;
  templates: TemplateService;
  exports: ExportService;
  /** Creates the data folders and sweeps temp files interrupted saves left behind. Call once at start. */
  init(): Promise<void>;
}

export function createServices(ctx: AppContext, options: ServiceOptions = {}): Services {
  const settingsFile = join(ctx.dataDir, SETTINGS_FILE_NAME);
  const prepared = prepareSettingsFile(settingsFile);
  const backend = (options.settingsBackend ?? createJsonFileBackend)(settingsFile);
  const settings = new SettingsService(backend, prepared.notice);
  const recovery = new RecoveryService(join(ctx.dataDir, 'recovery'));
  const versions = new VersionService(join(ctx.dataDir, 'versions'));
  const templates = new TemplateService({
    builtinDir: join(ctx.templatesDir, 'builtin'),
    userDir: join(ctx.dataDir, 'templates'),
    teamDir: () => settings.snapshot().templateFolders.team,
  });
  const documents = new DocumentService({ dialogs: ctx.dialogs, settings, recovery, versions, log: options.log });
  const exports = new ExportService({
    dialogs: ctx.dialogs,
    settings,
    pathOf: (handle) => documents.pathOf(handle),
    shell: ctx.shell,
    log: options.log,
  });
  let initialised: Promise<void> | null = null;
  return {
    settings,
    documents,
    recovery,
    versions,
    templates,
    exports,
    init() {
      initialised ??= (async () => {
        // Each step on its own: a data folder that cannot be created must not keep the app from starting.
        // The handlers are attached at once: a step that fails while an earlier one is still running must not
        // become an unhandled rejection (which ends a Node process).
        await Promise.all(
          [recovery.init(), versions.init(), templates.init()].map((step) => step.catch((e: unknown) => options.log?.('start-up sweep failed', e))),
        );
        // Temp files a crash left beside recent documents. Not awaited: a recent file on an offline network drive
        // must not hold up the app.
        const folders = new Set(settings.snapshot().recentFiles.map((r) => r.location));
        for (const folder of folders) void sweepStaleTemps(folder).catch(() => undefined);
      })();
      return initialised;
    },
  };
}
