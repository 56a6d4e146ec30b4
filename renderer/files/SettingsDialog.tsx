// Settings (renderer): the defaults a new report starts with (机关, 署名, 主送) and the team template folder. Main
// validates and stores them; a corrupt settings file is reported once as a notice. (The editor preferences in
// settings.ui get their controls once the editor reads them.)
import { useEffect, useState } from 'react';
import { useAction } from '../useAction';
import type { Settings } from '../../shared/ipc/contract';
import { api, errorMessage } from '../api';
import { Modal } from './Modal';
import { T } from './text';
import type { DocumentSessionApi } from './useDocumentSession';

export function SettingsDialog({ files, onClose }: { files: DocumentSessionApi; onClose: () => void }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const { busy: working, error, setError, run } = useAction();

  useEffect(() => {
    let cancelled = false;
    api.getSettings().then(
      (r) => !cancelled && setSettings(r.settings),
      (e) => !cancelled && setError(errorMessage(e)),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setSettings((s) => (s ? { ...s, [key]: value } : s));

  const submit = async () => {
    if (!settings) return;
    await run(async () => {
      await api.updateSettings({
        defaultOrgan: settings.defaultOrgan.trim(),
        defaultSignature: settings.defaultSignature.trim(),
        defaultAddressee: settings.defaultAddressee.trim(),
        userName: settings.userName.trim(),
        templateFolders: { team: settings.templateFolders.team.trim() },
      });
      files.notify('info', T.settingsSaved);
      onClose();
    });
  };

  // The system's folder dialog (main); the field shows the pick, which is stored when the settings are saved.
  const chooseFolder = () =>
    run(async () => {
      const { path } = await api.chooseTeamFolder();
      if (path) set('templateFolders', { team: path });
    });

  return (
    <Modal
      title={T.settingsTitle}
      onCancel={onClose}
      footer={
        <>
          <button type="button" className="primary" disabled={working || !settings} onClick={() => void submit()}>
            {T.settingsSave}
          </button>
          <button type="button" onClick={onClose}>
            {T.cancel}
          </button>
        </>
      }
    >
      {settings && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label className="files-field">
            <span>{T.settingsOrgan}</span>
            <input type="text" value={settings.defaultOrgan} maxLength={100} onChange={(e) => set('defaultOrgan', e.target.value)} data-autofocus />
          </label>
          <label className="files-field">
            <span>{T.settingsSignature}</span>
            <input type="text" value={settings.defaultSignature} maxLength={100} onChange={(e) => set('defaultSignature', e.target.value)} />
          </label>
          <label className="files-field">
            <span>{T.settingsAddressee}</span>
            <input type="text" value={settings.defaultAddressee} maxLength={100} onChange={(e) => set('defaultAddressee', e.target.value)} />
          </label>
          <label className="files-field">
            <span>{T.settingsUserName}</span>
            <input type="text" value={settings.userName} maxLength={50} onChange={(e) => set('userName', e.target.value)} />
            <small className="files-hint">{T.settingsUserNameHint}</small>
          </label>
          <label className="files-field">
            <span>{T.settingsTeamFolder}</span>
            <span className="files-row">
              <input
                type="text"
                value={settings.templateFolders.team}
                maxLength={500}
                spellCheck={false}
                onChange={(e) => set('templateFolders', { team: e.target.value })}
              />
              <button type="button" disabled={working} onClick={() => void chooseFolder()}>
                {T.settingsChooseFolder}
              </button>
            </span>
            <small className="files-hint">{T.settingsTeamFolderHint}</small>
          </label>
          <button type="submit" hidden />
        </form>
      )}
      {error && (
        <p className="files-error" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
