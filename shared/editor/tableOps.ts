// Editing a table's structure (shared, pure Slate): the cell the caret is in, rows and columns inserted or deleted
// (every row keeps the same number of cells), and moving between cells with Tab. Each change is one undo step.
import { Editor, Element, Transforms } from 'slate';
import type { TableCellElement, TableElement, TableRowElement } from '../model/schema';

/** A cell: the table's block index, the row and the column. */
export type CellAt = readonly [table: number, row: number, column: number];

/** The cell holding the selection's anchor, or null when the caret is not in a table. */
export function currentCell(editor: Editor): CellAt | null {
  const path = editor.selection?.anchor.path;
  if (!path || path.length < 3) return null;
  const block = editor.children[path[0]!];
  if (!block || !Element.isElement(block) || block.type !== 'table') return null;
  return [path[0]!, path[1]!, path[2]!];
}

function tableAt(editor: Editor, index: number): TableElement | null {
  const block = editor.children[index];
  return block && Element.isElement(block) && block.type === 'table' ? block : null;
}

const emptyCell = (): TableCellElement => ({ type: 'table-cell', children: [{ text: '' }] });

/** The size of the table at block `index`: rows and columns (the widest row). */
export function tableSize(editor: Editor, index: number): { rows: number; columns: number } | null {
  const table = tableAt(editor, index);
  if (!table) return null;
  return { rows: table.children.length, columns: Math.max(...table.children.map((r) => r.children.length)) };
}

function selectCell(editor: Editor, table: number, row: number, column: number, edge: 'start' | 'end' = 'start'): void {
  const at = [table, row, column];
  Transforms.select(editor, edge === 'start' ? Editor.start(editor, at) : Editor.end(editor, at));
}

/** Inserts an empty row above or below `at`'s row and puts the caret in it, in the same column. */
export function insertRow(editor: Editor, at: CellAt, where: 'above' | 'below'): boolean {
  const size = tableSize(editor, at[0]);
  if (!size) return false;
  const row: TableRowElement = { type: 'table-row', children: Array.from({ length: size.columns }, emptyCell) };
  const index = where === 'above' ? at[1] : at[1] + 1;
  Editor.withoutNormalizing(editor, () => {
    Transforms.insertNodes(editor, row, { at: [at[0], index] });
    selectCell(editor, at[0], index, Math.min(at[2], size.columns - 1));
  });
  return true;
}

/** Inserts an empty column left or right of `at`'s column, in every row, and puts the caret in it. */
export function insertColumn(editor: Editor, at: CellAt, where: 'left' | 'right'): boolean {
  const table = tableAt(editor, at[0]);
  if (!table) return false;
  const column = where === 'left' ? at[2] : at[2] + 1;
  Editor.withoutNormalizing(editor, () => {
    table.children.forEach((row, r) => {
      Transforms.insertNodes(editor, emptyCell(), { at: [at[0], r, Math.min(column, row.children.length)] });
    });
    selectCell(editor, at[0], at[1], column);
  });
  return true;
}

/** Deletes `at`'s row; the table's last row is kept (delete the table as a block instead). */
export function deleteRow(editor: Editor, at: CellAt): boolean {
  const size = tableSize(editor, at[0]);
  if (!size || size.rows <= 1) return false;
  Editor.withoutNormalizing(editor, () => {
    Transforms.removeNodes(editor, { at: [at[0], at[1]] });
    selectCell(editor, at[0], Math.min(at[1], size.rows - 2), at[2]);
  });
  return true;
}

/** Deletes `at`'s column from every row that has it; the table's last column is kept. */
export function deleteColumn(editor: Editor, at: CellAt): boolean {
  const table = tableAt(editor, at[0]);
  const size = tableSize(editor, at[0]);
  if (!table || !size || size.columns <= 1) return false;
  Editor.withoutNormalizing(editor, () => {
    for (let r = table.children.length - 1; r >= 0; r--) {
      const row = table.children[r]!;
      if (at[2] < row.children.length && row.children.length > 1) Transforms.removeNodes(editor, { at: [at[0], r, at[2]] });
    }
    selectCell(editor, at[0], at[1], Math.max(0, Math.min(at[2], size.columns - 2)));
  });
  return true;
}

/**
 * Tab: the caret to the next cell (Shift+Tab: the previous one), row by row; Tab in the last cell adds a row, as in
 * Word. False when the caret is not in a table.
 */
export function moveToCell(editor: Editor, direction: 1 | -1): boolean {
  const at = currentCell(editor);
  const table = at && tableAt(editor, at[0]);
  if (!at || !table) return false;
  const [t, r, c] = at;
  const row = table.children[r]!;
  if (direction === 1) {
    if (c + 1 < row.children.length) selectCell(editor, t, r, c + 1, 'end');
    else if (r + 1 < table.children.length) selectCell(editor, t, r + 1, 0, 'end');
    else insertRow(editor, [t, r, 0], 'below');
  } else {
    if (c > 0) selectCell(editor, t, r, c - 1, 'end');
    else if (r > 0) selectCell(editor, t, r - 1, table.children[r - 1]!.children.length - 1, 'end');
  }
  return true;
}
