// End-to-end tests: the built renderer in Debian's Chromium, its API bound to the real main-process services.
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

// Maps the official font names (仿宋_GB2312, 黑体, …) to free look-alikes so screenshots are faithful.
const fontsConf = resolve(__dirname, '..', 'shared', 'fonts', 'fonts.conf');

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-output/playwright',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1366, height: 860 },
    locale: 'zh-CN',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      env: existsSync(fontsConf) ? { ...process.env, FONTCONFIG_FILE: fontsConf } : { ...process.env },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-default-apps',
        '--lang=zh-CN',
      ],
    },
  },
});
