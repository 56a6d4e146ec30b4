// Loads the built main-process bundle (dist/main/main.js) under Node with a recording stand-in for the electron
// module, then exercises what it registered and prints the facts as JSON. Only the Electron binary is missing here.
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');

const repo = path.resolve(__dirname, '..', '..');
const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'fzbg-main-'));
const rec = { handles: {}, on: {}, protocol: {}, privileged: null, windows: [], windowOpen: null, willNavigate: null, loaded: null, menu: null };

const webContents = {
  id: 1,
  mainFrame: { url: 'app://fzbg/index.html' },
  on(name, fn) { if (name === 'will-navigate') rec.willNavigate = fn; },
  setWindowOpenHandler(fn) { rec.windowOpen = fn; },
  send() {},
  getURL: () => 'app://fzbg/index.html',
  isCrashed: () => false,
};
class BrowserWindow {
  constructor(options) { rec.windows.push(options); this.webContents = webContents; }
  once() {} on() {} setTitle() {} setDocumentEdited() {} isMinimized() { return false; } focus() {} close() {}
  loadURL(url) { rec.loaded = url; return Promise.resolve(); }
}
const electron = {
  app: {
    setName() {}, requestSingleInstanceLock: () => true, on() {}, quit() {}, exit() {},
    whenReady: () => Promise.resolve(), getPath: () => userData, getVersion: () => '0.1.0', getAppPath: () => repo, isPackaged: false,
  },
  ipcMain: {
    handle(channel, fn) { rec.handles[channel] = fn; },
    on(channel, fn) { rec.on[channel] = fn; },
    removeAllListeners(channel) { delete rec.on[channel]; },
  },
  protocol: {
    registerSchemesAsPrivileged(schemes) { rec.privileged = schemes; },
    handle(scheme, fn) { rec.protocol[scheme] = fn; },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler(fn) { rec.permissionRequest = fn; },
      setPermissionCheckHandler(fn) { rec.permissionCheck = fn; },
      webRequest: { onBeforeRequest(fn) { rec.beforeRequest = fn; } },
    },
  },
  dialog: { showErrorBox() {}, showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) },
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu(m) { rec.menu = m; } },
  BrowserWindow,
  shell: { openExternal() { throw new Error('openExternal must never be called'); } },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};

require(path.join(repo, 'dist', 'main', 'main.js'));

setTimeout(async () => {
  const facts = {};
  facts.channels = Object.keys(rec.handles).sort();
  facts.syncChannels = Object.keys(rec.on).sort();
  facts.privileged = rec.privileged;
  facts.windowCount = rec.windows.length;
  facts.webPreferences = rec.windows[0] && { ...rec.windows[0].webPreferences, preload: path.basename(rec.windows[0].webPreferences.preload) };
  facts.loaded = rec.loaded;
  facts.windowOpen = rec.windowOpen && rec.windowOpen({ url: 'https://example.org/' });
  let prevented = false;
  rec.willNavigate && rec.willNavigate({ preventDefault: () => { prevented = true; } }, 'https://example.org/');
  facts.navigationPrevented = prevented;
  facts.permissions = await new Promise((ok) => rec.permissionRequest(webContents, 'media', ok));
  facts.permissionCheck = rec.permissionCheck(webContents, 'clipboard-read');
  const beforeRequest = (url) => new Promise((ok) => rec.beforeRequest({ url }, ok));
  facts.remoteRequest = await beforeRequest('https://example.org/x.js');
  facts.appRequest = await beforeRequest('app://fzbg/app.js');
  const serve = async (url) => {
    const r = await rec.protocol.app({ url });
    return { status: r.status, csp: r.headers.get('content-security-policy'), type: r.headers.get('content-type') };
  };
  facts.index = await serve('app://fzbg/index.html');
  facts.traversal = await serve('app://fzbg/..%2f..%2fpackage.json');
  facts.otherHost = await serve('app://other/index.html');
  const trusted = { sender: webContents, senderFrame: webContents.mainFrame };
  const subFrame = { sender: webContents, senderFrame: { url: 'app://fzbg/index.html' } };
  const foreign = { sender: { ...webContents, id: 2 }, senderFrame: webContents.mainFrame };
  const invoke = (event, ...args) => rec.handles['fzbg:getAppInfo'](event, ...args);
  facts.trustedCall = await invoke(trusted);
  facts.subFrameCall = await invoke(subFrame);
  facts.foreignCall = await invoke(foreign);
  facts.noFrameCall = await invoke({ sender: webContents, senderFrame: null });
  facts.badPayload = await rec.handles['fzbg:setWindowState'](trusted, { title: 7 });
  facts.menu = rec.menu && rec.menu.map((m) => m.label);
  process.stdout.write(JSON.stringify(facts));
  fs.rmSync(userData, { recursive: true, force: true });
  process.exit(0);
}, 300);
