// Paste from Word or a web page (renderer): the text importer builds the structure; a blank report also takes the
// pasted report's title, organ, year, addressee, date and signature. Says what it did in the editor's status line.
import { useEffect } from 'react';
import { Editor, Node, Transforms } from 'slate';
import { importText } from '../../shared/import/text';
import { insertBlocksAtCaret } from '../../shared/editor/ops';
import type { Block, ReportMeta } from '../../shared/model/schema';
import type { FramePatch } from '../files';
import { T } from './strings';
import type { PasteHandler, ReportSlateEditor } from './withReport';

export function usePaste(
  editor: ReportSlateEditor,
  pasteRef: React.RefObject<PasteHandler | null>,
  getMeta: () => ReportMeta,
  onFrameChange: (patch: FramePatch) => void,
  expedite: () => void,
  say: (text: string) => void,
): void {
  useEffect(() => {
    pasteRef.current = (text: string) => {
      let imported;
      try {
        imported = importText(text, { defaultYear: getMeta().year });
      } catch {
        return false;
      }
      const blocks = imported.doc.body;
      if (blocks.length === 0) return false;
      const bodyEmpty = (editor.children as Block[]).every((b) => Node.string(b).trim() === '');
      if (bodyEmpty) {
        Editor.withoutNormalizing(editor, () => {
          for (let i = editor.children.length - 1; i >= 0; i--) Transforms.removeNodes(editor, { at: [i] });
          Transforms.insertNodes(editor, blocks, { at: [0] });
        });
        Transforms.select(editor, Editor.end(editor, [blocks.length - 1]));
        const meta = getMeta();
        if (!meta.title.trim()) {
          const m = imported.doc.meta;
          onFrameChange({
            meta: {
              title: m.title,
              organ: meta.organ || m.organ,
              year: m.year,
              addressee: meta.addressee || m.addressee,
              date: meta.date || m.date,
              signature: meta.signature || m.signature,
            },
          });
        }
      } else {
        insertBlocksAtCaret(editor, blocks);
      }
      const headings = blocks.filter((b) => b.type === 'heading').length;
      const warnings = imported.notes.filter((n) => n.severity === 'warning').map((n) => n.message);
      say([T.pasted(headings, blocks.length - headings), ...warnings.slice(0, 2)].join(' '));
      expedite();
      return true;
    };
    return () => {
      pasteRef.current = null;
    };
  }, [editor, expedite, getMeta, onFrameChange, pasteRef, say]);
}
