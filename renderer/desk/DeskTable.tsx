// The desk's summary table (renderer): one row per report, sortable by any column, filtered by a word and by what
// needs attention; publication-safety hits are red; a click on a row opens the report.
import { useMemo, useState } from 'react';
import { COPIED_FLAG, DEADLINE_TEXT, PART_MARK_TEXT, percent, type DeskRow } from '../../shared/desk/rows';
import { DESK_PARTS, safetyTotal } from '../../shared/desk/summary';
import { COLUMN_LABELS, D, type ColumnId } from './strings';

export type DeskFilter = 'all' | 'errors' | 'safety' | 'late' | 'missing' | 'copied' | 'failed';

const FILTERS: [DeskFilter, string][] = [
  ['all', D.filterAll], ['errors', D.filterErrors], ['safety', D.filterSafety], ['late', D.filterLate],
  ['missing', D.filterMissing], ['copied', D.filterCopied], ['failed', D.filterFailed],
];

const SAFETY_SHORT = { idNumber: '身份证号', mobile: '手机号', secrecy: '涉密', email: '邮箱' } as const;

function matchesFilter(row: DeskRow, filter: DeskFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'failed') return row.status === 'failed';
  if (row.status === 'failed') return false;
  const s = row.summary;
  switch (filter) {
    case 'errors': return s.errors > 0;
    case 'safety': return safetyTotal(s.safety) > 0;
    case 'late': return s.deadline.status !== 'on-time';
    case 'missing': return DESK_PARTS.some((id) => s.parts[id] !== 'present');
    case 'copied': return !!row.previous && row.previous.copiedShare >= COPIED_FLAG;
  }
}

/** The value a column sorts by: numbers for counts, text otherwise; unreadable rows sort last. */
function sortValue(row: DeskRow, column: ColumnId): string | number {
  if (column === 'key') return row.key;
  if (row.status === 'failed') return column === 'organ' ? '' : -1;
  const s = row.summary;
  switch (column) {
    case 'organ': return s.organ;
    case 'year': return s.year;
    case 'date': return s.date;
    case 'achievements': case 'shortcomings': case 'leadership': case 'plans':
      return { present: 0, empty: 1, missing: 2 }[s.parts[column]];
    case 'errors': return s.errors;
    case 'warnings': return s.warnings;
    case 'placeholders': return s.placeholders;
    case 'noFigure': return s.subPartsWithoutFigure;
    case 'safety': return safetyTotal(s.safety);
    case 'chars': return s.chars;
    case 'copied': return row.previous ? row.previous.copiedShare : -1;
  }
}

export function DeskTable({ rows, comparing, onOpen }: { rows: readonly DeskRow[]; comparing: boolean; onOpen(key: string): void }) {
  const [sort, setSort] = useState<{ column: ColumnId; descending: boolean }>({ column: 'key', descending: false });
  const [filter, setFilter] = useState<DeskFilter>('all');
  const [word, setWord] = useState('');
  const columns = (Object.keys(COLUMN_LABELS) as ColumnId[]).filter((c) => comparing || c !== 'copied');
  const shown = useMemo(() => {
    const w = word.trim();
    const list = rows.filter((r) => matchesFilter(r, filter) && (!w || r.key.includes(w) || (r.status === 'ok' && r.summary.organ.includes(w))));
    const dir = sort.descending ? -1 : 1;
    return [...list].sort((a, b) => {
      const x = sortValue(a, sort.column), y = sortValue(b, sort.column);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return c * dir || a.key.localeCompare(b.key, 'zh-CN');
    });
  }, [rows, filter, word, sort]);

  return (
    <div className="desk-table-wrap">
      <div className="desk-filters">
        <input type="search" value={word} placeholder={D.filterPlaceholder} aria-label={D.filterPlaceholder} onChange={(e) => setWord(e.target.value)} />
        <select value={filter} aria-label="筛选" onChange={(e) => setFilter(e.target.value as DeskFilter)}>
          {FILTERS.map(([id, label]) => <option key={id} value={id}>{label}</option>)}
        </select>
        <span className="muted">{D.shown(shown.length, rows.length)}</span>
      </div>
      <table className="desk-table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} aria-sort={sort.column === c ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <button type="button" className="desk-sort" data-column={c} onClick={() => setSort((s) => ({ column: c, descending: s.column === c ? !s.descending : false }))}>
                  {COLUMN_LABELS[c]}{sort.column === c ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => <Row key={r.key} row={r} comparing={comparing} columns={columns.length} onOpen={onOpen} />)}
        </tbody>
      </table>
    </div>
  );
}

function Row({ row, comparing, columns, onOpen }: { row: DeskRow; comparing: boolean; columns: number; onOpen(key: string): void }) {
  if (row.status === 'failed') {
    return (
      <tr className="desk-row desk-row-failed" data-key={row.key}>
        <td className="desk-file">{row.key}</td>
        <td colSpan={columns - 1} className="desk-reason">{D.unreadable} {row.reason}</td>
      </tr>
    );
  }
  const s = row.summary;
  const safety = safetyTotal(s.safety);
  const copied = row.previous && row.previous.copiedShare >= COPIED_FLAG;
  return (
    <tr className={`desk-row${safety > 0 ? ' desk-row-safety' : ''}`} data-key={row.key} tabIndex={0} onClick={() => onOpen(row.key)} onKeyDown={(e) => e.key === 'Enter' && onOpen(row.key)}>
      <td className="desk-file">{row.key}</td>
      <td>{s.organ || D.unknownOrgan}</td>
      <td className="num">{s.year}</td>
      <td className={s.deadline.status === 'on-time' ? '' : 'desk-bad'} title={`报送期限：${s.deadline.due}`}>
        {s.date || D.noDate} <span className={`desk-badge desk-deadline-${s.deadline.status}`}>{DEADLINE_TEXT[s.deadline.status]}</span>
      </td>
      {DESK_PARTS.map((id) => <td key={id} className={`desk-part desk-part-${s.parts[id]}`}>{PART_MARK_TEXT[s.parts[id]]}</td>)}
      <td className={`num${s.errors ? ' desk-bad' : ''}`}>{s.errors}</td>
      <td className="num">{s.warnings}</td>
      <td className={`num${s.placeholders ? ' desk-bad' : ''}`}>{s.placeholders}</td>
      <td className="num">{s.subPartsWithoutFigure}</td>
      <td className={safety ? 'desk-safety' : 'num'}>
        {safety ? (Object.keys(SAFETY_SHORT) as (keyof typeof SAFETY_SHORT)[]).filter((k) => s.safety[k] > 0).map((k) => `${SAFETY_SHORT[k]}${s.safety[k]}`).join(' ') : '—'}
      </td>
      <td className="num">{s.chars}</td>
      {comparing && (
        <td className={copied ? 'desk-bad' : ''} title={row.previous ? `${row.previous.key}（${row.previous.organ}）` : ''}>
          {row.previous ? percent(row.previous.copiedShare) : D.noCounterpart}
        </td>
      )}
    </tr>
  );
}
