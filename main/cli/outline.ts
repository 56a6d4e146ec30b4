// `outline <文件> [--json]` (Node): the title, organ, year, date, the mandated parts found and every heading of a
// report (.fzbg, .txt, and .docx once the Word import lands). Readable Chinese, or JSON for scripts.
import { UserFacingError } from '../../shared/ipc/contract';
import { sequenceMarkers } from '../../shared/model/numbering';
import { MANDATED_PART_IDS } from '../../shared/model/schema';
import { buildOutline, type Outline } from '../../shared/outline/outline';
import { PART_NAMES, requiredPartIds } from '../../shared/model/parts';
import { recognizeMandatedParts, type Confidence, type PartEvidence } from '../../shared/outline/parts';
import { loadDocumentFromFile } from '../services/loadDocument';
import { parseArgs } from './args';
import { registerCommand, type CliIo } from './commands';
import { formatNotes } from './import';

const SYNOPSIS = 'outline <文件> [--json]';

const VIA: Record<PartEvidence, string> = {
  tag: '已标注的部分',
  heading: '一级标题',
  combined: '合并的部分',
  subheading: '下级标题',
  runin: '段落中的“一是……”分项',
  paragraph: '段落文字',
  thematic: '专题式一级标题',
};
const SURE: Record<Confidence, string> = { high: '高', medium: '中', low: '低' };

function clip(text: string, max = 40): string {
  return text.length > max ? text.slice(0, max) + '……' : text;
}

export function formatOutline(outline: Outline, markers: readonly string[], missing: readonly string[]): string {
  const lines: string[] = [
    `标题：${outline.title || '（未识别）'}`,
    `机关：${outline.organ || '（未识别）'}`,
    `年度：${outline.year}`,
    `成文日期：${outline.date || '（未识别）'}`,
    '',
    '法定内容：',
  ];
  const required = requiredPartIds();
  for (const id of MANDATED_PART_IDS) {
    const found = outline.parts.filter((p) => p.id === id);
    const name = PART_NAMES[id] + (required.includes(id) ? '' : '（选报）');
    if (found.length === 0) {
      lines.push(`  ${missing.includes(id) ? '✗' : '·'} ${name}：未找到`);
      continue;
    }
    for (const p of found) {
      const index = p.path[0]!;
      const isHeading = outline.headings.some((h) => h.path[0] === index);
      const where = isHeading ? `${markers[index] ?? ''}${p.heading}` : `${p.heading ? `“${clip(p.heading)}”下的` : ''}“${clip(p.text)}”`;
      lines.push(`  ✓ ${name}：${where}（依据：${VIA[p.via]}；把握：${SURE[p.confidence]}）`);
    }
  }
  lines.push('', '提纲：');
  if (outline.headings.length === 0) lines.push('  （没有标题）');
  for (const h of outline.headings) lines.push(`${'  '.repeat(h.level)}${markers[h.path[0]!] ?? ''}${h.text}`);
  lines.push('');
  return lines.join('\n');
}

export async function runOutline(args: string[], { out, err }: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(args, { flags: [['--json']] });
  } catch (e) {
    err.write(`${(e as Error).message}\n用法：npm run --silent cli -- ${SYNOPSIS}\n`);
    return 2;
  }
  const [file, ...extra] = parsed.positional;
  if (!file || extra.length > 0) {
    err.write(`${!file ? '缺少文件。' : `多余的参数：${extra.join(' ')}`}\n用法：npm run --silent cli -- ${SYNOPSIS}\n`);
    return 2;
  }
  let loaded;
  try {
    loaded = await loadDocumentFromFile(file);
  } catch (e) {
    if (e instanceof UserFacingError) {
      err.write(`出错：${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const parts = loaded.parts ?? recognizeMandatedParts(loaded.doc);
  const outline = buildOutline(loaded.doc, parts);
  if (parsed.flags.has('--json')) {
    out.write(JSON.stringify(outline, null, 2) + '\n');
    err.write(formatNotes(loaded.notes));
  } else {
    out.write(formatOutline(outline, sequenceMarkers(loaded.doc.body), parts.missing));
    if (loaded.notes.length > 0) out.write('\n' + formatNotes(loaded.notes));
  }
  return 0;
}

registerCommand({ name: 'outline', synopsis: SYNOPSIS, summary: '列出报告的标题、机关、年度、法定内容和提纲', run: runOutline });
