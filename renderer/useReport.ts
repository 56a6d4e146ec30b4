// The open report (renderer): one place for the document, its file session and whether it has unsaved changes.
import { useCallback, useState } from 'react';
import type { ReportDocument } from '../shared/model/schema';
import type { DocSession } from '../shared/ipc/contract';

export interface OpenReport {
  doc: ReportDocument;
  session: DocSession | null;
  dirty: boolean;
  /** Changes whenever a different document is loaded (the editor is re-created for it). */
  loadId: number;
}

let loads = 0;

export function useReport() {
  const [report, setReport] = useState<OpenReport | null>(null);
  /** Loads a document (new, opened, imported, recovered): a fresh editor and undo history. */
  const load = useCallback((doc: ReportDocument, session: DocSession | null, dirty = false) => {
    loads += 1;
    setReport({ doc, session, dirty, loadId: loads });
  }, []);
  /** An edit from the editor. */
  const update = useCallback((doc: ReportDocument) => setReport((r) => (r ? { ...r, doc, dirty: true } : r)), []);
  /** After a save: the file it went to; clean unless the document changed meanwhile. */
  const markSaved = useCallback(
    (session: DocSession, savedDoc: ReportDocument) =>
      setReport((r) => {
        if (!r) return r;
        const changedSince = r.doc.body !== savedDoc.body || r.doc.meta !== savedDoc.meta || r.doc.ignores !== savedDoc.ignores;
        return { ...r, session, dirty: changedSince ? r.dirty : false };
      }),
    [],
  );
  const close = useCallback(() => setReport(null), []);
  return { report, load, update, markSaved, close };
}
