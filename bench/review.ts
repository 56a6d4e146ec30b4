// The review import benchmark (bench, Node): a reviewer's file of about 300 pages with 500 comments and 1,000 tracked
// changes, made from the exported corpus report, imported in the capped child process: its working time and memory.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { exportDocx } from '../shared/docx/export';
import type { ReportDocument } from '../shared/model/schema';
import { importReviewInWorker, REVIEW_IMPORT_MEMORY_MB } from '../main/services/reviewImport';
import { derived, median, type Metric } from './stats';

/** 22 lines × 28 characters. */
const PAGE_CHARS = 22 * 28;

/** The export of `doc` with comments on some paragraphs and a deletion + insertion in others, as Word writes them. */
async function reviewerFile(doc: ReportDocument, comments: number, changes: number): Promise<Uint8Array> {
  const files = unzipSync(await exportDocx(doc));
  let xml = strFromU8(files['word/document.xml']!);
  const who = (id: number): string => `w:id="${id}" w:author="审阅人${id % 3}" w:date="2026-12-05T08:30:00Z"`;
  let c = 0;
  let t = 0;
  let n = 0;
  xml = xml.replace(/<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)<w:t xml:space="preserve">([^<]{12,})<\/w:t><\/w:r>/g, (run, rPr: string, text: string) => {
    n++;
    if (n % 2 === 0 && c < comments) {
      const id = c++;
      return `<w:commentRangeStart w:id="${id}"/>${run}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
    }
    if (t < changes) {
      t += 2;
      const id = 100_000 + t;
      // After the first characters, which may be a heading's sequence number (not editable text).
      return `<w:r>${rPr}<w:t xml:space="preserve">${text.slice(0, 6)}</w:t></w:r><w:del ${who(id)}><w:r>${rPr}<w:delText>${text.slice(6, 10)}</w:delText></w:r></w:del>` +
        `<w:ins ${who(id + 1)}><w:r>${rPr}<w:t>修订文字</w:t></w:r></w:ins><w:r>${rPr}<w:t xml:space="preserve">${text.slice(10)}</w:t></w:r>`;
    }
    return run;
  });
  if (c < comments || t < changes) throw new Error(`基准测试：报告的段落不够（批注 ${c}、修订 ${t}）。`);
  const body = Array.from({ length: c }, (_, id) => `<w:comment w:id="${id}" w:author="审阅人${id % 3}" w:date="2026-12-05T08:30:00Z"><w:p><w:r><w:t>请核实第${id + 1}处表述。</w:t></w:r></w:p></w:comment>`).join('');
  files['word/comments.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${body}</w:comments>`);
  files['[Content_Types].xml'] = strToU8(strFromU8(files['[Content_Types].xml']!).replace('</Types>', '<Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml" PartName="/word/comments.xml"/></Types>'));
  files['word/_rels/document.xml.rels'] = strToU8(strFromU8(files['word/_rels/document.xml.rels']!).replace('</Relationships>', '<Relationship Id="rIdBench" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>'));
  files['word/document.xml'] = strToU8(xml);
  return zipSync(files);
}

/** A report of `pages` pages: the corpus report repeated (its structure and sentences are real). */
function longReport(doc: ReportDocument, pages: number): ReportDocument {
  const chars = doc.body.reduce((s, b) => s + (b.type === 'table' ? 0 : b.children.reduce((k, l) => k + l.text.length, 0)), 0);
  const copies = Math.ceil((pages * PAGE_CHARS) / chars);
  return { ...doc, body: Array.from({ length: copies }, () => doc.body).flat() };
}

export async function reviewMetrics(doc: ReportDocument, options: { runs: number; log: (line: string) => void }): Promise<Metric[]> {
  const report = longReport(doc, 300);
  const bytes = await reviewerFile(report, 500, 1000);
  const times: number[] = [];
  const rss: number[] = [];
  let placed = 0;
  let total = 0;
  for (let i = 0; i < options.runs; i++) {
    const result = await importReviewInWorker(report, bytes, 'bench.docx', { timeoutMs: 60_000 });
    times.push(result.ms);
    rss.push(result.rssMb);
    placed = result.summary.placed;
    total = result.added.length;
  }
  if (total !== 1500) throw new Error(`基准测试：应导入 1500 条审阅意见，实际 ${total} 条。`);
  const note = `${(bytes.length / 1024).toFixed(0)} KB reviewer file, 300 pages, 500 comments + 1,000 tracked changes, ${placed}/${total} placed; in the child (heap cap ${REVIEW_IMPORT_MEMORY_MB} MB), child start not counted`;
  options.log('review.import');
  return [
    derived('review.import', 300, median(times), Math.max(...times), 'ms', { stat: 'median', op: '<=', value: 2000 }, times.length, note),
    derived('review.import.rss', 300, median(rss), Math.max(...rss), 'MB', { stat: 'median', op: '<=', value: 300 }, rss.length, 'resident memory of the child when done'),
  ];
}
