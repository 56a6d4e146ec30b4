// The IPC surface: the channels registered equal the contract's, the preload exposes named methods only,
// and the dispatcher answers bad payloads and failing services with an error envelope instead of crashing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelOf, eventMethodName } from '../../shared/ipc/channels';
import { EVENTS, METHODS, events, methods, UserFacingError } from '../../shared/ipc/contract';
import { createDispatcher } from '../../main/ipc/dispatch';
import { createHandlers, type Handlers } from '../../main/ipc/handlers';
import type { AppContext } from '../../main/services/context';

const REPO = resolve(__dirname, '..', '..');

function fakeContext(): AppContext {
  return {
    dataDir: '/nonexistent',
    templatesDir: resolve(REPO, 'templates'),
    appName: '法治年报助手',
    appVersion: '1.0.0',
    platform: 'linux',
    dialogs: { openFile: async () => null, saveFile: async () => null, openFolder: async () => null },
    window: { setTitle: () => {}, setDirty: () => {}, closeConfirmed: () => {} },
  };
}

describe('the contract', () => {
  it('declares each method once, with an argument tuple, and main implements exactly those', () => {
    expect(METHODS).toEqual(Object.keys(methods));
    expect(new Set(METHODS).size).toBe(METHODS.length);
    for (const m of METHODS) expect(methods[m].args.def.type, m).toBe('tuple');
    expect(Object.keys(createHandlers(fakeContext())).sort()).toEqual([...METHODS].sort());
    expect(EVENTS).toEqual(Object.keys(events));
  });
  it('puts every channel in its own namespace', () => {
    expect(new Set(METHODS.map(channelOf)).size).toBe(METHODS.length);
    for (const m of METHODS) expect(channelOf(m)).toBe(`fzbg:${m}`);
  });
});

describe('the preload', () => {
  const source = readFileSync(resolve(REPO, 'main/electron/preload.ts'), 'utf8');
  it('exposes one object built from the contract’s method names', () => {
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toContain("exposeInMainWorld('fzbg', Object.freeze(api))");
    expect(source).toMatch(/for \(const method of METHODS\)/);
  });
  it('never hands the page a raw send, invoke or on', () => {
    expect(source).not.toMatch(/\b(send|invoke|on|sendSync|postMessage)\s*:/);
    expect(source).not.toMatch(/api\[['"](send|invoke|on)['"]\]/);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\)/);
  });
  it('as built, exposes exactly the contract’s methods and events, and bundles no schema code', () => {
    const built = resolve(REPO, 'dist/main/preload.js');
    if (!existsSync(built)) execFileSync(process.execPath, [resolve(REPO, 'scripts/build.mjs')]);
    const code = readFileSync(built, 'utf8');
    const exposed: Record<string, Record<string, unknown>> = {};
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => { exposed[key] = api; } },
      ipcRenderer: { invoke: (...a: unknown[]) => { invoked.push(a); return Promise.resolve(); }, on: () => {}, removeListener: () => {} },
    };
    const sandboxRequire = (name: string) => {
      if (name !== 'electron') throw new Error(`the sandboxed preload cannot require ${name}`);
      return electron;
    };
    new Function('require', code)(sandboxRequire);
    expect(Object.keys(exposed)).toEqual(['fzbg']);
    expect(Object.keys(exposed.fzbg!).sort()).toEqual([...METHODS, ...EVENTS.map(eventMethodName)].sort());
    (exposed.fzbg!.getAppInfo as () => void)();
    expect(invoked).toEqual([['fzbg:getAppInfo']]);
    expect(code.length).toBeLessThan(10_000);
    expect(code).not.toMatch(/zod|safeParse/);
  });
  it('is the only file that touches contextBridge or ipcRenderer', () => {
    for (const file of ['main/electron/main.ts', 'main/electron/window.ts', 'main/electron/menu.ts', 'renderer/api.ts', 'renderer/App.tsx']) {
      expect(readFileSync(resolve(REPO, file), 'utf8')).not.toMatch(/contextBridge|ipcRenderer\./);
    }
  });
});

describe('the dispatcher', () => {
  const logged: string[] = [];
  const handlers: Handlers = {
    ...createHandlers(fakeContext()),
    listRecovery: async () => {
      throw new Error('disk exploded');
    },
    readRecovery: async () => {
      throw new UserFacingError('not-found', '恢复记录已不存在。');
    },
  };
  const dispatch = createDispatcher(handlers, (m) => logged.push(m));

  it('answers a valid request', async () => {
    expect(await dispatch('getAppInfo', [])).toEqual({ ok: true, value: { name: '法治年报助手', version: '1.0.0', platform: 'linux' } });
  });
  it.each([
    ['setWindowState', [{ title: 1, dirty: false }]],
    ['setWindowState', []],
    ['setWindowState', 'not an array'],
    ['saveDocument', [{ handle: null, doc: { evil: true }, saveAs: false }]],
    ['readRecovery', ['x'.repeat(10_000)]],
    ['getAppInfo', [1, 2, 3]],
  ])('refuses a bad payload for %s', async (method, args) => {
    expect(await dispatch(method, args)).toEqual({ ok: false, error: { code: 'bad-request', message: '请求内容无效，已拒绝处理。' } });
  });
  it.each(['__proto__', 'constructor', 'eval', 'send', ''])('refuses the unknown method %j', async (method) => {
    expect(await dispatch(method, [])).toEqual({ ok: false, error: { code: 'unknown-method', message: '未知的请求。' } });
  });
  it('passes a service’s Chinese message through', async () => {
    expect(await dispatch('readRecovery', ['abc'])).toEqual({ ok: false, error: { code: 'not-found', message: '恢复记录已不存在。' } });
  });
  it('hides an internal error behind a reassuring message and logs it', async () => {
    const r = await dispatch('listRecovery', []);
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: '操作未能完成（程序内部错误），您的文稿未受影响。' } });
    expect(logged).toContain('request listRecovery failed');
  });
});
