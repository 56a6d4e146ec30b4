// `review <报告.fzbg> <退回的.docx> -o <合并后.fzbg>` (Node): brings a reviewer's comments and tracked changes from the
// Word file they returned into the report as review items (in the capped child), says how many were placed, and lists
// the ones that could not be placed. Written atomically; an existing output is replaced only with --force.
import { access, readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { reviewSummaryText } from '../../shared/docx/review/importReview';
import { UserFacingError } from '../../shared/ipc/contract';
import { serializeDocument } from '../../shared/model/format';
import { REVIEW_KIND_LABELS } from '../../shared/model/review';
import { atomicWrite } from '../services/atomicWrite';
import { loadDocumentFromFile } from '../services/loadDocument';
import { importReviewInWorker } from '../services/reviewImport';
import { parseArgs } from './args';
import { registerCommand, type CliIo } from './commands';

const SYNOPSIS = 'review <报告.fzbg> <退回的.docx> -o <合并后.fzbg> [--force]';

const clip = (s: string, n: number): string => (s.length > n ? s.slice(0, n) + '…' : s);

export async function runReview(args: string[], { out, err }: CliIo): Promise<number> {
  const usage = `用法：npm run --silent cli -- ${SYNOPSIS}\n`;
  let parsed;
  try {
    parsed = parseArgs(args, { flags: [['-f', '--force']], options: [['-o', '--output']] });
  } catch (e) {
    err.write(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  const [draft, returned, ...extra] = parsed.positional;
  const output = parsed.options.get('--output');
  if (!draft || !returned || extra.length > 0 || !output) {
    err.write(`${!draft ? '缺少报告文件。' : !returned ? '缺少审阅人退回的 Word 文件。' : extra.length > 0 ? `多余的参数：${extra.join(' ')}` : '缺少输出文件（-o <合并后.fzbg>）。'}\n${usage}`);
    return 2;
  }
  if (!draft.toLowerCase().endsWith('.fzbg')) { err.write(`报告文件应为 .fzbg：${draft}\n`); return 2; }
  if (!returned.toLowerCase().endsWith('.docx')) { err.write(`审阅人退回的文件应为 .docx：${returned}\n`); return 2; }
  if (!output.toLowerCase().endsWith('.fzbg')) { err.write(`输出文件应以 .fzbg 结尾：${output}\n`); return 2; }
  const target = resolve(output);
  if (target === resolve(returned)) { err.write('输出文件不能与退回的文件相同。\n'); return 2; }
  if (!parsed.flags.has('--force') && (await access(target).then(() => true, () => false))) {
    err.write(`输出文件已存在：${output}。如需覆盖，请加 --force（原文件会保留为 .bak 备份）。\n`);
    return 2;
  }
  try {
    const { doc } = await loadDocumentFromFile(draft);
    const bytes = new Uint8Array(await readFile(returned));
    const result = await importReviewInWorker(doc, bytes, basename(returned));
    await atomicWrite(target, serializeDocument(result.doc));
    out.write(`${reviewSummaryText(result.summary)}\n已保存为“${basename(target)}”。\n`);
    const unplaced = result.added.filter((i) => !i.anchor);
    if (unplaced.length > 0) {
      out.write('未能定位的意见：\n');
      unplaced.forEach((i, k) => {
        const what = i.kind === 'comment' ? `“${clip(i.text, 40)}”` : `“${clip(i.text || i.quote, 40)}”`;
        out.write(`  ${k + 1}. [${REVIEW_KIND_LABELS[i.kind]}] ${i.author || '（未署名）'}：${what}（${i.unplacedReason ?? '无法定位'}）\n`);
      });
    }
    return 0;
  } catch (e) {
    if (e instanceof UserFacingError) {
      err.write(`出错：${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

registerCommand({ name: 'review', synopsis: SYNOPSIS, summary: '把审阅人在 Word 中退回的批注和修订合并进报告（.fzbg）', run: runReview });
