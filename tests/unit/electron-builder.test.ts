// electron-builder.yml cannot be built here (no Electron binary, no network): check its keys and validate it
// against electron-builder's own configuration schema.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const REPO = resolve(__dirname, '..', '..');
type Target = { target: string; arch: string[] };
const config = load(readFileSync(resolve(REPO, 'electron-builder.yml'), 'utf8')) as Record<string, any>;

describe('electron-builder.yml', () => {
  it('names the product and the app id', () => {
    expect(config.productName).toBe('法治年报助手');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
  });

  it('builds Windows nsis and portable, Linux deb and AppImage, each for x64 and arm64', () => {
    const targets = (platform: string) => Object.fromEntries((config[platform].target as Target[]).map((t) => [t.target, [...t.arch].sort()]));
    expect(targets('win')).toEqual({ nsis: ['arm64', 'x64'], portable: ['arm64', 'x64'] });
    expect(targets('linux')).toEqual({ deb: ['arm64', 'x64'], AppImage: ['arm64', 'x64'] });
  });

  it('associates .fzbg files with the app', () => {
    expect(config.fileAssociations).toEqual(expect.arrayContaining([expect.objectContaining({ ext: 'fzbg', role: 'Editor' })]));
  });

  it('publishes nothing and bundles no updater: no network at run time', () => {
    expect(config.publish).toBeNull();
    const pkg = JSON.parse(readFileSync(resolve(REPO, 'package.json'), 'utf8'));
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })).not.toContain('electron-updater');
  });

  it('packages the built app and the templates, not the sources', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'templates/**/*', 'package.json']));
    expect(config.files.some((f: string) => /^(main|renderer|shared)\//.test(f))).toBe(false);
  });

  it('passes electron-builder’s own schema validation', async () => {
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config.js' as string);
    const { DebugLogger } = await import('builder-util' as string);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });
});
