// Moving the caret and the view (renderer): to a block, to a range of text (a finding, a find hit, a part).
import { useCallback } from 'react';
import { Editor, Node, Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import { rangeAt } from '../../shared/editor/ops';
import type { ReportSlateEditor } from './withReport';

export interface Navigation {
  scrollToBlock(index: number): void;
  /** Selects [start, end) of the text at `path` ([i] or [i, r, c]) and scrolls it into view. */
  selectRange(path: number[], start: number, end: number): void;
  /** The caret to the start of block `index`. */
  goTo(index: number): void;
}

export function useNavigation(editor: ReportSlateEditor): Navigation {
  const scrollToBlock = useCallback(
    (index: number) => {
      const node = editor.children[index];
      if (!node) return;
      try {
        ReactEditor.toDOMNode(editor, node).scrollIntoView({ block: 'center' });
      } catch {
        // Not rendered yet: nothing to scroll to.
      }
    },
    [editor],
  );
  const selectRange = useCallback(
    (path: number[], start: number, end: number) => {
      if (!Node.has(editor, path)) return;
      const range = rangeAt(editor, path, start, end);
      ReactEditor.focus(editor);
      Transforms.select(editor, range);
      scrollToBlock(path[0]!);
    },
    [editor, scrollToBlock],
  );
  const goTo = useCallback(
    (index: number) => {
      if (!editor.children[index]) return;
      ReactEditor.focus(editor);
      Transforms.select(editor, Editor.start(editor, [index]));
      scrollToBlock(index);
    },
    [editor, scrollToBlock],
  );
  return { scrollToBlock, selectRange, goTo };
}
