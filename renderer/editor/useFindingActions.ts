// What the findings panel does (renderer): select a finding's text, fix it, fix every finding of a rule, ignore one
// with a reason (kept in the document by the session), insert a missing mandated part.
import { useCallback, useMemo } from 'react';
import { HistoryEditor } from 'slate-history';
import { ReactEditor } from 'slate-react';
import { applyFix, ignoreFinding } from '../../shared/check/engine';
import type { Finding } from '../../shared/check/types';
import { replaceMany, replaceText } from '../../shared/editor/ops';
import { insertPart } from '../../shared/editor/sectionOps';
import type { MandatedPartId } from '../../shared/model/schema';
import type { FramePatch } from '../files';
import type { LiveAnalysis } from './useLiveAnalysis';
import type { ReportSlateEditor } from './withReport';

export function useFindingActions(
  editor: ReportSlateEditor,
  live: Pick<LiveAnalysis, 'analysisRef' | 'checker' | 'getDoc' | 'expedite'>,
  selectRange: (path: number[], start: number, end: number) => void,
  onFrameChange: (patch: FramePatch) => void,
) {
  const { analysisRef, checker, getDoc, expedite } = live;
  const onSelect = useCallback(
    (f: Finding) => {
      if (f.path.length === 0) {
        if (f.onTitle) document.querySelector<HTMLTextAreaElement>('.doc-title-input')?.focus();
        return;
      }
      selectRange(f.path, f.start, f.end);
    },
    [selectRange],
  );
  const onFix = useCallback(
    (f: Finding) => {
      if (f.fix === undefined) return;
      if (f.path.length === 0) {
        // A finding on the meta (the title): the fixed meta goes to the session, which owns it.
        const doc = getDoc();
        const fixed = applyFix(doc, f);
        if (fixed.meta !== doc.meta) onFrameChange({ meta: fixed.meta });
        else expedite();
        return;
      }
      // The caret stays right after the corrected text, ready to type on. A stale finding is re-checked at once.
      if (replaceText(editor, f.path, f.start, f.end, f.text, f.fix)) ReactEditor.focus(editor);
      expedite();
    },
    [editor, expedite, getDoc, onFrameChange],
  );
  const onFixRule = useCallback(
    (rule: string) => {
      const edits = analysisRef.current.result.findings
        .filter((f) => f.rule === rule && f.fix !== undefined && f.path.length > 0)
        .map((f) => ({ path: f.path, start: f.start, end: f.end, expected: f.text, replacement: f.fix! }));
      replaceMany(editor, edits);
      expedite();
    },
    [analysisRef, editor, expedite],
  );
  const onIgnore = useCallback(
    (f: Finding, reason: string) => {
      const doc = getDoc();
      const next = ignoreFinding(doc, f, reason);
      if (next !== doc) onFrameChange({ ignores: next.ignores });
    },
    [getDoc, onFrameChange],
  );
  // 插入此部分: the heading and the template's guidance at the part's mandated place, one undo step; the caret goes there.
  const onInsertPart = useCallback(
    (part: MandatedPartId, guidance: string | undefined) => {
      let at = -1;
      HistoryEditor.withNewBatch(editor, () => {
        at = insertPart(editor, part, guidance, getDoc().meta.year);
      });
      expedite();
      requestAnimationFrame(() => selectRange([at + 1], 0, 0));
    },
    [editor, expedite, getDoc, selectRange],
  );
  const ruleTitles = useMemo(() => new Map(checker.rules.map((r) => [r.id, r.title])), [checker]);
  return { onSelect, onFix, onFixRule, onIgnore, onInsertPart, ruleTitles };
}
