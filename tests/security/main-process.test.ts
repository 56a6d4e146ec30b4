// The built main process, run under Node with a recording stand-in for Electron (the binary cannot be had here):
// what it registers, how it answers, and that IPC, navigation, permissions and requests are locked down.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { channelOf } from '../../shared/ipc/channels';
import { METHODS } from '../../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../../main/electron/security';

const REPO = resolve(__dirname, '..', '..');
let facts: Record<string, any>;

beforeAll(() => {
  if (!existsSync(resolve(REPO, 'dist/main/main.js'))) execFileSync(process.execPath, [resolve(REPO, 'scripts/build.mjs')]);
  facts = JSON.parse(execFileSync(process.execPath, [resolve(__dirname, 'electron-stub.cjs')], { encoding: 'utf8', timeout: 30_000 }));
});

describe('the main process bundle', () => {
  it('registers exactly the contract’s channels, and no sync channel', () => {
    expect(facts.channels).toEqual(METHODS.map(channelOf).sort());
    expect(facts.syncChannels).toEqual([]);
  });
  it('opens one window with the hardened preferences and loads the app from app://', () => {
    expect(facts.windowCount).toBe(1);
    expect(facts.webPreferences).toMatchObject({
      preload: 'preload.js', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false,
    });
    expect(facts.loaded).toBe('app://fzbg/index.html');
    expect(facts.privileged).toEqual([expect.objectContaining({ scheme: 'app' })]);
  });
  it('denies new windows, navigation away, permissions and remote requests', () => {
    expect(facts.windowOpen).toEqual({ action: 'deny' });
    expect(facts.navigationPrevented).toBe(true);
    expect(facts.permissions).toBe(false);
    expect(facts.permissionCheck).toBe(false);
    expect(facts.remoteRequest).toEqual({ cancel: true });
    expect(facts.appRequest).toEqual({ cancel: false });
  });
  it('serves the page with the CSP and refuses paths outside the bundle', () => {
    expect(facts.index).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY, type: 'text/html; charset=utf-8' });
    expect(facts.traversal.status).toBe(404);
    expect(facts.otherHost.status).toBe(404);
  });
  it('answers only the window’s own main frame', () => {
    expect(facts.trustedCall).toEqual({ ok: true, value: { name: '法治年报助手', version: '0.1.0', platform: process.platform } });
    const forbidden = { ok: false, error: { code: 'forbidden', message: '请求来源不受信任，已拒绝。' } };
    expect(facts.subFrameCall).toEqual(forbidden);
    expect(facts.foreignCall).toEqual(forbidden);
    expect(facts.noFrameCall).toEqual(forbidden);
  });
  it('answers a bad payload with an error, not a crash', () => {
    expect(facts.badPayload).toEqual({ ok: false, error: { code: 'bad-request', message: '请求内容无效，已拒绝处理。' } });
  });
  it('installs the Chinese menu bar', () => {
    expect(facts.menu).toEqual(['文件(&F)', '编辑(&E)', '审核(&R)', '视图(&V)', '帮助(&H)']);
  });
});
