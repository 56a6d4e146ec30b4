// Property-based tests of the window's security decisions, beyond the checklist's fixed cases: no string makes
// openExternal accept anything but a plain https page, no request path escapes the renderer bundle through the
// app:// protocol, and no navigation leaves the app's page.
import { join, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveAppFile } from '../../main/electron/appProtocol';
import { APP_ENTRY_URL, isAppUrl, isNavigationAllowed, isSafeExternalUrl } from '../../main/electron/security';
import { SEED, fuzzRuns } from '../setup/fast-check';

const RUNS = fuzzRuns(1000);

/** Pieces attackers use in URLs and paths: schemes, separators, encodings, credentials, UNC and device prefixes. */
const piece = fc.constantFrom(
  'https:', 'http:', 'file:', 'javascript:', 'JaVaScRiPt:', 'data:', 'vbscript:', 'smb:', 'ms-msdt:', 'app:', 'about:', 'blob:',
  '//', '\\\\', '\\\\?\\', '/', '\\', '.', '..', '%2e%2e', '%2f', '%5c', '%00', '\u0000', ' ', '\t', '\n', '@', ':', '#', '?',
  'user:pass@', 'fzbg', 'evil.example', 'www.gov.cn', 'localhost', '127.0.0.1', '[::1]', 'C:', 'index.html', 'etc', 'passwd', '%252e',
);
const hostile = fc.oneof(fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string());

describe('security decisions under hostile strings', () => {
  it(`openExternal accepts only https pages without credentials, never a UNC or protocol-relative path (${RUNS} runs)`, () => {
    let accepted = 0;
    fc.assert(fc.property(hostile, (url) => {
      if (!isSafeExternalUrl(url)) return;
      accepted++;
      const u = new URL(url);
      expect(u.protocol).toBe('https:');
      expect(u.username + u.password).toBe('');
      expect(u.hostname).not.toBe('');
      expect(url.trimStart()).not.toMatch(/^(\\\\|\/\/)/);
    }), { numRuns: RUNS, seed: SEED });
    expect(accepted).toBeGreaterThan(0);
  });

  it(`app:// never serves a file outside the bundle (${RUNS} runs)`, () => {
    const root = join(sep, 'opt', 'fzbg', 'renderer');
    fc.assert(fc.property(hostile, (path) => {
      const file = resolveAppFile(root, path);
      if (file === null) return;
      expect(file.startsWith(root + sep)).toBe(true);
      expect(file.split(sep)).not.toContain('..');
    }), { numRuns: RUNS, seed: SEED });
  });

  it(`navigation never leaves the app's page (${RUNS} runs)`, () => {
    fc.assert(fc.property(hostile, (target) => {
      if (!isNavigationAllowed(APP_ENTRY_URL, target)) return;
      expect(isAppUrl(target)).toBe(true);
      expect(new URL(target).pathname).toBe(new URL(APP_ENTRY_URL).pathname);
    }), { numRuns: RUNS, seed: SEED });
  });
});
