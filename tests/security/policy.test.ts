// The security checklist as unit tests: window options, navigation, permissions, CSP, external URLs, IPC senders.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isNavigationAllowed,
  isSafeExternalUrl,
  isTrustedSender,
  permissionDecision,
} from '../../main/electron/security';
import { resolveAppFile } from '../../main/electron/appProtocol';

const REPO = resolve(__dirname, '..', '..');

describe('the window factory', () => {
  const source = readFileSync(resolve(REPO, 'main/electron/window.ts'), 'utf8');
  it.each([
    'contextIsolation: true',
    'sandbox: true',
    'nodeIntegration: false',
    'nodeIntegrationInWorker: false',
    'nodeIntegrationInSubFrames: false',
    'webSecurity: true',
    'allowRunningInsecureContent: false',
    'webviewTag: false',
  ])('writes %s literally', (option) => {
    expect(source).toContain(option);
  });
  it('denies window.open and loads the app from its own protocol', () => {
    expect(source).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
    expect(source).toContain('loadURL(APP_ENTRY_URL)');
    expect(APP_ENTRY_URL).toBe('app://fzbg/index.html');
  });
  it('is the only place a BrowserWindow is created', () => {
    for (const file of ['main/electron/main.ts', 'main/electron/menu.ts', 'main/electron/registerIpc.ts']) {
      expect(readFileSync(resolve(REPO, file), 'utf8')).not.toMatch(/new BrowserWindow/);
    }
  });
});

describe('navigation', () => {
  it('stays on the app page', () => {
    expect(isNavigationAllowed(APP_ENTRY_URL, APP_ENTRY_URL)).toBe(true);
  });
  it.each(['https://example.org/', 'http://127.0.0.1:3000/', 'file:///etc/passwd', 'app://evil/index.html', 'app://fzbg/other.html', 'javascript:alert(1)'])(
    'refuses %s',
    (url) => {
      expect(isNavigationAllowed(APP_ENTRY_URL, url)).toBe(false);
    },
  );
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])('denies %s', (p) => {
    expect(permissionDecision(p)).toBe(false);
  });
});

describe('content security policy', () => {
  const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  it('loads nothing from anywhere by default', () => expect(directives['default-src']).toEqual(["'none'"]));
  it('runs only the app’s own scripts, never inline or eval', () => expect(directives['script-src']).toEqual(["'self'"]));
  it('names no remote origin', () => expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|'unsafe-/));
  it('forbids frames, plugins, base and forms', () => {
    for (const d of ['object-src', 'frame-src', 'base-uri', 'form-action']) expect(directives[d]).toEqual(["'none'"]);
  });
  it('is also in the page itself', () => {
    const html = readFileSync(resolve(REPO, 'renderer/index.html'), 'utf8');
    expect(html).toContain(`http-equiv="Content-Security-Policy"`);
    expect(html).toContain("script-src 'self'");
    expect(html).not.toMatch(/<script>|\son\w+="/);
  });
});

describe('external URLs', () => {
  it.each(['file:///C:/Windows/system32/calc.exe', 'javascript:alert(1)', 'smb://server/share', '\\\\server\\share\\x.exe', '//server/share', 'http://example.org', 'https://user:pw@example.org', 'ms-msdt:/id', 'not a url'])(
    'refuses %s',
    (url) => expect(isSafeExternalUrl(url)).toBe(false),
  );
  it('accepts a plain https page', () => expect(isSafeExternalUrl('https://www.gov.cn/')).toBe(true));
});

describe('IPC sender check', () => {
  const own = { webContentsId: 7, isMainFrame: true, frameUrl: APP_ENTRY_URL };
  it('accepts the app window’s main frame', () => expect(isTrustedSender(own, 7)).toBe(true));
  it('refuses another webContents', () => expect(isTrustedSender({ ...own, webContentsId: 8 }, 7)).toBe(false));
  it('refuses a sub-frame', () => expect(isTrustedSender({ ...own, isMainFrame: false }, 7)).toBe(false));
  it('refuses a foreign origin in the main frame', () => expect(isTrustedSender({ ...own, frameUrl: 'https://evil.example/' }, 7)).toBe(false));
  it('refuses when there is no sender frame or no window', () => {
    expect(isTrustedSender(null, 7)).toBe(false);
    expect(isTrustedSender(own, null)).toBe(false);
  });
  it('app URLs are recognised strictly', () => {
    expect(isAppUrl('app://fzbg/index.html')).toBe(true);
    expect(isAppUrl('app://fzbg.evil/index.html')).toBe(false);
  });
});

describe('the app:// file server', () => {
  const root = '/opt/app/dist/renderer';
  it('serves files under its root', () => {
    expect(resolveAppFile(root, '/index.html')).toBe('/opt/app/dist/renderer/index.html');
    expect(resolveAppFile(root, '/')).toBe('/opt/app/dist/renderer/index.html');
  });
  it.each(['/../main/main.js', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd', '/a\\..\\..\\x', '/%00', '/%E0%A4%A'])('refuses %s', (p) => {
    expect(resolveAppFile(root, p)).toBeNull();
  });
});
