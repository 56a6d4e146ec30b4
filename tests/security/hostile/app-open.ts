// Opens a file the way the app does (Node, run as a child process by the hostile-file tests): the real contract
// handlers behind the real dispatcher, with a file dialog that "chooses" argv[3]. Prints the envelope as JSON and
// exits 0 when the file opened, 2 when it was refused with a message for the user.
import { resolve } from 'node:path';
import { createDispatcher } from '../../../main/ipc/dispatch';
import { createHandlers } from '../../../main/ipc/handlers';

const [method, file, dataDir] = process.argv.slice(2);
if (!method || !file || !dataDir) {
  process.stderr.write('usage: app-open <method> <file> <dataDir>\n');
  process.exit(64);
}

const handlers = createHandlers({
  dataDir,
  templatesDir: resolve(__dirname, '..', '..', '..', 'templates'),
  appName: '法治年报助手',
  appVersion: 'test',
  platform: process.platform,
  dialogs: { openFile: async () => file, saveFile: async () => null, openFolder: async () => null },
  window: { setTitle: () => undefined, setDirty: () => undefined, closeConfirmed: () => undefined },
});
const dispatch = createDispatcher(handlers, (message, error) => process.stderr.write(`${message}: ${String(error)}\n`));

void dispatch(method, []).then((envelope) => {
  const summary = envelope.ok
    ? { ok: true, status: (envelope.value as { status?: string }).status, blocks: (envelope.value as { doc?: { body: unknown[] } }).doc?.body.length }
    : envelope;
  process.stdout.write(JSON.stringify(summary) + '\n');
  process.exitCode = envelope.ok ? 0 : 2;
});
