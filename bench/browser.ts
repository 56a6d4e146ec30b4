// Chromium benchmarks (bench, Node + Playwright): the built renderer served as the app serves it (same resolver and
// CSP header), window.fzbg bound to the real main-side handlers, reports opened through the real 打开 flow. Measures
// typing latency (keypress → DOM updated) with and without live checking and under 4× CPU throttling, the first
// render of a 50k report, and the JS heap once it is loaded.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { EVENTS, METHODS } from '../shared/ipc/channels';
import { serializeDocument } from '../shared/model/format';
import type { ReportDocument } from '../shared/model/schema';
import { createDispatcher, type Dispatcher } from '../main/ipc/dispatch';
import { createHandlers } from '../main/ipc/handlers';
import { resolveAppFile, responseHeaders } from '../main/appProtocol';
import type { AppContext, Dialogs } from '../main/services/context';
import { REPO_ROOT } from './corpus';
import { middleParagraph, TYPED_TEXT } from './node';
import { derived, metric, percentile, median, type Metric } from './stats';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface BrowserBenchOptions {
  budget: number;
  log: (line: string) => void;
  wants: (name: string) => boolean;
}

/** Native dialogs answered by the bench: the next path the "user" picks. */
class QueuedDialogs implements Dialogs {
  readonly opens: string[] = [];
  async openFile() {
    return this.opens.shift() ?? null;
  }
  async saveFile() {
    return null;
  }
}

function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const file = resolveAppFile(root, new URL(req.url ?? '/', 'http://x').pathname);
    if (!file) return void res.writeHead(404).end();
    try {
      res.writeHead(200, responseHeaders(file)).end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** window.fzbg in the page, forwarding every contract method to the bound dispatcher (as the preload does over IPC). */
function installBridge({ methods, events }: { methods: string[]; events: string[] }) {
  const w = window as unknown as { __fzbgInvoke: (m: string, a: unknown[]) => Promise<unknown> };
  const api: Record<string, unknown> = {};
  for (const m of methods) api[m] = (...args: unknown[]) => w.__fzbgInvoke(m, args);
  for (const e of events) api[`on${e.charAt(0).toUpperCase()}${e.slice(1)}`] = () => () => undefined;
  Object.defineProperty(window, 'fzbg', { value: Object.freeze(api) });
}

interface Session {
  page: Page;
  cdp: CDPSession;
  close(): Promise<void>;
}

class Bench {
  private constructor(
    private readonly browser: Browser,
    private readonly server: Server,
    private readonly origin: string,
    private readonly workDir: string,
    private readonly dialogs: QueuedDialogs,
    readonly dispatch: Dispatcher,
  ) {}

  static async start(): Promise<Bench> {
    const server = await serve(join(REPO_ROOT, 'dist', 'renderer'));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const workDir = mkdtempSync(join(tmpdir(), 'fzbg-bench-'));
    const dataDir = join(workDir, 'userData');
    mkdirSync(dataDir, { recursive: true });
    const dialogs = new QueuedDialogs();
    const ctx: AppContext = {
      dataDir,
      templatesDir: join(REPO_ROOT, 'templates'),
      appName: '法治年报助手',
      appVersion: 'bench',
      platform: process.platform,
      dialogs,
      window: { setTitle: () => undefined, setDirty: () => undefined, closeConfirmed: () => undefined },
    };
    const dispatch = createDispatcher(createHandlers(ctx));
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    return new Bench(browser, server, origin, workDir, dialogs, dispatch);
  }

  async settings(patch: Record<string, unknown>): Promise<void> {
    const r = (await this.dispatch('updateSettings', [patch])) as { ok: boolean };
    if (!r.ok) throw new Error('基准测试：无法写入设置。');
  }

  async page(): Promise<Session> {
    const context = await this.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const origin = this.origin;
    await page.route('**/*', (route) => (route.request().url().startsWith(origin + '/') ? route.continue() : route.abort('blockedbyclient')));
    await page.exposeBinding('__fzbgInvoke', (_source, method: string, args: unknown) => this.dispatch(method, args));
    await page.addInitScript(installBridge, { methods: [...METHODS], events: [...EVENTS] });
    // tsx compiles the functions passed to page.evaluate with esbuild's keepNames, which calls a `__name` helper.
    await page.addInitScript('globalThis.__name = (f) => f;');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(origin + '/index.html');
    const cdp = await context.newCDPSession(page);
    return {
      page,
      cdp,
      close: async () => {
        await context.close();
        if (errors.length) throw new Error(`页面出错：${errors.join('; ')}`);
      },
    };
  }

  /** Writes the report as a .fzbg file and queues it as the user's pick in the next 打开 dialog. */
  queueOpen(doc: ReportDocument): void {
    const file = join(this.workDir, `${doc.id}.fzbg`);
    writeFileSync(file, serializeDocument(doc));
    this.dialogs.opens.push(file);
  }

  async stop(): Promise<void> {
    await this.browser.close();
    this.server.close();
    rmSync(this.workDir, { recursive: true, force: true });
  }
}

// ---- in the page ---------------------------------------------------------------------------------------------------

/**
 * Clicks 打开…, and resolves with the time from the click to the editor holding every block of the report, measured
 * in the page: the click event's timestamp → the first frame after the last block's text is in the DOM (rAF, then a
 * message after the paint).
 */
async function openAndTimeRender(page: Page, blocks: number, lastText: string): Promise<number> {
  const done = page.evaluate(
    ({ blocks, lastText }) =>
      new Promise<number>((resolve, reject) => {
        let clickedAt = -1;
        window.addEventListener('click', (e) => void (clickedAt = e.timeStamp), { capture: true, once: true });
        const timeout = window.setTimeout(() => reject(new Error('report did not render in 60 s')), 60_000);
        const topBlocks = (root: Element) => root.querySelectorAll(':scope [data-slate-node="element"]:not([data-slate-node="element"] [data-slate-node="element"])');
        const check = () => {
          const root = document.querySelector('[data-slate-editor]');
          if (!root || topBlocks(root).length < blocks) return false;
          const last = topBlocks(root)[blocks - 1]!;
          return (last.textContent ?? '').includes(lastText);
        };
        const observer = new MutationObserver(() => {
          if (!check()) return;
          observer.disconnect();
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => {
              window.clearTimeout(timeout);
              resolve(performance.now() - clickedAt);
            };
            ch.port2.postMessage(0);
          });
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      }),
    { blocks, lastText },
  );
  done.catch(() => undefined); // awaited below; keeps an early failure from going unhandled meanwhile
  await page.getByRole('button', { name: '打开…' }).click();
  return done;
}

/** Waits until the page's main thread has been idle (no task over 50 ms) for `quietMs`. */
async function settle(page: Page, quietMs = 600, maxMs = 15_000): Promise<void> {
  await page.evaluate(
    ({ quietMs, maxMs }) =>
      new Promise<void>((resolve) => {
        const start = performance.now();
        let prev = start;
        let quietSince = start;
        const tick = () => {
          const now = performance.now();
          if (now - prev > 50) quietSince = now; // the 10 ms timer came late: something ran
          prev = now;
          if (now - quietSince >= quietMs || now - start > maxMs) resolve();
          else setTimeout(tick, 10);
        };
        setTimeout(tick, 10);
      }),
    { quietMs, maxMs },
  );
}

/** JS heap in use after a full garbage collection (CDP), in MB (10⁶ bytes). */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  return used / 1e6;
}

/** The number of findings the side panel shows (0 when live checking is off). */
async function findingsShown(page: Page): Promise<number> {
  const text = await page.locator('.tab-count').first().textContent({ timeout: 2000 }).catch(() => null);
  return text === null ? 0 : Number(text) || 0;
}

/**
 * Installs the latency probe: per keystroke, the keydown's timestamp (when the key event was created, so time spent
 * queued behind a busy main thread counts) → the typed character in the DOM (`dom`), and → the end of the task that
 * put it there (`task`: a message posted when the DOM change is seen runs once that task's synchronous work is done).
 */
async function installTypingProbe(page: Page, blockIndex: number): Promise<void> {
  await page.evaluate((blockIndex) => {
    const root = document.querySelector('[data-slate-editor]')!;
    const blocks = root.querySelectorAll(':scope [data-slate-node="element"]:not([data-slate-node="element"] [data-slate-node="element"])');
    const probe = {
      element: blocks[blockIndex] as HTMLElement,
      baseLength: (blocks[blockIndex]!.textContent ?? '').length,
      keys: [] as number[],
      done: 0,
      dom: [] as number[],
      task: [] as number[],
    };
    (window as unknown as { __probe: typeof probe }).__probe = probe;
    window.addEventListener('keydown', (e) => void (e.key.length === 1 && probe.keys.push(e.timeStamp)), { capture: true });
    const observer = new MutationObserver(() => {
      if (probe.done >= probe.keys.length) return;
      // The paragraph's element may be replaced by a re-render: find it again through the caret.
      if (!probe.element.isConnected) {
        const node = document.getSelection()?.anchorNode;
        const el = (node instanceof Element ? node : node?.parentElement)?.closest('[data-slate-node="element"]');
        if (el) probe.element = el as HTMLElement;
      }
      const inDom = (probe.element.textContent ?? '').length - probe.baseLength;
      const now = performance.now();
      while (probe.done < Math.min(inDom, probe.keys.length)) {
        const t0 = probe.keys[probe.done++]!;
        probe.dom.push(now - t0);
        const ch = new MessageChannel();
        ch.port1.onmessage = () => probe.task.push(performance.now() - t0);
        ch.port2.postMessage(0);
      }
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  }, blockIndex);
}

/** Puts the caret in the middle of block `index` (scrolled into view, clicked, as a user would). */
async function caretInto(page: Page, index: number): Promise<void> {
  const el = page.locator('[data-slate-editor] [data-slate-node="element"]:not([data-slate-node="element"] [data-slate-node="element"])').nth(index);
  await el.scrollIntoViewIfNeeded();
  await el.click();
}

/**
 * Types `count` characters of TYPED_TEXT at a steady typist's pace (a key every `intervalMs`, a pause after every
 * phrase so the debounced live check runs between phrases as it does for a real writer) and returns the per-key
 * latencies measured in the page.
 */
async function typeAndMeasure(page: Page, cdp: CDPSession, count: number, intervalMs: number): Promise<{ dom: number[]; task: number[] }> {
  for (let i = 0; i < count; i++) {
    const ch = TYPED_TEXT[i % TYPED_TEXT.length]!;
    // A character key with its text: keydown → beforeinput(insertText) → input, as a committed key is delivered.
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch });
    const pause = /[，。、；]/.test(ch) ? 400 : intervalMs;
    await page.waitForTimeout(pause);
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const p = (window as unknown as { __probe: { dom: number[]; task: number[] } }).__probe;
    return { dom: p.dom.slice(), task: p.task.slice() };
  });
}

// ---- the metrics ----------------------------------------------------------------------------------------------------

interface TypingRun {
  dom: number[];
  task: number[];
  findings: number;
}

async function typingRun(bench: Bench, doc: ReportDocument, liveCheck: boolean, throttle: number, keys: number): Promise<TypingRun> {
  await bench.settings({ ui: { liveCheck, showGuidance: true, zoom: 1 } });
  const s = await bench.page();
  try {
    const last = doc.body[doc.body.length - 1]!;
    bench.queueOpen(doc);
    await openAndTimeRender(s.page, doc.body.length, lastText(last));
    await settle(s.page);
    const index = middleParagraph(doc);
    await caretInto(s.page, index);
    await settle(s.page, 400);
    if (throttle !== 1) await s.cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await installTypingProbe(s.page, index);
    // Warm-up keys (first-time code paths), then the measured ones.
    const warm = 6;
    const all = await typeAndMeasure(s.page, s.cdp, warm + keys, 90);
    if (throttle !== 1) await s.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await settle(s.page, 1000);
    const findings = await findingsShown(s.page);
    return { dom: all.dom.slice(warm), task: all.task.slice(warm), findings };
  } finally {
    await s.close();
  }
}

function lastText(block: ReportDocument['body'][number]): string {
  const text = block.type === 'table' ? '' : block.children.map((c) => c.text).join('');
  return text.slice(-12);
}

export async function browserMetrics(docs: Map<number, ReportDocument>, options: BrowserBenchOptions): Promise<Metric[]> {
  const out: Metric[] = [];
  const bench = await Bench.start();
  const keys = Math.max(30, Math.round(120 * options.budget));
  try {
    const doc20 = docs.get(20_000)!;
    const doc50 = docs.get(50_000)!;

    if (options.wants('typing')) {
      options.log('typing.checked');
      const checked = await typingRun(bench, doc20, true, 1, keys);
      options.log('typing.plain');
      const plain = await typingRun(bench, doc20, false, 1, keys);
      options.log('typing.checked.cpu4x');
      const slow = await typingRun(bench, doc20, true, 4, keys);
      const how = 'keydown timestamp → the typed character in the DOM and the keystroke\'s task finished (MutationObserver, then a posted message)';
      out.push(metric('typing.checked', 20_000, checked.task, 'ms', { stat: 'p95', op: '<=', value: 8 }, `${how}; ${checked.findings} findings shown`));
      out.push(metric('typing.checked.cpu4x', 20_000, slow.task, 'ms', { stat: 'p95', op: '<=', value: 16 }, `${how}; CDP Emulation.setCPUThrottlingRate 4`));
      const plainValid = plain.findings === 0 && checked.findings > 0;
      out.push(metric('typing.plain', 20_000, plain.task, 'ms', null,
        plainValid ? 'settings ui.liveCheck = false' : `settings ui.liveCheck = false, but the editor still showed ${plain.findings} findings: live checking was not switched off, so this is not a baseline`));
      const ratioMed = median(checked.task) / median(plain.task);
      const ratioP95 = percentile(checked.task, 95) / percentile(plain.task, 95);
      out.push(derived('typing.ratio', 20_000, plainValid ? ratioMed : NaN, plainValid ? ratioP95 : NaN, '×', { stat: 'p95', op: '<=', value: 1.3 }, checked.task.length,
        plainValid ? 'typing.checked ÷ typing.plain, same run' : 'no baseline: the editor does not switch live checking off'));
    }

    if (options.wants('render') || options.wants('heap')) {
      options.log('render.first / heap.loaded');
      const renders: number[] = [];
      const heaps: number[] = [];
      const runs = Math.max(3, Math.round(6 * options.budget));
      await bench.settings({ ui: { liveCheck: true, showGuidance: true, zoom: 1 } });
      const last = doc50.body[doc50.body.length - 1]!;
      for (let i = 0; i < runs + 1; i++) {
        const s = await bench.page();
        try {
          bench.queueOpen(doc50);
          const t = await openAndTimeRender(s.page, doc50.body.length, lastText(last));
          await settle(s.page, 1000);
          const heap = await heapAfterGc(s.cdp);
          if (i > 0) {
            renders.push(t);
            heaps.push(heap);
          }
        } finally {
          await s.close();
        }
      }
      out.push(metric('render.first', 50_000, renders, 'ms', { stat: 'median', op: '<=', value: 1500 }, 'click on 打开… → every block of the 50k report in the DOM and the next frame painted (a fresh page each run, first run discarded)'));
      out.push(metric('heap.loaded', 50_000, heaps, 'MB', { stat: 'median', op: '<=', value: 150 }, 'JSHeapUsedSize (CDP Performance.getMetrics) after the report is open, checked and settled, after a forced GC'));
    }
  } finally {
    await bench.stop();
  }
  return out;
}
