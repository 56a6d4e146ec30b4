// Structural editing of the report body (shared, pure Slate): sections, heading levels, moves, and the mapping
// between block text offsets and Slate points. No DOM: the renderer's editor and the unit tests both use these.
import { Editor, Element, Node, Path, Point, Range, Transforms, type BaseRange } from 'slate';
import type { Block, HeadingElement, HeadingLevel, ParagraphElement } from '../model/schema';

/** Index of the top-level block that holds `path` (or the selection), or -1. */
export function blockIndexOf(path: Path | null | undefined): number {
  return path && path.length > 0 ? path[0]! : -1;
}

/** The block index at the selection's anchor, or -1 when there is no selection. */
export function currentBlockIndex(editor: Editor): number {
  return editor.selection ? blockIndexOf(editor.selection.anchor.path) : -1;
}

/**
 * The section a heading opens: from the heading to just before the next heading of the same or a higher level
 * (a lower number). For a paragraph or table it is the block alone. Returns [start, endExclusive].
 */
export function sectionRange(body: readonly Block[], index: number): [number, number] {
  const block = body[index];
  if (!block) throw new RangeError(`no block ${index}`);
  if (block.type !== 'heading') return [index, index + 1];
  let end = index + 1;
  while (end < body.length) {
    const b = body[end]!;
    if (b.type === 'heading' && b.level <= block.level) break;
    end++;
  }
  return [index, end];
}

/**
 * The sibling section before or after the section of heading `index`: a heading of the same level under the same
 * parent. Null when there is none (first/last child, or a higher-level heading is in the way).
 */
export function siblingSection(body: readonly Block[], index: number, direction: 'up' | 'down'): [number, number] | null {
  const block = body[index];
  if (!block || block.type !== 'heading') return null;
  if (direction === 'down') {
    const [, end] = sectionRange(body, index);
    const next = body[end];
    if (!next || next.type !== 'heading' || next.level !== block.level) return null;
    return sectionRange(body, end);
  }
  for (let i = index - 1; i >= 0; i--) {
    const b = body[i]!;
    if (b.type !== 'heading') continue;
    if (b.level < block.level) return null;
    if (b.level === block.level) return sectionRange(body, i);
  }
  return null;
}

/** Moves the blocks [start, end) so that they begin where block `target` begins (target outside the range). */
export function moveBlocks(editor: Editor, start: number, end: number, target: number): void {
  if (target >= start && target <= end) return;
  Editor.withoutNormalizing(editor, () => {
    if (target < start) {
      // Take each block from the front of the range and put it at target + k.
      for (let k = 0; k < end - start; k++) Transforms.moveNodes(editor, { at: [start + k], to: [target + k] });
    } else {
      // Moving down: the block at `start` moves to just before `target`, each time shifting the rest up by one.
      for (let k = 0; k < end - start; k++) Transforms.moveNodes(editor, { at: [start], to: [target - 1] });
    }
  });
}

/**
 * Moves the section of heading `index` one sibling up or down (heading and everything under it). Returns the
 * heading's new index, or null when it cannot move that way.
 */
export function moveSection(editor: Editor, index: number, direction: 'up' | 'down'): number | null {
  const body = editor.children as Block[];
  const sibling = siblingSection(body, index, direction);
  if (!sibling) return null;
  const [start, end] = sectionRange(body, index);
  if (direction === 'up') {
    moveBlocks(editor, start, end, sibling[0]);
    return sibling[0];
  }
  // Moving down is moving the sibling up in front of us.
  moveBlocks(editor, sibling[0], sibling[1], start);
  return start + (sibling[1] - sibling[0]);
}

/**
 * Moves the section of heading `from` so that it starts before block `before` (body.length = at the end), as a
 * drag in the outline does. Dropping inside the section itself does nothing. Returns the new index or null.
 */
export function moveSectionBefore(editor: Editor, from: number, before: number): number | null {
  const body = editor.children as Block[];
  const [start, end] = sectionRange(body, from);
  if (before >= start && before <= end) return null;
  moveBlocks(editor, start, end, before);
  return before < start ? before : before - (end - start);
}

const clampLevel = (n: number): HeadingLevel => (n < 1 ? 1 : n > 4 ? 4 : (n as HeadingLevel));

/**
 * Changes the level of heading `index` by `delta` (+1 demotes: 一、→（一）; -1 promotes). A level-1 heading keeps
 * its mandated-part tags only while it stays level 1. Returns false when nothing changed (already at the limit,
 * or not a heading).
 */
export function shiftHeadingLevel(editor: Editor, index: number, delta: 1 | -1): boolean {
  const block = editor.children[index];
  if (!block || !Element.isElement(block) || block.type !== 'heading') return false;
  const level = clampLevel(block.level + delta);
  if (level === block.level) return false;
  Transforms.setNodes(editor, { level } as Partial<HeadingElement>, { at: [index] });
  return true;
}

/** Turns block `index` into a heading of `level` or into a paragraph, keeping its text. Tables are left alone. */
export function setBlockKind(editor: Editor, index: number, kind: { type: 'heading'; level: HeadingLevel } | { type: 'paragraph' }): boolean {
  const block = editor.children[index];
  if (!block || !Element.isElement(block) || (block.type !== 'heading' && block.type !== 'paragraph')) return false;
  if (kind.type === 'paragraph') {
    if (block.type === 'paragraph') return false;
    Transforms.unsetNodes(editor, ['level', 'parts', 'runIn'], { at: [index] });
    Transforms.setNodes(editor, { type: 'paragraph' } as Partial<ParagraphElement>, { at: [index] });
    return true;
  }
  if (block.type === 'heading' && block.level === kind.level) return false;
  Transforms.setNodes(editor, { type: 'heading', level: kind.level } as Partial<HeadingElement>, { at: [index] });
  return true;
}

/** Inserts an empty paragraph right after block `index` (Ctrl+Enter) and puts the caret in it. */
export function insertParagraphAfter(editor: Editor, index: number): void {
  const at = [index + 1];
  Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text: '' }] }, { at, select: true });
}

/**
 * Enter inside a heading: at the end a new paragraph follows (the heading's text stays whole; a run-in heading's caret
 * goes on into the paragraph printed after it); at the very start of
 * a non-empty heading an empty paragraph goes above it; in the middle the rest of the line becomes body text.
 * Returns false when the selection is not a collapsed caret in a heading (the default Enter then applies).
 */
export function breakHeading(editor: Editor): boolean {
  const { selection } = editor;
  if (!selection || !Range.isCollapsed(selection)) return false;
  const index = blockIndexOf(selection.anchor.path);
  const block = editor.children[index];
  if (!block || !Element.isElement(block) || block.type !== 'heading') return false;
  const start = Editor.start(editor, [index]);
  const end = Editor.end(editor, [index]);
  const at = selection.anchor;
  if (Editor.isEnd(editor, at, [index]) || Point.equals(at, end)) {
    // A run-in heading prints on one line with its paragraph: Enter goes on into that paragraph.
    const next = editor.children[index + 1];
    if (block.runIn && next && Element.isElement(next) && next.type === 'paragraph') {
      Transforms.select(editor, Editor.start(editor, [index + 1]));
      return true;
    }
    insertParagraphAfter(editor, index);
    return true;
  }
  if (Editor.isStart(editor, at, [index]) || Point.equals(at, start)) {
    Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text: '' }] }, { at: [index] });
    return true;
  }
  Editor.withoutNormalizing(editor, () => {
    Transforms.splitNodes(editor, { always: true });
    const newIndex = index + 1;
    Transforms.unsetNodes(editor, ['level', 'parts', 'runIn'], { at: [newIndex] });
    Transforms.setNodes(editor, { type: 'paragraph' } as Partial<ParagraphElement>, { at: [newIndex] });
  });
  return true;
}

/** The text leaves of a text-holding element at `path` (heading, paragraph or table cell). */
function textEntries(editor: Editor, path: Path): { path: Path; length: number }[] {
  const node = Node.get(editor, path);
  if (!Element.isElement(node)) return [];
  return node.children.map((child, i) => ({ path: [...path, i], length: Node.string(child).length }));
}

/** The Slate point at UTF-16 `offset` of the text of the element at `path` (offset clamped to the text). */
export function pointAt(editor: Editor, path: Path, offset: number, affinity: 'start' | 'end' = 'end'): Point {
  const leaves = textEntries(editor, path);
  let rest = Math.max(0, offset);
  for (let i = 0; i < leaves.length; i++) {
    const leaf = leaves[i]!;
    const last = i === leaves.length - 1;
    // An offset on the boundary of two leaves belongs to the later leaf for a range start, the earlier for an end.
    if (rest < leaf.length || (rest === leaf.length && (affinity === 'end' || last))) return { path: leaf.path, offset: rest };
    rest -= leaf.length;
  }
  const tail = leaves[leaves.length - 1];
  return tail ? { path: tail.path, offset: tail.length } : { path: [...path, 0], offset: 0 };
}

/** The range [start, end) of the text of the element at `path`. */
export function rangeAt(editor: Editor, path: Path, start: number, end: number): BaseRange {
  return { anchor: pointAt(editor, path, start, 'start'), focus: pointAt(editor, path, end, 'end') };
}

/** Whether `path` names a text-holding element of the body: [i] for headings and paragraphs, [i, r, c] for cells. */
export function isTextElementPath(editor: Editor, path: Path): boolean {
  if (!Node.has(editor, path)) return false;
  const node = Node.get(editor, path);
  return Element.isElement(node) && (node.type === 'heading' || node.type === 'paragraph' || node.type === 'table-cell');
}

/**
 * Replaces [start, end) of the element at `path` with `replacement`, if the text there is still `expected`
 * (a finding or a search hit may be stale by the time the user clicks). Returns whether it replaced.
 */
export function replaceText(editor: Editor, path: Path, start: number, end: number, expected: string, replacement: string): boolean {
  if (!isTextElementPath(editor, path)) return false;
  const text = Node.string(Node.get(editor, path));
  if (text.slice(start, end) !== expected) return false;
  const range = rangeAt(editor, path, start, end);
  Editor.withoutNormalizing(editor, () => {
    Transforms.select(editor, range);
    if (replacement === '') Transforms.delete(editor);
    else Transforms.insertText(editor, replacement);
  });
  return true;
}

export interface TextEdit {
  path: number[];
  start: number;
  end: number;
  expected: string;
  replacement: string;
}

/**
 * Applies several replacements as one undoable step. Edits are applied from the end of the document backwards so
 * earlier offsets stay valid; overlapping edits after the first are skipped. Returns how many were applied.
 */
export function replaceMany(editor: Editor, edits: readonly TextEdit[]): number {
  const sorted = [...edits].sort((a, b) => Path.compare(b.path, a.path) || b.start - a.start);
  let applied = 0;
  let lastPath: number[] | null = null;
  let lastStart = Infinity;
  // The caret stays where the user had it (tracked through the edits), not on the last replacement.
  const caret = editor.selection ? Editor.rangeRef(editor, editor.selection) : null;
  Editor.withoutNormalizing(editor, () => {
    for (const e of sorted) {
      const samePath = lastPath !== null && Path.equals(lastPath, e.path);
      if (samePath && e.end > lastStart) continue;
      if (replaceText(editor, e.path, e.start, e.end, e.expected, e.replacement)) {
        applied++;
        lastPath = e.path;
        lastStart = e.start;
      }
    }
  });
  const kept = caret?.unref();
  if (kept) Transforms.select(editor, kept);
  else if (caret) Transforms.deselect(editor);
  return applied;
}

/** Inserts blocks at the caret: splits the current block and puts them between the halves (one undo step). */
export function insertBlocksAtCaret(editor: Editor, blocks: Block[]): void {
  if (blocks.length === 0) return;
  Editor.withoutNormalizing(editor, () => {
    // A selected stretch is replaced by the paste; a bare caret deletes nothing.
    if (editor.selection && Range.isExpanded(editor.selection)) Transforms.delete(editor);
    const sel = editor.selection;
    if (!sel) {
      Transforms.insertNodes(editor, blocks, { at: [editor.children.length] });
      return;
    }
    const index = sel.anchor.path[0]!;
    const current = editor.children[index];
    const atStart = Editor.isStart(editor, sel.anchor, [index]);
    const atEnd = Editor.isEnd(editor, sel.anchor, [index]);
    const currentEmpty = current ? Node.string(current) === '' : true;
    let at: number;
    if (currentEmpty) {
      Transforms.removeNodes(editor, { at: [index] });
      at = index;
    } else if (atStart) {
      at = index;
    } else if (atEnd || !current || !Element.isElement(current) || current.type === 'table') {
      at = index + 1;
    } else {
      Transforms.splitNodes(editor, { always: true });
      at = index + 1;
    }
    Transforms.insertNodes(editor, blocks, { at: [at] });
    const last = at + blocks.length - 1;
    Transforms.select(editor, Editor.end(editor, [last]));
  });
}
