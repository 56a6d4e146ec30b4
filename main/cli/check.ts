// `check <文件…> [--json] [--template <编号>]` (Node): runs the compliance checker over reports (.fzbg, .txt, and .docx
// Word) for reviewers: a readable Chinese report per file and, for several files, a summary
// table; or JSON for scripts. Exit 0: no errors; 1: some file has errors; 2: a file could not be read (the others
// are still checked) or the arguments are wrong.
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createChecker } from '../../shared/check/engine';
import { CATEGORY_LABELS, SEVERITY_LABELS, type Finding } from '../../shared/check/types';
import { placeholder, templateHint } from '../../shared/check/rules/figures';
import { metaFields } from '../../shared/check/rules/structure';
import { UserFacingError, type ImportNote } from '../../shared/ipc/contract';
import { sequenceMarkers } from '../../shared/model/numbering';
import { blockText, type MandatedPartId, type ReportDocument, type RuleSettings, type Severity } from '../../shared/model/schema';
import { Template } from '../../shared/model/template';
import { PART_NAMES, recognizeMandatedParts } from '../../shared/outline/parts';
import type { WrittenMarkerInfo } from '../../shared/check/types';
import { loadDocumentFromFile } from '../services/loadDocument';
import { parseArgs } from './args';
import { registerCommand, type CliIo } from './commands';

const SYNOPSIS = 'check <文件…> [--json] [--template <编号>]';

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

/** Where a finding is, in words an officer understands: 标题, 第N段 under its heading, 全文. */
function place(doc: ReportDocument, f: Finding, markers: readonly string[]): string {
  if (f.onTitle) return '标题';
  if (f.path.length === 0) return '全文';
  const i = f.path[0]!;
  const block = doc.body[i];
  if (!block) return '';
  if (block.type === 'heading') return `标题“${markers[i] ?? ''}${clip(blockText(block), 20)}”`;
  let k = i;
  while (k >= 0 && doc.body[k]!.type !== 'heading') k--;
  const head = k >= 0 ? `“${markers[k] ?? ''}${clip(blockText(doc.body[k]!), 16)}”下` : '正文';
  let n = 0;
  for (let j = k + 1; j <= i; j++) if (doc.body[j]!.type !== 'heading') n++;
  const cell = f.path.length === 3 ? `表格第${f.path[1]! + 1}行第${f.path[2]! + 1}列` : '';
  return `${head}第${n}段${cell}`;
}

const ORDER: Severity[] = ['error', 'warning', 'info'];

/** The mark of a mandated part in the report: ✓ written, ○ only template text (未填写), ✗ missing. */
function partMark(id: MandatedPartId, present: readonly string[], unfilled: readonly string[]): string {
  if (unfilled.includes(id)) return `○${PART_NAMES[id]}（未填写）`;
  return `${present.includes(id) ? '✓' : '✗'}${PART_NAMES[id]}`;
}

/** Every placeholder and writing hint left, listed apart so that a fresh template shows all it still needs. */
function templateTextLines(doc: ReportDocument, findings: readonly Finding[], markers: readonly string[]): string[] {
  const left = findings.filter((f) => f.rule === placeholder.id || f.rule === templateHint.id || (f.rule === metaFields.id && f.severity === 'error' && /【/.test(f.text)));
  if (left.length === 0) return [];
  const hints = left.filter((f) => f.rule === templateHint.id).length;
  const lines = ['', `【模板文字】占位符 ${left.length - hints} 处，写作提示 ${hints} 处，均须改为实际内容：`];
  left.forEach((f, k) => lines.push(`  ${k + 1}. ${f.path.length === 0 ? '报告信息' : place(doc, f, markers)}：${f.rule === templateHint.id ? '写作提示' : '占位符'}“${clip(f.text, 40)}”`));
  return lines;
}

export function formatFileReport(file: string, doc: ReportDocument, findings: readonly Finding[], present: readonly string[], notes: readonly ImportNote[], templateName?: string, ignored = 0, unfilled: readonly string[] = []): string {
  const markers = sequenceMarkers(doc.body);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const lines: string[] = [
    `━━ ${file}`,
    `标题：${doc.meta.title || '（未识别）'}`,
    `机关：${doc.meta.organ || '（未识别）'}　年度：${doc.meta.year}　成文日期：${doc.meta.date || '（未填）'}${templateName ? `　模板：${templateName}` : ''}`,
    `法定内容：${(['achievements', 'shortcomings', 'leadership', 'plans'] as const).map((id) => partMark(id, present, unfilled)).join('　')}`,
  ];
  const noteLines = notes.filter((n) => n.severity === 'warning');
  for (const n of noteLines) lines.push(`导入注意：${n.message}`);
  lines.push(`检查结果：错误 ${counts.error} 处，提醒 ${counts.warning} 处，提示 ${counts.info} 处${ignored ? `（另有 ${ignored} 处已在文档中标为忽略）` : ''}`);
  lines.push(...templateTextLines(doc, findings, markers));
  for (const sev of ORDER) {
    const list = findings.filter((f) => f.severity === sev);
    if (list.length === 0) continue;
    lines.push('', `【${SEVERITY_LABELS[sev]}】${list.length} 处`);
    list.forEach((f, k) => {
      lines.push(`  ${k + 1}. [${CATEGORY_LABELS[f.category]}] ${place(doc, f, markers)}：${f.message}`);
      if (f.text && f.path.length > 0) {
        const fix = f.fix !== undefined ? `　→　${f.fix === '' ? '（删除）' : `“${clip(f.fix, 40)}”`}` : '';
        lines.push(`     原文：“${clip(f.text, 40)}”${fix}`);
      }
    });
  }
  lines.push('');
  return lines.join('\n');
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

export async function runCheck(args: string[], { out, err }: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(args, { flags: [['--json']], options: [['-t', '--template']] });
  } catch (e) {
    err.write(`${(e as Error).message}\n用法：npm run --silent cli -- ${SYNOPSIS}\n`);
    return 2;
  }
  const files = parsed.positional;
  if (files.length === 0) {
    err.write(`缺少要检查的文件。\n用法：npm run --silent cli -- ${SYNOPSIS}\n`);
    return 2;
  }
  const json = parsed.flags.has('--json');
  let template: { name: string; rules: RuleSettings } | undefined;
  const templateArg = parsed.options.get('--template');
  if (templateArg) {
    try {
      template = await loadTemplateRules(templateArg);
    } catch (e) {
      err.write(`出错：${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
  }

  const checker = createChecker();
  const reports: FileReport[] = [];
  const rows: Parameters<typeof formatSummary>[0] = [];
  let anyError = false;
  let anyUnreadable = false;
  for (const file of files) {
    let loaded;
    try {
      loaded = await loadDocumentFromFile(file);
    } catch (e) {
      const message = e instanceof UserFacingError ? e.message : `无法读取“${basename(file)}”：${e instanceof Error ? e.message : String(e)}`;
      err.write(`出错：${message}\n`);
      anyUnreadable = true;
      rows.push({ file, title: '', year: null, counts: null, missing: [], failed: message });
      continue;
    }
    const doc: ReportDocument = template ? { ...loaded.doc, rules: template.rules } : loaded.doc;
    // The importer's record of the markers as written, when the loader passes it on.
    const writtenMarkers = (loaded as { markers?: WrittenMarkerInfo[] }).markers;
    const result = checker.check(doc, writtenMarkers ? { writtenMarkers } : {});
    const parts = recognizeMandatedParts(doc);
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of result.findings) counts[f.severity]++;
    if (counts.error > 0) anyError = true;
    reports.push(toReport(file, doc, result.findings, parts.present, result.unfilledParts));
    rows.push({ file, title: doc.meta.title, year: doc.meta.year, counts, missing: parts.missing });
    if (!json) out.write(formatFileReport(file, doc, result.findings, parts.present, loaded.notes, template?.name, result.ignored.length, result.unfilledParts) + '\n');
  }
  if (json) out.write(JSON.stringify(reports, null, 1) + '\n');
  else if (files.length > 1) out.write(formatSummary(rows));
  return anyUnreadable ? 2 : anyError ? 1 : 0;
}

registerCommand({
  name: 'check',
  synopsis: SYNOPSIS,
  summary: '检查报告的结构、标点、数字、表述等问题（--json 输出 JSON，--template 套用模板的检查设置）',
  run: runCheck,
});
