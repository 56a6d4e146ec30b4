// Electron main process entry (Electron, thin): single instance, the app:// protocol, session hardening, services,
// IPC, menu and the window. Everything that is not Electron glue lives in plain Node services under main/services.
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import Store from 'electron-store';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { channelOf } from '../../shared/ipc/channels';
import { responseHeaders, resolveAppFile } from './appProtocol';
import { createDispatcher } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { registerIpc } from './registerIpc';
import { installMenu } from './menu';
import { APP_SCHEME, APP_HOST, permissionDecision } from './security';
import type { AppContext, Dialogs, Shell, WindowPort } from '../services/context';
import { createServices } from '../services';
import { electronStoreBackend } from '../services/settings';
import { createMainWindow } from './window';
import { appCheckArgs, runCheck } from '../cli/check';

app.setName('法治年报助手');
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

let mainWindow: BrowserWindow | null = null;
/** Set once the renderer has answered closeRequested with "proceed": the next close goes through. */
let closeApproved = false;
let quitting = false;

// `法治年报助手 --check <文件夹> [--previous <文件夹>] [--xlsx 汇总.xlsx]`: the desk's batch check with no window (the
// same code as `npm run cli -- check`), for a reviewer's script on a PC without Node; exits with the CLI's code.
const checkArgs = appCheckArgs(process.argv);
if (checkArgs) {
  runCheck(checkArgs, { out: process.stdout, err: process.stderr }).then(
    (code) => app.exit(code),
    (e: unknown) => {
      process.stderr.write(`出错：${String(e)}\n`);
      app.exit(2);
    },
  );
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.whenReady().then(start, (e) => {
    dialog.showErrorBox('法治年报助手无法启动', String(e));
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    quitting = true;
  });
}

async function start(): Promise<void> {
  const rendererRoot = join(__dirname, '..', 'renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveAppFile(rendererRoot, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(file), { headers: responseHeaders(file) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });

  // Offline by construction: the session answers no permission and loads nothing but app:// (and devtools).
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${APP_SCHEME}://`) || details.url.startsWith('devtools://');
    callback({ cancel: !allowed });
  });

  const dialogs: Dialogs = {
    async openFile({ title, filters }) {
      const parent = mainWindow ?? undefined;
      const options = { title, filters, properties: ['openFile' as const] };
      const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0]!;
    },
    async saveFile({ title, defaultName, defaultFolder, filters }) {
      const parent = mainWindow ?? undefined;
      const options = { title, defaultPath: defaultFolder ? join(defaultFolder, defaultName) : defaultName, filters };
      const r = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async openFolder({ title }) {
      const parent = mainWindow ?? undefined;
      const options = { title, properties: ['openDirectory' as const] };
      const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0]!;
    },
  };
  const desktop: Shell = {
    // Selects the file in Explorer / the file manager; shell.openPath or a file:// URL would open it instead.
    showItemInFolder: (path) => shell.showItemInFolder(path),
    // The renderer shows the print view (and hides the rest under @media print) before it asks.
    printWindow: () =>
      new Promise((resolve) => {
        const contents = mainWindow?.webContents;
        if (!contents) return resolve(false);
        contents.print({ silent: false, printBackground: true, pageSize: 'A4', margins: { marginType: 'none' } }, (success) => resolve(success));
      }),
  };
  const windowPort: WindowPort = {
    setTitle: (title) => mainWindow?.setTitle(title),
    setDirty: (dirty) => mainWindow?.setDocumentEdited(dirty),
    closeConfirmed: (proceed) => {
      if (!proceed || !mainWindow) {
        quitting = false;
        return;
      }
      closeApproved = true;
      mainWindow.close();
    },
  };
  const ctx: AppContext = {
    dataDir: app.getPath('userData'),
    templatesDir: join(app.getAppPath(), 'templates'),
    appName: '法治年报助手',
    appVersion: app.getVersion(),
    platform: process.platform,
    dialogs,
    window: windowPort,
    shell: desktop,
  };

  // Settings live in electron-store; the settings service vets the file first (a corrupt one is moved aside and the
  // user told once), so the store is created with clearInvalidConfig off and never silently drops data.
  const services = createServices(ctx, {
    settingsBackend: (file) => {
      const store = new Store({ cwd: dirname(file), name: basename(file, '.json'), clearInvalidConfig: false });
      // electron-store registers a sync IPC channel for renderer-side stores; this app has none, so it is removed
      // and the only IPC channels are the contract's.
      ipcMain.removeAllListeners('electron-store-get-data');
      return electronStoreBackend(store);
    },
    log: (message, error) => console.error(message, error),
  });
  registerIpc(createDispatcher(createHandlers(ctx, services)), () => mainWindow?.webContents.id ?? null);
  installMenu(() => mainWindow, !app.isPackaged);

  mainWindow = createMainWindow();
  mainWindow.on('close', (event) => {
    const win = mainWindow;
    if (!win || closeApproved || win.webContents.isCrashed()) return;
    // Ask the renderer: it saves or discards (asking 保存 / 不保存 / 取消 when there are unsaved changes) and answers
    // with confirmClose. The working text is in the recovery area in any case.
    event.preventDefault();
    win.webContents.send(channelOf('closeRequested'), { reason: quitting ? 'quit' : 'close' });
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}
