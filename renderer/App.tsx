// The app shell (renderer): the start screen and, once a report is open, the workspace with the drafting editor.
// Commands arrive from the Electron menu (menuCommand events) and from the same shortcuts pressed in the page.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useAction } from './useAction';
import type { ReportDocument } from '../shared/model/schema';
import type { MenuCommand } from '../shared/ipc/contract';
import { api } from './api';
import { commandForKey, commandGate, type CommandSource } from './commands';
import { FilesLayer, FilesNotices, RecentFiles, useDocumentSession } from './files';
import { ReportEditor, type ReportEditorHandle } from './editor/ReportEditor';
import { HelpDialog } from './editor/HelpDialog';
import { NewReportDialog } from './start/NewReportDialog';
import { T } from './editor/strings';

export function App() {
  // The open document, its file, unsaved changes, autosave and recovery, versions and templates: renderer/files.
  const files = useDocumentSession();
  const filesRef = useRef(files);
  filesRef.current = files;
  const report = files.doc ? { doc: files.doc, loadId: files.loadId } : null;
  const { busy, error, setError, run } = useAction();
  const [dialog, setDialog] = useState<'new' | 'help' | null>(null);
  const editorRef = useRef<ReportEditorHandle>(null);
  const reportRef = useRef(report);
  reportRef.current = report;


  const open = useCallback(() => void filesRef.current.open(), []);
  const importFile = useCallback(async () => {
    // Unsaved changes are asked about first (保存 / 不保存 / 取消), then the file is chosen.
    if (!(await filesRef.current.ensureSaved())) return;
    await run(async () => {
      const r = await api.importFile();
      if (r.status === 'imported') filesRef.current.loadDocument(r.doc, { session: null, dirty: true, notes: r.notes });
    });
  }, [run]);
  const create = useCallback((doc: ReportDocument) => {
    setDialog(null);
    filesRef.current.loadDocument(doc, { session: null, dirty: true });
  }, []);

  const runCommand = useCallback(
    (command: MenuCommand, source: CommandSource) => {
      if (!commandGate(command, source)) return;
      // open, save, saveAs, newFromPrevious, versions, saveTemplate
      if (filesRef.current.handleCommand(command)) return;
      const editor = editorRef.current;
      switch (command) {
        case 'new':
          void filesRef.current.ensureSaved().then((proceed) => proceed && setDialog('new'));
          break;
        case 'import':
          void importFile();
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
        case 'exportReview':
          editor?.exportReview();
          break;
        case 'importReview':
          editor?.importReview();
          break;
        default:
          // Export, versions, templates and the rest are handled by their own features.
          break;
      }
    },
    [importFile],
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
  // Restoring a version is an undoable step in the editor.
  const { bindEditor } = files;
  useEffect(() => bindEditor({ replaceDocument: (doc) => editorRef.current?.replaceDocument(doc) }), [bindEditor]);

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
      <FilesNotices files={files} />
      {report ? (
        <main className="workspace">
          <header className="toolbar">
            <span className="doc-name" title={files.displayName}>
              {files.displayName}
              {files.dirty && <span className="dirty-mark" aria-label="有未保存的更改"> ●</span>}
            </span>
            <span className="toolbar-buttons">
              <button type="button" onClick={() => runCommand('new', 'button')} title="Ctrl+N">新建</button>
              <button type="button" onClick={() => runCommand('open', 'button')} title="Ctrl+O">打开</button>
              <button type="button" onClick={() => runCommand('save', 'button')} title="Ctrl+S" disabled={busy || files.busy}>保存</button>
              <button type="button" onClick={() => runCommand('versions', 'button')}>版本</button>
              <span className="toolbar-sep" />
              <button type="button" onClick={() => runCommand('undo', 'button')} title="Ctrl+Z">{T.undo}</button>
              <button type="button" onClick={() => runCommand('redo', 'button')} title="Ctrl+Y">{T.redo}</button>
              <button type="button" onClick={() => runCommand('find', 'button')} title="Ctrl+F">{T.find}</button>
              <button type="button" onClick={() => runCommand('replace', 'button')} title="Ctrl+H">{T.replace}</button>
              <span className="toolbar-sep" />
              <button type="button" onClick={() => files.showPanel('settings')}>设置</button>
              <button type="button" onClick={() => runCommand('help', 'button')} title="F1">帮助</button>
            </span>
          </header>
          <ReportEditor key={report.loadId} ref={editorRef} doc={report.doc} onChange={files.docChanged} />
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
          <RecentFiles files={files} />
        </main>
      )}
      <FilesLayer files={files} />
      {dialog === 'new' && <NewReportDialog onCreate={create} onCancel={() => setDialog(null)} />}
      {dialog === 'help' && <HelpDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
