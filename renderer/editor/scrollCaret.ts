// Keeping the caret in view after an edit (renderer), for the Editable's scrollSelectionIntoView. slate-react's own
// version asks compute-scroll-into-view, which reads the computed style of every ancestor of the caret on every key;
// the page scrolls in one known element, so two boxes are enough: the caret's and the scroller's.
import { Range } from 'slate';
import type { ReactEditor } from 'slate-react';

/** Room kept between the caret and the scroller's edge when it has to scroll, in px. */
const MARGIN_PX = 24;

export function scrollCaretIntoView(editor: ReactEditor, domRange: globalThis.Range): void {
  const focus = domRange.cloneRange();
  focus.collapse(!!editor.selection && Range.isBackward(editor.selection));
  const leaf = focus.startContainer instanceof Element ? focus.startContainer : focus.startContainer.parentElement;
  const scroller = leaf?.closest<HTMLElement>('.page-scroll');
  if (!scroller) return;
  let caret = focus.getBoundingClientRect();
  // Chromium gives an empty box for some caret places (an empty line): the leaf's box stands in.
  if (caret.width === 0 && caret.height === 0 && caret.x === 0 && caret.y === 0) caret = leaf!.getBoundingClientRect();
  const box = scroller.getBoundingClientRect();
  if (caret.top < box.top) scroller.scrollTop -= box.top - caret.top + MARGIN_PX;
  else if (caret.bottom > box.bottom) scroller.scrollTop += caret.bottom - box.bottom + MARGIN_PX;
  if (caret.left < box.left) scroller.scrollLeft -= box.left - caret.left + MARGIN_PX;
  else if (caret.right > box.right) scroller.scrollLeft += caret.right - box.right + MARGIN_PX;
}
