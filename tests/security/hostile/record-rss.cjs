// A --require hook (Node, CommonJS): when the process exits, appends "<pid> <peak resident set in kB>" to
// $FZBG_RSS_LOG, so a test can hold a child process (and each worker process it starts) to a memory budget.
'use strict';
const fs = require('node:fs');

const log = process.env.FZBG_RSS_LOG;
if (log) {
  process.on('exit', () => {
    try {
      fs.appendFileSync(log, `${process.pid} ${process.resourceUsage().maxRSS}\n`);
    } catch {
      // nothing to report to
    }
  });
}
