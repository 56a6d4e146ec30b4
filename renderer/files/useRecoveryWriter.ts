// Autosave to the recovery area (renderer): the working state is written about 1.5 s after typing stops (and at least
// every 10 s while it goes on), on blur and when the window hides; one write at a time, never in the way of typing.
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { DocSession } from '../../shared/ipc/contract';
import type { ReportDocument } from '../../shared/model/schema';
import { api, errorMessage } from '../api';
import { T } from './text';
import type { NoticeKind } from './useNotices';

/** Debounce before the working state goes to the recovery area (the issue asks for ≤ 2 s after typing stops). */
const AUTOSAVE_DELAY_MS = 1500;
/** While typing goes on without a pause, the working state is still written at least this often. */
const AUTOSAVE_MAX_WAIT_MS = 10_000;
/** The longest a due write waits for the main thread to be idle. */
const AUTOSAVE_IDLE_TIMEOUT_MS = 400;

/** What the writer reads of the session, live. */
export interface RecoverySource {
  /** The document as it is now (body read from the editor), or null when none is open. */
  currentDoc(): ReportDocument | null;
  session: RefObject<DocSession | null>;
  dirty: RefObject<boolean>;
  /** Counts content changes; compared with the revision in the recovery area. */
  revision: RefObject<number>;
  /** A save is under way: it clears the entry when it succeeds, so a write waits for it. */
  saving: RefObject<boolean>;
  notify(kind: NoticeKind, text: string): void;
}

export function useRecoveryWriter(src: RecoverySource) {
  const recoveredRevision = useRef(0);
  const recoveryId = useRef<string | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<number | null>(null);
  const firstUnwrittenChange = useRef<number | null>(null);
  const failed = useRef(false);
  const { currentDoc, session, dirty, revision, saving, notify } = src;

  const clearAutosaveTimer = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const flushRecovery = useCallback((): Promise<void> => {
    clearAutosaveTimer();
    const next = chain.current.then(async () => {
      const current = currentDoc();
      const rev = revision.current;
      if (!current || !dirty.current || rev <= recoveredRevision.current) return;
      try {
        const s = session.current;
        const r = await api.writeRecovery({ handle: s?.handle ?? null, fileName: s?.fileName ?? null, doc: current });
        // The document may have been replaced meanwhile; only then is the entry not ours to remember.
        if (currentDoc()?.id === current.id) {
          recoveryId.current = r.id;
          recoveredRevision.current = Math.max(recoveredRevision.current, rev);
        }
        firstUnwrittenChange.current = revision.current > rev ? Date.now() : null;
        failed.current = false;
      } catch (e) {
        // Never in the way of typing: say it once, keep trying on the next change.
        if (!failed.current) notify('warning', T.autosaveFailed(errorMessage(e)));
        failed.current = true;
      }
    });
    chain.current = next;
    return next;
  }, [clearAutosaveTimer, currentDoc, dirty, notify, revision, session]);

  const scheduleAutosave = useCallback(() => {
    clearAutosaveTimer();
    const first = firstUnwrittenChange.current ?? Date.now();
    firstUnwrittenChange.current = first;
    const delay = Math.max(0, Math.min(AUTOSAVE_DELAY_MS, first + AUTOSAVE_MAX_WAIT_MS - Date.now()));
    timer.current = window.setTimeout(() => {
      timer.current = null;
      // A save in progress clears the entry when it succeeds; write after it instead of racing it.
      if (saving.current) scheduleAutosave();
      // In the main thread's next idle moment: the copy of the report for main is not taken in the middle of a key.
      else window.requestIdleCallback(() => void flushRecovery(), { timeout: AUTOSAVE_IDLE_TIMEOUT_MS });
    }, delay);
  }, [clearAutosaveTimer, flushRecovery, saving]);

  /** A document was loaded: its entry (a recovered one continues in it) and nothing written yet. */
  const reset = useCallback(
    (entry: string | null) => {
      clearAutosaveTimer();
      recoveredRevision.current = 0;
      firstUnwrittenChange.current = null;
      recoveryId.current = entry;
    },
    [clearAutosaveTimer],
  );

  /** Saved at `rev`; main removed the document's entries. Changes typed during the save are written afresh. */
  const saved = useCallback(
    (rev: number) => {
      recoveryId.current = null;
      if (revision.current === rev) {
        clearAutosaveTimer();
        firstUnwrittenChange.current = null;
        recoveredRevision.current = rev;
      } else {
        recoveredRevision.current = 0;
        scheduleAutosave();
      }
    },
    [clearAutosaveTimer, revision, scheduleAutosave],
  );

  /** 不保存: the user's explicit discard is the one moment the recovery entry may go. */
  const discard = useCallback(async () => {
    clearAutosaveTimer();
    await chain.current;
    const id = recoveryId.current;
    if (id) {
      try {
        await api.discardRecovery(id);
        recoveryId.current = null;
      } catch (e) {
        notify('warning', errorMessage(e));
      }
    }
    // Should the document stay open after all (the next dialog cancelled), its next change is written afresh.
    firstUnwrittenChange.current = null;
  }, [clearAutosaveTimer, notify]);

  /** Resolves once a write in flight has finished (a save waits for it, so that it removes that entry too). */
  const settled = useCallback(() => chain.current, []);

  useEffect(() => {
    const onBlur = () => void flushRecovery();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flushRecovery();
    };
    window.addEventListener('blur', onBlur);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('blur', onBlur);
      document.removeEventListener('visibilitychange', onHidden);
      clearAutosaveTimer();
    };
  }, [clearAutosaveTimer, flushRecovery]);

  return { flushRecovery, scheduleAutosave, reset, saved, discard, settled };
}
