// Version history (renderer): keep a named snapshot (送审前), list the snapshots (automatic ones are taken by main at
// each save), preview one, compare it with the current text, and restore it as an undoable change.
import { useCallback, useEffect, useState } from 'react';
import { useAction } from '../useAction';
import type { VersionEntry } from '../../shared/ipc/contract';
import { diffDocuments, type DocumentDiff } from '../../shared/model/diff';
import type { ReportDocument } from '../../shared/model/schema';
import { api, errorMessage } from '../api';
import { DiffView, DocPreview } from './DocView';
import { formatTime, T } from './text';
import type { DocumentSessionApi } from './useDocumentSession';

type Detail =
  | { kind: 'preview'; entry: VersionEntry; doc: ReportDocument }
  | { kind: 'compare'; entry: VersionEntry; diff: DocumentDiff };

export function VersionsPanel({ files, onClose }: { files: DocumentSessionApi; onClose: () => void }) {
  const docId = files.frame?.id ?? null;
  const [entries, setEntries] = useState<VersionEntry[] | null>(null);
  const [name, setName] = useState('');
  const { busy: working, error, setError, run: act } = useAction();
  const [detail, setDetail] = useState<Detail | null>(null);

  const refresh = useCallback(async () => {
    if (!docId) return;
    try {
      setEntries(await api.listVersions(docId));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [docId]);

  useEffect(() => {
    setEntries(null);
    setDetail(null);
    void refresh();
  }, [refresh]);


  const create = () =>
    act(async () => {
      const doc = files.currentDoc();
      const trimmed = name.trim();
      if (!doc || !trimmed) return;
      const entry = await api.createVersion({ doc, name: trimmed });
      setName('');
      files.notify('info', T.versionsCreated(entry.name));
      await refresh();
    });

  const preview = (entry: VersionEntry) =>
    act(async () => {
      setDetail({ kind: 'preview', entry, doc: await api.readVersion(entry.docId, entry.id) });
    });

  const compare = (entry: VersionEntry) =>
    act(async () => {
      const current = files.currentDoc();
      if (!current) return;
      const then = await api.readVersion(entry.docId, entry.id);
      setDetail({ kind: 'compare', entry, diff: diffDocuments(then, current) });
    });

  const restore = (entry: VersionEntry) =>
    act(async () => {
      const current = files.currentDoc();
      if (!current) return;
      const then = await api.readVersion(entry.docId, entry.id);
      // Undo brings the text back in this session; the snapshot keeps it beyond (undo history ends with the window).
      await api.createVersion({ doc: current, name: T.versionsBeforeRestore(entry.name) });
      files.replaceUndoable({ ...then, id: current.id });
      files.notify('info', T.versionsRestored(entry.name));
      setDetail(null);
      await refresh();
    });

  return (
    <aside className="versions-panel" aria-label={T.versionsTitle}>
      <header className="versions-header">
        <h2>{T.versionsTitle}</h2>
        <button type="button" className="link" onClick={onClose}>
          {T.close}
        </button>
      </header>
      {!docId ? (
        <p className="files-hint">{T.versionsNoDoc}</p>
      ) : (
        <>
          <form
            className="versions-create"
            onSubmit={(e) => {
              e.preventDefault();
              void create();
            }}
          >
            <input
              type="text"
              value={name}
              maxLength={100}
              placeholder={T.versionsNamePlaceholder}
              aria-label={T.versionsNamePlaceholder}
              onChange={(e) => setName(e.target.value)}
            />
            <button type="submit" className="primary" disabled={working || !name.trim()}>
              {T.versionsCreate}
            </button>
          </form>
          {error && (
            <p className="files-error" role="alert">
              {error}
            </p>
          )}
          {entries && entries.length === 0 && <p className="files-hint">{T.versionsEmpty}</p>}
          <ul className="versions-list">
            {entries?.map((entry) => (
              <li key={entry.id} className={`versions-item${detail?.entry.id === entry.id ? ' selected' : ''}`} aria-label={entry.name}>
                <div className="versions-line">
                  <span className={`versions-kind versions-kind-${entry.kind}`}>{entry.kind === 'auto' ? T.versionsAuto : T.versionsNamed}</span>
                  <strong>{entry.name}</strong>
                </div>
                <div className="versions-meta">
                  {formatTime(entry.createdAt)} · {T.recoveryChars(entry.chars)}
                </div>
                <div className="versions-actions">
                  <button type="button" disabled={working} onClick={() => void preview(entry)}>
                    {T.versionsPreview}
                  </button>
                  <button type="button" disabled={working} onClick={() => void compare(entry)}>
                    {T.versionsCompare}
                  </button>
                  <button type="button" disabled={working} onClick={() => void restore(entry)}>
                    {T.versionsRestore}
                  </button>
                </div>
              </li>
            ))}
          </ul>
          {detail && (
            <section className="versions-detail">
              <h3>
                {detail.kind === 'preview' ? T.versionsPreview : T.versionsCompare}：{T.versionsPreviewOf(detail.entry.name, formatTime(detail.entry.createdAt))}
              </h3>
              {detail.kind === 'preview' ? <DocPreview doc={detail.doc} /> : <DiffView diff={detail.diff} />}
            </section>
          )}
        </>
      )}
    </aside>
  );
}
