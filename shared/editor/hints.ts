// Template writing hints in the editor (shared, pure Slate): a hint leaf is removed as a unit when the user types
// into it, deletes a character of it, or deletes a selection that touches it. No DOM: the renderer's editor plugin
// (renderer/editor/withReport.ts) and the unit tests both use it.
import { Editor, Node, Path, Range, Text, Transforms, type BaseRange } from 'slate';

/** Paths of the hint leaves whose text the range overlaps (a collapsed range: the hint it sits inside or at the edge of). */
function hintsIn(editor: Editor, range: BaseRange): Path[] {
  // A caret (every key): only the leaf it is in can be the hint it sits inside or at the edge of.
  if (Range.isCollapsed(range)) {
    const leaf = Node.getIf(editor, range.anchor.path);
    return Text.isText(leaf) && leaf.hint === true ? [range.anchor.path] : [];
  }
  const out: Path[] = [];
  for (const [node, path] of Editor.nodes(editor, { at: range, match: (n) => Text.isText(n) && n.hint === true })) {
    const leaf = node as Text;
    const whole = { anchor: { path, offset: 0 }, focus: { path, offset: leaf.text.length } };
    const overlap = Range.intersection(whole, range);
    if (Range.isCollapsed(range) || (overlap && !Range.isCollapsed(overlap))) out.push(path);
  }
  return out;
}

/** Whether the range overlaps a hint leaf or, collapsed, sits inside or at the edge of one (typing there removes it). */
export function touchesHint(editor: Editor, range: BaseRange): boolean {
  return hintsIn(editor, range).length > 0;
}

/**
 * Removes the text of these hint leaves and their hint mark, and puts the cursor where the first one stood; the
 * emptied leaves then merge into their neighbours when the editor normalises.
 */
function removeHints(editor: Editor, paths: Path[]): void {
  Editor.withoutNormalizing(editor, () => {
    for (const path of paths.slice().reverse()) {
      const leaf = Node.get(editor, path) as Text;
      if (leaf.text.length > 0) Transforms.delete(editor, { at: { anchor: { path, offset: 0 }, focus: { path, offset: leaf.text.length } } });
      Transforms.unsetNodes(editor, 'hint', { at: path });
    }
    Transforms.select(editor, { path: paths[0]!, offset: 0 });
  });
}

/** Adds hint behaviour to an editor: typing into or deleting a hint removes the whole hint first. */
export function withHints<E extends Editor>(editor: E): E {
  const { insertText, deleteBackward, deleteForward, deleteFragment } = editor;

  editor.insertText = (text, options) => {
    const sel = editor.selection;
    if (sel) {
      const hints = hintsIn(editor, sel);
      if (hints.length > 0) {
        if (Range.isExpanded(sel)) editor.deleteFragment();
        const left = editor.selection ? hintsIn(editor, editor.selection) : [];
        if (left.length > 0) removeHints(editor, left);
      }
    }
    insertText(text, options);
  };

  editor.deleteBackward = (unit) => {
    const sel = editor.selection;
    if (sel && Range.isCollapsed(sel)) {
      const before = Editor.before(editor, sel.anchor, { unit: 'character' });
      const hints = before ? hintsIn(editor, { anchor: before, focus: sel.anchor }) : [];
      if (hints.length > 0) { removeHints(editor, hints); return; }
    }
    deleteBackward(unit);
  };

  editor.deleteForward = (unit) => {
    const sel = editor.selection;
    if (sel && Range.isCollapsed(sel)) {
      const after = Editor.after(editor, sel.anchor, { unit: 'character' });
      const hints = after ? hintsIn(editor, { anchor: sel.anchor, focus: after }) : [];
      if (hints.length > 0) { removeHints(editor, hints); return; }
    }
    deleteForward(unit);
  };

  editor.deleteFragment = (options) => {
    const sel = editor.selection;
    if (sel && Range.isExpanded(sel)) {
      const hints = hintsIn(editor, sel);
      if (hints.length > 0) {
        // Widen the selection over every hint it touches, so no half hint is left behind.
        const [start, end] = Range.edges(sel);
        const first = hints[0]!;
        const last = hints[hints.length - 1]!;
        const lastLeaf = Node.get(editor, last) as Text;
        const from = Path.isBefore(first, start.path) || (Path.equals(first, start.path)) ? { path: first, offset: 0 } : start;
        const to = Path.isAfter(last, end.path) || Path.equals(last, end.path) ? { path: last, offset: lastLeaf.text.length } : end;
        Transforms.select(editor, { anchor: from, focus: to });
      }
    }
    deleteFragment(options);
  };

  return editor;
}
