// The shape shared by the `import` and `export` commands (Node): `<input> -o <output> [--force]`, the output
// checked (extension, not the input, not overwritten without --force), the input loaded, the output written
// atomically. Every refusal is a Chinese message on stderr and exit code 2.
import { access } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { UserFacingError } from '../../shared/ipc/contract';
import { atomicWrite } from '../services/atomicWrite';
import { loadDocumentFromFile, type LoadedDocument } from '../services/loadDocument';
import { parseArgs } from './args';
import type { CliIo } from './commands';

export interface ConversionSpec {
  synopsis: string;
  /** The output's extension, with the dot: `.fzbg`, `.docx`. */
  outputExt: string;
  /** 缺少要导入的文件。 / 缺少要导出的报告文件。 */
  missingInput: string;
  /** 输出文件不能与导入的文件相同。 */
  sameFile: string;
  /** Flags beyond --force this command takes (each with its aliases); render sees the ones given. */
  extraFlags?: string[][];
  /** The bytes or text to write for the loaded input. */
  render(loaded: LoadedDocument, flags: ReadonlySet<string>): Promise<Uint8Array | string>;
  /** What to tell the user once written. */
  report(loaded: LoadedDocument, files: { input: string; target: string }, written: Uint8Array | string, io: CliIo): void;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export async function runConversion(args: string[], io: CliIo, spec: ConversionSpec): Promise<number> {
  const { err } = io;
  const usage = `用法：npm run --silent cli -- ${spec.synopsis}\n`;
  let parsed;
  try {
    parsed = parseArgs(args, { flags: [['-f', '--force'], ...(spec.extraFlags ?? [])], options: [['-o', '--output']] });
  } catch (e) {
    err.write(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  const [input, ...extra] = parsed.positional;
  const output = parsed.options.get('--output');
  if (!input || extra.length > 0 || !output) {
    const why = !input ? spec.missingInput : extra.length > 0 ? `多余的参数：${extra.join(' ')}` : `缺少输出文件（-o <输出${spec.outputExt}>）。`;
    err.write(`${why}\n${usage}`);
    return 2;
  }
  if (!output.toLowerCase().endsWith(spec.outputExt)) {
    err.write(`输出文件应以 ${spec.outputExt} 结尾：${output}\n`);
    return 2;
  }
  const target = resolve(output);
  if (resolve(input) === target) {
    err.write(`${spec.sameFile}\n`);
    return 2;
  }
  if (!parsed.flags.has('--force') && (await exists(target))) {
    err.write(`输出文件已存在：${output}。如需覆盖，请加 --force（原文件会保留为 .bak 备份）。\n`);
    return 2;
  }
  let loaded: LoadedDocument;
  try {
    loaded = await loadDocumentFromFile(input);
  } catch (e) {
    if (e instanceof UserFacingError) {
      err.write(`出错：${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const written = await spec.render(loaded, parsed.flags);
  try {
    await atomicWrite(target, written);
  } catch (e) {
    err.write(`出错：${e instanceof UserFacingError ? e.message : `无法写入“${basename(target)}”：${String(e)}`}\n`);
    return 2;
  }
  spec.report(loaded, { input, target }, written, io);
  return 0;
}
