// Crash recovery on start (renderer): every document left in the recovery area by an earlier run, with its time,
// title, a preview and its length; restore (opens it as an unsaved document) or discard. Torn entries are listed
// as not recoverable; entries the user leaves alone stay for the next start.
import { useCallback, useEffect, useState } from 'react';
import type { RecoveryList } from '../../shared/ipc/contract';
import { api, errorMessage } from '../api';
import { Modal } from './Modal';
import { formatTime, T } from './text';
import type { DocumentSessionApi } from './useDocumentSession';

/** Lists the recovery area once on start; the dialog opens when there is anything in it. */
export function useRecoveryOnStart(files: DocumentSessionApi): { list: RecoveryList | null; reload: () => Promise<void> } {
  const [list, setList] = useState<RecoveryList | null>(null);
  const { showPanel, notify } = files;
  const reload = useCallback(async () => {
    try {
      const r = await api.listRecovery();
      setList(r);
    } catch (e) {
      notify('warning', errorMessage(e));
    }
  }, [notify]);
  useEffect(() => {
    let cancelled = false;
    void api.listRecovery().then(
      (r) => {
        if (cancelled) return;
        setList(r);
        if (r.entries.length > 0 || r.skipped.length > 0) showPanel('recovery');
      },
      (e) => !cancelled && notify('warning', errorMessage(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [showPanel, notify]);
  return { list, reload };
}

export function RecoveryDialog(props: { files: DocumentSessionApi; list: RecoveryList; reload: () => Promise<void>; onClose: () => void }) {
  const { files, list, reload, onClose } = props;
  const [working, setWorking] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const restore = async (id: string, title: string) => {
    setWorking(id);
    setError(null);
    try {
      const r = await api.readRecovery(id);
      const replaced = await files.replaceDocument(r.doc, { session: r.session, dirty: true, recoveryId: id });
      if (!replaced) return;
      files.notify('info', T.recoveryRestored(title));
      const rest = list.entries.length - 1;
      if (rest > 0) files.notify('info', T.recoveryMore(rest), { label: T.recoveryShow, run: () => files.showPanel('recovery') });
      await reload();
      onClose();
    } catch (e) {
      setError(errorMessage(e));
      await reload();
    } finally {
      setWorking(null);
    }
  };

  const discard = async (id: string) => {
    setWorking(id);
    setError(null);
    setConfirming(null);
    try {
      await api.discardRecovery(id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      await reload();
      setWorking(null);
    }
  };

  // The document restored in this run is open in the editor: it is no longer offered.
  const openId = files.currentDoc()?.id;
  const entries = list.entries.filter((e) => !(files.dirty && e.docId === openId));

  // Everything restored or discarded: nothing left to decide.
  const empty = entries.length === 0 && list.skipped.length === 0;
  useEffect(() => {
    if (empty) onClose();
  }, [empty, onClose]);

  return (
    <Modal
      title={T.recoveryTitle}
      onCancel={onClose}
      className="recovery-dialog"
      footer={
        <button type="button" onClick={onClose} data-autofocus>
          {T.recoveryLater}
        </button>
      }
    >
      <p className="files-hint">{T.recoveryIntro}</p>
      {error && (
        <p className="files-error" role="alert">
          {error}
        </p>
      )}
      <ul className="recovery-list">
        {entries.map((e) => (
          <li key={e.id} className="recovery-item" aria-label={e.title}>
            <div className="recovery-head">
              <strong className="recovery-title">{e.title}</strong>
              <span className="recovery-meta">
                {T.recoverySaved(formatTime(e.savedAt))} · {T.recoveryChars(e.chars)} · {T.recoveryFile(e.fileName)}
              </span>
            </div>
            <p className="recovery-preview">{e.preview}</p>
            {confirming === e.id ? (
              <div className="recovery-actions">
                <span className="files-warning-text">{T.recoveryDiscardConfirm(e.title)}</span>
                <button type="button" className="danger" disabled={working !== null} onClick={() => void discard(e.id)}>
                  {T.recoveryDiscard}
                </button>
                <button type="button" onClick={() => setConfirming(null)}>
                  {T.cancel}
                </button>
              </div>
            ) : (
              <div className="recovery-actions">
                <button type="button" className="primary" disabled={working !== null} onClick={() => void restore(e.id, e.title)}>
                  {T.recoveryRestore}
                </button>
                <button type="button" disabled={working !== null} onClick={() => setConfirming(e.id)}>
                  {T.recoveryDiscard}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {list.skipped.length > 0 && (
        <div className="recovery-skipped">
          <h3>{T.recoverySkippedTitle}</h3>
          <ul>
            {list.skipped.map((s) => (
              <li key={s.id}>
                <span>{s.reason}</span>
                <button type="button" className="link" disabled={working !== null} onClick={() => void discard(s.id)}>
                  {T.recoverySkippedRemove}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Modal>
  );
}
