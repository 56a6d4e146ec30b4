// The files feature's visible parts (renderer): notices (errors, a corrupt settings file moved aside, the team template
// folder offline), the 保存 / 不保存 / 取消 question, crash recovery on start, versions, 另存为模板, settings, and the
// start screen's recent files. App places <FilesNotices> at the top, <FilesLayer> anywhere (it overlays), and
// <RecentFiles> on the start screen.
import { useEffect, useState } from 'react';
import type { RecentFile } from '../../shared/ipc/contract';
import { api } from '../api';
import { Modal } from './Modal';
import { RecoveryDialog, useRecoveryOnStart } from './RecoveryDialog';
import { SettingsDialog } from './SettingsDialog';
import { SaveTemplateDialog } from './TemplateDialogs';
import { formatTime, T } from './text';
import type { DocumentSessionApi } from './useDocumentSession';
import { VersionsPanel } from './VersionsPanel';

export function FilesNotices({ files }: { files: DocumentSessionApi }) {
  if (files.notices.length === 0) return null;
  return (
    <div className="files-notices">
      {files.notices.map((n) => (
        <div key={n.id} className={`banner banner-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span className="banner-text">{n.text}</span>
          {n.action && (
            <button
              type="button"
              className="link"
              onClick={() => {
                files.dismissNotice(n.id);
                n.action!.run();
              }}
            >
              {n.action.label}
            </button>
          )}
          <button type="button" className="link" onClick={() => files.dismissNotice(n.id)}>
            {n.kind === 'error' ? T.close : T.dismiss}
          </button>
        </div>
      ))}
    </div>
  );
}

function UnsavedChangesDialog({ files }: { files: DocumentSessionApi }) {
  const prompt = files.unsavedPrompt;
  if (!prompt) return null;
  return (
    <Modal
      title={T.unsavedTitle}
      alert
      onCancel={() => files.answerUnsaved('cancel')}
      footer={
        <>
          <button type="button" className="primary" onClick={() => files.answerUnsaved('save')} data-autofocus>
            {T.save}
          </button>
          <button type="button" onClick={() => files.answerUnsaved('discard')}>
            {T.dontSave}
          </button>
          <button type="button" onClick={() => files.answerUnsaved('cancel')}>
            {T.cancel}
          </button>
        </>
      }
    >
      <p className="files-question">{T.unsavedQuestion(prompt.name)}</p>
      <p className="files-hint">{T.unsavedExplain}</p>
    </Modal>
  );
}

/** Start-up notices: a settings file that had to be moved aside, template folders that cannot be reached. */
function useStartupNotices(files: DocumentSessionApi): void {
  const { notify } = files;
  useEffect(() => {
    let cancelled = false;
    void api.getSettings().then(
      (r) => !cancelled && r.notice && notify('warning', r.notice),
      () => undefined,
    );
    void api.listTemplates().then(
      (r) => !cancelled && r.notices.forEach((text) => notify('warning', text)),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [notify]);
}

export function FilesLayer({ files }: { files: DocumentSessionApi }) {
  const recovery = useRecoveryOnStart(files);
  useStartupNotices(files);
  const close = () => files.showPanel(null);

  return (
    <>
      {files.panel === 'versions' && <VersionsPanel files={files} onClose={close} />}
      {files.panel === 'recovery' && recovery.list && <RecoveryDialog files={files} list={recovery.list} reload={recovery.reload} onClose={close} />}
      {files.panel === 'saveTemplate' && files.frame && <SaveTemplateDialog files={files} onClose={close} />}
      {files.panel === 'settings' && <SettingsDialog files={files} onClose={close} />}
      <UnsavedChangesDialog files={files} />
      {files.busy && <div className="files-busy" aria-live="polite">{T.working}</div>}
    </>
  );
}

/** The start screen's list of recently opened reports, and the other ways in that belong to files. */
export function RecentFiles({ files }: { files: DocumentSessionApi }) {
  const [recent, setRecent] = useState<RecentFile[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    void api.getSettings().then(
      (r) => !cancelled && setRecent(r.settings.recentFiles),
      () => !cancelled && setRecent([]),
    );
    return () => {
      cancelled = true;
    };
  }, [files.loadId]);

  return (
    <section className="recent-files" aria-label={T.recentTitle}>
      <div className="recent-links">
        <button type="button" className="link" disabled={files.busy} onClick={() => void files.newFromPrevious()}>
          {T.newFromPrevious}
        </button>
        <button type="button" className="link" onClick={() => files.showPanel('settings')}>
          {T.openSettings}
        </button>
      </div>
      <h2>{T.recentTitle}</h2>
      {recent && recent.length === 0 && <p className="files-hint">{T.recentEmpty}</p>}
      <ul>
        {recent?.map((r) => (
          <li key={r.id}>
            <button type="button" className="recent-item" disabled={files.busy} onClick={() => void files.openRecent(r.id)} title={`${r.location}`}>
              <span className="recent-name">{r.name}</span>
              <span className="recent-where">
                {r.location} · {formatTime(r.openedAt)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
