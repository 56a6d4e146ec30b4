// What the findings panel does (renderer): select a finding's text, fix it, fix every finding of a rule (the places of
// one fix plan, one undo step, then 已修正 N 处（可撤销）), ignore one with a reason and the user's name, restore an
// ignored one (kept in the document by the session), insert a missing mandated part.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { HistoryEditor } from 'slate-history';
import { ReactEditor } from 'slate-react';
import { applyFixes, ignoreFinding, planFixes, unignoreFinding } from '../../shared/check/engine';
import type { Finding } from '../../shared/check/types';
import { replaceMany, replaceText } from '../../shared/editor/ops';
import { insertPart } from '../../shared/editor/sectionOps';
import type { MandatedPartId } from '../../shared/model/schema';
import { api } from '../api';
import type { FramePatch } from '../files';
import { F } from '../findings/strings';
import type { LiveAnalysis } from './useLiveAnalysis';
import type { ReportSlateEditor } from './withReport';

const STATUS_MS = 10_000;

/** A finding or several (a row of identical ones): the panel passes rows, a single mark's popover one finding. */
const listOf = (what: Finding | readonly Finding[]): readonly Finding[] => ('rule' in what ? [what as Finding] : what);

export function useFindingActions(
  editor: ReportSlateEditor,
  live: Pick<LiveAnalysis, 'analysisRef' | 'checker' | 'getDoc' | 'expedite'>,
  selectRange: (path: number[], start: number, end: number) => void,
  onFrameChange: (patch: FramePatch) => void,
) {
  const { analysisRef, checker, getDoc, expedite } = live;
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    if (!status) return;
    const t = window.setTimeout(() => setStatus(null), STATUS_MS);
    return () => window.clearTimeout(t);
  }, [status]);

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

  /**
   * Applies the fixes of these body findings as one undo step: exactly the edits of the plan the buttons counted.
   * Returns the places changed.
   */
  const applyToBody = useCallback(
    (findings: readonly Finding[], caretAfter: boolean): number => {
      const plan = planFixes(getDoc(), findings.filter((f) => f.path.length > 0));
      if (plan.edits.length === 0) return 0;
      HistoryEditor.withNewBatch(editor, () => {
        if (caretAfter && plan.edits.length === 1) {
          // One place: the caret stays right after the corrected text, ready to type on.
          const e = plan.edits[0]!;
          replaceText(editor, e.path, e.start, e.end, e.expected, e.insert);
        } else {
          replaceMany(editor, plan.edits.map((e) => ({ path: e.path, start: e.start, end: e.end, expected: e.expected, replacement: e.insert })));
        }
      });
      return plan.places;
    },
    [editor, getDoc],
  );

  const onFix = useCallback(
    (what: Finding | readonly Finding[]) => {
      const findings = listOf(what);
      const title = findings.filter((f) => f.onTitle && f.fix !== undefined);
      let places = 0;
      if (title.length > 0) {
        // A finding on the meta (the title): the fixed meta goes to the session, which owns it.
        const doc = getDoc();
        const fixed = applyFixes(doc, title);
        if (fixed.doc.meta !== doc.meta) onFrameChange({ meta: fixed.doc.meta });
        places += fixed.places;
      }
      const inBody = findings.filter((f) => f.path.length > 0);
      if (inBody.length > 0) {
        const n = applyToBody(inBody, true);
        places += n;
        if (n > 0) ReactEditor.focus(editor);
      }
      // A stale finding is re-checked at once.
      setStatus(places > 0 ? F.fixed(places) : F.nothingFixed);
      expedite();
    },
    [applyToBody, editor, expedite, getDoc, onFrameChange],
  );
  const onFixRule = useCallback(
    (rule: string) => {
      const places = applyToBody(analysisRef.current.result.findings.filter((f) => f.rule === rule && f.fix !== undefined), false);
      setStatus(places > 0 ? F.fixed(places) : F.nothingFixed);
      expedite();
    },
    [analysisRef, applyToBody, expedite],
  );
  const onIgnore = useCallback(
    (what: Finding | readonly Finding[], reason: string) => {
      const findings = listOf(what);
      const record = (by: string) => {
        let doc = getDoc();
        const before = doc;
        for (const f of findings) doc = ignoreFinding(doc, f, reason, new Date(), by);
        if (doc !== before) onFrameChange({ ignores: doc.ignores });
      };
      // Who ignored it: the settings' 用户名/姓名 (none when the settings cannot be read).
      api.getSettings().then(
        ({ settings }) => record(settings.userName),
        () => record(''),
      );
    },
    [getDoc, onFrameChange],
  );
  const onUnignore = useCallback(
    (f: Finding) => {
      const doc = getDoc();
      const next = unignoreFinding(doc, f);
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
  return { onSelect, onFix, onFixRule, onIgnore, onUnignore, onInsertPart, ruleTitles, status };
}
