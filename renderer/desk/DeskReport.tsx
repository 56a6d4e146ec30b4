// One report of the batch, read-only (renderer): its text with the paragraphs copied from last year marked, and
// its findings in the usual panel (no fixes: the reviewer sends the report back, e.g. as its 审阅稿 with the findings
// as Word comments). A click on a finding shows where.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Finding } from '../../shared/check/types';
import type { Checker } from '../../shared/check/engine';
import { ruleCatalog } from '../../shared/check/rules';
import type { DeskReportView, DeskStatus } from '../../shared/ipc/contract';
import { PAIRED_BY_TEXT, type DeskRow } from '../../shared/desk/rows';
import { sequenceMarkers } from '../../shared/model/numbering';
import { blockText } from '../../shared/model/schema';
import { analyze } from '../editor/analysis';
import { FindingsPanel } from '../editor/FindingsPanel';
import { api, errorMessage } from '../api';
import { D } from './strings';

const noop = () => undefined;

export function DeskReport({ status, row, onBack, onPair }: { status: DeskStatus; row: DeskRow & { status: 'ok' }; onBack(): void; onPair(key: string, previous: string | null): void }) {
  const [view, setView] = useState<DeskReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [focus, setFocus] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const exportReviewCopy = () => {
    setError(null);
    setNotice(null);
    setExporting(true);
    api.deskExportReviewCopy(status.jobId, row.key).then(
      (r) => r.status === 'exported' && setNotice(D.exported(r.fileName)),
      (e: unknown) => setError(errorMessage(e)),
    ).finally(() => setExporting(false));
  };
  const pageRef = useRef<HTMLDivElement>(null);
  const previousKey = row.previous?.key ?? null;
  useEffect(() => {
    let live = true;
    api.deskReport(status.jobId, row.key).then((v) => live && setView(v), (e: unknown) => live && setError(errorMessage(e)));
    return () => { live = false; };
  }, [status.jobId, row.key, previousKey]);
  // The panel groups and counts main's own result: a checker that answers with it (no second opinion here).
  const analysis = useMemo(() => {
    if (!view) return null;
    const known: Checker = { check: () => view.result, rules: [] };
    return analyze(view.doc, known, true);
  }, [view]);
  const ruleTitles = useMemo(() => new Map(ruleCatalog().map((r) => [r.id, r.title] as const)), []);
  const marks = useMemo(() => new Map(view?.marks.map((m) => [m.index, m.mark] as const) ?? []), [view]);
  const select = (f: Finding) => {
    if (f.path.length === 0) return;
    setFocus(f.path[0]!);
    pageRef.current?.querySelector(`[data-index="${f.path[0]}"]`)?.scrollIntoView({ block: 'center' });
  };
  const comparing = status.previousFolder !== null;
  const markers = useMemo(() => (view ? sequenceMarkers(view.doc.body) : []), [view]);

  return (
    <div className="desk-report">
      <header className="desk-report-head">
        <button type="button" onClick={onBack}>{D.reportBack}</button>
        <div className="desk-report-title">
          <strong>{row.summary.organ || D.unknownOrgan}</strong>
          <span className="muted"> {row.key}</span>
        </div>
        <span className="muted">{D.readOnlyNote}</span>
        <button type="button" disabled={exporting} title={D.reviewCopyHint} onClick={exportReviewCopy}>{D.reviewCopy}</button>
      </header>
      {notice && <div className="banner banner-info" role="status">{notice}</div>}
      {comparing && (
        <div className="desk-report-compare">
          <label>
            {D.pairedWith}
            <select aria-label={D.pairedWith} value={previousKey ?? ''} onChange={(e) => onPair(row.key, e.target.value || null)}>
              <option value="">{D.pairNone}</option>
              {status.previousReports.map((p) => <option key={p.key} value={p.key}>{p.organ || p.key}（{p.key}）</option>)}
            </select>
          </label>
          {row.previous && <span className="muted">{PAIRED_BY_TEXT[row.previous.by]}；沿用 {Math.round(row.previous.copiedShare * 100)}%（相同 {row.previous.same} 段，仅改数字或年份 {row.previous.numbersOnly} 段，共 {row.previous.paragraphs} 段）</span>}
          {row.previous && row.previous.unchangedIndicators.length > 0 && (
            <p className="desk-indicators">{D.unchangedIndicators}{row.previous.unchangedIndicators.slice(0, 30).join('；')}{row.previous.unchangedIndicators.length > 30 ? `……等 ${row.previous.unchangedIndicators.length} 项` : ''}</p>
          )}
          <p className="muted desk-legend">{D.copiedLegend}</p>
        </div>
      )}
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      {view && analysis && (
        <div className="desk-report-body">
          <div className="desk-page docview" ref={pageRef} aria-label="报告正文（只读）">
            {view.notes.filter((n) => n.severity === 'warning').map((n, i) => <p key={i} className="desk-note">{D.importNotes}{n.message}</p>)}
            <p className="docview-title">{view.doc.meta.title}</p>
            {view.doc.body.map((b, i) => {
              const mark = marks.get(i);
              const cls = [
                'docview-block',
                b.type === 'heading' ? `docview-h${b.level}` : b.type === 'table' ? 'docview-table' : 'docview-p',
                mark ? `desk-copied desk-copied-${mark}` : '',
                focus === i ? 'desk-focus' : '',
              ].filter(Boolean).join(' ');
              return (
                <p key={i} className={cls} data-index={i} data-copied={mark} title={mark === 'same' ? D.copiedSame : mark === 'numbers' ? D.copiedNumbers : undefined}>
                  {b.type === 'heading' ? markers[i] : ''}
                  {b.type === 'table' ? b.children.map((r) => r.children.map((c) => c.children.map((l) => l.text).join('')).join('\t')).join('\n') : blockText(b)}
                </p>
              );
            })}
          </div>
          <FindingsPanel analysis={analysis} ruleTitles={ruleTitles} onSelect={select} onFix={noop} onFixRule={noop} onIgnore={noop} readOnly />
        </div>
      )}
    </div>
  );
}
