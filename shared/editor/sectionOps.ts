// Whole sections and parts of the report body (shared, pure Slate): the section at the caret, deleting it (or whole
// selected blocks) without leaving an empty paragraph, inserting a table, and inserting a missing mandated part at
// its place in the order of the parts. The renderer's context menu, Delete key and findings panel use these.
import { Editor, Node, Point, Range, Transforms } from 'slate';
import { MANDATED_PARTS, PART_NAMES } from '../model/parts';
import type { Block, HeadingElement, MandatedPartId, ParagraphElement, TableElement } from '../model/schema';
import { recognizeMandatedParts } from '../outline/parts';
import { sectionRange } from './ops';

/** The heading at or before block `index` (the heading whose section holds it), or -1 when none precedes it. */
export function sectionHeadingAt(body: readonly Block[], index: number): number {
  for (let i = Math.min(index, body.length - 1); i >= 0; i--) if (body[i]!.type === 'heading') return i;
  return -1;
}

const emptyParagraph = (): ParagraphElement => ({ type: 'paragraph', children: [{ text: '' }] });

/**
 * Removes the blocks [start, end) and puts the caret at the start of what follows (or the end of what precedes).
 * The body never ends empty: a body emptied whole keeps one empty paragraph (the editor needs a block to type in).
 */
export function removeBlocks(editor: Editor, start: number, end: number): void {
  Editor.withoutNormalizing(editor, () => {
    Transforms.deselect(editor);
    for (let i = end - 1; i >= start; i--) Transforms.removeNodes(editor, { at: [i] });
    if (editor.children.length === 0) Transforms.insertNodes(editor, emptyParagraph(), { at: [0] });
    const n = editor.children.length;
    Transforms.select(editor, start < n ? Editor.start(editor, [start]) : Editor.end(editor, [n - 1]));
  });
}

/**
 * 删除本节: removes the section of the heading at or before block `index` (the heading and everything under it).
 * Returns false when no heading precedes the block (nothing is a section there).
 */
export function deleteSection(editor: Editor, index: number): boolean {
  const body = editor.children as Block[];
  const heading = sectionHeadingAt(body, index);
  if (heading < 0) return false;
  const [start, end] = sectionRange(body, heading);
  removeBlocks(editor, start, end);
  return true;
}

/**
 * The top-level blocks a selection covers whole, when it spans more than one block and runs from the start of its
 * first block to the end of its last one (or to the very start of the block after it, as a selection dragged down
 * to the next line does). Null otherwise: a selection that keeps part of a block is Slate's usual delete.
 */
export function wholeBlocksSelected(editor: Editor): [number, number] | null {
  const { selection } = editor;
  if (!selection || !Range.isExpanded(selection)) return null;
  const [from, to] = Range.edges(selection);
  const first = from.path[0]!;
  let last = to.path[0]!;
  if (!Point.equals(from, Editor.start(editor, [first]))) return null;
  if (last > first && Point.equals(to, Editor.start(editor, [last])) && Node.string(editor.children[last]!) !== '') last--;
  else if (!Point.equals(to, Editor.end(editor, [last]))) return null;
  return last > first ? [first, last + 1] : null;
}

/** Delete/Backspace over whole blocks (a heading and its content): removes them, leaving no empty block behind. */
export function deleteWholeBlocks(editor: Editor): boolean {
  const blocks = wholeBlocksSelected(editor);
  if (!blocks) return false;
  removeBlocks(editor, blocks[0], blocks[1]);
  return true;
}

/** 插入表格: a table of `rows` × `columns` empty cells after block `index`, the caret in its first cell. */
export function insertTableAfter(editor: Editor, index: number, rows = 2, columns = 3): void {
  const table: TableElement = {
    type: 'table',
    children: Array.from({ length: rows }, () => ({
      type: 'table-row' as const,
      children: Array.from({ length: columns }, () => ({ type: 'table-cell' as const, children: [{ text: '' }] })),
    })),
  };
  const at = Math.min(index + 1, editor.children.length);
  Transforms.insertNodes(editor, table, { at: [at] });
  Transforms.select(editor, Editor.start(editor, [at, 0, 0]));
}

/**
 * Where a missing mandated part goes: after the last block of the nearest preceding part (in the order of the rule)
 * that is present; before the first following part present when none precedes; at the end of the body otherwise.
 */
export function partInsertIndex(body: readonly Block[], part: MandatedPartId, year?: number): number {
  const parts = recognizeMandatedParts({ body, meta: year === undefined ? undefined : { year } });
  const order = MANDATED_PARTS.map((p) => p.id);
  const pos = order.indexOf(part);
  const endOf = (id: MandatedPartId) => Math.max(...parts.locations.filter((l) => l.id === id).map((l) => l.extent.end));
  const startOf = (id: MandatedPartId) => Math.min(...parts.locations.filter((l) => l.id === id).map((l) => l.extent.start));
  for (let i = pos - 1; i >= 0; i--) if (parts.present.includes(order[i]!)) return endOf(order[i]!);
  for (let i = pos + 1; i < order.length; i++) if (parts.present.includes(order[i]!)) return startOf(order[i]!);
  return body.length;
}

/**
 * 插入此部分: the part's level-1 heading (the standard wording of the parts table, tagged with the part) and a
 * paragraph under it — the template's guidance as a writing hint when there is one, empty otherwise — at its mandated
 * place. The caret goes into the new paragraph. Returns the heading's index.
 */
export function insertPart(editor: Editor, part: MandatedPartId, guidance?: string, year?: number): number {
  const at = partInsertIndex(editor.children as Block[], part, year);
  const heading: HeadingElement = { type: 'heading', level: 1, parts: [part], children: [{ text: PART_NAMES[part] }] };
  const hint = guidance?.trim() ? `（${guidance.trim().replace(/^（|）$/g, '')}）` : '';
  const paragraph: ParagraphElement = hint ? { type: 'paragraph', children: [{ text: hint, hint: true }] } : emptyParagraph();
  Editor.withoutNormalizing(editor, () => {
    Transforms.insertNodes(editor, [heading, paragraph], { at: [at] });
    Transforms.select(editor, Editor.start(editor, [at + 1]));
  });
  return at;
}

/**
 * The part a missing-part finding (rule struct.part-missing) is about: the id it carries, or else the part named in
 * its message. Undefined for any other finding (the report-empty finding names no single part).
 */
export function missingPartOf(f: { rule: string; text: string; message: string }): MandatedPartId | undefined {
  if (f.rule !== 'struct.part-missing') return undefined;
  const byId = MANDATED_PARTS.find((p) => p.id === f.text || p.name === f.text);
  if (byId) return byId.id;
  const named = MANDATED_PARTS.filter((p) => f.message.includes(`“${p.name}”`));
  return named.length === 1 ? named[0]!.id : undefined;
}
