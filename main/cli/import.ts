// `import <文件.txt> -o <输出.fzbg>` (Node): imports a published report (web-page copy or .txt, .docx once the Word
// import lands) into a .fzbg document. The output is written atomically and an existing file is only replaced
// with --force.
import { access } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { UserFacingError, type ImportNote } from '../../shared/ipc/contract';
import { serializeDocument } from '../../shared/model/format';
import { atomicWrite } from '../services/atomicWrite';
import { loadDocumentFromFile } from '../services/loadDocument';
import { parseArgs } from './args';
import { registerCommand, type CliIo } from './commands';

const SYNOPSIS = 'import <文件.txt> -o <输出.fzbg> [--force]';

export function formatNotes(notes: readonly ImportNote[]): string {
  return notes.map((n) => `${n.severity === 'warning' ? '注意' : '提示'}：${n.message}\n`).join('');
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export async function runImport(args: string[], { out, err }: CliIo): Promise<number> {
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
    const why = !input ? '缺少要导入的文件。' : extra.length > 0 ? `多余的参数：${extra.join(' ')}` : '缺少输出文件（-o <输出.fzbg>）。';
    err.write(`${why}\n用法：npm run --silent cli -- ${SYNOPSIS}\n`);
    return 2;
  }
  if (!/\.fzbg$/i.test(output)) {
    err.write(`输出文件应以 .fzbg 结尾：${output}\n`);
    return 2;
  }
  const target = resolve(output);
  if (resolve(input) === target) {
    err.write('输出文件不能与导入的文件相同。\n');
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
  const { doc, notes } = loaded;
  try {
    await atomicWrite(target, serializeDocument(doc));
  } catch (e) {
    err.write(`出错：${e instanceof UserFacingError ? e.message : `无法写入“${basename(target)}”：${String(e)}`}\n`);
    return 2;
  }
  const headings = doc.body.filter((b) => b.type === 'heading');
  const paragraphs = doc.body.filter((b) => b.type === 'paragraph').length;
  out.write(
    [
      `已导入“${basename(input)}”，保存为“${basename(target)}”。`,
      `标题：${doc.meta.title || '（未识别）'}`,
      `机关：${doc.meta.organ || '（未识别）'}　年度：${doc.meta.year}　成文日期：${doc.meta.date || '（未识别）'}`,
      `结构：${headings.filter((h) => h.type === 'heading' && h.level === 1).length} 个部分，共 ${headings.length} 个标题、${paragraphs} 个段落`,
      '',
    ].join('\n'),
  );
  out.write(formatNotes(notes));
  return 0;
}

registerCommand({ name: 'import', synopsis: SYNOPSIS, summary: '把网页复制的报告或 .txt 导入为 .fzbg 报告文件', run: runImport });
