// Builds the app with esbuild: main process, preload, workers (Node/CommonJS) and the renderer bundle (browser).
// Production loads dist/renderer through the app:// protocol, never from a dev server.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const production = process.env.NODE_ENV !== 'development';

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'renderer'), { recursive: true });

// Sources by runtime (main/electron/ is the Electron glue, main/services/ plain Node); the bundle keeps one flat
// layout: dist/main/main.js (package.json "main"), preload.js beside it, the docx worker under services/.
const nodeEntries = [
  { in: 'main/electron/main.ts', out: 'main' },
  { in: 'main/services/docxImportWorker.ts', out: 'services/docxImportWorker' },
  { in: 'main/services/batchDocxWorker.ts', out: 'services/batchDocxWorker' },
  { in: 'main/services/reviewImportWorker.ts', out: 'services/reviewImportWorker' },
];
const nodeOptions = {
  outdir: join(out, 'main'),
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['electron'],
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
};

// The contract's method and event names, derived once from shared/ipc/contract.ts and inlined into the preload, so
// the sandboxed preload stays a few lines of code with no schema library in it.
const contract = await build({ entryPoints: [join(root, 'shared/ipc/contract.ts')], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning' });
const { METHODS, EVENTS } = await import(`data:text/javascript;base64,${Buffer.from(contract.outputFiles[0].contents).toString('base64')}`);
const contractNames = JSON.stringify({ methods: METHODS, events: EVENTS });

await Promise.all([
  build({
    ...nodeOptions,
    entryPoints: nodeEntries.map((e) => ({ in: join(root, e.in), out: e.out })),
    define: { 'import.meta.url': 'importMetaUrl' },
    inject: [join(root, 'scripts/import-meta-url.js')],
  }),
  build({
    ...nodeOptions,
    entryPoints: [{ in: join(root, 'main/electron/preload.ts'), out: 'preload' }],
    define: { CONTRACT_NAMES: contractNames },
  }),
  build({
    entryPoints: [join(root, 'renderer/main.tsx')],
    outfile: join(out, 'renderer/app.js'),
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    format: 'esm',
    jsx: 'automatic',
    minify: production,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    loader: { '.woff2': 'file' },
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
  }),
]);

cpSync(join(root, 'renderer/index.html'), join(out, 'renderer/index.html'));
cpSync(join(root, 'renderer/styles.css'), join(out, 'renderer/styles.css'));
console.log('built dist/');
