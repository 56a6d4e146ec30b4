// The desk's state in the renderer (renderer): the folders main keeps for it, the running or finished batch (polled
// while it runs), and the actions on it. Main owns the paths and the results; this hook only mirrors the status.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskStatus } from '../../shared/ipc/contract';
import { api, errorMessage } from '../api';

const POLL_MS = 150;

export function useDesk() {
  const [folder, setFolder] = useState<string | null>(null);
  const [previousFolder, setPreviousFolder] = useState<string | null>(null);
  const [status, setStatus] = useState<DeskStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const jobRef = useRef<string | null>(null);

  const guard = useCallback(async (action: () => Promise<void>) => {
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  const start = useCallback(() => guard(async () => {
    const { jobId } = await api.deskStart();
    jobRef.current = jobId;
    setStatus(await api.deskStatus(jobId));
  }), [guard]);

  const chooseFolder = useCallback(() => guard(async () => {
    const { path } = await api.deskChooseFolder('reports');
    if (!path) return;
    setFolder(path);
    await start();
  }), [guard, start]);

  const choosePrevious = useCallback(() => guard(async () => {
    const { path } = await api.deskChooseFolder('previous');
    if (!path) return;
    setPreviousFolder(path);
    // Comparing needs last year's reports read: the batch runs again with both folders.
    if (folder) await start();
  }), [guard, start, folder]);

  // Last year's reports from the team folder's archive (main finds it from the settings).
  const compareWithTeamArchive = useCallback(() => guard(async () => {
    const { path } = await api.deskUseTeamArchive();
    setPreviousFolder(path);
    if (folder) await start();
  }), [guard, start, folder]);

  // Poll while running.
  const running = status?.state === 'running';
  const runningJob = running ? status.jobId : null;
  useEffect(() => {
    const jobId = runningJob;
    if (!jobId) return;
    let stop = false;
    const timer = setInterval(() => {
      void api.deskStatus(jobId).then(
        (s) => { if (!stop && jobRef.current === jobId) setStatus({ ...s }); },
        (e: unknown) => { if (!stop) setError(errorMessage(e)); },
      );
    }, POLL_MS);
    return () => { stop = true; clearInterval(timer); };
  }, [runningJob]);

  const cancel = useCallback(() => guard(async () => {
    if (status) await api.deskCancel(status.jobId);
  }), [guard, status]);

  const exportXlsx = useCallback(() => guard(async () => {
    if (!status) return;
    const r = await api.deskExportXlsx(status.jobId);
    if (r.status === 'exported') setNotice(`已导出“${r.fileName}”。`);
  }), [guard, status]);

  const pair = useCallback((key: string, previousKey: string | null) => guard(async () => {
    if (!status) return;
    const rows = await api.deskPair(status.jobId, key, previousKey);
    setStatus({ ...status, rows });
  }), [guard, status]);

  return { folder, previousFolder, status, error, notice, chooseFolder, choosePrevious, compareWithTeamArchive, start, cancel, exportXlsx, pair, setError };
}

