// Export to Word, print and 关于 from the app (renderer): one hook that owns these dialogs. exportWord() runs the
// 送审前检查 (the errors by kind, shared/export/presubmit.ts) and, when none remain or the user says 仍然导出, has main
// show the save dialog and write the file; the notice offers 在文件夹中显示. Failures come back as Chinese messages
// and leave the report as it is. App calls exportWord / openPrint / openAbout from its commands and renders `element`.
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { createChecker } from '../../shared/check/engine';
import type { Finding } from '../../shared/check/types';
import { groupPresubmitErrors, type PresubmitGroup } from '../../shared/export/presubmit';
import type { ReportDocument } from '../../shared/model/schema';
import { api } from '../api';
import type { DocumentSessionApi } from '../files';
import { AboutDialog } from './AboutDialog';
import { PresubmitDialog } from './PresubmitDialog';
import { PrintView } from './PrintView';
import { T } from './text';

export interface ExportWordDeps {
  files: DocumentSessionApi;
  /** The document as it is now (the editor's body, never stale), or null when none is open. */
  getDoc(): ReportDocument | null;
  /** Selects [start, end) of the body text at `path` in the editor and scrolls it into view. */
  selectRange(path: number[], start: number, end: number): void;
}

export interface ExportWord {
  exportWord(): void;
  openPrint(): void;
  openAbout(): void;
  /** The pre-submission dialog, the print view or 关于, whichever is open. */
  element: ReactNode;
}

/** Fields of the page a 成文日期/署名/主送机关 finding (struct.meta, its text naming the field) is about. */
const META_FIELDS: Record<string, string> = {
  成文日期: '.date-fields input, .date-display',
  署名: '.signature-input',
  主送机关: '.addressee-input',
};

/** Takes the user to a finding: its text in the body, the title, the field of the page, or its entry in the panel. */
export function jumpToFinding(f: Finding, selectRange: ExportWordDeps['selectRange']): void {
  if (f.path.length > 0) return selectRange(f.path, f.start, f.end);
  const field = f.rule === 'struct.meta' ? Object.entries(META_FIELDS).find(([name]) => f.text.startsWith(name))?.[1] : undefined;
  const selector = f.onTitle ? '.doc-title-input' : field ?? `.finding[data-rule="${CSS.escape(f.rule)}"] .finding-main`;
  const target = document.querySelector<HTMLElement>(selector);
  target?.scrollIntoView({ block: 'center' });
  target?.focus();
}

export function useExportWord({ files, getDoc, selectRange }: ExportWordDeps): ExportWord {
  const [checker] = useState(() => createChecker());
  const [presubmit, setPresubmit] = useState<PresubmitGroup[] | null>(null);
  const [printDoc, setPrintDoc] = useState<ReportDocument | null>(null);
  const [about, setAbout] = useState(false);
  const [printing, setPrinting] = useState(false);
  const exporting = useRef(false);
  const deps = useRef({ files, getDoc, selectRange });
  deps.current = { files, getDoc, selectRange };

  const write = useCallback(async () => {
    const { files, getDoc } = deps.current;
    const doc = getDoc();
    if (!doc || exporting.current) return;
    exporting.current = true;
    try {
      const r = await files.run(() => api.exportDocx({ doc, handle: files.currentHandle() }));
      if (r?.status === 'exported') {
        const { exportId } = r;
        files.notify('info', T.exported(r.fileName), { label: T.showInFolder, run: () => void files.run(() => api.showExportedFile(exportId)) });
      }
    } finally {
      exporting.current = false;
    }
  }, []);

  const exportWord = useCallback(() => {
    const doc = deps.current.getDoc();
    if (!doc || exporting.current) return;
    const groups = groupPresubmitErrors(checker.check(doc).findings);
    if (groups.length > 0) setPresubmit(groups);
    else void write();
  }, [checker, write]);

  const openPrint = useCallback(() => {
    const doc = deps.current.getDoc();
    if (doc) setPrintDoc(doc);
  }, []);
  const print = useCallback(async () => {
    setPrinting(true);
    try {
      const r = await deps.current.files.run(() => api.printReport());
      if (r?.status === 'printed') {
        setPrintDoc(null);
        deps.current.files.notify('info', T.printed);
      }
    } finally {
      setPrinting(false);
    }
  }, []);
  const openAbout = useCallback(() => setAbout(true), []);

  let element: ReactNode = null;
  if (presubmit) {
    element = (
      <PresubmitDialog
        groups={presubmit}
        onBack={() => setPresubmit(null)}
        onJump={(g) => {
          setPresubmit(null);
          // After the dialog has closed and given focus back, so that the jump's focus stays.
          window.setTimeout(() => jumpToFinding(g.first, deps.current.selectRange), 0);
        }}
        onExportAnyway={() => {
          setPresubmit(null);
          void write();
        }}
      />
    );
  } else if (printDoc) {
    element = <PrintView doc={printDoc} busy={printing} onPrint={() => void print()} onClose={() => setPrintDoc(null)} />;
  } else if (about) {
    element = <AboutDialog onClose={() => setAbout(false)} />;
  }
  return { exportWord, openPrint, openAbout, element };
}
