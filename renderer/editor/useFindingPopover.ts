// The popover of a finding over its mark (renderer): when it opens (the pointer rests on a mark, Alt+Enter on the
// caret's finding, F8 / Shift+F8 to the next or previous finding), where it stands, and when it closes (typing, the
// caret leaving the finding, Escape, a click elsewhere, the pointer leaving). It opens without taking the focus, except
// from Alt+Enter; the editor keeps the caret and every keystroke.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Node, Path, Range } from 'slate';
import { ReactEditor } from 'slate-react';
import type { Finding } from '../../shared/check/types';
import { findingKey, findingsAtCaret, inDocumentOrder, stepFinding, unitPointOf, type UnitRange } from '../../shared/editor/findingNav';
import { rangeAt } from '../../shared/editor/ops';
import type { MarkHover, MarkLayer } from './markLayer';
import { T } from './strings';
import type { LiveAnalysis } from './useLiveAnalysis';
import type { ReportSlateEditor } from './withReport';

/** How long the pointer rests on a mark before its popover opens, and stays away before it closes. */
const REST_MS = 350;
const LEAVE_MS = 300;

export interface AnchorBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PopoverState {
  /** The findings shown, most severe first (usually one). */
  findings: Finding[];
  /** The box of the mark on screen, which the popover is placed against. */
  box: AnchorBox;
  /** Opened from the keyboard: the finding's place (the popover follows it when the page scrolls); null from the pointer. */
  anchor: UnitRange | null;
  /** Take the focus when shown (Alt+Enter); otherwise the editor keeps it. */
  focus: boolean;
}

/** Whether the finding's text still stands where the last check found it (typing since may have moved it). */
function stands(editor: ReportSlateEditor, f: Finding): boolean {
  if (!Node.has(editor, f.path)) return false;
  return Node.string(Node.get(editor, f.path)).slice(f.start, f.end) === f.text;
}

/** The on-screen box of [start, end) of a unit (a zero-width place: the character before it, as it is painted). */
function boxOf(editor: ReportSlateEditor, a: UnitRange): AnchorBox | null {
  const start = a.end > a.start ? a.start : Math.max(0, a.start - 1);
  const end = a.end > a.start ? a.end : Math.max(a.start, 1);
  try {
    const dom = ReactEditor.toDOMRange(editor, rangeAt(editor, [...a.path], start, end));
    const first = [...dom.getClientRects()].find((r) => r.width > 0) ?? dom.getBoundingClientRect();
    return { left: first.left, top: first.top, right: first.right, bottom: first.bottom };
  } catch {
    return null; // not rendered
  }
}

/** The box of the page's visible part (the scrolling element around the body). */
function viewOf(editor: ReportSlateEditor): DOMRect | null {
  try {
    return ReactEditor.toDOMNode(editor, editor).closest('.page-scroll')?.getBoundingClientRect() ?? null;
  } catch {
    return null;
  }
}

const inView = (box: AnchorBox, view: DOMRect | null) => !view || (box.bottom > view.top && box.top < view.bottom);

/** Scrolls the page so that `box` (the start of a finding in a long paragraph) is in its upper third. */
function reveal(editor: ReportSlateEditor, box: AnchorBox): void {
  const view = viewOf(editor);
  if (!view || (box.top >= view.top && box.bottom <= view.bottom)) return;
  const scroller = ReactEditor.toDOMNode(editor, editor).closest('.page-scroll')!;
  scroller.scrollTop += box.top - (view.top + view.height / 3);
}

/** The selection as a place in one text unit (a selection over several units: its start). */
function selectionPlace(editor: ReportSlateEditor, sel: Range | null): UnitRange {
  if (!sel) return { path: [0], start: 0, end: 0 };
  const [a, b] = Range.edges(sel);
  const s = unitPointOf(editor, a);
  const e = unitPointOf(editor, b);
  if (!s) return { path: [0], start: 0, end: 0 };
  return { path: s.path, start: s.offset, end: e && Path.equals(e.path, s.path) ? e.offset : s.offset };
}

/**
 * The browser's selection in the body, when it is there: slate-react reads it into editor.selection only after a
 * pause (throttled), so a key right after a caret move would start from the old place.
 */
function domSelection(editor: ReportSlateEditor): Range | null {
  const dom = window.getSelection();
  if (!dom || dom.rangeCount === 0 || !ReactEditor.isFocused(editor)) return null;
  return ReactEditor.toSlateRange(editor, dom, { exactMatch: false, suppressThrow: true });
}

const insideOf = (place: UnitRange, outer: UnitRange) =>
  Path.equals([...place.path], [...outer.path]) && place.start >= Math.min(outer.start, outer.end - 1) && place.end <= outer.end;

export function useFindingPopover(
  editor: ReportSlateEditor,
  layer: MarkLayer | null,
  live: Pick<LiveAnalysis, 'analysisRef'>,
  selectRange: (path: number[], start: number, end: number) => void,
  say: (text: string) => void,
) {
  const { analysisRef } = live;
  const [state, setRendered] = useState<PopoverState | null>(null);
  // Read by the callbacks below, written with the state at once: a selection change right after F8 must see the new one.
  const stateRef = useRef(state);
  const setState = useCallback((next: PopoverState | null) => {
    stateRef.current = next;
    setRendered(next);
  }, []);
  const elementRef = useRef<HTMLDivElement>(null);
  const rest = useRef(0);
  const leave = useRef(0);
  const pointerInside = useRef(false);

  const clearTimers = () => {
    window.clearTimeout(rest.current);
    window.clearTimeout(leave.current);
  };
  const close = useCallback((refocus = false) => {
    clearTimers();
    pointerInside.current = false;
    if (stateRef.current) setState(null);
    if (refocus) ReactEditor.focus(editor);
  }, [editor]);

  // ---- the pointer --------------------------------------------------------------------------------------------
  const closeSoon = useCallback(() => {
    window.clearTimeout(leave.current);
    leave.current = window.setTimeout(() => {
      const s = stateRef.current;
      // Kept while the pointer is over it or the user works in it (the reason being typed).
      if (!s || s.anchor || pointerInside.current || elementRef.current?.contains(document.activeElement)) return;
      setState(null);
    }, LEAVE_MS);
  }, []);
  useEffect(() => {
    if (!layer) return;
    layer.setHoverListener((hover: MarkHover | null) => {
      window.clearTimeout(rest.current);
      if (!hover) return closeSoon();
      window.clearTimeout(leave.current);
      const s = stateRef.current;
      if (s && s.findings.length === hover.findings.length && s.findings.every((f, i) => f === hover.findings[i])) return;
      // Opens once the pointer has rested: every move starts the wait again.
      rest.current = window.setTimeout(() => {
        const { left, top, right, bottom } = hover.rect;
        setState({ findings: hover.findings, box: { left, top, right, bottom }, anchor: null, focus: false });
      }, REST_MS);
    });
    return () => layer.setHoverListener(null);
  }, [layer, closeSoon]);
  const onPointer = useCallback(
    (inside: boolean) => {
      pointerInside.current = inside;
      if (inside) window.clearTimeout(leave.current);
      else closeSoon();
    },
    [closeSoon],
  );

  // ---- the keyboard -------------------------------------------------------------------------------------------
  const openAt = useCallback(
    (findings: Finding[], focus: boolean) => {
      const f = findings[0]!;
      const anchor: UnitRange = { path: f.path, start: f.start, end: f.end };
      const first = boxOf(editor, anchor);
      if (first) reveal(editor, first);
      const box = first && boxOf(editor, anchor);
      clearTimers();
      if (box) setState({ findings, box, anchor, focus });
    },
    [editor],
  );
  /** Alt+Enter: the popover of the caret's finding, with the focus in it. */
  const openAtCaret = useCallback(() => {
    const place = selectionPlace(editor, domSelection(editor) ?? editor.selection);
    const here = findingsAtCaret(analysisRef.current.result.findings, place.path, place.start).filter((f) => stands(editor, f));
    if (here.length === 0) say(T.noFindingAtCaret);
    else openAt(here, true);
  }, [analysisRef, editor, openAt, say]);
  /** F8 / Shift+F8: the next or previous finding in the text is selected and its popover shown. */
  const step = useCallback(
    (direction: 1 | -1) => {
      const ordered = inDocumentOrder(analysisRef.current.result.findings).filter((f) => stands(editor, f));
      const s = stateRef.current;
      const current = s?.anchor ? s.findings[0] : undefined;
      const next = stepFinding(ordered, selectionPlace(editor, domSelection(editor) ?? editor.selection), direction, current);
      if (!next) return say(T.noBodyFindings);
      if (next.wrapped) say(direction === 1 ? T.findingsFromStart : T.findingsFromEnd);
      const f = next.finding;
      selectRange(f.path, f.start, f.end);
      // The findings sharing its place are shown with it; it stays first (F8 goes on from it).
      const key = findingKey(f);
      const same = ordered.filter((g) => findingKey(g) !== key && Path.equals(g.path, f.path) && g.start === f.start && g.end === f.end);
      // Once the browser has shown the new selection (which scrolls to its end): then the finding's start is shown.
      requestAnimationFrame(() => openAt([f, ...same], false));
    },
    [analysisRef, editor, openAt, say, selectRange],
  );

  // ---- closing ------------------------------------------------------------------------------------------------
  /** Every change of the body closes it (its finding may have moved or gone): nothing to do while it is closed. */
  const bodyChanged = useCallback(() => {
    if (stateRef.current) close();
  }, [close]);
  /** A popover opened from the keyboard closes when the caret leaves its finding. */
  const selectionChanged = useCallback(() => {
    const s = stateRef.current;
    if (s?.anchor && !elementRef.current?.contains(document.activeElement) && !insideOf(selectionPlace(editor, editor.selection), s.anchor)) close();
  }, [close, editor]);
  useEffect(() => {
    if (!state) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.isComposing) return;
      e.preventDefault();
      e.stopPropagation();
      close(true);
    };
    const onDown = (e: MouseEvent) => {
      if (!elementRef.current?.contains(e.target as globalThis.Node)) close();
    };
    // From the pointer it goes with the page; from the keyboard it follows its finding.
    const onScroll = (e: Event) => {
      if (elementRef.current?.contains(e.target as globalThis.Node)) return;
      const s = stateRef.current;
      if (!s?.anchor) return close();
      const box = boxOf(editor, s.anchor);
      // Scrolled out of the page's view: closed (it would stand over the toolbar or the status line).
      if (!box || !inView(box, viewOf(editor))) return close();
      setState({ ...s, box, focus: false });
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('mousedown', onDown, true);
    window.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', onScroll);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', onScroll);
    };
  }, [state, close, editor]);
  useEffect(() => clearTimers, []);

  return useMemo(
    () => ({ state, elementRef, close, onPointer, openAtCaret, step, bodyChanged, selectionChanged }),
    [state, close, onPointer, openAtCaret, step, bodyChanged, selectionChanged],
  );
}
