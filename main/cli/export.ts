// `export <报告文件> -o <输出.docx>` (Node): writes a report (.fzbg, or a .txt/.docx imported on the fly) as a Word file
// in the official document format (GB/T 9704-2012). Written atomically; an existing file is replaced only with --force.
import { basename } from 'node:path';
import { createChecker } from '../../shared/check/engine';
import { exportDocx } from '../../shared/docx/export';
import { buildReviewCopy } from '../../shared/docx/review/reviewCopy';
import { registerCommand, type CliIo } from './commands';
import { runConversion } from './convert';
import { formatNotes } from './import';

const SYNOPSIS = 'export <文件.fzbg|.txt|.docx> -o <输出.docx> [--review [--ignored]] [--force]';

export function runExport(args: string[], io: CliIo): Promise<number> {
  const review = args.includes('--review');
  return runConversion(args, io, {
    synopsis: SYNOPSIS,
    outputExt: '.docx',
    missingInput: '缺少要导出的报告文件。',
    sameFile: '输出文件不能与报告文件相同。',
    extraFlags: [['--review'], ['--ignored']],
    // --review: the review copy (审阅稿), the open findings as Word comments; --ignored adds the ignored ones' table.
    render: ({ doc, markers }, flags) =>
      flags.has('--review')
        ? buildReviewCopy(doc, createChecker().check(doc, { writtenMarkers: markers }), { ignoredAppendix: flags.has('--ignored') })
        : exportDocx(doc),
    report: ({ doc, notes, kind }, { target }, written, { out, err }) => {
      if (kind !== 'fzbg' && notes.length > 0) err.write(formatNotes(notes));
      out.write(`已导出${review ? '审阅稿' : ''}“${basename(target)}”（${doc.meta.title || '无标题'}，${(written.length / 1024).toFixed(0)} KB）。\n`);
    },
  });
}

registerCommand({ name: 'export', synopsis: SYNOPSIS, summary: '导出为公文格式（GB/T 9704）的 Word 文件', run: runExport });
