// CLI commands over the template operations and the diff (Node): `new` (a report from a template), `next-year`
// (next year's draft from last year's report) and `compare` (what changed between two reports).
import { readFile, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { UserFacingError } from '../../shared/ipc/contract';
import { diffDocuments } from '../../shared/model/diff';
import { serializeDocument } from '../../shared/model/format';
import { blockText, type ReportDocument } from '../../shared/model/schema';
import { Template } from '../../shared/model/template';
import { createReportFromTemplate, newFromPreviousYear } from '../../shared/model/templateOps';
import { atomicWrite } from '../services/atomicWrite';
import { loadDocumentFromFile } from '../services/loadDocument';
import { parseArgs } from './args';
import { registerCommand, type CliIo } from './commands';

const BUILTIN_DIR = join(__dirname, '..', '..', 'templates', 'builtin');

const NEW_SYNOPSIS = 'new <模板编号|模板.json> --organ <机关> --year <年度> -o <文件.fzbg>';
const NEXT_SYNOPSIS = 'next-year <上一年度报告> -o <文件.fzbg> [--force]';
const COMPARE_SYNOPSIS = 'compare <旧报告> <新报告>';

async function readTemplate(idOrPath: string): Promise<Template> {
  const isPath = /[\\/]|\.json$/i.test(idOrPath);
  if (!isPath && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(idOrPath)) throw new UserFacingError('template-invalid', `模板编号“${idOrPath}”无效。`);
  const file = isPath ? idOrPath : join(BUILTIN_DIR, `${idOrPath}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new UserFacingError('template-missing', e instanceof SyntaxError ? `模板“${idOrPath}”不是有效的 JSON 文件。` : `找不到模板“${idOrPath}”。`);
  }
  const parsed = Template.safeParse(raw);
  if (!parsed.success) throw new UserFacingError('template-invalid', `模板“${idOrPath}”的内容不符合模板格式。`);
  return parsed.data;
}

async function writeReport(output: string, doc: ReportDocument, force: boolean): Promise<string> {
  if (!/\.fzbg$/i.test(output)) throw new UserFacingError('cli-output', `输出文件应以 .fzbg 结尾：${output}`);
  const target = resolve(output);
  const exists = await stat(target).then(() => true, () => false);
  if (exists && !force) throw new UserFacingError('cli-output', `输出文件已存在：${output}。如需覆盖，请加 --force（原文件会保留为 .bak 备份）。`);
  await atomicWrite(target, serializeDocument(doc));
  return target;
}

async function guarded(io: CliIo, synopsis: string, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof UserFacingError || (e instanceof Error && /^(未知选项|选项 )/.test(e.message))) {
      io.err.write(`出错：${e.message}\n用法：npm run --silent cli -- ${synopsis}\n`);
      return 2;
    }
    throw e;
  }
}

registerCommand({
  name: 'new',
  synopsis: NEW_SYNOPSIS,
  summary: '按模板新建报告（标题、年度和机关名称自动填好）',
  run: (args, io) =>
    guarded(io, NEW_SYNOPSIS, async () => {
      const parsed = parseArgs(args, { flags: [['--force']], options: [['--organ'], ['--year'], ['-o', '--output'], ['--addressee']] });
      const [template] = parsed.positional;
      const organ = parsed.options.get('--organ');
      const year = Number(parsed.options.get('--year'));
      const output = parsed.options.get('--output');
      if (!template || !organ || !output || !Number.isInteger(year) || year < 1990 || year > 2200) {
        throw new UserFacingError('cli-args', '请给出模板、--organ 机关名称、--year 报告年度（如 2025）和 -o 输出文件。');
      }
      const doc = createReportFromTemplate(await readTemplate(template), { id: randomUUID(), organ, year, addressee: parsed.options.get('--addressee') });
      const target = await writeReport(output, doc, parsed.flags.has('--force'));
      io.out.write(`已新建“${doc.meta.title}”，保存为“${basename(target)}”。\n`);
      return 0;
    }),
});

registerCommand({
  name: 'next-year',
  synopsis: NEXT_SYNOPSIS,
  summary: '基于上一年度报告新建：年份顺延，所有数字标为待核实',
  run: (args, io) =>
    guarded(io, NEXT_SYNOPSIS, async () => {
      const parsed = parseArgs(args, { flags: [['--force']], options: [['-o', '--output']] });
      const [input] = parsed.positional;
      const output = parsed.options.get('--output');
      if (!input || !output) throw new UserFacingError('cli-args', '请给出上一年度报告和 -o 输出文件。');
      if (resolve(input) === resolve(output)) throw new UserFacingError('cli-args', '输出文件不能与上一年度报告相同。');
      const { doc: previous } = await loadDocumentFromFile(input);
      const next = newFromPreviousYear(previous, { id: randomUUID() });
      const target = await writeReport(output, next, parsed.flags.has('--force'));
      const stale = next.body.reduce((n, b) => n + (b.type === 'table' ? b.children.flatMap((r) => r.children.flatMap((c) => c.children)) : b.children).filter((l) => l.stale).length, 0);
      io.out.write(`已新建“${next.meta.title}”（${next.meta.year} 年度），保存为“${basename(target)}”。\n共 ${stale} 处数字沿用上一年度，已标为待核实，请逐一确认或修改。\n`);
      return 0;
    }),
});

registerCommand({
  name: 'compare',
  synopsis: COMPARE_SYNOPSIS,
  summary: '比较两份报告，列出增加和删除的文字',
  run: (args, io) =>
    guarded(io, COMPARE_SYNOPSIS, async () => {
      const { positional } = parseArgs(args, {});
      const [a, b] = positional;
      if (!a || !b) throw new UserFacingError('cli-args', '请给出两份报告。');
      const d = diffDocuments((await loadDocumentFromFile(a)).doc, (await loadDocumentFromFile(b)).doc);
      const lines: string[] = [];
      for (const block of d.blocks) {
        if (block.kind === 'added') lines.push(`+ ${blockText(block.block)}`);
        else if (block.kind === 'removed') lines.push(`- ${blockText(block.block)}`);
        else if (block.kind === 'changed') {
          lines.push(`~ ${block.segments.map((s) => (s.kind === 'added' ? `[+${s.text}+]` : s.kind === 'removed' ? `[-${s.text}-]` : s.text)).join('')}`);
        }
      }
      if (d.metaChanged) lines.unshift('（标题、机关、日期等信息有改动）');
      lines.push(lines.length === 0 ? '两份报告的正文相同。' : `共增加 ${d.added} 字，删除 ${d.removed} 字。`);
      io.out.write(lines.join('\n') + '\n');
      return 0;
    }),
});
