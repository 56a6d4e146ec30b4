// The implementation of every contract method (Node), over the plain services. Used by the Electron IPC
// registration (main/electron/registerIpc.ts) and by the e2e harness alike, so tests exercise the same code.
import type { Method, } from '../../shared/ipc/channels';
import type { Requests, Responses } from '../../shared/ipc/contract';
import type { AppContext } from '../services/context';
import { createServices, type Services } from '../services';
import { importFromDialog } from '../services/importFile';
import { UserFacingError } from '../../shared/ipc/contract';
import { DeskService } from '../services/batchService';
import { exportReviewToDialog, importReviewFromDialog } from '../services/reviewFile';

export type Handlers = { [M in Method]: (...args: Requests[M]) => Promise<Responses[M]> };

/** `services` defaults to the JSON-file settings backend; main/electron/main.ts passes ones built with electron-store. */
export function createHandlers(ctx: AppContext, services: Services = createServices(ctx)): Handlers {
  // Start-up sweep of interrupted saves; the file methods wait for it so they never race a temp-file cleanup.
  const ready = services.init();
  const afterStart = <T>(run: () => Promise<T>): Promise<T> => ready.then(run);
  const { documents, recovery, versions, settings, templates, exports } = services;
  const desk = new DeskService(ctx.dialogs, (path) => exports.remember(path), () => settings.snapshot().templateFolders.team);
  return {
    getAppInfo: async () => ({ name: ctx.appName, version: ctx.appVersion, platform: ctx.platform }),
    setWindowState: async ({ title, dirty }) => {
      ctx.window.setTitle(title);
      ctx.window.setDirty(dirty);
    },
    confirmClose: async (proceed) => ctx.window.closeConfirmed(proceed),
    // The methods below are filled by the files, import/export and template work (issues 3, 6, 7).
    openDocument: () => afterStart(() => documents.open()),
    openRecent: (id) => afterStart(() => documents.openRecent(id)),
    saveDocument: (req) => afterStart(() => documents.save(req)),
    importFile: () => importFromDialog(ctx.dialogs),
    exportDocx: ({ doc, handle }) => afterStart(() => exports.exportDocument(doc, handle)),
    showExportedFile: async (exportId) => exports.showInFolder(exportId),
    getAboutInfo: async () => ({ name: ctx.appName, version: ctx.appVersion, dataDir: ctx.dataDir }),
    printReport: async () => {
      if (!ctx.shell) throw new UserFacingError('print-unavailable', '当前环境无法打印。');
      return { status: (await ctx.shell.printWindow()) ? 'printed' : 'cancelled' };
    },
    exportReviewCopy: ({ doc, ignoredAppendix }) => exportReviewToDialog(ctx.dialogs, doc, ignoredAppendix, (path) => exports.remember(path)),
    importReviewFile: ({ doc }) => importReviewFromDialog(ctx.dialogs, doc),
    writeRecovery: ({ handle, fileName, doc }) => afterStart(() => recovery.write({ doc, fileName, filePath: documents.pathOf(handle) })),
    listRecovery: () => afterStart(() => recovery.list()),
    readRecovery: (id) =>
      afterStart(async () => {
        const { doc, filePath } = await recovery.read(id);
        return { doc, session: filePath ? documents.sessionFor(filePath) : null };
      }),
    discardRecovery: (id) => afterStart(() => recovery.discard(id)),
    listVersions: async (docId) => versions.list(docId),
    createVersion: async ({ doc, name }) => versions.createNamed(doc, name),
    readVersion: async (docId, versionId) => versions.read(docId, versionId),
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => settings.update(patch),
    chooseTeamFolder: async () => ({ path: await ctx.dialogs.openFolder({ title: '选择团队模板文件夹' }) }),
    listTemplates: async () => templates.list(),
    readTemplate: async (id) => templates.read(id),
    saveTemplate: async (template) => templates.save(template),
    deleteTemplate: async (id) => templates.deleteOwn(id),
    deskChooseFolder: (role) => desk.chooseFolder(role),
    deskUseTeamArchive: () => desk.useTeamArchive(),
    deskStart: async () => desk.start(),
    deskStatus: async (jobId) => desk.status(jobId),
    deskCancel: async (jobId) => desk.cancel(jobId),
    deskReport: async (jobId, key) => desk.report(jobId, key),
    deskPair: async (jobId, key, previousKey) => desk.pair(jobId, key, previousKey),
    deskExportXlsx: (jobId) => desk.exportXlsx(jobId),
    deskExportReviewCopy: (jobId, key) => desk.exportReviewCopy(jobId, key),
  };
}
