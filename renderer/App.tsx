// The app shell (renderer): the start screen and, once a report is open, the workspace with the drafting editor.
// Commands arrive from the Electron menu (menuCommand events) and from the same shortcuts pressed in the page.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportDocument } from '../shared/model/schema';
import type { MenuCommand } from '../shared/ipc/contract';
import { api, errorMessage } from './api';
import { commandForKey, commandGate, type CommandSource } from './commands';
import { useReport } from './useReport';
import { ReportEditor, type ReportEditorHandle } from './editor/ReportEditor';
import { HelpDialog } from './editor/HelpDialog';
import { NewReportDialog } from './start/NewReportDialog';
import { T } from './editor/strings';

export function App() {
  const { report, load, update, markSaved } = useReport();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<'new' | 'help' | null>(null);
  const editorRef = useRef<ReportEditorHandle>(null);
  const reportRef = useRef(report);
  reportRef.current = report;

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
        if (r.status === 'opened') load(r.doc, r.session);
      }),
    [run, load],
  );
  const importFile = useCallback(
    () =>
      run(async () => {
        const r = await api.importFile();
        if (r.status === 'imported') load(r.doc, null, true);
      }),
    [run, load],
  );
  const save = useCallback(
    (saveAs: boolean) =>
      run(async () => {
        const current = reportRef.current;
        if (!current) return;
        const doc = editorRef.current?.getDoc() ?? current.doc;
        const r = await api.saveDocument({ handle: current.session?.handle ?? null, doc, saveAs });
        if (r.status === 'saved') markSaved(r.session, doc);
      }),
    [run, markSaved],
  );
  const create = useCallback(
    (doc: ReportDocument) => {
      setDialog(null);
      load(doc, null, true);
    },
    [load],
  );

  const runCommand = useCallback(
    (command: MenuCommand, source: CommandSource) => {
      if (!commandGate(command, source)) return;
      const editor = editorRef.current;
      switch (command) {
        case 'new':
          setDialog('new');
          break;
        case 'open':
          void open();
          break;
        case 'import':
          void importFile();
          break;
        case 'save':
        case 'saveAs':
          void save(command === 'saveAs');
          break;
        case 'undo':
          editor?.undo();
          break;
        case 'redo':
          editor?.redo();
          break;
        case 'find':
        case 'replace':
          editor?.openFind(command === 'replace');
          break;
        case 'help':
          setDialog('help');
          break;
        default:
          // Export, versions, templates and the rest are handled by their own features.
          break;
      }
    },
    [open, importFile, save],
  );

  useEffect(() => api.onMenuCommand((command: MenuCommand) => runCommand(command, 'menu')), [runCommand]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = commandForKey(e);
      if (!command) return;
      // Commands that act on the editor need an open report; the others work from the start screen too.
      if (!reportRef.current && ['find', 'replace', 'save', 'saveAs', 'export'].includes(command)) return;
      e.preventDefault();
      runCommand(command, 'key');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [runCommand]);
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
          <header className="toolbar">
            <span className="doc-name" title={report.session?.fileName ?? T.untitled}>
              {report.session?.fileName ?? (report.doc.meta.title || T.untitled)}
              {report.dirty && <span className="dirty-mark" aria-label="有未保存的更改"> ●</span>}
            </span>
            <span className="toolbar-buttons">
              <button type="button" onClick={() => runCommand('new', 'button')} title="Ctrl+N">新建</button>
              <button type="button" onClick={() => runCommand('open', 'button')} title="Ctrl+O">打开</button>
              <button type="button" onClick={() => runCommand('save', 'button')} title="Ctrl+S" disabled={busy}>保存</button>
              <span className="toolbar-sep" />
              <button type="button" onClick={() => runCommand('undo', 'button')} title="Ctrl+Z">{T.undo}</button>
              <button type="button" onClick={() => runCommand('redo', 'button')} title="Ctrl+Y">{T.redo}</button>
              <button type="button" onClick={() => runCommand('find', 'button')} title="Ctrl+F">{T.find}</button>
              <button type="button" onClick={() => runCommand('replace', 'button')} title="Ctrl+H">{T.replace}</button>
              <span className="toolbar-sep" />
              <button type="button" onClick={() => runCommand('help', 'button')} title="F1">帮助</button>
            </span>
          </header>
          <ReportEditor key={report.loadId} ref={editorRef} doc={report.doc} onChange={update} />
        </main>
      ) : (
        <main className="start" aria-busy={busy}>
          <h1>法治年报助手</h1>
          <p className="tagline">起草、检查、导出法治政府建设年度报告</p>
          <div className="start-actions">
            <button type="button" className="primary" disabled={busy} onClick={() => runCommand('new', 'button')}>
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
      {dialog === 'new' && <NewReportDialog onCreate={create} onCancel={() => setDialog(null)} />}
      {dialog === 'help' && <HelpDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
