// The implementation of every contract method (Node), over the plain services. Used by the Electron IPC
// registration (main/ipc/register.ts) and by the e2e harness alike, so tests exercise the same code.
import type { Method, } from '../../shared/ipc/channels';
import type { Requests, Responses } from '../../shared/ipc/contract';
import type { AppContext } from '../services/context';

export type Handlers = { [M in Method]: (...args: Requests[M]) => Promise<Responses[M]> };

export function createHandlers(ctx: AppContext): Handlers {
  return {
    getAppInfo: async () => ({ name: ctx.appName, version: ctx.appVersion, platform: ctx.platform }),
    setWindowState: async ({ title, dirty }) => {
      ctx.window.setTitle(title);
      ctx.window.setDirty(dirty);
    },
    confirmClose: async (proceed) => ctx.window.closeConfirmed(proceed),
    // The methods below are filled by the files, import/export and template work (issues 3, 6, 7).
    openDocument: notYet('openDocument'),
    openRecent: notYet('openRecent'),
    saveDocument: notYet('saveDocument'),
    importFile: notYet('importFile'),
    exportDocx: notYet('exportDocx'),
    writeRecovery: notYet('writeRecovery'),
    listRecovery: notYet('listRecovery'),
    readRecovery: notYet('readRecovery'),
    discardRecovery: notYet('discardRecovery'),
    listVersions: notYet('listVersions'),
    createVersion: notYet('createVersion'),
    readVersion: notYet('readVersion'),
    getSettings: notYet('getSettings'),
    updateSettings: notYet('updateSettings'),
    listTemplates: notYet('listTemplates'),
    readTemplate: notYet('readTemplate'),
    saveTemplate: notYet('saveTemplate'),
  };
}

function notYet(name: string): () => Promise<never> {
  return async () => {
    throw new Error(`${name} is not wired yet`);
  };
}
