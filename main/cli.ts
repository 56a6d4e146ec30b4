// Command-line entry (Node): `npm run --silent cli -- <command> …`. Each command lives in main/cli/<name>.ts.
import { COMMANDS, usage } from './cli/commands';
import './cli/check';
import './cli/export';
import './cli/import';
import './cli/outline';
import './cli/reportOps';
import './cli/review';

export async function runCli(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    out.write(usage());
    return name ? 0 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    err.write(`未知命令：${name}\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, { out, err });
  } catch (e) {
    err.write(`出错：${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

const isMain = process.argv[1] !== undefined && /cli\.(ts|js|cjs|mjs)$/.test(process.argv[1]);
if (isMain) {
  // A reader that stops early (`… | head`) closes the pipe: nobody is left to tell, so end quietly, not with a trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    });
  }
  runCli(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e) => { process.stderr.write(`出错：${String(e)}\n`); process.exitCode = 2; },
  );
}
