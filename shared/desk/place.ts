// Where a finding is, in words an officer understands (shared, pure): 标题, 第N段 under its heading, 全文. Used by
// the CLI's report and the reviewer's workbook.
import type { Finding } from '../check/types';
import { blockText, type ReportDocument } from '../model/schema';

function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > max ? t.slice(0, max) + '……' : t;
}

/** For every block: the nearest heading at or before it (-1: none) and its ordinal among the paragraphs under that
 *  heading; built once per report so that placing each finding is constant time (a 200,000-paragraph file). */
export interface Places { headOf: Int32Array; ordinal: Int32Array }

export function placesOf(doc: ReportDocument): Places {
  const headOf = new Int32Array(doc.body.length);
  const ordinal = new Int32Array(doc.body.length);
  let head = -1;
  let n = 0;
  doc.body.forEach((block, i) => {
    if (block.type === 'heading') { head = i; n = 0; } else n++;
    headOf[i] = head;
    ordinal[i] = n;
  });
  return { headOf, ordinal };
}

export function findingPlace(doc: ReportDocument, f: Pick<Finding, 'path' | 'onTitle'>, markers: readonly string[], places: Places): string {
  if (f.onTitle) return '标题';
  if (f.path.length === 0) return '全文';
  const i = f.path[0]!;
  const block = doc.body[i];
  if (!block) return '';
  if (block.type === 'heading') return `标题“${markers[i] ?? ''}${clip(blockText(block), 20)}”`;
  const k = places.headOf[i]!;
  const head = k >= 0 ? `“${markers[k] ?? ''}${clip(blockText(doc.body[k]!), 16)}”下` : '正文';
  const cell = f.path.length === 3 ? `表格第${f.path[1]! + 1}行第${f.path[2]! + 1}列` : '';
  return `${head}第${places.ordinal[i]}段${cell}`;
}
