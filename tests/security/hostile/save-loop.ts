// A second copy of the app saving one report over and over (Node, run as a child process by the failure tests):
// `save-loop <target> <version.json> <count>` saves the document in version.json to target `count` times through
// the app's DocumentService, as a second window or a second instance of the app would.
import { readFileSync } from 'node:fs';
import { DocumentService } from '../../../main/services/documents';
import type { SettingsService } from '../../../main/services/settings';
import { ReportDocument } from '../../../shared/model/schema';

const [target, versionFile, countText] = process.argv.slice(2);
const doc = ReportDocument.parse(JSON.parse(readFileSync(versionFile!, 'utf8')));
// Recent files are not what this exercises: a settings stand-in that remembers nothing.
const settings = { addRecent: async () => undefined, snapshot: () => ({ recentFiles: [] }), removeRecent: async () => undefined } as unknown as SettingsService;
const documents = new DocumentService({ dialogs: { openFile: async () => null, saveFile: async () => null, openFolder: async () => null }, settings });

void (async () => {
  let failed = 0;
  for (let i = 0; i < Number(countText); i++) {
    try {
      await documents.saveToPath(target!, doc);
    } catch (e) {
      failed++;
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  process.stdout.write(JSON.stringify({ failed }) + '\n');
})();
