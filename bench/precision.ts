// `npm run precision` (bench, Node): how many findings each rule raises, by severity, on the two published fixtures
// (imported as text, as a user would) and on the three built-in templates made into fresh reports, and the size and
// result of the false-alarm suite (tests/fixtures/precision). Prints a Markdown report; `--json` prints one object.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChecker } from '../shared/check/engine';
import type { Finding } from '../shared/check/types';
import { importText } from '../shared/import/text';
import { Template } from '../shared/model/template';
import { createReportFromTemplate } from '../shared/model/templateOps';
import type { Severity } from '../shared/model/schema';
import { FIXTURE_FILES, FIXTURES_DIR, REPO_ROOT } from './corpus';
import { alarmsOn, sentencesOf, suiteFiles } from './falseAlarms';

const TEMPLATES_DIR = join(REPO_ROOT, 'templates', 'builtin');
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const SEVERITY_SHORT: Record<Severity, string> = { error: 'E', warning: 'W', info: 'I' };

interface Column { name: string; findings: Finding[] }

/** The fixtures as the text importer reads them, checked with the markers they were written with. */
function fixtureColumns(): Column[] {
  return FIXTURE_FILES.map((file) => {
    const imported = importText(readFileSync(join(FIXTURES_DIR, file), 'utf8'), { id: file, fileName: file });
    return { name: file.replace(/-webpage\.txt$/, ''), findings: createChecker().check(imported.doc, { writtenMarkers: imported.markers }).findings };
  });
}

/** Each built-in template made into a fresh 2024 report of a fictitious organ, as the app's 新建 does. */
function templateColumns(): Column[] {
  return readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.json')).sort().map((file) => {
    const template = Template.parse(JSON.parse(readFileSync(join(TEMPLATES_DIR, file), 'utf8')));
    const doc = createReportFromTemplate(template, { id: template.id, organ: 'X县司法局', year: 2024 });
    return { name: `template:${template.id}`, findings: createChecker().check(doc).findings };
  });
}

interface SuiteResult { files: Array<{ file: string; sentences: number; alarms: string[] }>; sentences: number; alarms: number }

function suiteResult(): SuiteResult {
  const checker = createChecker();
  const files = suiteFiles().map((file) => {
    const sentences = sentencesOf(file);
    return { file, sentences: sentences.length, alarms: sentences.flatMap((s) => alarmsOn(checker, s).map((a) => `${s} → ${a}`)) };
  });
  return { files, sentences: files.reduce((n, f) => n + f.sentences, 0), alarms: files.reduce((n, f) => n + f.alarms.length, 0) };
}

/** rule → severity → count, per column. */
function counts(columns: readonly Column[]): Map<string, Map<Severity, number[]>> {
  const out = new Map<string, Map<Severity, number[]>>();
  columns.forEach((col, c) => {
    for (const f of col.findings) {
      let bySeverity = out.get(f.rule);
      if (!bySeverity) { bySeverity = new Map(); out.set(f.rule, bySeverity); }
      let row = bySeverity.get(f.severity);
      if (!row) { row = columns.map(() => 0); bySeverity.set(f.severity, row); }
      row[c]!++;
    }
  });
  return out;
}

export function markdown(columns: readonly Column[], suite: SuiteResult): string {
  const lines = [
    '# Precision',
    '',
    'Findings per rule and severity (E error, W warning, I info). Fixtures: ../shared/fixtures/reports, imported as text.',
    'Templates: templates/builtin made into a fresh 2024 report of X县司法局 (every placeholder and hint must be found).',
    '',
    `| rule | sev | ${columns.map((c) => c.name).join(' | ')} |`,
    `|---|---|${columns.map(() => '---:').join('|')}|`,
  ];
  const table = counts(columns);
  for (const rule of [...table.keys()].sort()) {
    for (const severity of SEVERITIES) {
      const row = table.get(rule)!.get(severity);
      if (row) lines.push(`| ${rule} | ${SEVERITY_SHORT[severity]} | ${row.join(' | ')} |`);
    }
  }
  const total = (s: Severity): string => columns.map((c) => c.findings.filter((f) => f.severity === s).length).join(' | ');
  for (const s of SEVERITIES) lines.push(`| **all** | ${SEVERITY_SHORT[s]} | ${total(s)} |`);
  lines.push('', `## False-alarm suite (tests/fixtures/precision)`, '');
  lines.push(`${suite.sentences} sentences in ${suite.files.length} files; ${suite.alarms === 0 ? 'no error or warning on any of them' : `**${suite.alarms} false alarms**`}.`, '');
  lines.push('| file | sentences | false alarms |', '|---|---:|---:|');
  for (const f of suite.files) lines.push(`| ${f.file} | ${f.sentences} | ${f.alarms.length} |`);
  const alarms = suite.files.flatMap((f) => f.alarms.map((a) => `- ${f.file}: ${a}`));
  if (alarms.length > 0) lines.push('', ...alarms);
  return lines.join('\n') + '\n';
}

function main(): void {
  const json = process.argv.includes('--json');
  const unknown = process.argv.slice(2).filter((a) => a !== '--json');
  if (unknown.length > 0) throw new Error(`未知参数：${unknown.join(' ')}（只接受 --json）`);
  const columns = [...fixtureColumns(), ...templateColumns()];
  const suite = suiteResult();
  if (json) {
    const table = counts(columns);
    const rules = [...table.keys()].sort().flatMap((rule) => SEVERITIES.flatMap((severity) => {
      const row = table.get(rule)!.get(severity);
      return row ? [{ rule, severity, counts: Object.fromEntries(columns.map((c, i) => [c.name, row[i]!])) }] : [];
    }));
    process.stdout.write(JSON.stringify({ columns: columns.map((c) => c.name), rules, suite }) + '\n');
  } else {
    process.stdout.write(markdown(columns, suite));
  }
  // The run fails when the suite has a false alarm, so that a script or CI can rely on it.
  if (suite.alarms > 0) process.exitCode = 1;
}

main();
