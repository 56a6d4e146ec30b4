// The report editor's behaviour as a Slate plugin (renderer): the schema kept in normalizeNode (flat blocks, text in
// headings and paragraphs, cells in rows in tables), Enter in headings, paste through the text importer, and
// template hints removed whole when typed into (shared/editor/hints.ts), whole blocks deleted whole.
import { Editor, Element, Node, Text, Transforms, type Descendant, type NodeEntry } from 'slate';
import type { ReactEditor } from 'slate-react';
import type { HistoryEditor } from 'slate-history';
import type { ParagraphElement } from '../../shared/model/schema';
import { breakHeading } from '../../shared/editor/ops';
import { withHints } from '../../shared/editor/hints';
import { deleteWholeBlocks } from '../../shared/editor/sectionOps';

export type ReportSlateEditor = ReactEditor & HistoryEditor;

/** Blocks per rendered chunk of the body. */
const BODY_CHUNK_SIZE = 24;

export interface PasteHandler {
  /** Plain text with line breaks (from Word, a web page, a .txt): the caller structures and inserts it. */
  (text: string): boolean;
}

const emptyParagraph = (): ParagraphElement => ({ type: 'paragraph', children: [{ text: '' }] });

export function withReport<E extends ReportSlateEditor>(editor: E, onStructuredPaste: { current: PasteHandler | null }): E {
  const { normalizeNode, insertBreak, insertData, isInline } = editor;

  withHints(editor);
  // The body renders in chunks of blocks (slate-react's chunking): a key re-renders the chunks on the way to its
  // block, not every block of a long report.
  editor.getChunkSize = (node) => (Editor.isEditor(node) ? BODY_CHUNK_SIZE : null);
  // Delete/Backspace (or cut) over whole blocks — a heading and its content — removes them with no empty block left.
  const { deleteFragment } = editor;
  editor.deleteFragment = (options) => {
    if (deleteWholeBlocks(editor)) return;
    deleteFragment(options);
  };
  editor.isInline = (el) => (el.type === 'heading' || el.type === 'paragraph' || el.type === 'table' ? false : isInline(el));

  editor.normalizeNode = (entry: NodeEntry) => {
    const [node, path] = entry;
    if (Editor.isEditor(node)) {
      if (node.children.length === 0) {
        Transforms.insertNodes(editor, emptyParagraph(), { at: [0] });
        return;
      }
      for (let i = 0; i < node.children.length; i++) {
        const child = node.children[i] as Descendant;
        if (Text.isText(child)) {
          Transforms.wrapNodes(editor, emptyParagraph(), { at: [i] });
          return;
        }
        if (child.type === 'table-row' || child.type === 'table-cell') {
          // A row or cell pasted at the top level keeps its text as a paragraph.
          const text = Node.string(child);
          Transforms.removeNodes(editor, { at: [i] });
          Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text }] }, { at: [i] });
          return;
        }
      }
    } else if (Element.isElement(node)) {
      const textual = node.type === 'heading' || node.type === 'paragraph' || node.type === 'table-cell';
      if (textual) {
        for (let i = 0; i < node.children.length; i++) {
          if (Element.isElement(node.children[i] as Descendant)) {
            Transforms.unwrapNodes(editor, { at: [...path, i] });
            return;
          }
        }
        if (node.type === 'heading' && ![1, 2, 3, 4].includes(node.level)) {
          Transforms.setNodes(editor, { level: Math.min(4, Math.max(1, Math.round(Number(node.level) || 1))) as 1 | 2 | 3 | 4 }, { at: path });
          return;
        }
      }
      if (path.length > 1 && (node.type === 'heading' || node.type === 'paragraph' || node.type === 'table')) {
        // Blocks never nest: lift anything that landed inside another block.
        Transforms.unwrapNodes(editor, { at: path });
        return;
      }
      if (node.type === 'table' || node.type === 'table-row') {
        const want = node.type === 'table' ? 'table-row' : 'table-cell';
        for (let i = 0; i < node.children.length; i++) {
          const child = node.children[i] as Descendant;
          if (Text.isText(child) || child.type !== want) {
            Transforms.removeNodes(editor, { at: [...path, i] });
            return;
          }
        }
      }
    }
    normalizeNode(entry);
  };

  editor.insertBreak = () => {
    if (breakHeading(editor)) return;
    const block = editor.selection ? editor.children[editor.selection.anchor.path[0]!] : undefined;
    // A table cell holds one line: Enter leaves the table for a new paragraph after it.
    if (block && Element.isElement(block) && block.type === 'table') {
      const index = editor.selection!.anchor.path[0]!;
      Transforms.insertNodes(editor, emptyParagraph(), { at: [index + 1], select: true });
      return;
    }
    insertBreak();
  };

  editor.insertData = (data: DataTransfer) => {
    // Copy and paste inside the editor keeps Slate's own fragment (structure included).
    if (data.types.includes('application/x-slate-fragment')) return insertData(data);
    const text = data.getData('text/plain');
    if (text && /[\r\n]/.test(text.trim()) && onStructuredPaste.current?.(text)) return;
    if (text) {
      // One line: plain text only, whatever formatting the source had.
      Editor.insertText(editor, text.replace(/[\r\n]+/g, ''));
      return;
    }
    insertData(data);
  };

  return editor;
}
