// The open document's session (renderer): which file it belongs to (an opaque handle from main: the renderer never
// sends paths), whether it has unsaved changes, open/save/save as, the window title, autosave to the recovery area
// and the 保存 / 不保存 / 取消 question before the document is closed or replaced. One document per window.
//
// The editor is controlled: it shows `doc` and reports every content change with `docChanged(doc)` (not
// selection-only changes); to make restoring a version undoable it registers itself with `bindEditor`. Autosave and
// saving read the latest document from a ref, so they never wait for a render.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocSession, ImportNote, MenuCommand } from '../../shared/ipc/contract';
import { newDocumentId } from '../../shared/model/id';
import type { ReportDocument } from '../../shared/model/schema';
import { newFromPreviousYear } from '../../shared/model/templateOps';
import { api, errorMessage } from '../api';
import { APP_NAME, T, UNTITLED } from './text';

/** Debounce before the working state goes to the recovery area (the issue asks for ≤ 2 s after typing stops). */
export const AUTOSAVE_DELAY_MS = 1500;
/** While typing goes on without a pause, the working state is still written at least this often. */
export const AUTOSAVE_MAX_WAIT_MS = 10_000;

/** What the editor offers the session. */
export interface EditorPort {
  /** Replaces the whole document (body and meta) as one undoable step; the editor then reports it via docChanged. */
  replaceDocument(doc: ReportDocument): void;
}

export interface LoadOptions {
  /** The file the document belongs to; null for a new, imported or derived report (saving asks where). */
  session: DocSession | null;
  /** True when the document is not on disk as it stands (new, imported, recovered). */
  dirty: boolean;
  /** Notes from opening or importing, shown to the user. */
  notes?: ImportNote[];
  /** The recovery entry this document came from: autosaves continue in it, 不保存 discards it. */
  recoveryId?: string | null;
}

export type NoticeKind = 'info' | 'warning' | 'error';
export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
  action?: { label: string; run: () => void };
}

export type FilesPanel = 'versions' | 'saveTemplate' | 'settings' | 'recovery' | null;

type UnsavedChoice = 'save' | 'discard' | 'cancel';

export interface DocumentSessionState {
  /**
   * The open document for rendering (null on the start screen): its meta, ignores and rules are the latest, its body
   * may be older (the editor owns the body). For the latest document use currentDoc().
   */
  doc: ReportDocument | null;
  /** Changes whenever a different document is loaded: use it as the editor's React key. */
  loadId: number;
  /** The file name (报告.fzbg), or null before the first save. */
  fileName: string | null;
  /** What the title bar and dialogs call the document. */
  displayName: string;
  dirty: boolean;
  /** A file operation (open, save, …) is under way. */
  busy: boolean;
  notices: Notice[];
  /** The 保存 / 不保存 / 取消 question being asked, if any. */
  unsavedPrompt: { name: string } | null;
  panel: FilesPanel;
}

export interface DocumentSessionApi extends DocumentSessionState {
  /** The editor reports each content change (the latest full document); call it inside startTransition if you like. */
  docChanged(doc: ReportDocument): void;
  /** The latest document (with every edit), or null when none is open. */
  currentDoc(): ReportDocument | null;
  /** The opaque handle of the document's file (null before the first save): the export proposes its folder. */
  currentHandle(): string | null;
  /** The editor registers (and on unmount unregisters) the port for undoable replacement. */
  bindEditor(port: EditorPort | null): void;
  /** Asks 保存 / 不保存 / 取消 when there are unsaved changes; true when the caller may close or replace the document. */
  ensureSaved(): Promise<boolean>;
  /** Asks about unsaved changes, then shows `doc` as the open document. False when the user cancelled. */
  replaceDocument(doc: ReportDocument, options: LoadOptions): Promise<boolean>;
  /** Shows `doc` as the open document without asking: only right after ensureSaved() returned true. */
  loadDocument(doc: ReportDocument, options: LoadOptions): void;
  /** Replaces the open document in the editor as an undoable step (when the editor registered a port). */
  replaceUndoable(doc: ReportDocument): void;
  open(): Promise<void>;
  openRecent(id: string): Promise<void>;
  /** 基于上一年度报告新建: last year's .fzbg (chosen in main's dialog) becomes next year's unsaved draft. */
  newFromPrevious(): Promise<void>;
  /**
   * Runs a menu command or shortcut that belongs to files (open, save, saveAs, newFromPrevious, versions,
   * saveTemplate); false for any other. App's one command dispatcher calls it, so a key and its menu echo are
   * gated in one place. A second save or open while one is under way is ignored.
   */
  handleCommand(command: MenuCommand): boolean;
  /** Saves to the document's file (asks where when it has none). True when saved. */
  save(): Promise<boolean>;
  saveAs(): Promise<boolean>;
  /** Writes the working state to the recovery area now (also runs on its own after typing stops and on blur). */
  flushRecovery(): Promise<void>;
  answerUnsaved(choice: UnsavedChoice): void;
  notify(kind: NoticeKind, text: string, action?: Notice['action']): void;
  dismissNotice(id: number): void;
  showPanel(panel: FilesPanel): void;
  /** Runs a file operation with the busy flag set; a thrown ApiError becomes an error notice. */
  run<R>(action: () => Promise<R>): Promise<R | undefined>;
}

export function windowTitle(name: string | null, dirty: boolean): string {
  if (name === null) return APP_NAME;
  return `${dirty ? '● ' : ''}${name} — ${APP_NAME}`;
}

/**
 * Main opened the backup beside a damaged file (it says so in a warning note): what is shown is not what is on disk,
 * so it counts as unsaved (closing asks, autosave keeps it) until the user saves over the damaged file.
 */
function openedFromBackup(notes: readonly ImportNote[]): boolean {
  return notes.some((n) => n.severity === 'warning');
}

function nameOf(fileName: string | null, doc: ReportDocument | null): string | null {
  if (!doc) return null;
  return fileName ?? (doc.meta.title.trim() || UNTITLED);
}

export function useDocumentSession(): DocumentSessionApi {
  const [doc, setDoc] = useState<ReportDocument | null>(null);
  const [loadId, setLoadId] = useState(0);
  const [fileName, setFileName] = useState<string | null>(null);
  const [dirty, setDirtyState] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [unsavedPrompt, setUnsavedPrompt] = useState<{ name: string } | null>(null);
  const [panel, setPanel] = useState<FilesPanel>(null);

  // The live state, read by handlers without re-subscribing.
  const docRef = useRef<ReportDocument | null>(null);
  const sessionRef = useRef<DocSession | null>(null);
  const dirtyRef = useRef(false);
  /** Counts content changes; compared with the revision saved and the revision in the recovery area. */
  const revisionRef = useRef(0);
  const recoveredRevisionRef = useRef(0);
  const recoveryIdRef = useRef<string | null>(null);
  const recoveryChainRef = useRef<Promise<void>>(Promise.resolve());
  const autosaveTimerRef = useRef<number | null>(null);
  const firstUnwrittenChangeRef = useRef<number | null>(null);
  const recoveryFailedRef = useRef(false);
  const savingRef = useRef(false);
  const busyRef = useRef(false);
  const editorRef = useRef<EditorPort | null>(null);
  const unsavedResolveRef = useRef<((choice: UnsavedChoice) => void) | null>(null);
  const noticeIdRef = useRef(0);

  const setDirty = useCallback((value: boolean) => {
    dirtyRef.current = value;
    setDirtyState(value);
  }, []);

  const notify = useCallback((kind: NoticeKind, text: string, action?: Notice['action']) => {
    const id = ++noticeIdRef.current;
    // The same message twice (e.g. a repeated failure) shows once.
    setNotices((list) => [...list.filter((n) => n.text !== text), { id, kind, text, action }]);
  }, []);
  const dismissNotice = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);

  const run = useCallback(
    async <R,>(action: () => Promise<R>): Promise<R | undefined> => {
      busyRef.current = true;
      setBusy(true);
      try {
        return await action();
      } catch (e) {
        notify('error', errorMessage(e));
        return undefined;
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [notify],
  );

  // ---- recovery area ----------------------------------------------------------------------------------------------

  const clearAutosaveTimer = useCallback(() => {
    if (autosaveTimerRef.current !== null) window.clearTimeout(autosaveTimerRef.current);
    autosaveTimerRef.current = null;
  }, []);

  const flushRecovery = useCallback((): Promise<void> => {
    clearAutosaveTimer();
    const next = recoveryChainRef.current.then(async () => {
      const current = docRef.current;
      const revision = revisionRef.current;
      if (!current || !dirtyRef.current || revision <= recoveredRevisionRef.current) return;
      try {
        const session = sessionRef.current;
        const r = await api.writeRecovery({ handle: session?.handle ?? null, fileName: session?.fileName ?? null, doc: current });
        // The document may have been replaced meanwhile; only then is the entry not ours to remember.
        if (docRef.current?.id === current.id) {
          recoveryIdRef.current = r.id;
          recoveredRevisionRef.current = Math.max(recoveredRevisionRef.current, revision);
        }
        firstUnwrittenChangeRef.current = revisionRef.current > revision ? Date.now() : null;
        recoveryFailedRef.current = false;
      } catch (e) {
        // Never in the way of typing: say it once, keep trying on the next change.
        if (!recoveryFailedRef.current) notify('warning', T.autosaveFailed(errorMessage(e)));
        recoveryFailedRef.current = true;
      }
    });
    recoveryChainRef.current = next;
    return next;
  }, [clearAutosaveTimer, notify]);

  const scheduleAutosave = useCallback(() => {
    clearAutosaveTimer();
    const first = firstUnwrittenChangeRef.current ?? Date.now();
    firstUnwrittenChangeRef.current = first;
    const delay = Math.max(0, Math.min(AUTOSAVE_DELAY_MS, first + AUTOSAVE_MAX_WAIT_MS - Date.now()));
    autosaveTimerRef.current = window.setTimeout(() => {
      autosaveTimerRef.current = null;
      // A save in progress clears the entry when it succeeds; write after it instead of racing it.
      if (savingRef.current) scheduleAutosave();
      else void flushRecovery();
    }, delay);
  }, [clearAutosaveTimer, flushRecovery]);

  // ---- loading and editing ----------------------------------------------------------------------------------------

  const load = useCallback(
    (next: ReportDocument, options: LoadOptions) => {
      clearAutosaveTimer();
      docRef.current = next;
      sessionRef.current = options.session;
      revisionRef.current = 0;
      recoveredRevisionRef.current = 0;
      firstUnwrittenChangeRef.current = null;
      recoveryIdRef.current = options.recoveryId ?? null;
      setDoc(next);
      setLoadId((n) => n + 1);
      setFileName(options.session?.fileName ?? null);
      setDirty(options.dirty);
      for (const note of options.notes ?? []) notify(note.severity === 'warning' ? 'warning' : 'info', note.message);
      // A document that is not on disk goes to the recovery area at once (a recovered one is there already).
      if (options.dirty && !options.recoveryId) {
        revisionRef.current = 1;
        scheduleAutosave();
      }
    },
    [clearAutosaveTimer, notify, scheduleAutosave, setDirty],
  );

  const docChanged = useCallback(
    (next: ReportDocument) => {
      const prev = docRef.current;
      if (next === prev) return;
      docRef.current = next;
      revisionRef.current += 1;
      // The editor owns the body: an edit of the body alone (typing) is kept here for saving and autosave but does not
      // re-render the shell; `doc` (state) follows the meta, ignores, rules and loads.
      if (!prev || prev.id !== next.id || prev.meta !== next.meta || prev.ignores !== next.ignores || prev.rules !== next.rules) setDoc(next);
      if (!dirtyRef.current) setDirty(true);
      scheduleAutosave();
    },
    [scheduleAutosave, setDirty],
  );

  const currentDoc = useCallback(() => docRef.current, []);
  const currentHandle = useCallback(() => sessionRef.current?.handle ?? null, []);
  const bindEditor = useCallback((port: EditorPort | null) => {
    editorRef.current = port;
  }, []);

  const replaceUndoable = useCallback(
    (next: ReportDocument) => {
      // Without a port the controlled editor still takes the new document, only not as an undoable step.
      if (editorRef.current) editorRef.current.replaceDocument(next);
      else docChanged(next);
    },
    [docChanged],
  );

  // ---- saving -----------------------------------------------------------------------------------------------------

  const saveImpl = useCallback(
    async (saveAs: boolean): Promise<boolean> => {
      const current = docRef.current;
      if (!current || savingRef.current) return false;
      savingRef.current = true;
      busyRef.current = true;
      setBusy(true);
      try {
        // Let a recovery write in flight finish first, so the successful save removes it too.
        await recoveryChainRef.current;
        const revision = revisionRef.current;
        const r = await api.saveDocument({ handle: sessionRef.current?.handle ?? null, doc: current, saveAs });
        if (r.status === 'cancelled') return false;
        if (docRef.current?.id !== current.id) return true;
        sessionRef.current = r.session;
        setFileName(r.session.fileName);
        // Main removed this document's recovery entries after the save.
        recoveryIdRef.current = null;
        if (revisionRef.current === revision) {
          clearAutosaveTimer();
          firstUnwrittenChangeRef.current = null;
          recoveredRevisionRef.current = revision;
          setDirty(false);
        } else {
          // Typed during the save: those changes are unsaved and not in the recovery area any more.
          recoveredRevisionRef.current = 0;
          scheduleAutosave();
        }
        return true;
      } catch (e) {
        // The document in memory is untouched and stays dirty; the file on disk is unchanged (atomic save).
        notify('error', errorMessage(e));
        return false;
      } finally {
        savingRef.current = false;
        busyRef.current = false;
        setBusy(false);
      }
    },
    [clearAutosaveTimer, notify, scheduleAutosave, setDirty],
  );
  const save = useCallback(() => saveImpl(false), [saveImpl]);
  const saveAs = useCallback(() => saveImpl(true), [saveImpl]);

  // ---- the unsaved-changes question -------------------------------------------------------------------------------

  const askUnsaved = useCallback((): Promise<UnsavedChoice> => {
    // A second question while one is open (e.g. close during open) is the same question.
    unsavedResolveRef.current?.('cancel');
    return new Promise<UnsavedChoice>((resolve) => {
      unsavedResolveRef.current = resolve;
      setUnsavedPrompt({ name: nameOf(sessionRef.current?.fileName ?? null, docRef.current) ?? UNTITLED });
    });
  }, []);

  const answerUnsaved = useCallback((choice: UnsavedChoice) => {
    const resolve = unsavedResolveRef.current;
    unsavedResolveRef.current = null;
    setUnsavedPrompt(null);
    resolve?.(choice);
  }, []);

  const ensureSaved = useCallback(async (): Promise<boolean> => {
    if (!docRef.current || !dirtyRef.current) return true;
    const choice = await askUnsaved();
    if (choice === 'cancel') return false;
    if (choice === 'save') return saveImpl(false);
    // 不保存: the user's explicit discard is the one moment the recovery entry may go.
    clearAutosaveTimer();
    await recoveryChainRef.current;
    const id = recoveryIdRef.current;
    if (id) {
      try {
        await api.discardRecovery(id);
        recoveryIdRef.current = null;
      } catch (e) {
        notify('warning', errorMessage(e));
      }
    }
    // Should the document stay open after all (the next dialog cancelled), its next change is written afresh.
    firstUnwrittenChangeRef.current = null;
    return true;
  }, [askUnsaved, clearAutosaveTimer, notify, saveImpl]);

  const replaceDocument = useCallback(
    async (next: ReportDocument, options: LoadOptions): Promise<boolean> => {
      if (!(await ensureSaved())) return false;
      load(next, options);
      return true;
    },
    [ensureSaved, load],
  );

  const open = useCallback(async () => {
    if (busyRef.current || !(await ensureSaved())) return;
    await run(async () => {
      const r = await api.openDocument();
      if (r.status === 'opened') load(r.doc, { session: r.session, dirty: openedFromBackup(r.notes), notes: r.notes });
    });
  }, [ensureSaved, load, run]);

  const openRecent = useCallback(
    async (id: string) => {
      if (busyRef.current || !(await ensureSaved())) return;
      await run(async () => {
        const r = await api.openRecent(id);
        if (r.status === 'opened') load(r.doc, { session: r.session, dirty: openedFromBackup(r.notes), notes: r.notes });
      });
    },
    [ensureSaved, load, run],
  );

  // ---- window: title, close, blur, menu, keys ---------------------------------------------------------------------

  const displayName = nameOf(fileName, doc);
  useEffect(() => {
    void api.setWindowState({ title: windowTitle(displayName, dirty), dirty }).catch(() => undefined);
  }, [displayName, dirty]);

  useEffect(
    () =>
      api.onCloseRequested(() => {
        void (async () => {
          let proceed = true;
          try {
            await flushRecovery();
            proceed = await ensureSaved();
          } finally {
            await api.confirmClose(proceed).catch(() => undefined);
          }
        })();
      }),
    [ensureSaved, flushRecovery],
  );

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

  const showPanel = useCallback((p: FilesPanel) => setPanel(p), []);

  const newFromPrevious = useCallback(async () => {
    if (busyRef.current || !(await ensureSaved())) return;
    await run(async () => {
      const r = await api.openDocument();
      if (r.status !== 'opened') return;
      // Last year's file is only read: the draft is a new report with its own id and no file yet.
      const draft = newFromPreviousYear(r.doc, { id: newDocumentId() });
      load(draft, { session: null, dirty: true });
      notify('info', T.previousYearOpened(draft.meta.year));
    });
  }, [ensureSaved, load, notify, run]);

  const handleCommand = useCallback(
    (command: MenuCommand): boolean => {
      switch (command) {
        case 'open':
          if (!busyRef.current) void open();
          return true;
        case 'save':
          if (!busyRef.current && docRef.current) void save();
          return true;
        case 'saveAs':
          if (!busyRef.current && docRef.current) void saveAs();
          return true;
        case 'newFromPrevious':
          void newFromPrevious();
          return true;
        case 'versions':
          setPanel('versions');
          return true;
        case 'saveTemplate':
          if (docRef.current) setPanel('saveTemplate');
          return true;
        default:
          return false;
      }
    },
    [newFromPrevious, open, save, saveAs],
  );

  return useMemo(
    () => ({
      doc,
      loadId,
      fileName,
      displayName: displayName ?? UNTITLED,
      dirty,
      busy,
      notices,
      unsavedPrompt,
      panel,
      docChanged,
      currentDoc,
      currentHandle,
      bindEditor,
      ensureSaved,
      replaceDocument,
      loadDocument: load,
      replaceUndoable,
      open,
      openRecent,
      newFromPrevious,
      handleCommand,
      save,
      saveAs,
      flushRecovery,
      answerUnsaved,
      notify,
      dismissNotice,
      showPanel,
      run,
    }),
    [
      doc, loadId, fileName, displayName, dirty, busy, notices, unsavedPrompt, panel, docChanged, currentDoc, currentHandle, bindEditor,
      ensureSaved, replaceDocument, load, replaceUndoable, open, openRecent, newFromPrevious, handleCommand, save, saveAs, flushRecovery, answerUnsaved, notify,
      dismissNotice, showPanel, run,
    ],
  );
}
