// The table bar above the page (renderer), shown while the caret is in a table: rows and columns inserted or deleted
// around the caret's cell (shared/editor/tableOps.ts). The buttons keep the focus in the text.
import { ReactEditor, useSlate } from 'slate-react';
import { currentCell, deleteColumn, deleteRow, insertColumn, insertRow, tableSize, type CellAt } from '../../shared/editor/tableOps';
import { T } from './strings';
import type { ReportSlateEditor } from './withReport';

export function TableBar({ editor, onChanged }: { editor: ReportSlateEditor; onChanged(): void }) {
  useSlate(); // re-render with every change of the editor (caret moves, rows added)
  const at = currentCell(editor);
  const size = at && tableSize(editor, at[0]);
  if (!at || !size) return null;
  const act = (run: (cell: CellAt) => boolean) => () => {
    const cell = currentCell(editor);
    if (cell && run(cell)) onChanged();
    ReactEditor.focus(editor);
  };
  const button = (label: string, run: (cell: CellAt) => boolean, disabled = false) => (
    <button type="button" disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={act(run)}>
      {label}
    </button>
  );
  return (
    <div className="table-bar" role="toolbar" aria-label={T.tableBar}>
      <span className="table-bar-where">{T.tableCell(at[1] + 1, at[2] + 1, size.rows, size.columns)}</span>
      {button(T.rowAbove, (c) => insertRow(editor, c, 'above'))}
      {button(T.rowBelow, (c) => insertRow(editor, c, 'below'))}
      {button(T.deleteRow, (c) => deleteRow(editor, c), size.rows <= 1)}
      <span className="table-bar-gap" />
      {button(T.columnLeft, (c) => insertColumn(editor, c, 'left'))}
      {button(T.columnRight, (c) => insertColumn(editor, c, 'right'))}
      {button(T.deleteColumn, (c) => deleteColumn(editor, c), size.columns <= 1)}
    </div>
  );
}
