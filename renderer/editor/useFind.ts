// Find and replace (renderer): the find bar's state, the hits (re-searched when edits settle), moving between them,
// replacing one or all (shared/editor/find.ts does the searching).
import { useCallback, useMemo, useState } from 'react';
import { Editor } from 'slate';
import { ReactEditor } from 'slate-react';
import type { Block } from '../../shared/model/schema';
import { findMatches, replaceAllEdits } from '../../shared/editor/find';
import { replaceMany, replaceText } from '../../shared/editor/ops';
import type { Hit } from '../../shared/editor/marks';
import type { Analysis } from './analysis';
import { closedFind, type FindBarProps, type FindState } from './FindBar';
import { T } from './strings';
import type { ReportSlateEditor } from './withReport';

const NO_MATCHES: ReturnType<typeof findMatches> = [];

export function useFind(editor: ReportSlateEditor, analysis: Analysis, scrollToBlock: (index: number) => void, expedite: () => void) {
  const [find, setFind] = useState<FindState>(closedFind);
  const [message, setMessage] = useState<string | null>(null);
  const matches = useMemo(
    () => (find.open && find.query ? findMatches(editor.children as Block[], find.query, { loose: find.loose }) : NO_MATCHES),
    // analysis: re-search after edits settle.
    [find.open, find.query, find.loose, analysis, editor],
  );
  const current = matches.length ? Math.min(find.current, matches.length - 1) : 0;
  const hits = useMemo(() => {
    const map = new Map<string, Hit[]>();
    matches.forEach((m, i) => {
      const key = m.path.join('.');
      let list = map.get(key);
      if (!list) map.set(key, (list = []));
      list.push({ start: m.start, end: m.end, current: i === current });
    });
    return map;
  }, [matches, current]);

  const goToMatch = useCallback(
    (i: number) => {
      const m = matches[i];
      if (!m) return;
      setFind((f) => ({ ...f, current: i }));
      scrollToBlock(m.path[0]!);
    },
    [matches, scrollToBlock],
  );

  const openFind = useCallback(
    (replace: boolean) => {
      // Searching for the selected text is what people expect.
      const sel = editor.selection;
      const selected = sel ? Editor.string(editor, sel) : '';
      setMessage(null);
      setFind((f) => ({
        ...f,
        open: true,
        replace: replace || (f.open && f.replace),
        query: selected && !selected.includes('\n') && selected.length <= 50 ? selected : f.query,
        focusTick: f.focusTick + 1,
      }));
    },
    [editor],
  );

  /** F3 / Shift+F3: the next or previous hit; opens the bar when nothing is being searched. */
  const step = useCallback(
    (direction: 1 | -1) => {
      if (!find.open || !find.query) return openFind(false);
      const n = matches.length;
      if (n) goToMatch((current + direction + n) % n);
    },
    [current, find.open, find.query, goToMatch, matches.length, openFind],
  );

  const bar: FindBarProps | null = find.open
    ? {
        state: { ...find, current },
        total: matches.length,
        message,
        onChange: (patch) => {
          setMessage(null);
          setFind((f) => ({ ...f, ...patch }));
        },
        onNext: () => step(1),
        onPrev: () => step(-1),
        onReplace: () => {
          const m = matches[current];
          if (m && replaceText(editor, m.path, m.start, m.end, m.text, find.replacement)) {
            setMessage(T.replaced(1));
            expedite();
          }
        },
        onReplaceAll: () => {
          const n = replaceMany(editor, replaceAllEdits(matches, find.replacement));
          setMessage(T.replaced(n));
          if (n > 0) expedite();
        },
        onClose: () => {
          setFind((f) => ({ ...f, open: false }));
          ReactEditor.focus(editor);
        },
      }
    : null;

  return { bar, hits, openFind, step };
}
