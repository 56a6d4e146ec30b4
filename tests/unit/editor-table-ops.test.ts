// Editing a table's structure: rows and columns inserted and deleted with every row kept the same width, the caret
// placed in the new cell, Tab moving between cells (and adding a row at the end), each change one undo step.
import { describe, expect, it } from 'vitest';
import { createEditor, Editor, Node, Transforms } from 'slate';
import { withHistory, type HistoryEditor } from 'slate-history';
import { paragraph, type Block, type TableElement } from '../../shared/model/schema';
import { currentCell, deleteColumn, deleteRow, insertColumn, insertRow, moveToCell, tableSize } from '../../shared/editor/tableOps';

const table = (rows: string[][]): TableElement => ({
  type: 'table',
  children: rows.map((r) => ({ type: 'table-row', children: r.map((text) => ({ type: 'table-cell', children: [{ text }] })) })),
});

function editorWith(body: Block[]): Editor & HistoryEditor {
  const editor = withHistory(createEditor());
  editor.children = structuredClone(body);
  return editor;
}

const grid = (e: Editor, i = 1) => (e.children[i] as TableElement).children.map((r) => r.children.map((c) => Node.string(c)));
const caretIn = (e: Editor, t: number, r: number, c: number) => Transforms.select(e, Editor.end(e, [t, r, c]));

const body: Block[] = [paragraph('全年办理案件情况如下。'), table([['类别', '件数'], ['行政复议', '12'], ['行政诉讼', '3']]), paragraph('总体平稳。')];

describe('table structure', () => {
  it('knows the cell the caret is in, and nothing outside a table', () => {
    const e = editorWith(body);
    caretIn(e, 1, 2, 1);
    expect(currentCell(e)).toEqual([1, 2, 1]);
    expect(tableSize(e, 1)).toEqual({ rows: 3, columns: 2 });
    Transforms.select(e, Editor.end(e, [0]));
    expect(currentCell(e)).toBeNull();
    expect(tableSize(e, 0)).toBeNull();
  });

  it('inserts a row above or below with as many cells as the table is wide, the caret in it; undo takes it back', () => {
    const e = editorWith(body);
    caretIn(e, 1, 1, 1);
    expect(insertRow(e, [1, 1, 1], 'below')).toBe(true);
    expect(grid(e)).toEqual([['类别', '件数'], ['行政复议', '12'], ['', ''], ['行政诉讼', '3']]);
    expect(currentCell(e)).toEqual([1, 2, 1]);
    Transforms.insertText(e, '5');
    insertRow(e, [1, 0, 0], 'above');
    expect(grid(e)[0]).toEqual(['', '']);
    e.undo();
    e.undo();
    e.undo();
    expect(grid(e)).toEqual(grid(editorWith(body)));
  });

  it('inserts a column left or right in every row and deletes one; the last row and column are kept', () => {
    const e = editorWith(body);
    caretIn(e, 1, 0, 0);
    insertColumn(e, [1, 0, 0], 'right');
    expect(grid(e)).toEqual([['类别', '', '件数'], ['行政复议', '', '12'], ['行政诉讼', '', '3']]);
    expect(currentCell(e)).toEqual([1, 0, 1]);
    insertColumn(e, [1, 0, 0], 'left');
    expect(grid(e)[1]).toEqual(['', '行政复议', '', '12']);
    expect(deleteColumn(e, [1, 0, 0])).toBe(true);
    expect(deleteColumn(e, [1, 0, 1])).toBe(true);
    expect(grid(e)).toEqual(grid(editorWith(body)));
    expect(deleteRow(e, [1, 1, 0])).toBe(true);
    expect(grid(e)).toEqual([['类别', '件数'], ['行政诉讼', '3']]);
    expect(currentCell(e)).toEqual([1, 1, 0]);

    const single = editorWith([paragraph('前'), table([['唯一']])]);
    caretIn(single, 1, 0, 0);
    expect(deleteRow(single, [1, 0, 0])).toBe(false);
    expect(deleteColumn(single, [1, 0, 0])).toBe(false);
    expect(grid(single)).toEqual([['唯一']]);
  });

  it('Tab moves to the next cell row by row, Shift+Tab back, and Tab in the last cell adds a row', () => {
    const e = editorWith(body);
    caretIn(e, 1, 0, 1);
    moveToCell(e, 1);
    expect(currentCell(e)).toEqual([1, 1, 0]);
    moveToCell(e, -1);
    expect(currentCell(e)).toEqual([1, 0, 1]);
    caretIn(e, 1, 2, 1);
    moveToCell(e, 1);
    expect(grid(e)).toHaveLength(4);
    expect(currentCell(e)).toEqual([1, 3, 0]);
    caretIn(e, 1, 0, 0);
    moveToCell(e, -1);
    expect(currentCell(e)).toEqual([1, 0, 0]);
    Transforms.select(e, Editor.end(e, [2]));
    expect(moveToCell(e, 1)).toBe(false);
  });
});
