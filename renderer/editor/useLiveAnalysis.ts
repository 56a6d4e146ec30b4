// Live analysis (renderer): the check, the mandated parts, counts and outline of the document as it is now, ONE run
// per change: after a pause in typing (and at the latest every 1.5 s while typing goes on), at once after a command,
// never during an IME composition. Live checking follows the user's setting (设置 → 边写边查); the outline, parts
// and counts are always computed.
import { startTransition, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createChecker } from '../../shared/check/engine';
import type { Block, ReportDocument } from '../../shared/model/schema';
import { api } from '../api';
import type { DocFrame } from '../files';
import { analyze, type Analysis } from './analysis';
import type { ReportSlateEditor } from './withReport';

/** Debounce of the live check after typing stops, and the longest it waits while typing goes on. */
const CHECK_DELAY_MS = 180;
const CHECK_MAX_WAIT_MS = 1500;
/** The longest a due analysis waits for the main thread to be idle. */
const CHECK_IDLE_TIMEOUT_MS = 500;

export interface LiveAnalysis {
  analysis: Analysis;
  /** The latest analysis, for handlers that must not re-subscribe. */
  analysisRef: React.RefObject<Analysis>;
  checker: ReturnType<typeof createChecker>;
  /** The document as it is now: the session's frame with the editor's body. */
  getDoc(): ReportDocument;
  /** The body changed by typing: analyse after the pause. */
  bodyChanged(): void;
  /** A command changed the document (or the finding it acted on is stale): analyse at once, once. */
  expedite(): void;
  liveCheckOn: boolean;
  toggleLiveCheck(): void;
  onCompositionStart(): void;
  onCompositionEnd(): void;
}

export function useLiveAnalysis(editor: ReportSlateEditor, frame: DocFrame): LiveAnalysis {
  const [checker] = useState(() => createChecker());
  const frameRef = useRef(frame);
  useLayoutEffect(() => {
    frameRef.current = frame;
  }, [frame]);
  const getDoc = useCallback((): ReportDocument => ({ ...frameRef.current, body: editor.children as Block[] }), [editor]);

  const liveCheck = useRef(true);
  const [liveCheckOn, setLiveCheckOn] = useState(true);
  const [analysis, setAnalysis] = useState<Analysis>(() => analyze(getDoc(), checker, true));
  const analysisRef = useRef(analysis);
  analysisRef.current = analysis;
  const composing = useRef(false);
  const pending = useRef(false);
  const timers = useRef<{ debounce: number | null; max: number | null; idle: number | null; urgent: boolean }>({ debounce: null, max: null, idle: null, urgent: false });

  const clearTimers = useCallback(() => {
    const t = timers.current;
    if (t.debounce !== null) window.clearTimeout(t.debounce);
    if (t.max !== null) window.clearTimeout(t.max);
    if (t.idle !== null) window.cancelIdleCallback(t.idle);
    t.debounce = t.max = t.idle = null;
    t.urgent = false;
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
  const schedule = useCallback(
    (urgent: boolean) => {
      const t = timers.current;
      // A run is due at once: it will see this change too (a command's own edit reports itself right after).
      if (t.urgent) return;
      if (t.debounce !== null) window.clearTimeout(t.debounce);
      t.urgent = urgent;
      t.debounce = window.setTimeout(urgent ? runAnalysis : runWhenIdle, urgent ? 0 : CHECK_DELAY_MS);
      if (t.max === null && !urgent) t.max = window.setTimeout(runWhenIdle, CHECK_MAX_WAIT_MS);
    },
    [runAnalysis, runWhenIdle],
  );
  const bodyChanged = useCallback(() => schedule(false), [schedule]);
  const expedite = useCallback(() => schedule(true), [schedule]);
  useEffect(() => clearTimers, [clearTimers]);

  // Meta, ignores and rules change in the session: analyse again (not at mount: the first analysis is above).
  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current) expedite();
    mounted.current = true;
  }, [frame.meta, frame.ignores, frame.rules, expedite]);

  useEffect(() => {
    let live = true;
    api.getSettings().then(
      ({ settings }) => {
        if (!live || settings.ui.liveCheck === liveCheck.current) return;
        liveCheck.current = settings.ui.liveCheck;
        setLiveCheckOn(settings.ui.liveCheck);
        expedite();
      },
      () => undefined, // Settings unreadable: keep checking, the safe default.
    );
    return () => {
      live = false;
    };
  }, [expedite]);
  const toggleLiveCheck = useCallback(() => {
    const next = !liveCheck.current;
    liveCheck.current = next;
    setLiveCheckOn(next);
    expedite();
    api.getSettings().then(
      ({ settings }) => api.updateSettings({ ui: { ...settings.ui, liveCheck: next } }),
      () => undefined,
    ).catch(() => undefined); // The switch still works for this session if the setting cannot be stored.
  }, [expedite]);

  const onCompositionStart = useCallback(() => {
    composing.current = true;
  }, []);
  const onCompositionEnd = useCallback(() => {
    composing.current = false;
    if (pending.current) schedule(false);
  }, [schedule]);

  return { analysis, analysisRef, checker, getDoc, bodyChanged, expedite, liveCheckOn, toggleLiveCheck, onCompositionStart, onCompositionEnd };
}
