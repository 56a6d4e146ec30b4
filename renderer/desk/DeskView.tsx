// The reviewer's desk (renderer): pick a folder of submitted reports, watch the batch check (取消 stops it), read the
// summary table, compare with last year's folder (or the team folder's archive), export the workbook, open one report read-only.
import { useState } from 'react';
import { deskTotals } from '../../shared/desk/rows';
import { DeskReport } from './DeskReport';
import { DeskTable } from './DeskTable';
import { D } from './strings';
import { useDesk } from './useDesk';

export function DeskView({ onClose }: { onClose(): void }) {
  const desk = useDesk();
  const { status } = desk;
  const [open, setOpen] = useState<string | null>(null);
  const running = status?.state === 'running';
  const rows = status?.state === 'done' ? status.rows : null;
  const comparing = !!status?.previousFolder;
  const openRow = rows?.find((r) => r.key === open && r.status === 'ok');

  if (status && openRow && openRow.status === 'ok') {
    return <main className="desk"><DeskReport status={status} row={openRow} onBack={() => setOpen(null)} onPair={(k, p) => void desk.pair(k, p)} /></main>;
  }
  const p = status?.progress;
  return (
    <main className="desk" aria-busy={running}>
      <header className="toolbar desk-toolbar">
        <span className="doc-name">{D.title}</span>
        <span className="toolbar-buttons">
          <button type="button" className={desk.folder ? '' : 'primary'} disabled={running} onClick={() => void desk.chooseFolder()}>{desk.folder ? D.changeFolder : D.chooseFolder}</button>
          <button type="button" disabled={running} onClick={() => void desk.choosePrevious()}>{D.choosePrevious}</button>
          <button type="button" disabled={running} title={D.teamArchiveHint} onClick={() => void desk.compareWithTeamArchive()}>{D.teamArchive}</button>
          {desk.folder && !running && <button type="button" onClick={() => void desk.start()}>{D.recheck}</button>}
          <button type="button" disabled={!rows} onClick={() => void desk.exportXlsx()}>{D.exportXlsx}</button>
          <span className="toolbar-sep" />
          <button type="button" disabled={running} onClick={onClose}>{D.back}</button>
        </span>
      </header>
      {desk.error && <div className="banner banner-error" role="alert">{desk.error}<button type="button" className="link" onClick={() => desk.setError(null)}>关闭</button></div>}
      {desk.notice && <div className="banner banner-info" role="status">{desk.notice}</div>}
      <div className="desk-folders">
        <div>{D.folderLabel}{desk.folder ?? '—'}</div>
        <div>{D.previousLabel}{desk.previousFolder ?? D.noPrevious}</div>
      </div>
      {!desk.folder && <p className="desk-intro">{D.noFolder}</p>}
      {running && p && (
        <div className="desk-progress" role="status">
          <progress max={Math.max(1, p.total)} value={p.done} aria-label="检查进度" />
          <span>{p.phase === 'scan' ? D.scanning : D.progress(p.phase, p.done, p.total)}</span>
          <button type="button" onClick={() => void desk.cancel()}>{D.cancel}</button>
        </div>
      )}
      {status?.state === 'cancelled' && <p className="desk-intro" role="status">{D.cancelled}</p>}
      {status?.state === 'failed' && <div className="banner banner-error" role="alert">{status.error}</div>}
      {status && rows && (
        <>
          <p className="desk-totals">{D.totals(deskTotals(rows), comparing)}</p>
          {status.previousFailed.length > 0 && <p className="desk-note">上年报告中有 {status.previousFailed.length} 份无法读取：{status.previousFailed.map((f) => f.key).join('、')}</p>}
          <DeskTable rows={rows} comparing={comparing} onOpen={setOpen} />
        </>
      )}
    </main>
  );
}
