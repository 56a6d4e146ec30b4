// Property-based test of the IPC door: whatever a compromised page sends, for any method name and any payload, the
// dispatcher answers with an envelope (never a rejection, never a crash of main), refuses what the contract does not
// describe, and never lets a payload reach a handler that then fails with an internal error.
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEED } from '../setup/fast-check';
import { METHODS, methods } from '../../shared/ipc/contract';
import { createDispatcher } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { reportDocument } from './hostile/arbitraries';
import { tempDir } from '../support/tempDir';

const RUNS = 400;
const dataDir = tempDir('ipc-fuzz');

const logged: string[] = [];
const dispatch = createDispatcher(
  createHandlers({
    dataDir, templatesDir: resolve(__dirname, '..', '..', 'templates'), appName: '法治年报助手', appVersion: 'test', platform: process.platform,
    // The user cancels every dialog: nothing is read or written outside the data folder.
    dialogs: { openFile: async () => null, saveFile: async () => null, openFolder: async () => null },
    window: { setTitle: () => undefined, setDirty: () => undefined, closeConfirmed: () => undefined },
  }),
  (message, error) => logged.push(`${message}: ${String(error)}`),
);

const hostileId = fc.oneof(
  fc.string({ minLength: 1, maxLength: 64 }),
  fc.constantFrom('../../etc/passwd', '..\\..\\win.ini', '/etc/passwd', 'C:\\Windows\\win.ini', '\\\\server\\share\\x', '__proto__', 'constructor', 'con', 'a\u0000b', 'builtin/../../x'),
);

/** Payloads shaped like each method's arguments, with hostile ids, names, paths and documents in them. */
const shaped = fc.oneof(
  fc.constant(['getAppInfo', []]), fc.constant(['listRecovery', []]), fc.constant(['getSettings', []]), fc.constant(['listTemplates', []]),
  fc.tuple(fc.constant('setWindowState'), fc.tuple(fc.record({ title: fc.string({ maxLength: 300 }), dirty: fc.boolean() }))),
  fc.tuple(fc.constantFrom('openRecent', 'readRecovery', 'discardRecovery', 'listVersions', 'readTemplate', 'deleteTemplate'), fc.tuple(hostileId)),
  fc.tuple(fc.constant('readVersion'), fc.tuple(hostileId, hostileId)),
  fc.tuple(fc.constant('writeRecovery'), fc.tuple(fc.record({ handle: fc.option(hostileId), fileName: fc.option(hostileId), doc: reportDocument }))),
  fc.tuple(fc.constant('createVersion'), fc.tuple(fc.record({ doc: reportDocument, name: hostileId }))),
  fc.tuple(fc.constant('saveDocument'), fc.tuple(fc.record({ handle: fc.option(hostileId), doc: reportDocument, saveAs: fc.boolean() }))),
  fc.tuple(fc.constant('exportDocx'), fc.tuple(fc.record({ doc: reportDocument }))),
  fc.tuple(fc.constant('updateSettings'), fc.tuple(fc.dictionary(fc.constantFrom('recentFiles', 'templateFolders', 'autosaveSeconds', 'checker', 'theme', '__proto__'), fc.jsonValue({ maxDepth: 2 })))),
) as fc.Arbitrary<[string, unknown]>;

/** Payloads: anything at all, or arrays of plausible pieces (ids, paths, documents) that may pass a schema. */
const payload = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.array(fc.oneof(
    fc.string(), fc.constantFrom('../../etc/passwd', 'C:\\\\Windows\\\\win.ini', '\\\\\\\\server\\\\share', '__proto__', 'constructor', ''),
    reportDocument, fc.record({ handle: fc.option(fc.string({ maxLength: 100 })), doc: reportDocument, saveAs: fc.boolean(), fileName: fc.option(fc.string()) }),
    fc.jsonValue({ maxDepth: 2 }),
  ), { maxLength: 3 }),
);

describe('the dispatcher under hostile payloads', () => {
  it(`answers every method and any payload with an envelope, never an internal error (${RUNS} runs)`, async () => {
    let refused = 0;
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.tuple(fc.oneof(fc.constantFrom(...METHODS), fc.string()), payload), shaped), async ([method, args]) => {
        const envelope = await dispatch(method, args);
        expect(typeof envelope.ok).toBe('boolean');
        if (envelope.ok || !['unknown-method', 'bad-request'].includes(envelope.error.code)) reached.add(method);
        if (!envelope.ok) {
          refused++;
          expect(envelope.error.message).toMatch(/[\u4e00-\u9fff]/);
          expect(envelope.error.code, `${method}: ${envelope.error.message} ${logged.at(-1) ?? ''}`).not.toBe('internal');
          const known = (METHODS as readonly string[]).includes(method);
          if (!known) expect(envelope.error.code).toBe('unknown-method');
          else if (!methods[method as (typeof METHODS)[number]].args.safeParse(args).success) expect(envelope.error.code).toBe('bad-request');
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(refused).toBeGreaterThan(RUNS / 4);
    // Payloads did get through the door to the handlers, of many methods.
    expect(reached.size, [...reached].join(' ')).toBeGreaterThan(METHODS.length / 2);
    expect(logged).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
