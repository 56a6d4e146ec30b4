// Word's AutoFormat for headings (renderer, a Slate plugin): a paragraph typed with a heading marker at its start
// (四、 （七） 3. （2）) becomes a heading of that level when Enter ends it, the marker removed (numbering is generated).
// The change is its own undo step: one Ctrl+Z gives the typed text back and keeps the new line. Prose that merely
// starts with a numeral (一是…, 3.5亿元…, 一、二季度…) stays a paragraph (shared/outline/markers.ts decides).
import { Element, Node, Range, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { rangeAt, setBlockKind } from '../../shared/editor/ops';
import { parseHeadingMarker } from '../../shared/outline/markers';
import type { ReportSlateEditor } from './withReport';

export function withHeadingMarkers<E extends ReportSlateEditor>(editor: E): E {
  const { insertBreak } = editor;
  editor.insertBreak = () => {
    const sel = editor.selection;
    const index = sel && Range.isCollapsed(sel) && sel.anchor.path.length === 2 ? sel.anchor.path[0]! : -1;
    const wasParagraph = index >= 0 && Element.isElement(editor.children[index]) && (editor.children[index] as Element).type === 'paragraph';
    insertBreak();
    if (!wasParagraph) return;
    const block = editor.children[index];
    if (!block || !Element.isElement(block) || block.type !== 'paragraph') return;
    const marker = parseHeadingMarker(Node.string(block));
    if (!marker) return;
    HistoryEditor.withNewBatch(editor, () => {
      Transforms.delete(editor, { at: rangeAt(editor, [index], 0, marker.end) });
      setBlockKind(editor, index, { type: 'heading', level: marker.level });
    });
  };
  return editor;
}
