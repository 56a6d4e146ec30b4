// The drafting editor (renderer): composes the page, the outline on the left, findings and guidance on the right, and
// the hooks that each own one concern (live analysis, find, finding actions, paste, keymap, navigation).
// Slate owns the body; the session (renderer/files) owns the frame (meta, ignores, rules) and reads the body through
// the port this editor binds. Public surface: <ReportEditor frame initialBody … ref> with an imperative handle.
import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createEditor, Editor, Range, Transforms, type Descendant } from 'slate';
import { HistoryEditor, withHistory } from 'slate-history';
import { ReactEditor, Slate, withReact } from 'slate-react';
import type { EditorCommandId } from '../../shared/commands';
import type { Block, MandatedPartId, ReportMeta } from '../../shared/model/schema';
import { currentBlockIndex, moveSection, moveSectionBefore } from '../../shared/editor/ops';
import { findingKey } from '../../shared/editor/findingNav';
import { unitsFromFindings, type UnitMarks } from '../../shared/editor/marks';
import type { Finding } from '../../shared/check/types';
import type { DocFrame, EditorPort, FramePatch } from '../files';
import { ContextMenu, type MenuAt } from './ContextMenu';
import { FindBar } from './FindBar';
import type { ListedFinding } from './FindingsPanel';
import { FindingPopover } from './FindingPopover';
import { MarkLayer } from './markLayer';
import { OutlinePanel } from './OutlinePanel';
import { Page } from './Page';
import { PageEstimate } from '../export/PageEstimate';
import { SidePanel, type SideTab } from './SidePanel';
import { useReview } from '../review/useReview';
import { StyleControl } from './StyleControl';
import { T } from './strings';
import { TableBar } from './TableBar';
import { useFind } from './useFind';
import { useFindingActions } from './useFindingActions';
import { useFindingPopover } from './useFindingPopover';
import { useKeymap } from './useKeymap';
import { useLiveAnalysis } from './useLiveAnalysis';
import { useNavigation } from './useNavigation';
import { usePaste } from './usePaste';
import { withHeadingMarkers } from './withHeadingMarkers';
import { withReport, type PasteHandler, type ReportSlateEditor } from './withReport';

export interface ReportEditorHandle {
  undo(): void;
  redo(): void;
  openFind(replace: boolean): void;
  /** F3 / Shift+F3. */
  findStep(direction: 1 | -1): void;
  /** F8 / Shift+F8: the next or previous finding in the text, with its popover. */
  findingStep(direction: 1 | -1): void;
  /** Runs an editor command of the table at the caret (from the menu or a toolbar). */
  runEditorCommand(id: EditorCommandId): void;
  /** 文件 → 导出审阅稿… / 导入审阅意见… (renderer/review). */
  exportReview(): void;
  importReview(): void;
  /** Selects [start, end) of the body text at `path` and scrolls it into view (the pre-submission check's jumps). */
  selectRange(path: number[], start: number, end: number): void;
  focus(): void;
}

export interface ReportEditorProps {
  frame: DocFrame;
  /** The body the document was loaded with (read once, at mount: the editor owns the body from then on). */
  initialBody: readonly Block[];
  /** Every change of the body (typing, commands, undo), without the body: the session reads it when it needs it. */
  onBodyChange(): void;
  onFrameChange(patch: FramePatch): void;
  /** The editor binds its port at mount (and null at unmount). */
  onBind(port: EditorPort | null): void;
}

/** How long a status line (paste, formatting) stays. */
const NOTICE_MS = 8000;

function isEditableField(el: globalThis.Element | null): boolean {
  return !!el && el instanceof HTMLElement && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') && !el.closest('[data-slate-editor]');
}

export const ReportEditor = memo(forwardRef<ReportEditorHandle, ReportEditorProps>(function ReportEditor({ frame, initialBody, onBodyChange, onFrameChange, onBind }, ref) {
  const pasteRef = useRef<PasteHandler | null>(null);
  const [editor] = useState(() => {
    const e = withHeadingMarkers(withReport(withHistory(withReact(createEditor())) as ReportSlateEditor, pasteRef));
    // Read once: from here on the body is the editor's (the analysis below starts from it).
    e.children = initialBody as Descendant[];
    return e;
  });
  const live = useLiveAnalysis(editor, frame);
  const { analysis, analysisRef, expedite } = live;
  const nav = useNavigation(editor);

  // The session reads the body from here, and restores a version through here (one undoable step).
  useLayoutEffect(() => {
    onBind({
      body: () => editor.children as Block[],
      replaceBody: (body) =>
        HistoryEditor.withNewBatch(editor, () => {
          Editor.withoutNormalizing(editor, () => {
            Transforms.deselect(editor);
            for (let i = editor.children.length - 1; i >= 0; i--) Transforms.removeNodes(editor, { at: [i] });
            Transforms.insertNodes(editor, structuredClone(body) as Descendant[], { at: [0] });
          });
        }),
    });
    return () => onBind(null);
  }, [editor, onBind]);

  const { bodyChanged } = live;
  const reviewRef = useRef<ReturnType<typeof useReview> | null>(null);
  // The popover over a mark closes at every change of the body (bound below, once the mark layer exists).
  const popoverChanged = useRef<() => void>(() => undefined);
  const onValueChange = useCallback(() => {
    onBodyChange();
    bodyChanged();
    reviewRef.current?.bodyChanged();
    popoverChanged.current();
  }, [bodyChanged, onBodyChange]);

  const { getDoc } = live;
  const getMeta = useCallback(() => getDoc().meta, [getDoc]);
  const onMetaChange = useCallback((patch: Partial<ReportMeta>) => onFrameChange({ meta: patch }), [onFrameChange]);

  // ---- the status line (paste, formatting keys) ----------------------------------------------------------------
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (!notice) return;
    const t = window.setTimeout(() => setNotice(null), NOTICE_MS);
    return () => window.clearTimeout(t);
  }, [notice]);
  usePaste(editor, pasteRef, getMeta, onFrameChange, expedite, setNotice);
  // ---- the context menu (right click, the menu key, Shift+F10) -------------------------------------------------
  const [menuAt, setMenuAt] = useState<MenuAt | null>(null);
  const openMenuAtCaret = useCallback(() => {
    const sel = window.getSelection();
    let rect = sel && sel.rangeCount > 0 ? sel.getRangeAt(0).getBoundingClientRect() : null;
    if (!rect || (rect.width === 0 && rect.height === 0)) {
      const block = editor.children[currentBlockIndex(editor)];
      rect = block ? ReactEditor.toDOMNode(editor, block).getBoundingClientRect() : null;
    }
    setMenuAt(rect ? { x: rect.left, y: rect.bottom } : { x: 120, y: 120 });
  }, [editor]);
  const onContextMenu = useCallback(
    (e: React.MouseEvent) => {
      e.preventDefault();
      if (e.button !== 2) return openMenuAtCaret(); // the menu key: at the caret
      // A right click puts the caret where it points, unless it points into the selection (kept for the action).
      try {
        const range = ReactEditor.findEventRange(editor, e);
        if (!editor.selection || !Range.includes(editor.selection, range.anchor)) Transforms.select(editor, range);
      } catch {
        // Not over text (a margin): the caret stays.
      }
      setMenuAt({ x: e.clientX, y: e.clientY });
    },
    [editor, openMenuAtCaret],
  );
  const closeMenu = useCallback(() => setMenuAt(null), []);

  // ---- the caret's block (outline highlight, guidance) -----------------------------------------------------------
  const [currentIndex, setCurrentIndex] = useState(-1);
  const popoverSelection = useRef<() => void>(() => undefined);
  const onSelectionChange = useCallback(() => {
    const i = currentBlockIndex(editor);
    if (i >= 0) setCurrentIndex((prev) => (prev === i ? prev : i));
    popoverSelection.current();
  }, [editor]);

  const find = useFind(editor, analysis, nav.scrollToBlock, expedite);
  const findingActions = useFindingActions(editor, live, nav.selectRange, onFrameChange);

  // ---- marks painted over the text (findings, placeholders, find hits) ------------------------------------------
  const [layer, setLayer] = useState<MarkLayer | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const l = new MarkLayer(editor, scrollRef.current);
    setLayer(l);
    return () => l.dispose();
  }, [editor]);
  const prevUnits = useRef<Map<string, UnitMarks> | null>(null);
  // The map stays the same object (and so do its unchanged entries) while no unit's findings change: a check after
  // typing repaints only the units whose findings did.
  const units = useMemo(() => (prevUnits.current = unitsFromFindings(analysis.result.findings, analysis.doc.body, prevUnits.current)), [analysis]);
  useEffect(() => layer?.setMarks(units, find.hits), [layer, units, find.hits]);

  // ---- the popover over a mark, F8 / Shift+F8, and 在列表中查看 ---------------------------------------------------
  const popover = useFindingPopover(editor, layer, live, nav.selectRange, setNotice);
  popoverChanged.current = popover.bodyChanged;
  popoverSelection.current = popover.selectionChanged;
  const keymap = useKeymap(editor, expedite, setNotice, openMenuAtCaret, popover.openAtCaret);
  const [listed, setListed] = useState<ListedFinding | null>(null);

  // ---- the outline --------------------------------------------------------------------------------------------
  const moved = useCallback(
    (to: number | null) => {
      if (to === null) return;
      expedite();
      nav.scrollToBlock(to);
    },
    [expedite, nav],
  );
  const onMove = useCallback((index: number, direction: 'up' | 'down') => moved(moveSection(editor, index, direction)), [editor, moved]);
  const onDrop = useCallback((from: number, before: number) => moved(moveSectionBefore(editor, from, before)), [editor, moved]);
  const onGoToPart = useCallback(
    (part: MandatedPartId) => {
      const loc = analysisRef.current.parts.primary[part];
      if (loc) nav.selectRange(loc.path, loc.range?.start ?? 0, loc.range?.end ?? 0);
    },
    [analysisRef, nav],
  );

  const { openFind, step } = find;
  const { runEditorCommand } = keymap;
  // The reviewer's comments and tracked changes (the frame's `review`, owned by the session): renderer/review.
  const [sideTab, setSideTab] = useState<SideTab>('findings');
  const showInList = useCallback((f: Finding) => {
    setSideTab('findings');
    setListed((prev) => ({ key: findingKey(f), seq: (prev?.seq ?? 0) + 1 }));
  }, []);
  const review = useReview({ editor, getDoc, changeFrame: onFrameChange, selectRange: nav.selectRange, changed: expedite }, frame.review);
  reviewRef.current = review;

  useImperativeHandle(
    ref,
    () => ({
      // In the title, addressee or signature field the field's own undo; in the body, the editor's history.
      undo: () => (isEditableField(document.activeElement) ? document.execCommand('undo') : editor.undo()),
      redo: () => (isEditableField(document.activeElement) ? document.execCommand('redo') : editor.redo()),
      openFind,
      findStep: step,
      findingStep: popover.step,
      runEditorCommand,
      selectRange: nav.selectRange,
      exportReview: () => void reviewRef.current?.exportCopy(),
      importReview: () => {
        setSideTab('review');
        void reviewRef.current?.importFile();
      },
      focus: () => ReactEditor.focus(editor),
    }),
    [editor, nav.selectRange, openFind, runEditorCommand, step, popover.step],
  );

  return (
    <div className="editor-shell">
      <OutlinePanel
        analysis={analysis}
        lengthTarget={frame.rules.lengthTarget}
        currentIndex={currentIndex}
        onGoTo={nav.goTo}
        onGoToPart={onGoToPart}
        onMove={onMove}
        onDrop={onDrop}
      />
      <div className="page-column">
        {find.bar && <FindBar {...find.bar} />}
        {notice && (
          <div className="editor-notice" role="status">
            {notice}
            <button type="button" className="link" onClick={() => setNotice(null)}>
              {T.close}
            </button>
          </div>
        )}
        <Slate editor={editor} initialValue={editor.children} onValueChange={onValueChange} onSelectionChange={onSelectionChange}>
          <div className="format-bar">
            <StyleControl editor={editor} run={keymap.runEditorCommand} />
          </div>
          <TableBar editor={editor} onChanged={expedite} />
          <div className="page-scroll" ref={scrollRef}>
            <Page
              meta={frame.meta}
              onMetaChange={onMetaChange}
              layer={layer}
              onKeyDown={keymap.onKeyDown}
              onContextMenu={onContextMenu}
              onCompositionStart={live.onCompositionStart}
              onCompositionEnd={live.onCompositionEnd}
            />
          </div>
          {popover.state && (
            <FindingPopover
              state={popover.state}
              elementRef={popover.elementRef}
              ruleTitles={findingActions.ruleTitles}
              onFix={findingActions.onFix}
              onIgnore={findingActions.onIgnore}
              onShowInList={showInList}
              onClose={popover.close}
              onPointer={popover.onPointer}
            />
          )}
          {menuAt && <ContextMenu editor={editor} at={menuAt} run={keymap.runEditorCommand} onClose={closeMenu} />}
        </Slate>
        <PageEstimate doc={analysis.doc} />
      </div>
      <SidePanel
        analysis={analysis}
        templateId={frame.meta.templateId}
        currentIndex={currentIndex}
        liveCheckOn={live.liveCheckOn}
        onToggleLiveCheck={live.toggleLiveCheck}
        findingActions={findingActions}
        listed={listed}
        tab={sideTab}
        onTab={setSideTab}
        review={review}
      />
    </div>
  );
}));
