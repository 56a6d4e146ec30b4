// The app shell (renderer): the start screen and, once a report is open, the workspace.
import { useCallback, useEffect, useState } from 'react';
import type { ReportDocument } from '../shared/model/schema';
import type { DocSession, MenuCommand } from '../shared/ipc/contract';
import { api, errorMessage } from './api';

interface OpenReport {
  doc: ReportDocument;
  session: DocSession | null;
}

export function App() {
  const [report, setReport] = useState<OpenReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }, []);

  const open = useCallback(
    () =>
      run(async () => {
        const r = await api.openDocument();
        if (r.status === 'opened') setReport({ doc: r.doc, session: r.session });
      }),
    [run],
  );
  const importFile = useCallback(
    () =>
      run(async () => {
        const r = await api.importFile();
        if (r.status === 'imported') setReport({ doc: r.doc, session: null });
      }),
    [run],
  );

  useEffect(
    () =>
      api.onMenuCommand((command: MenuCommand) => {
        if (command === 'open') void open();
        else if (command === 'import') void importFile();
      }),
    [open, importFile],
  );
  useEffect(() => api.onCloseRequested(() => void api.confirmClose(true)), []);

  return (
    <div className="app">
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
          <button type="button" className="link" onClick={() => setError(null)}>
            关闭
          </button>
        </div>
      )}
      {report ? (
        <main className="workspace">
          <h1 className="doc-title">{report.doc.meta.title || '未命名报告'}</h1>
        </main>
      ) : (
        <main className="start" aria-busy={busy}>
          <h1>法治年报助手</h1>
          <p className="tagline">起草、检查、导出法治政府建设年度报告</p>
          <div className="start-actions">
            <button type="button" className="primary" disabled={busy}>
              新建报告
            </button>
            <button type="button" disabled={busy} onClick={() => void open()}>
              打开…
            </button>
            <button type="button" disabled={busy} onClick={() => void importFile()}>
              导入Word或文本…
            </button>
          </div>
        </main>
      )}
    </div>
  );
}
