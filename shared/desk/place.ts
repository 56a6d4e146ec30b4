// Where a finding is, in words an officer understands (shared, pure): 标题, 第N段 under its heading, 全文. Used by
// the CLI's report and the reviewer's workbook.
import type { Finding } from '../check/types';
import { blockText, type ReportDocument } from '../model/schema';

function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > max ? t.slice(0, max) + '……' : t;
}

export function findingPlace(doc: ReportDocument, f: Pick<Finding, 'path' | 'onTitle'>, markers: readonly string[]): string {
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
