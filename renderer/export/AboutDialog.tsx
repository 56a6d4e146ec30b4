// 关于 (renderer): the product name, its version, the offline statement and the data folder, as main reports them.
import { useEffect, useState } from 'react';
import type { AboutInfo } from '../../shared/ipc/contract';
import { api, errorMessage } from '../api';
import { Modal } from '../files/Modal';
import { T } from './text';

export function AboutDialog({ onClose }: { onClose(): void }) {
  const [info, setInfo] = useState<AboutInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.getAboutInfo().then(
      (i) => live && setInfo(i),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <Modal
      title={T.aboutTitle}
      className="about-dialog"
      onCancel={onClose}
      footer={
        <button type="button" className="primary" onClick={onClose} data-autofocus>
          {T.close}
        </button>
      }
    >
      {error && <p role="alert">{error}</p>}
      {info && (
        <>
          <p className="about-name">{info.name}</p>
          <p className="about-version">
            {T.version} <span data-user-text>{info.version}</span>
          </p>
          <p>{T.offline}</p>
          <p className="files-hint">{T.dataFolder}</p>
          <p className="about-data-dir" data-user-text>{info.dataDir}</p>
        </>
      )}
    </Modal>
  );
}
