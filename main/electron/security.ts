// The app's security policy as plain data and pure predicates (Node, no Electron), so tests can check every rule.

/** The origin the renderer is served from in production (a privileged custom protocol, never a dev server). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'fzbg';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Strict Content-Security-Policy: nothing from outside the app, no inline or eval'd script, no frames, no plugins. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Whether a URL is the app's own page (the only place the window may be). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Navigation away from the app's page is always refused (a link in document text must not open anything). */
export function isNavigationAllowed(currentUrl: string, targetUrl: string): boolean {
  return isAppUrl(targetUrl) && isAppUrl(currentUrl) && new URL(targetUrl).pathname === new URL(currentUrl).pathname;
}

/** Every permission request (camera, notifications, geolocation, clipboard-read, …) is denied. */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/**
 * The only URLs the app would ever hand to the operating system: https pages. file:, javascript:, smb:, UNC paths
 * (\\host\share) and everything else are refused. The app itself opens no external link from document text.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (/^\s*\\\\/.test(url) || /^\s*\/\//.test(url)) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.username === '' && u.password === '' && u.hostname !== '';
  } catch {
    return false;
  }
}

/** What main knows about the sender of an IPC message. */
export interface SenderInfo {
  /** webContents id of the sender. */
  webContentsId: number;
  /** Whether the sending frame is that webContents' main frame (sub-frames are refused). */
  isMainFrame: boolean;
  /** URL of the sending frame. */
  frameUrl: string;
}

/** An IPC request is answered only when it comes from the app window's own main frame on the app's own origin. */
export function isTrustedSender(sender: SenderInfo | null, appWebContentsId: number | null): boolean {
  return (
    sender !== null &&
    appWebContentsId !== null &&
    sender.webContentsId === appWebContentsId &&
    sender.isMainFrame &&
    isAppUrl(sender.frameUrl)
  );
}
