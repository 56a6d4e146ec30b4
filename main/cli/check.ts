// `check <文件夹|文件…> [--previous <上年文件夹>] [--xlsx <汇总.xlsx>] [--json] [--template <编号>]` (Node): runs the
// compliance checker over reports (.fzbg, .txt, .docx) for reviewers. Files: a readable Chinese report per file and,
// for several, a summary table. A folder (read recursively) or --previous/--xlsx: the reviewer's desk table (one
// line per report, compared with last year's folder) and the workbook. Shared with the packaged app's `--check`.
// Exit 0: no errors; 1: some file has errors; 2: a file could not be read (the others are still checked) or the
// arguments are wrong.
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CATEGORY_LABELS, SEVERITY_LABELS, type Finding } from '../../shared/check/types';
import { placeholder, templateHint } from '../../shared/check/rules/figures';
import { metaFields } from '../../shared/check/rules/structure';
import { UserFacingError, type ImportNote } from '../../shared/ipc/contract';
import { sequenceMarkers } from '../../shared/model/numbering';
import { type MandatedPartId, type ReportDocument, type RuleSettings, type Severity } from '../../shared/model/schema';
import { Template } from '../../shared/model/template';
import { PART_NAMES, requiredPartIds } from '../../shared/model/parts';
import { findingPlace, placesOf, type Places } from '../../shared/desk/place';
import { DEADLINE_TEXT, deskTotals, PART_MARK_TEXT, PART_SHORT, percent, type DeskRow } from '../../shared/desk/rows';
import { DESK_PARTS, SAFETY_KINDS } from '../../shared/desk/summary';
import { deskRows, isChecked, runBatch, type BatchResult } from '../services/batch';
import { collectReportFiles, type BatchFile } from '../services/batchFiles';
import { writeWorkbook } from '../services/batchXlsx';
import { BUILTIN_PATTERNS } from '../../shared/check/rules/formulations';
import { templatePatternProblems } from '../../shared/check/userPattern';
import { parseArgs } from './args';
import { registerCommand, type CliIo } from './commands';

const SYNOPSIS = 'check <文件夹|文件…> [--previous <上年文件夹>] [--xlsx <汇总.xlsx>] [--json] [--template <编号>]';

/** Folder of the built-in templates (the repository's templates/builtin). */
export const BUILTIN_TEMPLATES_DIR = join(__dirname, '..', '..', 'templates', 'builtin');

export interface FileReport {
  file: string;
  title: string;
  year: number;
  parts: string[];
  /** Parts present whose content is only template text. */
  unfilled: string[];
  findings: Array<Pick<Finding, 'rule' | 'category' | 'severity' | 'message' | 'text' | 'path' | 'start' | 'end'> & { fix: string | null }>;
}

/** Reads a template's rule settings: a built-in template id, or the path of a template .json file. */
export async function loadTemplateRules(idOrPath: string, builtinDir = BUILTIN_TEMPLATES_DIR): Promise<{ name: string; rules: RuleSettings }> {
  const isPath = /[\\/]|\.json$/i.test(idOrPath);
  if (!isPath && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(idOrPath)) throw new UserFacingError('template-invalid', `模板编号“${idOrPath}”无效：只能包含小写字母、数字和连字符。`);
  const path = isPath ? idOrPath : join(builtinDir, `${idOrPath}.json`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UserFacingError('template-missing', isPath ? `找不到模板文件“${idOrPath}”。` : `找不到内置模板“${idOrPath}”（应在 templates/builtin/${idOrPath}.json）。`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UserFacingError('template-invalid', `模板“${idOrPath}”不是有效的 JSON 文件。`);
  }
  const parsed = Template.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserFacingError('template-invalid', `模板“${idOrPath}”的内容不符合模板格式${issue ? `（位置：${issue.path.join('.')}）` : ''}。`);
  }
  return { name: parsed.data.name, rules: parsed.data.rules };
}

function toReport(file: string, doc: ReportDocument, findings: readonly Finding[], present: string[], unfilled: string[]): FileReport {
  return {
    file,
    title: doc.meta.title,
    year: doc.meta.year,
    parts: present,
    unfilled,
    findings: findings.map((f) => ({
      rule: f.rule, category: f.category, severity: f.severity, message: f.message, text: f.text,
      path: f.path, start: f.start, end: f.end, fix: f.fix ?? null,
    })),
  };
}

function clip(text: string, max = 30): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > max ? t.slice(0, max) + '……' : t;
}

const ORDER: Severity[] = ['error', 'warning', 'info'];

/** The mark of a mandated part in the report: ✓ written, ○ only template text (未填写), ✗ missing. */
function partMark(id: MandatedPartId, present: readonly string[], unfilled: readonly string[]): string {
  if (unfilled.includes(id)) return `○${PART_NAMES[id]}（未填写）`;
  return `${present.includes(id) ? '✓' : '✗'}${PART_NAMES[id]}`;
}

/** Every placeholder and writing hint left, listed apart so that a fresh template shows all it still needs. */
function templateTextLines(doc: ReportDocument, findings: readonly Finding[], markers: readonly string[], places: Places): string[] {
  const left = findings.filter((f) => f.rule === placeholder.id || f.rule === templateHint.id || (f.rule === metaFields.id && f.severity === 'error' && /【/.test(f.text)));
  if (left.length === 0) return [];
  const hints = left.filter((f) => f.rule === templateHint.id).length;
  const lines = ['', `【模板文字】占位符 ${left.length - hints} 处，写作提示 ${hints} 处，均须改为实际内容：`];
  left.forEach((f, k) => lines.push(`  ${k + 1}. ${f.path.length === 0 ? '报告信息' : findingPlace(doc, f, markers, places)}：${f.rule === templateHint.id ? '写作提示' : '占位符'}“${clip(f.text, 40)}”`));
  return lines;
}

/**
 * Writes the readable report of one file through `write`, a few thousand lines at a time (a 200,000-paragraph file
 * has as many findings: the report is never held whole in memory). The pieces joined are the whole report.
 */
export function writeFileReport(write: (chunk: string) => void, file: string, doc: ReportDocument, findings: readonly Finding[], present: readonly string[], notes: readonly ImportNote[], templateName?: string, ignored = 0, unfilled: readonly string[] = []): void {
  const markers = sequenceMarkers(doc.body);
  const places = placesOf(doc);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  let lines: string[] = [
    `━━ ${file}`,
    `标题：${doc.meta.title || '（未识别）'}`,
    `机关：${doc.meta.organ || '（未识别）'}　年度：${doc.meta.year}　成文日期：${doc.meta.date || '（未填）'}${templateName ? `　模板：${templateName}` : ''}`,
    `法定内容：${requiredPartIds().map((id) => partMark(id, present, unfilled)).join('　')}`,
  ];
  const noteLines = notes.filter((n) => n.severity === 'warning');
  for (const n of noteLines) lines.push(`导入注意：${n.message}`);
  lines.push(`检查结果：错误 ${counts.error} 处，提醒 ${counts.warning} 处，提示 ${counts.info} 处${ignored ? `（另有 ${ignored} 处已在文档中标为忽略）` : ''}`);
  lines.push(...templateTextLines(doc, findings, markers, places));
  for (const sev of ORDER) {
    const list = findings.filter((f) => f.severity === sev);
    if (list.length === 0) continue;
    lines.push('', `【${SEVERITY_LABELS[sev]}】${list.length} 处`);
    list.forEach((f, k) => {
      lines.push(`  ${k + 1}. [${CATEGORY_LABELS[f.category]}] ${findingPlace(doc, f, markers, places)}：${f.message}`);
      if (f.text && f.path.length > 0) {
        const fix = f.fix !== undefined ? `　→　${f.fix === '' ? '（删除）' : `“${clip(f.fix, 40)}”`}` : '';
        lines.push(`     原文：“${clip(f.text, 40)}”${fix}`);
      }
      if (lines.length >= 4000) flush();
    });
  }
  lines.push('');
  flush();

  function flush(): void {
    write(lines.join('\n') + '\n');
    lines = [];
  }
}

/** Display width in a terminal: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}
function fit(s: string, w: number): string {
  if (width(s) <= w) return s;
  let out = '';
  for (const ch of s) { if (width(out + ch) > w - 2) break; out += ch; }
  return out + '…';
}

export function formatSummary(rows: Array<{ file: string; title: string; year: number | null; counts: Record<Severity, number> | null; missing: string[]; failed?: string }>): string {
  const header = ['文件', '标题', '年度', '错误', '提醒', '提示', '缺少的法定内容'];
  // File names alone when they tell the files apart (a team lead checks one folder of thirty reports).
  const names = rows.map((r) => basename(r.file));
  const shown = new Set(names).size === names.length ? names : rows.map((r) => r.file);
  const table = rows.map((r, i) => r.failed
    ? [fit(shown[i]!, 32), '（无法读取）', '', '', '', '', fit(r.failed, 30)]
    : [fit(shown[i]!, 32), fit(r.title || '（未识别）', 36), String(r.year ?? ''), String(r.counts!.error), String(r.counts!.warning), String(r.counts!.info), r.missing.length ? r.missing.map((id) => PART_NAMES[id as keyof typeof PART_NAMES] ?? id).join('、') : '—']);
  const widths = header.map((h, c) => Math.max(width(h), ...table.map((row) => width(row[c]!))));
  const line = (cells: string[]): string => cells.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd();
  const withErrors = rows.filter((r) => r.counts && r.counts.error > 0).length;
  const failed = rows.filter((r) => r.failed).length;
  return [
    `━━ 汇总：共 ${rows.length} 份报告，${withErrors} 份有错误${failed ? `，${failed} 份无法读取` : ''}`,
    line(header),
    line(widths.map((w) => '─'.repeat(w))),
    ...table.map(line),
    '',
  ].join('\n');
}

/** The desk table of a folder check: one line per file, the columns of the reviewer's summary sheet in short. */
function formatDeskTable(rows: readonly DeskRow[], comparing: boolean): string {
  const header = ['文件', '机关', '年度', '成文日期', '期限', ...DESK_PARTS.map((id) => PART_SHORT[id]), '错误', '提醒', '占位符', '无数据小节', '公开安全', '字数', ...(comparing ? ['沿用上年'] : [])];
  const table = rows.map((r) => {
    if (r.status === 'failed') return [fit(r.key, 36), '（无法读取）', fit(r.reason, 60)];
    const s = r.summary;
    const safety = SAFETY_KINDS.filter((k) => s.safety[k] > 0).map((k) => `${SAFETY_LABELS[k]}${s.safety[k]}`).join(' ') || '—';
    return [
      fit(r.key, 36), fit(s.organ || '（未识别）', 24), String(s.year), s.date || '（未填）', DEADLINE_TEXT[s.deadline.status],
      ...DESK_PARTS.map((id) => PART_MARK_TEXT[s.parts[id]]),
      String(s.errors), String(s.warnings), String(s.placeholders), String(s.subPartsWithoutFigure), safety, String(s.chars),
      ...(comparing ? [r.previous ? `${percent(r.previous.copiedShare)}（${fit(r.previous.key, 24)}）` : '（无上年报告）'] : []),
    ];
  });
  const widths = header.map((h, c) => Math.max(width(h), ...table.map((row) => (row.length === header.length ? width(row[c]!) : 0))));
  const line = (cells: string[]): string => cells.map((c, i) => (cells.length === header.length || i < 2 ? pad(c, widths[i]!) : c)).join('  ').trimEnd();
  const t = deskTotals(rows);
  const head = `━━ 汇总：共 ${t.reports} 份，${t.withErrors} 份有错误，${t.withSafety} 份有公开发布安全问题，${t.late} 份逾期` +
    (comparing ? `，${t.copied} 份大量沿用上年文字` : '') + (t.failed ? `，${t.failed} 份无法读取` : '');
  return [head, line(header), line(widths.map((w) => '─'.repeat(w))), ...table.map(line), ''].join('\n');
}

const SAFETY_LABELS = { idNumber: '身份证号', mobile: '手机号', secrecy: '涉密标识', email: '邮箱' } as const;

/** The files to check: each argument a file, or a folder read recursively (its files keyed relative to it). */
async function inputsOf(paths: readonly string[]): Promise<{ files: BatchFile[]; folders: string[] }> {
  const files: BatchFile[] = [];
  const folders: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (info?.isDirectory()) {
      folders.push(p);
      const inside = await collectReportFiles(p);
      for (const f of inside) files.push(paths.length > 1 ? { ...f, key: `${p.replace(/[\\/]+$/, '')}/${f.key}` } : f);
    } else {
      files.push({ path: p, key: p, size: info?.size ?? 0 });
    }
  }
  return { files, folders };
}

export async function runCheck(args: string[], { out, err }: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(args, { flags: [['--json']], options: [['-t', '--template'], ['--previous'], ['--xlsx']] });
  } catch (e) {
    err.write(`${(e as Error).message}\n用法：npm run --silent cli -- ${SYNOPSIS}\n`);
    return 2;
  }
  if (parsed.positional.length === 0) {
    err.write(`缺少要检查的文件或文件夹。\n用法：npm run --silent cli -- ${SYNOPSIS}\n`);
    return 2;
  }
  const json = parsed.flags.has('--json');
  const previous = parsed.options.get('--previous');
  const xlsx = parsed.options.get('--xlsx');
  let template: { name: string; rules: RuleSettings } | undefined;
  const templateArg = parsed.options.get('--template');
  let inputs;
  try {
    if (templateArg) template = await loadTemplateRules(templateArg);
    inputs = await inputsOf(parsed.positional);
  } catch (e) {
    err.write(`出错：${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  // Patterns the linear-time engine cannot run are skipped by the checker; say which, and why, once.
  if (template) for (const problem of templatePatternProblems(template.rules, template.name, BUILTIN_PATTERNS)) err.write(`注意：${problem}\n`);
  const deskMode = inputs.folders.length > 0 || previous !== undefined || xlsx !== undefined;
  const tty = (err as { isTTY?: boolean }).isTTY === true;
  let result: BatchResult;
  try {
    result = await runBatch({ folder: inputs.folders[0] ?? '.', files: inputs.files }, {
      previous,
      rules: template?.rules,
      onProgress: tty && deskMode ? (p) => p.total > 0 && err.write(`\r${p.phase === 'previous' ? '读取上年报告' : '检查'} ${p.done}/${p.total}${p.done === p.total ? '\n' : ''}`) : undefined,
    });
  } catch (e) {
    err.write(`出错：${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  let anyError = false;
  let anyUnreadable = false;
  const reports: FileReport[] = [];
  const rows: Parameters<typeof formatSummary>[0] = [];
  for (const e of result.entries) {
    if (!isChecked(e)) {
      err.write(`出错：${e.failed}\n`);
      anyUnreadable = true;
      rows.push({ file: e.file.key, title: '', year: null, counts: null, missing: [], failed: e.failed });
      continue;
    }
    const counts = { error: e.summary.errors, warning: e.summary.warnings, info: e.summary.infos };
    if (counts.error > 0) anyError = true;
    reports.push(toReport(e.file.key, e.doc, e.result.findings, e.parts.present, e.result.unfilledParts));
    rows.push({ file: e.file.key, title: e.doc.meta.title, year: e.doc.meta.year, counts, missing: e.parts.missing });
    if (!json && !deskMode) writeFileReport((chunk) => out.write(chunk), e.file.key, e.doc, e.result.findings, e.parts.present, e.notes, template?.name, e.result.ignored.length, e.result.unfilledParts);
  }
  for (const f of result.lastYear?.failed ?? []) err.write(`上年报告无法读取：${f.reason}\n`);
  if (json) out.write(JSON.stringify(deskMode ? deskRows(result) : reports, null, 1) + '\n');
  else if (deskMode) out.write(formatDeskTable(deskRows(result), previous !== undefined));
  else if (rows.length > 1) out.write(formatSummary(rows));
  if (xlsx) {
    try {
      await writeWorkbook(result, xlsx);
      err.write(`已写出汇总表：${xlsx}\n`);
    } catch (e) {
      err.write(`出错：汇总表未能写出：${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
  }
  return anyUnreadable ? 2 : anyError ? 1 : 0;
}

/**
 * The packaged app's command line (`法治年报助手 --check <文件夹> --xlsx 汇总.xlsx`): the arguments after `--check`,
 * or null when the app was started normally. main/main.ts runs them through runCheck with no window.
 */
export function appCheckArgs(argv: readonly string[]): string[] | null {
  const i = argv.indexOf('--check');
  return i < 0 ? null : argv.slice(i + 1);
}

registerCommand({
  name: 'check',
  synopsis: SYNOPSIS,
  summary: '检查报告的结构、标点、数字、表述等问题；给文件夹时逐个检查其中（含子文件夹）的报告并列出汇总表（--previous 与上年报告比较，--xlsx 写出汇总工作簿，--json 输出 JSON，--template 套用模板的检查设置）',
  run: runCheck,
});
