// The drafting editor (renderer): the report as a page close to print, the outline with the mandated parts on the left,
// findings and writing guidance on the right, live checking that never disturbs IME input.
// Public surface: <ReportEditor doc onChange ref> with an imperative handle (undo/redo/find/replace/select/getDoc).
import { forwardRef, memo, startTransition, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createEditor, Editor, Element, Node, Transforms, type Descendant } from 'slate';
import { HistoryEditor, withHistory } from 'slate-history';
import { Editable, ReactEditor, Slate, useSlate, withReact } from 'slate-react';
import type { Block, HeadingLevel, MandatedPartId, ReportDocument, ReportMeta } from '../../shared/model/schema';
import type { Template } from '../../shared/model/template';
import { NEXT_YEAR_TOKEN, YEAR_TOKEN } from '../../shared/model/templateOps';
import { createChecker } from '../../shared/check/engine';
import { applyFix, ignoreFinding } from '../../shared/check/engine';
import type { Finding } from '../../shared/check/types';
import { importText } from '../../shared/import/text';
import {
  currentBlockIndex, insertBlocksAtCaret, insertParagraphAfter, moveSection, moveSectionBefore, rangeAt, replaceMany, replaceText,
  setBlockKind, shiftHeadingLevel,
} from '../../shared/editor/ops';
import { findMatches, replaceAllEdits } from '../../shared/editor/find';
import { api } from '../api';
import { commandGate } from '../commands';
import { analyze, type Analysis } from './analysis';
import { unitsFromFindings, type Hit, type UnitMarks } from '../../shared/editor/marks';
import { MarkLayer } from './markLayer';
import { moveToCell } from '../../shared/editor/tableOps';
import { TableBar } from './TableBar';
import { renderElement, renderLeaf } from './elements';
import { FindBar, closedFind, type FindState } from './FindBar';
import { FindingsPanel } from './FindingsPanel';
import { OutlinePanel } from './OutlinePanel';
import { ReviewPanel } from '../review/ReviewPanel';
import { useReview } from '../review/useReview';
import { R } from '../review/strings';
import { withReport, type PasteHandler, type ReportSlateEditor } from './withReport';
import { PART_LABELS, T } from './strings';
import { titleLines } from '../../shared/docx/title';

export interface ReportEditorHandle {
  undo(): void;
  redo(): void;
  openFind(replace: boolean): void;
  /** Selects [start, end) of the text at `path` ([i] or [i, r, c]) and scrolls it into view. */
  selectRange(path: number[], start: number, end: number): void;
  /** The document as it is now (the body straight from the editor, never stale). */
  getDoc(): ReportDocument;
  focus(): void;
  /** Replaces the body (and meta) with `doc` as one undoable step: restoring a version (renderer/files). */
  replaceDocument(doc: ReportDocument): void;
  /** 文件 → 导出审阅稿… / 导入审阅意见… (renderer/review). */
  exportReview(): void;
  importReview(): void;
}

export interface ReportEditorProps {
  doc: ReportDocument;
  /** Every change: body edits are reported in a transition (typing stays fast), meta and ignores at once. */
  onChange(doc: ReportDocument): void;
}

/** Debounce of the live check after typing stops, and the longest it waits while typing goes on. */
const CHECK_DELAY_MS = 180;
const CHECK_MAX_WAIT_MS = 1500;
/** The longest a due analysis waits for the main thread to be idle. */
const CHECK_IDLE_TIMEOUT_MS = 500;
/** Top-level blocks per render chunk (slate-react chunking). */
const CHUNK_SIZE = 24;

function isEditableField(el: Element | globalThis.Element | null): boolean {
  return !!el && el instanceof HTMLElement && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') && !el.closest('[data-slate-editor]');
}

/** Documents a ReportEditor reported for a body edit (typing): the new body is already on screen. */
const bodyEdits = new WeakSet<ReportDocument>();

const NO_MATCHES: ReturnType<typeof findMatches> = [];

/**
 * A body edit coming back as the `doc` prop changes nothing on screen (the body is the editor's own, meta, ignores
 * and rules are the same objects): skip that render, so a keystroke costs one editor commit, not a second one of the
 * whole editor when the parent takes the document.
 */
function sameEditorProps(prev: ReportEditorProps, next: ReportEditorProps): boolean {
  if (prev.onChange !== next.onChange) return false;
  if (prev.doc === next.doc) return true;
  const a = prev.doc;
  const b = next.doc;
  return bodyEdits.has(b) && a.meta === b.meta && a.ignores === b.ignores && a.rules === b.rules;
}

export const ReportEditor = memo(forwardRef<ReportEditorHandle, ReportEditorProps>(function ReportEditor({ doc, onChange }, ref) {
  const pasteRef = useRef<PasteHandler | null>(null);
  const [editor] = useState(() => {
    const e = withReport(withHistory(withReact(createEditor())) as ReportSlateEditor, pasteRef);
    // Chunking: the top-level blocks are grouped so that a keystroke re-renders one chunk of blocks, not a list of
    // hundreds (no DOM wrapper is added; the page looks and behaves the same).
    e.getChunkSize = (node) => (Editor.isEditor(node) ? CHUNK_SIZE : null);
    return e;
  });
  const [checker] = useState(() => createChecker());
  // The latest document (meta, ignores, rules; the body is the editor's). It moves forward with every change this
  // editor reports and takes a committed `doc` prop only when that is not one of ours: a render of an older
  // transition must never bring back stale meta (it is assigned in an effect, never during render).
  const propsDoc = useRef(doc);
  const ownDocs = useRef(new WeakSet<ReportDocument>());
  useLayoutEffect(() => {
    if (!ownDocs.current.has(doc)) propsDoc.current = doc;
  }, [doc]);
  const onChangeRef = useRef(onChange);
  useLayoutEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const emitted = useRef(new WeakSet<object>([doc.body]));
  const composing = useRef(false);
  const pending = useRef(false);

  const getDoc = useCallback((): ReportDocument => ({ ...propsDoc.current, body: editor.children as Block[] }), [editor]);

  // ---- analysis (check, parts, counts, outline): after a pause in typing, never during a composition -------------
  // Live checking follows the user's setting (设置 → 实时检查); the outline, parts and counts are always computed.
  const liveCheck = useRef(true);
  const [liveCheckOn, setLiveCheckOn] = useState(true);
  const [analysis, setAnalysis] = useState<Analysis>(() => analyze(doc, checker, true));
  const timers = useRef<{ debounce: number | null; max: number | null; idle: number | null }>({ debounce: null, max: null, idle: null });
  const clearTimers = useCallback(() => {
    const t = timers.current;
    if (t.debounce !== null) window.clearTimeout(t.debounce);
    if (t.max !== null) window.clearTimeout(t.max);
    if (t.idle !== null) window.cancelIdleCallback(t.idle);
    t.debounce = t.max = t.idle = null;
  }, []);
  const runAnalysis = useCallback(() => {
    clearTimers();
    if (composing.current) {
      pending.current = true;
      return;
    }
    pending.current = false;
    const next = analyze(getDoc(), checker, liveCheck.current);
    // Panels and underlines update in a transition: a key pressed meanwhile is handled first.
    startTransition(() => setAnalysis(next));
  }, [checker, clearTimers, getDoc]);
  // When a timer is due, the analysis waits for the main thread's next idle period: right after a keystroke has been
  // handled and painted, so that while typing goes on it runs between two keys rather than delaying one.
  const runWhenIdle = useCallback(() => {
    const t = timers.current;
    if (t.idle === null) t.idle = window.requestIdleCallback(runAnalysis, { timeout: CHECK_IDLE_TIMEOUT_MS });
  }, [runAnalysis]);
  const scheduleAnalysis = useCallback(
    (delay = CHECK_DELAY_MS) => {
      const t = timers.current;
      if (t.debounce !== null) window.clearTimeout(t.debounce);
      t.debounce = window.setTimeout(runWhenIdle, delay);
      if (t.max === null) t.max = window.setTimeout(runWhenIdle, Math.max(delay, CHECK_MAX_WAIT_MS));
    },
    [runWhenIdle],
  );
  useEffect(() => clearTimers, [clearTimers]);
  useEffect(() => {
    let live = true;
    api.getSettings().then(
      ({ settings }) => {
        if (!live || settings.ui.liveCheck === liveCheck.current) return;
        liveCheck.current = settings.ui.liveCheck;
        setLiveCheckOn(settings.ui.liveCheck);
        runAnalysis();
      },
      () => undefined, // Settings unreadable: keep checking, the safe default.
    );
    return () => {
      live = false;
    };
  }, [runAnalysis]);
  const toggleLiveCheck = useCallback(() => {
    const next = !liveCheck.current;
    liveCheck.current = next;
    setLiveCheckOn(next);
    runAnalysis();
    api.getSettings().then(
      ({ settings }) => api.updateSettings({ ui: { ...settings.ui, liveCheck: next } }),
      () => undefined,
    ).catch(() => undefined); // The switch still works for this session if the setting cannot be stored.
  }, [runAnalysis]);

  // Meta, ignores and rules change outside the editor: re-check soon.
  useEffect(() => scheduleAnalysis(0), [doc.meta, doc.ignores, doc.rules, scheduleAnalysis]);

  // A different body from outside (a recovered or restored version): load it, with a fresh undo history.
  useEffect(() => {
    if (doc.body === editor.children || emitted.current.has(doc.body)) return;
    emitted.current.add(doc.body);
    editor.children = doc.body as Descendant[];
    editor.selection = null;
    editor.history = { undos: [], redos: [] };
    Editor.normalize(editor, { force: true });
    editor.onChange();
    runAnalysis();
  }, [doc.body, editor, runAnalysis]);

  const onValueChange = useCallback(
    (value: Descendant[]) => {
      emitted.current.add(value);
      const next = { ...propsDoc.current, body: value as Block[] };
      propsDoc.current = next;
      ownDocs.current.add(next);
      bodyEdits.add(next);
      startTransition(() => onChangeRef.current(next));
      scheduleAnalysis();
    },
    [scheduleAnalysis],
  );

  const emitDoc = useCallback((next: ReportDocument) => {
    propsDoc.current = next;
    ownDocs.current.add(next);
    onChangeRef.current(next);
  }, []);
  const onMetaChange = useCallback((patch: Partial<ReportMeta>) => emitDoc({ ...getDoc(), meta: { ...propsDoc.current.meta, ...patch } }), [emitDoc, getDoc]);

  // ---- the caret's block (outline highlight, guidance) -----------------------------------------------------------
  const [currentIndex, setCurrentIndex] = useState(-1);
  const onSelectionChange = useCallback(() => {
    const i = currentBlockIndex(editor);
    if (i >= 0) setCurrentIndex((prev) => (prev === i ? prev : i));
  }, [editor]);

  // ---- find and replace -----------------------------------------------------------------------------------------
  const [find, setFind] = useState<FindState>(closedFind);
  const [findMessage, setFindMessage] = useState<string | null>(null);
  const matches = useMemo(
    () => (find.open && find.query ? findMatches(editor.children as Block[], find.query, { loose: find.loose }) : NO_MATCHES),
    // analysis: re-search after edits settle.
    [find.open, find.query, find.loose, analysis, editor],
  );
  const currentMatch = matches.length ? Math.min(find.current, matches.length - 1) : 0;
  const hits = useMemo(() => {
    const map = new Map<string, Hit[]>();
    matches.forEach((m, i) => {
      const key = m.path.join('.');
      let list = map.get(key);
      if (!list) map.set(key, (list = []));
      list.push({ start: m.start, end: m.end, current: i === currentMatch });
    });
    return map;
  }, [matches, currentMatch]);

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
  useEffect(() => layer?.setMarks(units, hits), [layer, units, hits]);

  // ---- selecting text ------------------------------------------------------------------------------------------
  const scrollToBlock = useCallback(
    (index: number) => {
      const node = editor.children[index];
      if (!node) return;
      try {
        ReactEditor.toDOMNode(editor, node).scrollIntoView({ block: 'center' });
      } catch {
        // Not rendered yet: nothing to scroll to.
      }
    },
    [editor],
  );
  const selectRange = useCallback(
    (path: number[], start: number, end: number) => {
      if (!Node.has(editor, path)) return;
      const range = rangeAt(editor, path, start, end);
      ReactEditor.focus(editor);
      Transforms.select(editor, range);
      scrollToBlock(path[0]!);
    },
    [editor, scrollToBlock],
  );
  const goToMatch = useCallback(
    (i: number) => {
      const m = matches[i];
      if (!m) return;
      setFind((f) => ({ ...f, current: i }));
      scrollToBlock(m.path[0]!);
    },
    [matches, scrollToBlock],
  );

  const undo = useCallback(() => {
    if (isEditableField(document.activeElement)) document.execCommand('undo');
    else editor.undo();
  }, [editor]);
  const redo = useCallback(() => {
    if (isEditableField(document.activeElement)) document.execCommand('redo');
    else editor.redo();
  }, [editor]);

  const review = useReview({ editor, getDoc, emitDoc, selectRange, changed: runAnalysis }, doc);
  const [sideTab, setSideTab] = useState<'findings' | 'guidance' | 'review'>('findings');
  const reviewRef = useRef(review);
  reviewRef.current = review;

  useImperativeHandle(
    ref,
    () => ({
      exportReview: () => void reviewRef.current.exportCopy(),
      importReview: () => {
        setSideTab('review');
        void reviewRef.current.importFile();
      },
      undo,
      redo,
      openFind: (replace: boolean) => {
        // Searching for the selected text is what people expect.
        const sel = editor.selection;
        const selected = sel ? Editor.string(editor, sel) : '';
        setFindMessage(null);
        setFind((f) => ({
          ...f,
          open: true,
          replace: replace || (f.open && f.replace),
          query: selected && !selected.includes('\n') && selected.length <= 50 ? selected : f.query,
          focusTick: f.focusTick + 1,
        }));
      },
      selectRange,
      getDoc,
      focus: () => ReactEditor.focus(editor),
      replaceDocument: (next: ReportDocument) => {
        // Meta first, so the body change below reports the whole new document; undo brings the body back.
        propsDoc.current = { ...propsDoc.current, meta: next.meta };
        HistoryEditor.withNewBatch(editor, () => {
          Editor.withoutNormalizing(editor, () => {
            Transforms.deselect(editor);
            for (let i = editor.children.length - 1; i >= 0; i--) Transforms.removeNodes(editor, { at: [i] });
            Transforms.insertNodes(editor, structuredClone(next.body) as Descendant[], { at: [0] });
          });
        });
      },
    }),
    [editor, getDoc, redo, selectRange, undo],
  );

  // ---- paste from Word or a web page: the text importer builds the structure ------------------------------------
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (!notice) return;
    const t = window.setTimeout(() => setNotice(null), 8000);
    return () => window.clearTimeout(t);
  }, [notice]);
  pasteRef.current = (text: string) => {
    let imported;
    try {
      imported = importText(text, { defaultYear: propsDoc.current.meta.year });
    } catch {
      return false;
    }
    const blocks = imported.doc.body;
    if (blocks.length === 0) return false;
    const bodyEmpty = (editor.children as Block[]).every((b) => Node.string(b).trim() === '');
    if (bodyEmpty) {
      Editor.withoutNormalizing(editor, () => {
        for (let i = editor.children.length - 1; i >= 0; i--) Transforms.removeNodes(editor, { at: [i] });
        Transforms.insertNodes(editor, blocks, { at: [0] });
      });
      Transforms.select(editor, Editor.end(editor, [blocks.length - 1]));
      // A blank report takes the pasted report's title, organ, year, addressee, date and signature.
      const meta = propsDoc.current.meta;
      if (!meta.title.trim()) {
        const m = imported.doc.meta;
        onMetaChange({
          title: m.title,
          organ: meta.organ || m.organ,
          year: m.year,
          addressee: meta.addressee || m.addressee,
          date: meta.date || m.date,
          signature: meta.signature || m.signature,
        });
      }
    } else {
      insertBlocksAtCaret(editor, blocks);
    }
    const headings = blocks.filter((b) => b.type === 'heading').length;
    const warnings = imported.notes.filter((n) => n.severity === 'warning').map((n) => n.message);
    setNotice([T.pasted(headings, blocks.length - headings), ...warnings.slice(0, 2)].join(' '));
    runAnalysis();
    return true;
  };

  // ---- structure from the outline -------------------------------------------------------------------------------
  const onMove = useCallback(
    (index: number, direction: 'up' | 'down') => {
      const to = moveSection(editor, index, direction);
      if (to !== null) {
        runAnalysis();
        scrollToBlock(to);
      }
    },
    [editor, runAnalysis, scrollToBlock],
  );
  const onDrop = useCallback(
    (from: number, before: number) => {
      const to = moveSectionBefore(editor, from, before);
      if (to !== null) {
        runAnalysis();
        scrollToBlock(to);
      }
    },
    [editor, runAnalysis, scrollToBlock],
  );
  const onGoTo = useCallback(
    (index: number) => {
      if (!editor.children[index]) return;
      ReactEditor.focus(editor);
      Transforms.select(editor, Editor.start(editor, [index]));
      scrollToBlock(index);
    },
    [editor, scrollToBlock],
  );
  const analysisRef = useRef(analysis);
  analysisRef.current = analysis;
  const onGoToPart = useCallback(
    (part: MandatedPartId) => {
      const loc = analysisRef.current.parts.primary[part];
      if (loc) selectRange(loc.path, loc.range?.start ?? 0, loc.range?.end ?? 0);
    },
    [selectRange],
  );

  // ---- findings actions -----------------------------------------------------------------------------------------
  const onSelectFinding = useCallback(
    (f: Finding) => {
      if (f.path.length === 0) {
        if (f.onTitle) document.querySelector<HTMLTextAreaElement>('.doc-title-input')?.focus();
        return;
      }
      selectRange(f.path, f.start, f.end);
    },
    [selectRange],
  );
  const onFix = useCallback(
    (f: Finding) => {
      if (f.fix === undefined) return;
      if (f.path.length === 0) {
        emitDoc(applyFix(getDoc(), f));
        return;
      }
      if (replaceText(editor, f.path, f.start, f.end, f.text, f.fix)) {
        // The caret stays right after the corrected text, ready to type on.
        ReactEditor.focus(editor);
        runAnalysis();
      } else {
        scheduleAnalysis(0);
      }
    },
    [editor, emitDoc, getDoc, runAnalysis, scheduleAnalysis],
  );
  const onFixRule = useCallback(
    (rule: string) => {
      const edits = analysisRef.current.result.findings
        .filter((f) => f.rule === rule && f.fix !== undefined && f.path.length > 0)
        .map((f) => ({ path: f.path, start: f.start, end: f.end, expected: f.text, replacement: f.fix! }));
      replaceMany(editor, edits);
      runAnalysis();
    },
    [editor, runAnalysis],
  );
  const onIgnore = useCallback((f: Finding, reason: string) => emitDoc(ignoreFinding(getDoc(), f, reason)), [emitDoc, getDoc]);
  const ruleTitles = useMemo(() => new Map(checker.rules.map((r) => [r.id, r.title])), [checker]);

  // ---- keys -----------------------------------------------------------------------------------------------------
  const onKeyDown = useCallback(
    (e: React.KeyboardEvent<HTMLDivElement>) => {
      const mod = e.ctrlKey || e.metaKey;
      const index = currentBlockIndex(editor);
      const key = e.key;
      if (key === 'Tab' && !mod && !e.altKey) {
        e.preventDefault();
        if (moveToCell(editor, e.shiftKey ? -1 : 1)) return;
        if (index >= 0) shiftHeadingLevel(editor, index, e.shiftKey ? -1 : 1);
        return;
      }
      if (key === 'Enter' && mod) {
        e.preventDefault();
        if (index >= 0) insertParagraphAfter(editor, index);
        return;
      }
      if (mod && !e.altKey && !e.shiftKey && /^[0-4]$/.test(key)) {
        e.preventDefault();
        if (index < 0) return;
        const n = Number(key);
        setBlockKind(editor, index, n === 0 ? { type: 'paragraph' } : { type: 'heading', level: n as HeadingLevel });
        return;
      }
      if (e.altKey && !mod && (key === 'ArrowUp' || key === 'ArrowDown')) {
        const block = editor.children[index];
        if (block && Element.isElement(block) && block.type === 'heading') {
          e.preventDefault();
          const to = moveSection(editor, index, key === 'ArrowUp' ? 'up' : 'down');
          if (to !== null) {
            Transforms.select(editor, Editor.end(editor, [to]));
            runAnalysis();
          }
        }
        return;
      }
      if (mod && !e.altKey) {
        const k = key.toLowerCase();
        const isUndo = k === 'z' && !e.shiftKey;
        const isRedo = k === 'y' || (k === 'z' && e.shiftKey);
        if (isUndo || isRedo) {
          e.preventDefault();
          if (commandGate(isUndo ? 'undo' : 'redo', 'key')) {
            if (isUndo) editor.undo();
            else editor.redo();
          }
        }
      }
    },
    [editor, runAnalysis],
  );

  const onCompositionStart = useCallback(() => {
    composing.current = true;
  }, []);
  const onCompositionEnd = useCallback(() => {
    composing.current = false;
    if (pending.current) scheduleAnalysis();
  }, [scheduleAnalysis]);

  // ---- guidance from the report's template ---------------------------------------------------------------------
  const [template, setTemplate] = useState<Template | null>(null);
  const templateId = doc.meta.templateId;
  useEffect(() => {
    let live = true;
    setTemplate(null);
    if (templateId) {
      api.readTemplate(templateId).then(
        (t) => live && setTemplate(t),
        () => undefined, // A report whose template is gone simply has no guidance.
      );
    }
    return () => {
      live = false;
    };
  }, [templateId]);

  return (
    <div className="editor-shell">
      <OutlinePanel
        analysis={analysis}
        lengthTarget={doc.rules.lengthTarget}
        currentIndex={currentIndex}
        onGoTo={onGoTo}
        onGoToPart={onGoToPart}
        onMove={onMove}
        onDrop={onDrop}
      />
      <div className="page-column">
        {find.open && (
          <FindBar
            state={{ ...find, current: currentMatch }}
            total={matches.length}
            message={findMessage}
            onChange={(patch) => {
              setFindMessage(null);
              setFind((f) => ({ ...f, ...patch }));
            }}
            onNext={() => goToMatch(matches.length ? (currentMatch + 1) % matches.length : 0)}
            onPrev={() => goToMatch(matches.length ? (currentMatch - 1 + matches.length) % matches.length : 0)}
            onReplace={() => {
              const m = matches[currentMatch];
              if (!m) return;
              if (replaceText(editor, m.path, m.start, m.end, m.text, find.replacement)) {
                setFindMessage(T.replaced(1));
                runAnalysis();
              }
            }}
            onReplaceAll={() => {
              const n = replaceMany(editor, replaceAllEdits(matches, find.replacement));
              setFindMessage(T.replaced(n));
              runAnalysis();
            }}
            onClose={() => {
              setFind((f) => ({ ...f, open: false }));
              ReactEditor.focus(editor);
            }}
          />
        )}
        {notice && (
          <div className="editor-notice" role="status">
            {notice}
            <button type="button" className="link" onClick={() => setNotice(null)}>
              {T.close}
            </button>
          </div>
        )}
        <Slate editor={editor} initialValue={doc.body as Descendant[]} onValueChange={onValueChange} onSelectionChange={onSelectionChange}>
          <TableBar editor={editor} onChanged={runAnalysis} />
          <div className="page-scroll" ref={scrollRef}>
            <Page
              meta={doc.meta}
              onMetaChange={onMetaChange}
              layer={layer}
              onKeyDown={onKeyDown}
              onCompositionStart={onCompositionStart}
              onCompositionEnd={onCompositionEnd}
            />
          </div>
        </Slate>
      </div>
      <aside className="side-panel">
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={sideTab === 'findings'} className={sideTab === 'findings' ? 'tab active' : 'tab'} onClick={() => setSideTab('findings')}>
            {T.findings}
            <span className="tab-count">{analysis.result.findings.length}</span>
          </button>
          <button type="button" role="tab" aria-selected={sideTab === 'guidance'} className={sideTab === 'guidance' ? 'tab active' : 'tab'} onClick={() => setSideTab('guidance')}>
            {T.guidance}
          </button>
          <button type="button" role="tab" aria-selected={sideTab === 'review'} className={sideTab === 'review' ? 'tab active' : 'tab'} onClick={() => setSideTab('review')}>
            {R.tab}
            {review.items.some((i) => !i.done) && <span className="tab-count">{review.items.filter((i) => !i.done).length}</span>}
          </button>
        </div>
        {sideTab === 'findings' ? (
          <>
            <label className="live-check-toggle">
              <input type="checkbox" checked={liveCheckOn} onChange={toggleLiveCheck} />
              {T.liveCheck}
            </label>
            {liveCheckOn ? (
              <FindingsPanel analysis={analysis} ruleTitles={ruleTitles} onSelect={onSelectFinding} onFix={onFix} onFixRule={onFixRule} onIgnore={onIgnore} />
            ) : (
              <p className="muted empty-note">{T.liveCheckOff}</p>
            )}
          </>
        ) : sideTab === 'review' ? (
          <ReviewPanel ops={review} body={analysis.doc.body} />
        ) : (
          <GuidancePanel template={template} analysis={analysis} currentIndex={currentIndex} />
        )}
      </aside>
    </div>
  );
}), sameEditorProps);

const GuidancePanel = memo(function GuidancePanel({ template, analysis, currentIndex }: { template: Template | null; analysis: Analysis; currentIndex: number }) {
  if (!template || template.guidance.length === 0) return <p className="muted empty-note">本报告没有关联模板的写作提示。</p>;
  const year = analysis.doc.meta.year;
  const fill = (t: string) => t.replaceAll(YEAR_TOKEN, String(year)).replaceAll(NEXT_YEAR_TOKEN, String(year + 1));
  const here = analysis.parts.locations.find((l) => currentIndex >= l.extent.start && currentIndex < l.extent.end)?.id;
  const ordered = here ? [...template.guidance].sort((a, b) => (a.part === here ? -1 : b.part === here ? 1 : 0)) : template.guidance;
  return (
    <section className="guidance-panel" aria-label={T.guidance}>
      {ordered.map((g) => (
        <div key={g.part} className={`guidance${g.part === here ? ' current' : ''}`}>
          <h3>{PART_LABELS[g.part]}</h3>
          <p>{fill(g.text)}</p>
          {g.indicators.length > 0 && (
            <ul className="indicators">
              {g.indicators.map((i) => (
                <li key={i}>{fill(i)}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
});

/** 2025-03-01 → 2025年3月1日 (GB/T 9704: Arabic digits, no leading zeros). */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : '';
}

/**
 * Repaints the changed units' marks after every editor change, as soon as the DOM shows it: in the same task, so that
 * Chromium rebuilds its highlight ranges once for the change, not a second time at the next frame.
 */
function MarkSync({ layer }: { layer: MarkLayer | null }) {
  useSlate();
  useLayoutEffect(() => layer?.sync());
  return null;
}

/**
 * The title as it will print (broken before 关于, at word boundaries, lines balanced: shared/docx/title.ts) while the
 * field is not being edited; the plain title while it is, with the caret kept where the click put it.
 */
function useTitleLines(title: string) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [editing, setEditing] = useState(false);
  const printed = useMemo(() => titleLines(title).join('\n'), [title]);
  const caret = useRef<[number, number] | null>(null);
  const onFocus = useCallback(() => {
    const el = ref.current;
    // Offsets in the printed lines → offsets in the title without the added line breaks (a title with breaks of its
    // own prints on exactly those lines).
    if (el && !title.includes('\n')) {
      const plain = (i: number) => i - (el.value.slice(0, i).match(/\n/g)?.length ?? 0);
      caret.current = [plain(el.selectionStart), plain(el.selectionEnd)];
    }
    setEditing(true);
  }, [title]);
  const onBlur = useCallback(() => setEditing(false), []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (editing && el && caret.current) el.setSelectionRange(...caret.current);
    caret.current = null;
  }, [editing]);
  return { ref, value: editing ? title : printed, onFocus, onBlur };
}

interface PageProps {
  meta: ReportMeta;
  onMetaChange(patch: Partial<ReportMeta>): void;
  layer: MarkLayer | null;
  onKeyDown(e: React.KeyboardEvent<HTMLDivElement>): void;
  onCompositionStart(): void;
  onCompositionEnd(): void;
}

/** The page: title, addressee, the editable body, signature and date, laid out like the printed report. */
const Page = memo(function Page({ meta, onMetaChange, layer, onKeyDown, onCompositionStart, onCompositionEnd }: PageProps) {
  const [editingDate, setEditingDate] = useState(false);
  const title = useTitleLines(meta.title);
  return (
    <article className="page" lang="zh-CN">
      <textarea
        className="doc-title-input"
        ref={title.ref}
        value={title.value}
        rows={1}
        placeholder={T.titlePlaceholder}
        aria-label={T.titlePlaceholder}
        onFocus={title.onFocus}
        onBlur={title.onBlur}
        onChange={(e) => onMetaChange({ title: e.target.value.replace(/[\r\n]+/g, '') })}
      />
      <div className="addressee-line">
        <input
          className={`addressee-input${/【[^】]*】/.test(meta.addressee) ? ' ph-field' : ''}`}
          value={meta.addressee}
          placeholder={T.addresseePlaceholder}
          aria-label={T.addresseePlaceholder}
          size={Math.max(4, meta.addressee.length + 1)}
          onChange={(e) => onMetaChange({ addressee: e.target.value.replace(/[：:]$/, '') })}
        />
        <span>：</span>
      </div>
      <MarkSync layer={layer} />
      <Editable
        className="doc-body"
        renderElement={renderElement}
        renderLeaf={renderLeaf}
        onKeyDown={onKeyDown}
        onMouseMove={(e) => layer?.hover(e.clientX, e.clientY)}
        onMouseLeave={() => layer?.leave()}
        onCompositionStart={onCompositionStart}
        onCompositionEnd={onCompositionEnd}
        spellCheck={false}
        aria-label={T.body}
        placeholder={T.emptyParagraph}
      />
      <div className="signature-block">
        <input
          className="signature-input"
          value={meta.signature}
          placeholder={T.signaturePlaceholder}
          aria-label={T.signaturePlaceholder}
          size={Math.max(6, meta.signature.length + 1)}
          onChange={(e) => onMetaChange({ signature: e.target.value })}
        />
        {editingDate ? (
          <input
            type="date"
            className="date-input"
            autoFocus
            value={meta.date}
            aria-label={T.datePlaceholder}
            onChange={(e) => onMetaChange({ date: e.target.value as ReportMeta['date'] })}
            onBlur={() => setEditingDate(false)}
          />
        ) : (
          <button type="button" className="date-display" onClick={() => setEditingDate(true)} aria-label={T.datePlaceholder}>
            {formatChineseDate(meta.date) || `（${T.datePlaceholder}）`}
          </button>
        )}
      </div>
    </article>
  );
});
