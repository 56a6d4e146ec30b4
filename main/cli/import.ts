// `import <文件.txt> -o <输出.fzbg>` (Node): imports a published report (web-page copy, .txt or .docx) into a .fzbg
// document. The output is written atomically and an existing file is only replaced
// with --force.
import { basename } from 'node:path';
import type { ImportNote } from '../../shared/ipc/contract';
import { serializeDocument } from '../../shared/model/format';
import { registerCommand, type CliIo } from './commands';
import { runConversion } from './convert';
import { sourceMarkerNotes } from '../services/importFile';

const SYNOPSIS = 'import <文件.txt|.docx> -o <输出.fzbg> [--force]';

export function formatNotes(notes: readonly ImportNote[]): string {
  return notes.map((n) => `${n.severity === 'warning' ? '注意' : '提示'}：${n.message}\n`).join('');
}

export function runImport(args: string[], io: CliIo): Promise<number> {
  return runConversion(args, io, {
    synopsis: SYNOPSIS,
    outputExt: '.fzbg',
    missingInput: '缺少要导入的文件。',
    sameFile: '输出文件不能与导入的文件相同。',
    render: async ({ doc }) => serializeDocument(doc),
    report: (loaded, { input, target }, _written, { out }) => {
      const { doc, notes } = loaded;
      const headings = doc.body.filter((b) => b.type === 'heading');
      const paragraphs = doc.body.filter((b) => b.type === 'paragraph').length;
      out.write(
        [
          `已导入“${basename(input)}”，保存为“${basename(target)}”。`,
          `标题：${doc.meta.title || '（未识别）'}`,
          `机关：${doc.meta.organ || '（未识别）'}　年度：${doc.meta.year}　成文日期：${doc.meta.date || '（未识别）'}`,
          `结构：${headings.filter((h) => h.type === 'heading' && h.level === 1).length} 个部分，共 ${headings.length} 个标题、${paragraphs} 个段落`,
          '',
        ].join('\n'),
      );
      out.write(formatNotes([...notes, ...sourceMarkerNotes(loaded)]));
    },
  });
}

registerCommand({ name: 'import', synopsis: SYNOPSIS, summary: '把网页复制的报告、.txt 或 Word 文件导入为 .fzbg 报告文件', run: runImport });
