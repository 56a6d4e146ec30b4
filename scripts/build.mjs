// Builds the app with esbuild: main process, preload, workers (Node/CommonJS) and the renderer bundle (browser).
// Production loads dist/renderer through the app:// protocol, never from a dev server.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const production = process.env.NODE_ENV !== 'development';

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'renderer'), { recursive: true });

const nodeEntries = ['main/main.ts', 'main/preload.ts', 'main/services/docxImportWorker.ts', 'main/services/reviewImportWorker.ts'].filter((f) => existsSync(join(root, f)));

await Promise.all([
  build({
    entryPoints: nodeEntries.map((f) => join(root, f)),
    outdir: join(out, 'main'),
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['electron'],
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'import.meta.url': 'importMetaUrl' },
    inject: [join(root, 'scripts/import-meta-url.js')],
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
