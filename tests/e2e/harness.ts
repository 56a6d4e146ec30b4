// E2E harness: the built renderer with window.fzbg bound to the real handlers (tests/support/pageBridge.ts), native
// dialogs answered by the test, and every request the page makes recorded.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EventName } from '../../shared/ipc/contract';
import { createDispatcher } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { bindBridge, serveRenderer } from '../support/pageBridge';
import type { AppContext, Dialogs, Shell } from '../../main/services/context';
import { removeDir, tempDir } from '../support/tempDir';

export const REPO = resolve(__dirname, '..', '..');
const RENDERER_ROOT = join(REPO, 'dist', 'renderer');
export const SCREENSHOTS = join(REPO, 'test-output', 'screenshots');

/** Native dialogs, answered by the test: queue the path the "user" picks (null = cancel). */
export class ScriptedDialogs implements Dialogs {
  readonly opens: (string | null)[] = [];
  readonly saves: (string | null)[] = [];
  readonly asked: string[] = [];
  async openFile(o: { title: string }) {
    this.asked.push(o.title);
    return this.opens.length ? this.opens.shift()! : null;
  }
  /** The options of every save dialog shown (the proposed name and folder). */
  readonly saveOptions: { title: string; defaultName: string; defaultFolder?: string }[] = [];
  async saveFile(o: { title: string; defaultName: string; defaultFolder?: string }) {
    this.asked.push(o.title);
    this.saveOptions.push({ title: o.title, defaultName: o.defaultName, defaultFolder: o.defaultFolder });
    return this.saves.length ? this.saves.shift()! : null;
  }
  readonly folders: (string | null)[] = [];
  async openFolder(o: { title: string }) {
    this.asked.push(o.title);
    return this.folders.length ? this.folders.shift()! : null;
  }
}

/** The system file manager and printer, recorded: what 在文件夹中显示 showed, how often 打印 asked. */
export class RecordingShell implements Shell {
  readonly shown: string[] = [];
  printed = 0;
  /** What the print dialog answers (false = the user cancelled). */
  printAnswer = true;
  showItemInFolder(path: string) {
    this.shown.push(path);
  }
  async printWindow() {
    this.printed++;
    return this.printAnswer;
  }
}

export interface AppHarness {
  page: Page;
  origin: string;
  dataDir: string;
  workDir: string;
  dialogs: ScriptedDialogs;
  shell: RecordingShell;
  windowState: { title: string; dirty: boolean; closeConfirmed: boolean | null };
  /** Every URL the page requested. */
  requests: string[];
  /** Requests outside the app's own origin (must stay empty). */
  foreignRequests: string[];
  emit(event: EventName, payload: unknown): Promise<void>;
  screenshot(name: string): Promise<string>;
  /** Reloads the page as after a renderer crash; main-side state (data folder) survives, as it would. */
  reload(): Promise<void>;
}

export const test = base.extend<{ app: AppHarness }>({
  app: async ({ page }, use, testInfo) => {
    const { server, origin } = await serveRenderer(RENDERER_ROOT);
    const workDir = tempDir('e2e');
    const dataDir = join(workDir, 'userData');
    mkdirSync(dataDir, { recursive: true });
    const dialogs = new ScriptedDialogs();
    const shell = new RecordingShell();
    const windowState: AppHarness['windowState'] = { title: '', dirty: false, closeConfirmed: null };
    const ctx: AppContext = {
      dataDir,
      templatesDir: join(REPO, 'templates'),
      appName: '法治年报助手',
      appVersion: 'test',
      platform: process.platform,
      dialogs,
      shell,
      window: {
        setTitle: (t) => void (windowState.title = t),
        setDirty: (d) => void (windowState.dirty = d),
        closeConfirmed: (p) => void (windowState.closeConfirmed = p),
      },
    };
    const dispatch = createDispatcher(createHandlers(ctx));
    const requests: string[] = [];
    const foreignRequests: string[] = [];
    page.on('request', (r) => {
      requests.push(r.url());
      const u = r.url();
      if (!u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:')) foreignRequests.push(u);
    });
    // Anything outside the app's origin is refused outright, as the Electron session does.
    await page.route('**/*', (route) => {
      const u = route.request().url();
      return u.startsWith(origin + '/') ? route.continue() : route.abort('blockedbyclient');
    });
    await bindBridge(page, dispatch);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(origin + '/index.html');
    mkdirSync(SCREENSHOTS, { recursive: true });
    const harness: AppHarness = {
      page,
      origin,
      dataDir,
      workDir,
      dialogs,
      shell,
      windowState,
      requests,
      foreignRequests,
      // As in Electron, where no menu click can come before the window shows: the event is sent once the page listens
      // (right after a load or reload it may not yet).
      emit: async (event, payload) => {
        await page.waitForFunction((e) => (window as unknown as { __fzbgListening: (e: string) => boolean }).__fzbgListening(e), event);
        await page.evaluate(([e, p]) => (window as unknown as { __fzbgEmit: (e: string, p: unknown) => void }).__fzbgEmit(e as string, p), [event, payload] as const);
      },
      screenshot: async (name) => {
        const file = join(SCREENSHOTS, `${name}.png`);
        await page.screenshot({ path: file, fullPage: false });
        return file;
      },
      reload: async () => {
        await page.reload();
      },
    };
    await use(harness);
    server.close();
    removeDir(workDir);
    expect(pageErrors, `uncaught errors in the page (${testInfo.title})`).toEqual([]);
    expect(foreignRequests, 'requests outside the app origin').toEqual([]);
  },
});

export { expect };
