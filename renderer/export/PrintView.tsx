// The print view (renderer): the report on A4 pages exactly as shared/docx/pages.ts sets the exported Word file —
// 22 lines of 28 characters, the official fonts, page numbers outside — with the page count shown first. Under
// @media print only these pages are printed (Electron's webContents.print through main; page.pdf() in tests).
import { useEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import { layoutPages, type PrintFont, type PrintItem, type PrintPage } from '../../shared/docx/pages';
import type { ReportDocument } from '../../shared/model/schema';
import { T } from './text';

const FONT_CLASS: Record<PrintFont, string> = { title: 'pf-title', heading1: 'pf-h1', heading2: 'pf-h2', body: 'pf-body' };

export function PrintView(props: { doc: ReportDocument; busy: boolean; onPrint(): void; onClose(): void }) {
  const pages = useMemo(() => layoutPages(props.doc), [props.doc]);
  const printRef = useRef<HTMLButtonElement>(null);
  const onCloseRef = useRef(props.onClose);
  onCloseRef.current = props.onClose;
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    printRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onCloseRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    document.body.classList.add('print-view-open');
    return () => {
      window.removeEventListener('keydown', onKey);
      document.body.classList.remove('print-view-open');
      if (previous?.isConnected) previous.focus();
    };
  }, []);
  return createPortal(
    <div className="print-view" role="dialog" aria-modal="true" aria-label={T.printTitle}>
      <div className="print-bar">
        <strong>{T.printTitle}</strong>
        <span className="print-count" data-pages={pages.length}>
          {T.printPages(pages.length)}
        </span>
        <span className="print-hint">{T.printHint}</span>
        <button type="button" className="primary" ref={printRef} disabled={props.busy} onClick={props.onPrint}>
          {T.print}
        </button>
        <button type="button" onClick={props.onClose}>
          {T.close}
        </button>
      </div>
      <div className="print-pages">
        {pages.map((page) => (
          <PageView key={page.number} page={page} />
        ))}
      </div>
    </div>,
    document.body,
  );
}

function PageView({ page }: { page: PrintPage }) {
  return (
    <section className="print-page" aria-label={T.printPages(page.number)}>
      <div className="print-type-area">
        {page.items.map((item, i) => (
          <ItemView key={i} item={item} />
        ))}
      </div>
      <div className={`print-folio ${page.number % 2 === 1 ? 'odd' : 'even'}`}>{T.pageOf(page.number)}</div>
    </section>
  );
}

function ItemView({ item }: { item: PrintItem }) {
  if (item.type === 'table') {
    return (
      <table className="print-table" style={{ height: `calc(${item.lines} * var(--print-line))` }}>
        <tbody>
          {item.rows.map((row, r) => (
            <tr key={r}>
              {Array.from({ length: item.columns }, (_, c) => (
                <td key={c}>{row[c] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <div className={`print-line align-${item.align}`} style={{ paddingLeft: `calc(${item.indent} * var(--print-char))` }}>
      {item.segments.map((s, i) => (
        <span key={i} className={FONT_CLASS[s.font]}>
          {s.text}
        </span>
      ))}
    </div>
  );
}
