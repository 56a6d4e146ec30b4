// `export <报告文件> -o <输出.docx>` (Node): writes a report (.fzbg, or a .txt/.docx imported on the fly) as a Word file
// in the official document format (GB/T 9704-2012). Written atomically; an existing file is replaced only with --force.
import { access } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { exportDocx } from '../../shared/docx/export';
import { UserFacingError } from '../../shared/ipc/contract';
import { atomicWrite } from '../services/atomicWrite';
import { loadDocumentFromFile } from '../services/loadDocument';
import { parseArgs } from './args';
import { registerCommand, type CliIo } from './commands';
import { formatNotes } from './import';

const SYNOPSIS = 'export <文件.fzbg|.txt|.docx> -o <输出.docx> [--force]';

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export async function runExport(args: string[], { out, err }: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(args, { flags: [['-f', '--force']], options: [['-o', '--output']] });
  } catch (e) {
    err.write(`${(e as Error).message}\n用法：npm run --silent cli -- ${SYNOPSIS}\n`);
    return 2;
  }
  const [input, ...extra] = parsed.positional;
  const output = parsed.options.get('--output');
  if (!input || extra.length > 0 || !output) {
    const why = !input ? '缺少要导出的报告文件。' : extra.length > 0 ? `多余的参数：${extra.join(' ')}` : '缺少输出文件（-o <输出.docx>）。';
    err.write(`${why}\n用法：npm run --silent cli -- ${SYNOPSIS}\n`);
    return 2;
  }
  if (!/\.docx$/i.test(output)) {
    err.write(`输出文件应以 .docx 结尾：${output}\n`);
    return 2;
  }
  const target = resolve(output);
  if (resolve(input) === target) {
    err.write('输出文件不能与报告文件相同。\n');
    return 2;
  }
  if (!parsed.flags.has('--force') && (await exists(target))) {
    err.write(`输出文件已存在：${output}。如需覆盖，请加 --force（原文件会保留为 .bak 备份）。\n`);
    return 2;
  }
  let loaded;
  try {
    loaded = await loadDocumentFromFile(input);
  } catch (e) {
    if (e instanceof UserFacingError) {
      err.write(`出错：${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const { doc, notes, kind } = loaded;
  const bytes = await exportDocx(doc);
  try {
    await atomicWrite(target, bytes);
  } catch (e) {
    err.write(`出错：${e instanceof UserFacingError ? e.message : `无法写入“${basename(target)}”：${String(e)}`}\n`);
    return 2;
  }
  if (kind !== 'fzbg' && notes.length > 0) err.write(formatNotes(notes));
  out.write(`已导出“${basename(target)}”（${doc.meta.title || '无标题'}，${(bytes.length / 1024).toFixed(0)} KB）。\n`);
  return 0;
}

registerCommand({ name: 'export', synopsis: SYNOPSIS, summary: '导出为公文格式（GB/T 9704）的 Word 文件', run: runExport });
