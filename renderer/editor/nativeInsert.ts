// Typing a Chinese character (renderer): the browser puts it into the DOM itself, as slate-react already lets it do
// for a–z and space. slate-react otherwise cancels the key, inserts the character in its model and re-renders the
// text, which replaces the paragraph's text node, drops the caret and makes it set the caret again (a forced layout
// of the page and a selection change on every key). Here the key goes through natively and the same character is
// inserted in the model on the `input` event that follows, so the text React renders already matches the DOM.
// Whenever the DOM and the model might not agree (a selection, a mark to apply, a hint, the caret at a leaf's start,
// a caret slate-react has not caught up with), slate-react handles the key as before. React's render of such a key
// waits until its frame is painted (deferRender.ts); the marks of the typed unit are redrawn in the key's own task.
import { useCallback, useRef } from 'react';
import { Editor, Node, Range, Text, type Path } from 'slate';
import { ReactEditor, useSlateStatic } from 'slate-react';
import { touchesHint } from '../../shared/editor/hints';
import type { ReportSlateEditor } from './withReport';
import type { MarkLayer } from './markLayer';
import { useRenderHold } from './deferRender';

/** Single characters a writer of Chinese types: Han characters, CJK and full-width punctuation, full-width forms. */
const NATIVE_CHAR = /^[\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e\uff5f-\uffef]$/;

interface Pending {
  path: Path;
  /** The leaf's text before the key. */
  text: string;
  char: string;
  domNode: globalThis.Text;
  domOffset: number;
  domText: string;
}

/** Where the browser will insert the key's text, when it is exactly where the model's caret is; otherwise null. */
function nativeTarget(editor: ReportSlateEditor, event: InputEvent): Pending | null {
  const { selection } = editor;
  const char = event.data;
  if (event.inputType !== 'insertText' || !char || !NATIVE_CHAR.test(char)) return null;
  if (!selection || !Range.isCollapsed(selection) || selection.anchor.offset === 0) return null;
  if (editor.marks || ReactEditor.isComposing(editor) || touchesHint(editor, selection)) return null;
  const leaf = Node.getIf(editor, selection.anchor.path);
  if (!Text.isText(leaf)) return null;
  let textElement: HTMLElement;
  try {
    textElement = ReactEditor.toDOMNode(editor, leaf);
  } catch {
    return null;
  }
  // The DOM caret must be the model's caret (no selection change slate-react has not read yet): in the leaf's one
  // string (the editor has no decorations, so a Slate text renders as one string, checked by its length) at the
  // model's offset. Compared by node and offset: Selection.isCollapsed would force a layout of the page.
  const dom = window.getSelection();
  const domNode = dom?.anchorNode;
  if (!dom || !(domNode instanceof globalThis.Text) || dom.focusNode !== domNode || dom.anchorOffset !== dom.focusOffset) return null;
  const string = domNode.parentElement;
  if (!string?.hasAttribute('data-slate-string') || string.closest('[data-slate-node="text"]') !== textElement) return null;
  const domOffset = dom.anchorOffset;
  if (domOffset !== selection.anchor.offset || domNode.data.length !== leaf.text.length) return null;
  const [target] = event.getTargetRanges();
  if (target && (target.startContainer !== domNode || target.startOffset !== domOffset || !target.collapsed)) return null;
  return { path: selection.anchor.path, text: leaf.text, char, domNode, domOffset, domText: domNode.data };
}

/** `onDOMBeforeInput` and `onInput` for the Editable (inside its <Slate>). */
export function useNativeInsert(layer: MarkLayer | null) {
  const editor = useSlateStatic() as ReportSlateEditor;
  const pending = useRef<Pending | null>(null);
  const hold = useRenderHold(editor);

  const onDOMBeforeInput = useCallback(
    (event: InputEvent): boolean | undefined => {
      pending.current = nativeTarget(editor, event);
      // true: handled here, so slate-react neither cancels the key nor inserts it; the browser inserts it.
      return pending.current ? true : undefined;
    },
    [editor],
  );

  const onInput = useCallback(() => {
    const p = pending.current;
    pending.current = null;
    if (!p) return;
    const inserted = p.domText.slice(0, p.domOffset) + p.char + p.domText.slice(p.domOffset);
    const drawn = p.domNode.isConnected && p.domNode.data === inserted;
    Editor.insertText(editor, p.char);
    const leaf = Node.getIf(editor, p.path);
    if (Text.isText(leaf) && leaf.text === p.text) {
      // The model did not take the character where the browser put it (nothing does so today: a hint or a mark sends
      // the key to slate-react): take it out of the DOM again, as slate-react does for its own native keys.
      if (drawn) p.domNode.deleteData(p.domOffset, p.char.length);
      return;
    }
    if (!drawn) return;
    // The DOM shows the key already: React's render of it can wait for the frame (slate calls onChange in a
    // microtask, after this handler), and the typed unit's marks move with its text in this frame.
    hold.current?.holdNext();
    const unit = p.domNode.parentElement?.closest<HTMLElement>('[data-slate-node="element"]');
    const parent = Node.getIf(editor, p.path.slice(0, -1));
    if (unit && parent) layer?.syncTyped(parent, unit);
  }, [editor, layer, hold]);

  return { onDOMBeforeInput, onInput };
}
