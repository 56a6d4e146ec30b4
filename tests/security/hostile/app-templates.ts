// Lists the templates the way the app does (Node, run as a child process by the hostile-input tests): the real
// handlers behind the real dispatcher, with argv[2] set as the team folder. Prints the envelope as JSON.
import { resolve } from 'node:path';
import { createDispatcher } from '../../../main/ipc/dispatch';
import { createHandlers } from '../../../main/ipc/handlers';

const [team, dataDir] = process.argv.slice(2);
const handlers = createHandlers({
  dataDir: dataDir!,
  templatesDir: resolve(__dirname, '..', '..', '..', 'templates'),
  appName: '法治年报助手', appVersion: 'test', platform: process.platform,
  dialogs: { openFile: async () => null, saveFile: async () => null, openFolder: async () => null },
  window: { setTitle: () => undefined, setDirty: () => undefined, closeConfirmed: () => undefined },
});
const dispatch = createDispatcher(handlers, (message, error) => process.stderr.write(`${message}: ${String(error)}\n`));
void (async () => {
  await dispatch('updateSettings', [{ templateFolders: { team } }]);
  const envelope = await dispatch('listTemplates', []);
  process.stdout.write(JSON.stringify(envelope) + '\n');
  process.exitCode = envelope.ok ? 0 : 2;
})();
