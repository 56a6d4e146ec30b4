// The layer rules are enforced by the compiler and by lint: a shared/ file that imports node:fs must fail.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const REPO = resolve(__dirname, '..', '..');
const PROBE = join(REPO, 'node_modules', '.cache', `layer-probe-${process.pid}`);

function tsc(layerConfig: string, source: string): { code: number; output: string } {
  mkdirSync(PROBE, { recursive: true });
  writeFileSync(join(PROBE, 'probe.ts'), source);
  const config = join(PROBE, `tsconfig.${layerConfig.replace(/\W/g, '_')}.json`);
  writeFileSync(
    config,
    JSON.stringify({
      extends: join(REPO, layerConfig),
      compilerOptions: { composite: false, emitDeclarationOnly: false, noEmit: true, rootDir: REPO },
      include: [join(PROBE, 'probe.ts')],
    }),
  );
  try {
    const output = execFileSync(join(REPO, 'node_modules', '.bin', 'tsc'), ['-p', config], { encoding: 'utf8' });
    return { code: 0, output };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { code: err.status, output: err.stdout };
  }
}

afterAll(() => rmSync(PROBE, { recursive: true, force: true }));

const nodeProbe = `import { readFileSync } from 'node:fs';\nexport const size = readFileSync('x').length;\n`;

describe('compiler layers', () => {
  it('rejects node:fs in shared/', () => {
    const r = tsc('shared/tsconfig.json', nodeProbe);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/node:fs/);
  });

  it('accepts the same file in main/ (so the rejection above is the layer rule, not a broken probe)', () => {
    expect(tsc('main/tsconfig.json', nodeProbe)).toEqual({ code: 0, output: '' });
  });

  it('rejects the DOM in shared/', () => {
    const r = tsc('shared/tsconfig.json', `export const title = document.title;\n`);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/document/);
  });
});

describe('lint import zones', () => {
  const eslint = new ESLint({ cwd: REPO });
  const ruleIds = async (code: string, filePath: string) =>
    (await eslint.lintText(code, { filePath: join(REPO, filePath) }))[0]!.messages.map((m) => m.ruleId);

  it('forbids Node, Electron and React imports in shared/', async () => {
    expect(await ruleIds(`import fs from 'fs';\nexport const x = fs;\n`, 'shared/model/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(`import { app } from 'electron';\nexport const x = app;\n`, 'shared/model/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(`import { useState } from 'react';\nexport const x = useState;\n`, 'shared/docx/probe.ts')).toContain('no-restricted-imports');
  });

  it('forbids Electron and main/ in renderer/', async () => {
    expect(await ruleIds(`import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n`, 'renderer/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(`import { createHandlers } from '../main/ipc/handlers';\nexport const x = createHandlers;\n`, 'renderer/probe.ts')).toContain('no-restricted-imports');
  });

  it('forbids Electron in main/ outside main/electron/ (services, IPC handlers, CLI are plain Node)', async () => {
    const electronProbe = `import { app } from 'electron';\nexport const x = app;\n`;
    for (const file of ['main/services/probe.ts', 'main/cli/probe.ts', 'main/ipc/probe.ts', 'main/probe.ts']) {
      expect(await ruleIds(electronProbe, file), file).toContain('no-restricted-imports');
    }
    expect(await ruleIds(`import Store from 'electron-store';\nexport const x = Store;\n`, 'main/services/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(`import { installMenu } from '../electron/menu';\nexport const x = installMenu;\n`, 'main/cli/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(`import { createHandlers } from '../../renderer/x';\nexport const x = createHandlers;\n`, 'main/services/probe.ts')).toContain('no-restricted-imports');
  });

  it('lets main/electron/ import Electron and the services (so the rejection above is the zone, not a broken probe)', async () => {
    expect(await ruleIds(`import { app } from 'electron';\nimport { createServices } from '../services';\nexport const x = [app, createServices];\n`, 'main/electron/probe.ts')).toEqual([]);
    expect(await ruleIds(`import { createHandlers } from '../../renderer/x';\nexport const x = createHandlers;\n`, 'main/electron/probe.ts')).toContain('no-restricted-imports');
  });

  it('has every Electron import of main/ inside main/electron/', async () => {
    const results = await eslint.lintFiles(['main/**/*.ts']);
    expect(results.length).toBeGreaterThan(20);
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath}: ${m.message}`))).toEqual([]);
  });

  it('lets shared/ import zod and main/ import node:fs', async () => {
    expect(await ruleIds(`import { z } from 'zod';\nexport const x = z;\n`, 'shared/model/probe.ts')).toEqual([]);
    expect(await ruleIds(`import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n`, 'main/probe.ts')).toEqual([]);
  });
});
