// The app shell (renderer): the start screen and, once a report is open, the workspace with the drafting editor.
// Every command of the table (shared/commands.ts) — from the Electron menu, a shortcut or a button — goes through
// runCommand: 'app' commands to the handlers below (a missing one does not compile), 'editor' ones to the editor.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAction } from './useAction';
import type { ReportDocument } from '../shared/model/schema';
import { COMMANDS, isEditorCommand, keysLabel, type AppCommandId, type CommandId } from '../shared/commands';
import { api } from './api';
import { commandForKey, commandGate, type CommandSource } from './commands';
import { FilesLayer, FilesNotices, RecentFiles, useDocumentSession, type FilesCommand } from './files';
import { ReportEditor, type ReportEditorHandle } from './editor/ReportEditor';
import { HelpDialog } from './editor/HelpDialog';
import { NewReportDialog } from './start/NewReportDialog';
import { useExportWord } from './export/useExportWord';
import { T as EXPORT_TEXT } from './export/text';
import { T } from './editor/strings';
import { DeskView } from './desk/DeskView';

export function App() {
  // The open document, its file, unsaved changes, autosave and recovery, versions and templates: renderer/files.
  const files = useDocumentSession();
  const filesRef = useRef(files);
  filesRef.current = files;
  const { busy, error, setError, run } = useAction();
  const [dialog, setDialog] = useState<'new' | 'help' | null>(null);
  const [deskOpen, setDeskOpen] = useState(false);
  const editorRef = useRef<ReportEditorHandle>(null);
  // 导出Word (with 送审前检查), 打印 and 关于: renderer/export.
  const exporter = useExportWord({
    files,
    getDoc: () => filesRef.current.currentDoc(),
    selectRange: (path, start, end) => editorRef.current?.selectRange(path, start, end),
  });
  const exporterRef = useRef(exporter);
  exporterRef.current = exporter;

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

  const handlers = useMemo((): Record<AppCommandId, () => void> => {
    const editor = () => editorRef.current;
    const filesCommand = (c: FilesCommand) => () => filesRef.current.handleCommand(c);
    return {
      new: () => void filesRef.current.ensureSaved().then((proceed) => proceed && setDialog('new')),
      newFromPrevious: filesCommand('newFromPrevious'),
      open: filesCommand('open'),
      save: filesCommand('save'),
      saveAs: filesCommand('saveAs'),
      versions: filesCommand('versions'),
      saveTemplate: filesCommand('saveTemplate'),
      import: () => void importFile(),
      export: () => exporterRef.current.exportWord(),
      exportReview: () => editor()?.exportReview(),
      importReview: () => editor()?.importReview(),
      print: () => exporterRef.current.openPrint(),
      undo: () => editor()?.undo(),
      redo: () => editor()?.redo(),
      find: () => editor()?.openFind(false),
      replace: () => editor()?.openFind(true),
      findNext: () => editor()?.findStep(1),
      findPrevious: () => editor()?.findStep(-1),
      nextFinding: () => editor()?.findingStep(1),
      previousFinding: () => editor()?.findingStep(-1),
      help: () => setDialog('help'),
      about: () => exporterRef.current.openAbout(),
      desk: () => setDeskOpen(true),
    };
  }, [importFile]);

  const runCommand = useCallback(
    (command: CommandId, source: CommandSource) => {
      if (!commandGate(command, source)) return;
      if (isEditorCommand(command)) editorRef.current?.runEditorCommand(command);
      else handlers[command]();
    },
    [handlers],
  );

  const reportOpen = files.frame !== null;
  const reportOpenRef = useRef(reportOpen);
  reportOpenRef.current = reportOpen;
  useEffect(() => api.onMenuCommand((command) => runCommand(command, 'menu')), [runCommand]);
  useEffect(() => {
    // Capture: an app command's key is taken before the editor (or the browser) gives it another meaning.
    const onKey = (e: KeyboardEvent) => {
      const command = commandForKey(e);
      if (!command || isEditorCommand(command)) return;
      // Commands that act on the report need one open; on the start screen their keys stay the browser's.
      if (COMMANDS[command].needsReport && !reportOpenRef.current) return;
      e.preventDefault();
      runCommand(command, 'key');
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [runCommand]);

  const button = (command: AppCommandId, label: string, disabled = false) => (
    <button type="button" onClick={() => runCommand(command, 'button')} title={keysLabel(command) || undefined} disabled={disabled}>
      {label}
    </button>
  );

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
      {deskOpen && <DeskView onClose={() => setDeskOpen(false)} />}
      {files.frame ? (
        <main className="workspace" hidden={deskOpen}>
          <header className="toolbar">
            <span className="doc-name" title={files.displayName}>
              {files.displayName}
              {files.dirty && <span className="dirty-mark" aria-label="有未保存的更改"> ●</span>}
            </span>
            <span className="toolbar-buttons">
              {button('new', '新建')}
              {button('open', '打开')}
              {button('save', '保存', busy || files.busy)}
              {button('versions', '版本')}
              {button('export', EXPORT_TEXT.exportButton, busy || files.busy)}
              {button('print', EXPORT_TEXT.printButton)}
              <span className="toolbar-sep" />
              {button('undo', T.undo)}
              {button('redo', T.redo)}
              {button('find', T.find)}
              {button('replace', T.replace)}
              <span className="toolbar-sep" />
              <button type="button" onClick={() => files.showPanel('settings')}>设置</button>
              {button('help', '帮助')}
            </span>
          </header>
          <ReportEditor
            key={files.loadId}
            ref={editorRef}
            frame={files.frame}
            initialBody={files.loadedBody}
            onBodyChange={files.bodyChanged}
            onFrameChange={files.changeFrame}
            onBind={files.bindEditor}
          />
        </main>
      ) : (
        <main className="start" aria-busy={busy} hidden={deskOpen}>
          <h1>法治年报助手</h1>
          <p className="tagline">起草、检查、导出法治政府建设年度报告</p>
          <div className="start-actions">
            <button type="button" className="primary" disabled={busy} onClick={() => runCommand('new', 'button')}>
              新建报告
            </button>
            <button type="button" disabled={busy} onClick={() => runCommand('open', 'button')}>
              打开…
            </button>
            <button type="button" disabled={busy} onClick={() => runCommand('import', 'button')}>
              导入Word或文本…
            </button>
          </div>
          <RecentFiles files={files} />
        </main>
      )}
      <FilesLayer files={files} />
      {dialog === 'new' && <NewReportDialog onCreate={create} onCancel={() => setDialog(null)} />}
      {dialog === 'help' && <HelpDialog onClose={() => setDialog(null)} />}
      {exporter.element}
    </div>
  );
}
