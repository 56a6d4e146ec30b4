// The desk's batch benchmark (bench, Node): 100 Word reports of 20k characters in a folder, read, checked and
// summarised by runBatch (in its capped child pool), timed from the call to the table's rows. The main process's
// event loop is sampled meanwhile: its longest stall is what the app's IPC (and so the 取消 button) would wait at worst.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportDocx } from '../shared/docx/export';
import type { ReportDocument } from '../shared/model/schema';
import { deskRows, runBatch } from '../main/services/batch';
import { median, metric, type Metric } from './stats';
import { removeDir, tempDir } from '../tests/support/tempDir';

const REPORTS = 100;

export async function batchMetric(doc: ReportDocument, options: { log: (line: string) => void; runs: number }): Promise<Metric> {
  const dir = tempDir('bench-batch');
  try {
    for (let i = 0; i < REPORTS; i++) {
      const organ = `江海区第${i + 1}局`;
      const copy: ReportDocument = { ...doc, id: `bench-${i}`, meta: { ...doc.meta, organ, signature: organ, title: `${organ}关于${doc.meta.year}年度法治政府建设情况的报告` } };
      const sub = join(dir, `组${i % 5}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `${String(i).padStart(3, '0')}.docx`), await exportDocx(copy));
    }
    const walls: number[] = [];
    const lags: number[] = [];
    for (let r = 0; r < options.runs; r++) {
      options.log(`batch.check run ${r + 1}/${options.runs}`);
      let last = performance.now();
      let worst = 0;
      const probe = setInterval(() => {
        const now = performance.now();
        worst = Math.max(worst, now - last - 10);
        last = now;
      }, 10);
      const t = performance.now();
      const result = await runBatch(dir);
      const rows = deskRows(result);
      walls.push(performance.now() - t);
      clearInterval(probe);
      lags.push(worst);
      const ok = rows.filter((x) => x.status === 'ok').length;
      if (ok !== REPORTS) throw new Error(`batch.check: only ${ok} of ${REPORTS} reports were read`);
    }
    return metric('batch.check', 20_000, walls, 'ms', { stat: 'median', op: '<=', value: 10_000 },
      `${REPORTS} .docx reports of 20k characters in 5 subfolders: runBatch (capped Word-import children, one per core, each reading, checking and summarising its files; the main process only collects) to the table's rows; main event loop's longest stall per run ${lags.map((x) => Math.round(x)).join('/')} ms (median ${Math.round(median(lags))} ms)`);
  } finally {
    removeDir(dir);
  }
}
