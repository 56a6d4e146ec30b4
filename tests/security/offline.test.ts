// The offline guarantee: the app is used on government networks and makes no network request of its own.
// Statically, no source file under main/, shared/ or renderer/ (and nothing bundled into the main process) imports a
// network module or uses fetch/XMLHttpRequest/WebSocket/EventSource; at run time, the CLI's commands run over the
// real reports under a hook that makes every network use throw and logs it, and none is attempted.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../main/cli/commands';
import '../../main/cli';
import { FIXTURE_REPORTS } from './hostile/files';
import { CLI, REPO, runTs } from './hostile/run';
import { removeDir, tempDir } from '../support/tempDir';

/** Files that may use the network, with the reason. There are none: keep it that way. */
const ALLOW_LIST: Record<string, string> = {};

const NETWORK_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'undici', 'node-fetch', 'axios', 'ws', 'got'];
const NETWORK_IMPORT = new RegExp(
  String.raw`(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"](?:node:)?(${NETWORK_MODULES.join('|')})(?:/[^'"]*)?['"]`,
);
const NETWORK_GLOBAL = /\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon)\s*\(|\bnew\s+(XMLHttpRequest|WebSocket|EventSource)\b/;
/** Electron's own network stack (net.request, net.fetch, session.fetch) from main. */
const ELECTRON_NET = /import\s*\{[^}]*\bnet\b[^}]*\}\s*from\s*['"]electron['"]|\b(?:net|session\.[a-zA-Z.]+)\.(?:request|fetch)\s*\(/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (['.ts', '.tsx', '.js', '.mjs', '.cjs', '.html'].includes(extname(name))) out.push(full);
  }
  return out;
}

/** Comments can mention fetch; only code counts. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('no network code in the app’s sources', () => {
  const files = ['main', 'shared', 'renderer'].flatMap((d) => sourceFiles(join(REPO, d)));

  it('scans every source file of main/, shared/ and renderer/', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files.some((f) => f.endsWith(join('main', 'electron', 'main.ts')))).toBe(true);
    expect(files.some((f) => f.endsWith(join('renderer', 'main.tsx')))).toBe(true);
  });

  it('finds no import of a network module, no fetch/XHR/WebSocket/EventSource and no Electron net use', () => {
    const offenders: string[] = [];
    for (const file of files) {
      const rel = relative(REPO, file);
      if (rel in ALLOW_LIST) continue;
      const code = stripComments(readFileSync(file, 'utf8'));
      code.split('\n').forEach((line, i) => {
        if (NETWORK_IMPORT.test(line) || NETWORK_GLOBAL.test(line) || ELECTRON_NET.test(line)) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
    expect(Object.keys(ALLOW_LIST)).toEqual([]);
  });

  it('the scan itself recognises each form of network use', () => {
    const samples = [
      "import http from 'node:http';", "import { request } from 'https';", "const net = require('net');",
      "const t = await import('node:tls');", "import 'undici';", "import * as dgram from 'dgram';", "import dns from 'node:dns/promises';",
      "await fetch('https://example.com')", 'const x = new XMLHttpRequest();', "new WebSocket('wss://x')", "new EventSource('/s')",
      "navigator.sendBeacon('/x', data)", "import { app, net } from 'electron';", "net.request('https://x')", 'session.defaultSession.fetch(url)',
    ];
    for (const s of samples) expect(NETWORK_IMPORT.test(s) || NETWORK_GLOBAL.test(s) || ELECTRON_NET.test(s), s).toBe(true);
    for (const s of ["import { readFile } from 'node:fs/promises';", "import { netTotal } from './figures';", 'const prefetch = 1;', "// we never fetch('x')"]) {
      expect(NETWORK_IMPORT.test(stripComments(s)) || NETWORK_GLOBAL.test(stripComments(s)) || ELECTRON_NET.test(stripComments(s)), s).toBe(false);
    }
  });
});

describe('no network module bundled into the main process', () => {
  let work: string;
  beforeAll(() => {
    work = tempDir('offline');
  });

  it('the built main process, preload and CLI (with every dependency they pull in) import no network built-in', async () => {
    const entries = ['main/electron/main.ts', 'main/electron/preload.ts', 'main/cli.ts', 'main/services/docxImportWorker.ts']
      .map((f) => join(REPO, f))
      .filter((f) => { try { return statSync(f).isFile(); } catch { return false; } });
    const result = await build({
      entryPoints: entries, outdir: join(work, 'out'), bundle: true, platform: 'node', format: 'cjs', target: 'node20',
      external: ['electron'], metafile: true, write: false, logLevel: 'silent',
      define: { 'import.meta.url': 'importMetaUrl' }, inject: [join(REPO, 'scripts/import-meta-url.js')],
    });
    const builtins = new Set<string>();
    for (const output of Object.values(result.metafile.outputs)) {
      for (const imp of output.imports) if (imp.external) builtins.add(imp.path.replace(/^node:/, ''));
    }
    // The bundle does use built-ins (fs, path, crypto…): the check is not vacuous.
    expect(builtins.has('fs/promises') || builtins.has('fs')).toBe(true);
    const network = [...builtins].filter((m) => NETWORK_MODULES.includes(m.split('/')[0]!));
    expect(network).toEqual([]);
  });
});

describe('no network use at run time', () => {
  let work: string;
  let tmp: string;
  const fixtures = readdirSync(FIXTURE_REPORTS).filter((f) => f.endsWith('.txt')).map((f) => join(FIXTURE_REPORTS, f));
  let attempts = 0;
  let runs = 0;

  beforeAll(() => {
    work = tempDir('offline-run');
    tmp = join(work, 'tmp');
    mkdirSync(tmp);
  });
  afterAll(() => {
    removeDir(work);
    console.log(`offline: ${runs} CLI runs over the real reports, ${attempts} network uses attempted`);
  });

  const run = async (args: string[], tag: string) => {
    const r = await runTs(CLI, args, { cwd: REPO, scratch: join(work, 'scratch', tag), timeoutMs: 60_000, env: { TMPDIR: tmp } });
    runs++;
    attempts += r.networkAttempts.length;
    return r;
  };

  it('the hook does block and record a request (so a silent run means none was made)', async () => {
    const probe = join(work, 'probe.mts');
    writeFileSync(probe, [
      "import { get } from 'node:http';",
      "import { connect } from 'node:net';",
      "const tried: string[] = [];",
      "for (const f of [() => get('http://127.0.0.1:9/'), () => connect(443, 'example.com'), () => fetch('https://example.com/')]) {",
      "  try { await f(); } catch (e) { tried.push((e as { code?: string }).code ?? 'thrown'); }",
      '}',
      "console.log(tried.join(','));",
    ].join('\n'));
    const r = await runTs(probe, [], { cwd: work, scratch: join(work, 'scratch', 'probe'), timeoutMs: 60_000, env: { TMPDIR: tmp } });
    expect(r.stdout.trim()).toBe('EFZBGOFFLINE,EFZBGOFFLINE,EFZBGOFFLINE');
    expect(r.networkAttempts.map((a) => a.what)).toEqual(['http.get', 'net.connect', 'fetch']);
  });

  it('every CLI command’s help runs offline', async () => {
    expect(COMMANDS.length).toBeGreaterThan(0);
    const r = await run(['--help'], 'help');
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(c.name);
    expect(r.networkAttempts).toEqual([]);
  });

  it.each(fixtures.map((f, i) => [relative(FIXTURE_REPORTS, f), f, i === 0]))('commands over %s run offline, the Word import child included', async (name, file, everyCommand) => {
    const tag = name.replace(/\W+/g, '-');
    const at = (suffix: string) => join(work, `${tag}${suffix}`);
    const commands: string[][] = [
      ['import', file, '-o', at('.fzbg'), '--force'],
      ['outline', at('.fzbg')],
      ['outline', file, '--json'],
      ['check', at('.fzbg')],
      ['check', file, '--json'],
      ['export', at('.fzbg'), '-o', at('.docx'), '--force'],
      // The exported Word file read back: the import runs in its own child process, which carries the hook too.
      ['outline', at('.docx')],
      // The review loop: the review copy written, and a returned Word file read in its own capped child.
      ['export', at('.fzbg'), '--review', '-o', at('-review.docx'), '--force'],
      ['review', at('.fzbg'), at('-review.docx'), '-o', at('-merged.fzbg')],
      ['next-year', at('.fzbg'), '-o', at('-next.fzbg'), '--force'],
      ['compare', at('.fzbg'), at('-next.fzbg')],
      ['new', 'department', '--organ', '江海区政务服务和数据管理局', '--year', '2025', '-o', at('-new.fzbg')],
    ];
    // Every command over the first report; reading and checking over each of the others.
    if (everyCommand) expect(new Set(commands.map((c) => c[0]))).toEqual(new Set(COMMANDS.map((c) => c.name)));
    for (const args of everyCommand ? commands : commands.slice(0, 4)) {
      const r = await run(args, `${tag}-${args[0]}`);
      expect([0, 1], `${args.join(' ')}: ${r.stderr}`).toContain(r.code);
      expect(r.networkAttempts, args.join(' ')).toEqual([]);
      // The hook was in force in the CLI, and for a Word file in the import's child process as well.
      expect(r.hookedPids.length, args.join(' ')).toBeGreaterThanOrEqual(args[1]!.endsWith('.docx') ? 2 : 1);
    }
  }, 300_000);
});
