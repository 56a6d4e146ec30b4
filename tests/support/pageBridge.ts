// The app's page outside Electron, for the e2e tests and the bench (Node + Playwright): dist/renderer served exactly
// as the app:// protocol serves it (same resolver, same CSP header), and window.fzbg bound to main's real dispatcher
// through a Playwright binding, as the preload binds it over IPC.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { EVENTS, METHODS } from '../../shared/ipc/contract';
import { resolveAppFile, responseHeaders } from '../../main/electron/appProtocol';

/** Serves the built renderer at `root` on a free local port. */
export async function serveRenderer(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const file = resolveAppFile(root, new URL(req.url ?? '/', 'http://x').pathname);
    if (!file) return void res.writeHead(404).end();
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, responseHeaders(file)).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * window.fzbg in the page (runs in the page, so it is self-contained): every contract method forwards to the binding;
 * events are delivered by __fzbgEmit; __fzbgReplies records when each method's reply reached the page (the bench
 * times a render from the document's arrival).
 */
function installBridge({ methods, events }: { methods: string[]; events: string[] }) {
  const w = window as unknown as { __fzbgInvoke: (m: string, a: unknown[]) => Promise<unknown> };
  const listeners: Record<string, Set<(p: unknown) => void>> = {};
  const replies: Record<string, number> = {};
  const api: Record<string, unknown> = {};
  for (const m of methods) {
    api[m] = (...args: unknown[]) =>
      w.__fzbgInvoke(m, args).then((r) => {
        replies[m] = performance.now();
        return r;
      });
  }
  for (const e of events) {
    const set = new Set<(p: unknown) => void>();
    listeners[e] = set;
    api[`on${e.charAt(0).toUpperCase()}${e.slice(1)}`] = (cb: (p: unknown) => void) => {
      set.add(cb);
      return () => set.delete(cb);
    };
  }
  Object.defineProperty(window, 'fzbg', { value: Object.freeze(api) });
  Object.defineProperty(window, '__fzbgReplies', { value: replies });
  Object.defineProperty(window, '__fzbgEmit', { value: (e: string, p: unknown) => listeners[e]?.forEach((cb) => cb(p)) });
  Object.defineProperty(window, '__fzbgListening', { value: (e: string) => (listeners[e]?.size ?? 0) > 0 });
}

/** Binds window.fzbg of `page` (from its next navigation on) to `dispatch` (main/ipc/dispatch.ts). */
export async function bindBridge(page: Page, dispatch: (method: string, args: unknown) => Promise<unknown>): Promise<void> {
  // tsx compiles functions passed to the page with esbuild's keepNames, which calls a `__name` helper.
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.exposeBinding('__fzbgInvoke', (_source, method: string, args: unknown) => dispatch(method, args));
  await page.addInitScript(installBridge, { methods: [...METHODS], events: [...EVENTS] });
}
