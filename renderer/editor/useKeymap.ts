// The editor's commands (renderer): what each 'editor' command of the table (shared/commands.ts) does to the body, and
// the key handler that runs them while the caret is in the body. A command without a handler here does not compile.
import { useCallback, useMemo } from 'react';
import { Editor, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { isEditorCommand, type EditorCommandId } from '../../shared/commands';
import type { HeadingLevel } from '../../shared/model/schema';
import { currentBlockIndex, insertParagraphAfter, moveSection, setBlockKind, shiftHeadingLevel } from '../../shared/editor/ops';
import { deleteSection, insertTableAfter, sectionHeadingAt } from '../../shared/editor/sectionOps';
import { moveToCell } from '../../shared/editor/tableOps';
import type { Block } from '../../shared/model/schema';
import { commandForKey } from '../commands';
import { T } from './strings';
import type { ReportSlateEditor } from './withReport';

/** A handler returns false when the command does not apply here (the key then keeps its usual meaning). */
type Handler = () => boolean | void;

export function useKeymap(
  editor: ReportSlateEditor,
  expedite: () => void,
  say: (text: string) => void,
  openContextMenu: () => void,
  showFinding: () => void,
) {
  const handlers = useMemo((): Record<EditorCommandId, Handler> => {
    const at = () => currentBlockIndex(editor);
    const setKind = (level: HeadingLevel | 0) => () => {
      const index = at();
      if (index >= 0) setBlockKind(editor, index, level === 0 ? { type: 'paragraph' } : { type: 'heading', level });
    };
    const shift = (by: 1 | -1) => () => {
      if (moveToCell(editor, by)) return;
      const index = at();
      if (index >= 0) shiftHeadingLevel(editor, index, by);
    };
    // 本节: the heading at or before the caret with everything under it; the caret keeps its block.
    const move = (direction: 'up' | 'down') => () => {
      const index = at();
      const heading = sectionHeadingAt(editor.children as Block[], index);
      if (index < 0 || heading < 0) return false;
      const to = moveSection(editor, heading, direction);
      if (to !== null) {
        Transforms.select(editor, Editor.end(editor, [to + (index - heading)]));
        expedite();
      }
    };
    // One undo step each, whatever the typing just before.
    const step = (run: () => void) => () => {
      HistoryEditor.withNewBatch(editor, run);
      expedite();
    };
    return {
      paragraphAfter: () => {
        const index = at();
        if (index >= 0) insertParagraphAfter(editor, index);
      },
      demote: shift(1),
      promote: shift(-1),
      setParagraph: setKind(0),
      setHeading1: setKind(1),
      setHeading2: setKind(2),
      setHeading3: setKind(3),
      setHeading4: setKind(4),
      moveSectionUp: move('up'),
      moveSectionDown: move('down'),
      insertTable: step(() => {
        const index = at();
        if (index >= 0) insertTableAfter(editor, index);
      }),
      deleteSection: step(() => {
        const index = at();
        if (index >= 0) deleteSection(editor, index);
      }),
      contextMenu: () => openContextMenu(),
      showFinding: () => showFinding(),
      noCharacterFormatting: () => say(T.noCharacterFormatting),
    };
  }, [editor, expedite, say, openContextMenu, showFinding]);

  const runEditorCommand = useCallback((id: EditorCommandId) => handlers[id]() !== false, [handlers]);

  const onKeyDown = useCallback(
    (e: React.KeyboardEvent<HTMLDivElement>) => {
      const id = commandForKey(e);
      if (!id || !isEditorCommand(id)) return;
      if (handlers[id]() !== false) e.preventDefault();
    },
    [handlers],
  );
  return { onKeyDown, runEditorCommand };
}
