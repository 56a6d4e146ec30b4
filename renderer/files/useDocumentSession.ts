// The open document's session (renderer): which file it belongs to (an opaque handle from main: the renderer never
// sends paths), whether it has unsaved changes, open/save/save as, the window title, autosave to the recovery area
// and the 保存 / 不保存 / 取消 question before the document is closed or replaced. One document per window.
//
// One owner per state: the editor (Slate) owns the body; this session owns the rest of the document (its frame: id,
// meta, ignores, rule settings) and READS the body from the editor, through the port the editor binds, whenever it
// saves, autosaves or hands the document on. The editor only signals that the body changed (bodyChanged()).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocSession, ImportNote } from '../../shared/ipc/contract';
import { newDocumentId } from '../../shared/model/id';
import type { Block, ReportDocument } from '../../shared/model/schema';
import { newFromPreviousYear } from '../../shared/model/templateOps';
import { api, errorMessage } from '../api';
import { APP_NAME, T, UNTITLED } from './text';
import { useNotices } from './useNotices';
import { useRecoveryWriter } from './useRecoveryWriter';
import { useUnsavedPrompt } from './useUnsavedPrompt';

export type { DocFrame, DocumentSessionApi, EditorPort, FilesCommand, FramePatch } from './session';
import type { DocFrame, DocumentSessionApi, EditorPort, FilesCommand, FilesPanel, FramePatch, LoadOptions } from './session';


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

function nameOf(fileName: string | null, doc: DocFrame | null): string | null {
  if (!doc) return null;
  return fileName ?? (doc.meta.title.trim() || UNTITLED);
}

export function useDocumentSession(): DocumentSessionApi {
  const [frame, setFrame] = useState<DocFrame | null>(null);
  const [loaded, setLoaded] = useState<{ loadId: number; body: readonly Block[] }>({ loadId: 0, body: [] });
  const [fileName, setFileName] = useState<string | null>(null);
  const [dirty, setDirtyState] = useState(false);
  const [busy, setBusy] = useState(false);
  const [panel, setPanel] = useState<FilesPanel>(null);
  const { notices, notify, dismissNotice } = useNotices();
  const { unsavedPrompt, askUnsaved, answerUnsaved } = useUnsavedPrompt();

  // The live state, read by handlers without re-subscribing.
  const frameRef = useRef<DocFrame | null>(null);
  const loadedBodyRef = useRef<readonly Block[]>([]);
  const editorRef = useRef<EditorPort | null>(null);
  const sessionRef = useRef<DocSession | null>(null);
  const dirtyRef = useRef(false);
  /** Counts content changes; compared with the revision saved and the revision in the recovery area. */
  const revisionRef = useRef(0);
  const savingRef = useRef(false);
  const busyRef = useRef(false);

  const currentDoc = useCallback((): ReportDocument | null => {
    const f = frameRef.current;
    if (!f) return null;
    return { ...f, body: editorRef.current?.body() ?? (loadedBodyRef.current as Block[]) };
  }, []);

  const currentHandle = useCallback(() => sessionRef.current?.handle ?? null, []);

  const setDirty = useCallback((value: boolean) => {
    dirtyRef.current = value;
    setDirtyState(value);
  }, []);

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

  const recovery = useRecoveryWriter({ currentDoc, session: sessionRef, dirty: dirtyRef, revision: revisionRef, saving: savingRef, notify });
  const { flushRecovery, scheduleAutosave } = recovery;

  // ---- loading and editing ----------------------------------------------------------------------------------------

  const load = useCallback(
    (next: ReportDocument, options: LoadOptions) => {
      const { body, ...rest } = next;
      frameRef.current = rest;
      loadedBodyRef.current = body;
      editorRef.current = null; // the editor of the previous document goes; the new one binds itself
      sessionRef.current = options.session;
      revisionRef.current = 0;
      recovery.reset(options.recoveryId ?? null);
      setFrame(rest);
      setLoaded((l) => ({ loadId: l.loadId + 1, body }));
      setFileName(options.session?.fileName ?? null);
      setDirty(options.dirty);
      for (const note of options.notes ?? []) notify(note.severity === 'warning' ? 'warning' : 'info', note.message);
      // A document that is not on disk goes to the recovery area at once (a recovered one is there already).
      if (options.dirty && !options.recoveryId) {
        revisionRef.current = 1;
        scheduleAutosave();
      }
    },
    [notify, recovery, scheduleAutosave, setDirty],
  );

  const changed = useCallback(() => {
    revisionRef.current += 1;
    if (!dirtyRef.current) setDirty(true);
    scheduleAutosave();
  }, [scheduleAutosave, setDirty]);

  // Typing re-renders nothing here: the body stays the editor's, the session only counts the change.
  const bodyChanged = changed;

  const changeFrame = useCallback(
    (patch: FramePatch) => {
      const prev = frameRef.current;
      if (!prev) return;
      const next = { ...prev, ...patch, meta: patch.meta ? { ...prev.meta, ...patch.meta } : prev.meta };
      frameRef.current = next;
      setFrame(next);
      changed();
    },
    [changed],
  );

  const bindEditor = useCallback((port: EditorPort | null) => {
    editorRef.current = port;
  }, []);

  const replaceUndoable = useCallback(
    (next: ReportDocument) => {
      changeFrame({ meta: next.meta });
      editorRef.current?.replaceBody(next.body);
    },
    [changeFrame],
  );

  // ---- saving -----------------------------------------------------------------------------------------------------

  const saveImpl = useCallback(
    async (saveAs: boolean): Promise<boolean> => {
      if (!frameRef.current || savingRef.current) return false;
      savingRef.current = true;
      busyRef.current = true;
      setBusy(true);
      try {
        // Let a recovery write in flight finish first, so the successful save removes it too.
        await recovery.settled();
        const current = currentDoc()!;
        const revision = revisionRef.current;
        const r = await api.saveDocument({ handle: sessionRef.current?.handle ?? null, doc: current, saveAs });
        if (r.status === 'cancelled') return false;
        if (frameRef.current?.id !== current.id) return true;
        sessionRef.current = r.session;
        setFileName(r.session.fileName);
        recovery.saved(revision);
        if (revisionRef.current === revision) setDirty(false);
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
    [currentDoc, notify, recovery, setDirty],
  );
  const save = useCallback(() => saveImpl(false), [saveImpl]);
  const saveAs = useCallback(() => saveImpl(true), [saveImpl]);

  // ---- the unsaved-changes question, opening ----------------------------------------------------------------------

  const ensureSaved = useCallback(async (): Promise<boolean> => {
    if (!frameRef.current || !dirtyRef.current) return true;
    const choice = await askUnsaved(nameOf(sessionRef.current?.fileName ?? null, frameRef.current) ?? UNTITLED);
    if (choice === 'cancel') return false;
    if (choice === 'save') return saveImpl(false);
    await recovery.discard();
    return true;
  }, [askUnsaved, recovery, saveImpl]);

  const replaceDocument = useCallback(
    async (next: ReportDocument, options: LoadOptions): Promise<boolean> => {
      if (!(await ensureSaved())) return false;
      load(next, options);
      return true;
    },
    [ensureSaved, load],
  );

  const openWith = useCallback(
    async (read: () => ReturnType<typeof api.openDocument>) => {
      if (busyRef.current || !(await ensureSaved())) return;
      await run(async () => {
        const r = await read();
        if (r.status === 'opened') load(r.doc, { session: r.session, dirty: openedFromBackup(r.notes), notes: r.notes });
      });
    },
    [ensureSaved, load, run],
  );
  const open = useCallback(() => openWith(() => api.openDocument()), [openWith]);
  const openRecent = useCallback((id: string) => openWith(() => api.openRecent(id)), [openWith]);

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

  // ---- window: title, close ---------------------------------------------------------------------------------------

  const displayName = nameOf(fileName, frame);
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

  const showPanel = useCallback((p: FilesPanel) => setPanel(p), []);

  const handleCommand = useCallback(
    (command: FilesCommand): void => {
      const idle = !busyRef.current;
      const hasDoc = !!frameRef.current;
      const handlers: Record<FilesCommand, () => unknown> = {
        open: () => idle && open(),
        save: () => idle && hasDoc && save(),
        saveAs: () => idle && hasDoc && saveAs(),
        newFromPrevious: () => newFromPrevious(),
        versions: () => setPanel('versions'),
        saveTemplate: () => hasDoc && setPanel('saveTemplate'),
      };
      void handlers[command]();
    },
    [newFromPrevious, open, save, saveAs],
  );

  return useMemo(
    () => ({
      frame, loadedBody: loaded.body, loadId: loaded.loadId, fileName, displayName: displayName ?? UNTITLED, dirty, busy, notices,
      unsavedPrompt, panel, bodyChanged, changeFrame, currentDoc, currentHandle, bindEditor, ensureSaved, replaceDocument, loadDocument: load,
      replaceUndoable, open, openRecent, newFromPrevious, handleCommand, save, saveAs, flushRecovery, answerUnsaved, notify,
      dismissNotice, showPanel, run,
    }),
    [
      frame, loaded, fileName, displayName, dirty, busy, notices, unsavedPrompt, panel, bodyChanged, changeFrame, currentDoc, currentHandle,
      bindEditor, ensureSaved, replaceDocument, load, replaceUndoable, open, openRecent, newFromPrevious, handleCommand, save,
      saveAs, flushRecovery, answerUnsaved, notify, dismissNotice, showPanel, run,
    ],
  );
}
