// Test helpers for the Word export and import: the documents exported in the tests, package reading, the OOXML
// schema validator (../shared/ooxml beside the repository, as in CI's clone) and the structure a round trip keeps.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { importText } from '../../../shared/import/text';
import { contentText, emptyRuleSettings, heading, leavesText, paragraph, type Block, type ReportDocument, type TableElement } from '../../../shared/model/schema';
import { Template } from '../../../shared/model/template';
import { removeDir, tempDir } from '../../support/tempDir';

export const REPO = join(__dirname, '..', '..', '..');
export const SHARED = join(REPO, '..', 'shared');
export const VALIDATOR = join(SHARED, 'ooxml', 'validate-docx.sh');
export const FONTS_CONF = join(SHARED, 'fonts', 'fonts.conf');
const REPORTS = join(SHARED, 'fixtures', 'reports');

export const FIXTURE_NAMES = ['jianghai-2025-webpage.txt', 'yangjiang-2024-webpage.txt'] as const;

export function fixtureDoc(name: (typeof FIXTURE_NAMES)[number]): ReportDocument {
  return importText(readFileSync(join(REPORTS, name), 'utf8'), { id: name }).doc;
}

export function table(rows: string[][]): TableElement {
  return { type: 'table', children: rows.map((r) => ({ type: 'table-row', children: r.map((text) => ({ type: 'table-cell', children: [{ text }] })) })) };
}

/** A report with every heading level, run-in headings on two levels, a table, two attachments, 主送, signature, date. */
export function featureDoc(): ReportDocument {
  const body: Block[] = [
    paragraph('2024年，我局坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面落实《法治政府建设实施纲要（2021—2025年）》。现将有关情况报告如下。'),
    heading(1, '2024年推进法治政府建设的主要举措和成效', { parts: ['achievements'] }),
    heading(2, '加强党对法治政府建设的领导。', { runIn: true }),
    paragraph('局党组书记认真履行推进法治建设第一责任人职责，全年召开党组会议专题研究法治建设4次，开展理论学习中心组学法6次。'),
    heading(2, '依法全面履行职能'),
    heading(3, '深化“放管服”改革。', { runIn: true }),
    paragraph('动态调整权责清单事项212项，精简办事材料137份，政务服务事项网上可办率达99.6%。'),
    heading(3, '优化法治化营商环境'),
    heading(4, '规范涉企检查'),
    paragraph('全年开展“双随机、一公开”抽查46次，检查企业318家，企业满意率100%。'),
    heading(4, '推进“高效办成一件事”'),
    paragraph('推出“一件事”主题服务26项，平均减少跑动2.3次。'),
    table([['指标', '2023年', '2024年'], ['行政复议收案（件）', '36', '41'], ['行政机关负责人出庭应诉率', '98.5%', '100%']]),
    heading(1, '存在的不足和原因', { parts: ['shortcomings'] }),
    paragraph('一是基层执法人员法治素养有待提高；二是数字化执法平台应用还不充分。主要原因是培训针对性不够、系统建设投入不足。'),
    heading(1, '2025年推进法治政府建设的主要安排', { parts: ['plans'] }),
    paragraph('2025年，我局将持续深化法治政府建设，重点抓好以下工作。'),
  ];
  return {
    id: 'feature',
    meta: {
      organ: '某某市市场监督管理局',
      year: 2024,
      title: '某某市市场监督管理局关于2024年度法治政府建设情况的报告',
      addressee: '某某市人民政府',
      date: '2025-03-01',
      signature: '某某市市场监督管理局',
      attachments: ['2024年度法治政府建设主要指标', '2024年度规范性文件目录'],
    },
    body,
    ignores: [],
    rules: emptyRuleSettings(),
  };
}

/** A report built from each built-in template, as a user starts one. */
export function templateDocs(): ReportDocument[] {
  const dir = join(REPO, 'templates', 'builtin');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const t = Template.parse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      return {
        id: t.id,
        meta: { organ: '某某县司法局', year: 2025, title: '某某县司法局关于2025年度法治政府建设情况的报告', addressee: t.addressee || '某某县人民政府', date: '2026-02-28', signature: '某某县司法局' },
        body: t.body,
        ignores: [],
        rules: t.rules,
      };
    });
}

/** The parts of a package as text, by name. */
export function packageParts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) out[name] = strFromU8(data);
  return out;
}

/** Runs the OOXML schema validator on the bytes; returns its exit code and report. */
export function validateDocx(bytes: Uint8Array): { code: number; output: string } {
  const dir = tempDir('validate');
  try {
    const file = join(dir, 'out.docx');
    writeFileSync(file, bytes);
    const r = spawnSync('bash', [VALIDATOR, file], { encoding: 'utf8' });
    return { code: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
  } finally {
    removeDir(dir);
  }
}

/** What a round trip must keep: block kinds, heading levels, run-in flags, and every word. */
/**
 * The structure as the Word file prints it: template writing hints are never exported, so a paragraph holding only
 * hints is left out and the others lose their hint text.
 */
export function printedStructureOf(body: readonly Block[]): unknown[] {
  const printed = body.flatMap((b): Block[] => {
    if (b.type !== 'paragraph' || !b.children.some((l) => l.hint)) return [b];
    const text = contentText(b.children);
    return text ? [paragraph(text)] : [];
  });
  return structureOf(printed);
}

export function structureOf(body: readonly Block[]): unknown[] {
  return body.map((b) => {
    if (b.type === 'table') return { table: b.children.map((r) => r.children.map((c) => leavesText(c.children))) };
    if (b.type === 'heading') return { heading: b.level, runIn: b.runIn === true, text: leavesText(b.children) };
    return { paragraph: leavesText(b.children) };
  });
}
