// Serving the renderer bundle from the app itself over app://fzbg/ (Node part: path resolution and headers).
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The file under `root` that a request path names, or null when it would leave `root` or is not a plain file name. */
export function resolveAppFile(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path === '/' || path === '') path = '/index.html';
  if (path.includes('\0') || path.includes('\\')) return null;
  const full = normalize(join(root, path));
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  return full.startsWith(rootWithSep) ? full : null;
}

export function responseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}
