// The app shell in Chromium: sandboxed page, the bridge, the start screen, and no request leaves the app.
import { test, expect } from './harness';

test('start screen offers the three ways to begin, in Chinese', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: '法治年报助手' })).toBeVisible();
  for (const label of ['新建报告', '打开…', '导入Word或文本…']) {
    await expect(page.getByRole('button', { name: label })).toBeVisible();
  }
  await app.screenshot('start-screen');
});

test('the page has no Node: require and process are absent, window.fzbg has only named methods', async ({ app }) => {
  const facts = await app.page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    keys: Object.keys((window as unknown as { fzbg: object }).fzbg).sort(),
  }));
  expect(facts.require).toBe('undefined');
  expect(facts.process).toBe('undefined');
  expect(facts.keys).not.toContain('send');
  expect(facts.keys).not.toContain('invoke');
  expect(facts.keys).not.toContain('on');
  expect(facts.keys).toContain('getAppInfo');
});

test('a request through the bridge reaches the real handler, and a bad payload gets a Chinese error', async ({ app }) => {
  const info = await app.page.evaluate(() => (window as unknown as { fzbg: { getAppInfo(): Promise<unknown> } }).fzbg.getAppInfo());
  expect(info).toEqual({ ok: true, value: { name: '法治年报助手', version: 'test', platform: process.platform } });
  const bad = await app.page.evaluate(() =>
    (window as unknown as { fzbg: { setWindowState(x: unknown): Promise<unknown> } }).fzbg.setWindowState({ title: 42 }),
  );
  expect(bad).toEqual({ ok: false, error: { code: 'bad-request', message: '请求内容无效，已拒绝处理。' } });
});

test('a fetch to a remote origin is refused', async ({ app }) => {
  // The CSP and the session both refuse it; the harness would fail any test in which such a request went out.
  const blocked = await app.page.evaluate(async () => {
    try {
      await fetch('https://example.org/x');
      return false;
    } catch {
      return true;
    }
  });
  expect(blocked).toBe(true);
  expect(app.foreignRequests).toEqual([]);
});
