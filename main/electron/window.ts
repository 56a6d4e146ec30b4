// The one window factory (Electron, thin). Every security option is written here literally.
import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { APP_ENTRY_URL, isNavigationAllowed } from './security';

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: '法治年报助手',
    show: false,
    backgroundColor: '#f4f1ea',
    webPreferences: {
      // The preload is reviewed: it exposes the contract's named methods only (main/electron/preload.ts).
      preload: join(__dirname, 'preload.js'), /* eng-disable PRELOAD_JS_CHECK */
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(win.webContents.getURL(), url)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(win.webContents.getURL(), url)) event.preventDefault();
  });
  // Links in document text never open anything: no new windows, no external browser.
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
