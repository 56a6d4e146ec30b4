// The checker's findings beside the page (renderer): grouped by part and sub-part, then category (shared/check/
// grouping); per rule a bulk fix counted in the places it changes; the line after a fix; the ignored list; ↑/↓ through
// the findings, Enter jumps to the text.
import { memo, startTransition, useEffect, useLayoutEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { planFixes, textAtPath } from '../../shared/check/engine';
import { groupFindings, type FindingRow as Row, type FindingSection } from '../../shared/check/grouping';
import { CATEGORY_LABELS, SEVERITY_LABELS, type Finding } from '../../shared/check/types';
import { findingKey } from '../../shared/editor/findingNav';
import type { ReportDocument } from '../../shared/model/schema';
import { FindingRow, type RowActions } from '../findings/FindingRow';
import { IgnoredList } from '../findings/IgnoredList';
import { F } from '../findings/strings';
import type { Analysis } from './analysis';
import { T } from './strings';

export interface FindingsPanelProps extends RowActions {
  analysis: Analysis;
  ruleTitles: ReadonlyMap<string, string>;
  onFixRule(rule: string): void;
  /** 恢复 an ignored finding (absent where the report is only viewed). */
  onUnignore?(f: Finding): void;
  /** The line after a fix: 已修正 N 处（可撤销）. */
  status?: string | null;
  /** The finding the popover's 在列表中查看 asked for: shown, scrolled to and focused (again at each new `seq`). */
  listed?: ListedFinding | null;
}

export interface ListedFinding {
  key: string;
  seq: number;
}

const PAGE = 40;
/**
 * Rows of the first screen: the rest follow, so many rows at a time, whenever the page is idle, so that a long list
 * never holds up the check's paint nor a key. (Not content-visibility: any display lock in the page makes Chromium
 * do more work at every selection change, 0.6–0.8 ms a typed key with the 34 groups of a 20k report.)
 */
const FIRST_ROWS = 30;
const IDLE_ROWS = 80;

/**
 * Places a one-finding row's fix changes, by what decides them (the finding's text, fix and place): each check makes
 * new finding objects, but while the officer types most of them are the same, and their plans need not be made again.
 */
const SINGLE_PLACES = new Map<string, number>();
const SINGLE_PLACES_MAX = 5000;

/** Places each row's fix changes (rows without a fix are left out). */
function rowPlaces(doc: ReportDocument, sections: readonly FindingSection[]): Map<string, number> {
  const out = new Map<string, number>();
  if (SINGLE_PLACES.size > SINGLE_PLACES_MAX) SINGLE_PLACES.clear();
  for (const s of sections)
    for (const c of s.categories)
      for (const r of c.rows) {
        const f = r.findings[0]!;
        if (r.kind !== 'single' || f.fix === undefined) continue;
        if (r.findings.length > 1) {
          out.set(r.key, planFixes(doc, r.findings).places);
          continue;
        }
        // The plan checks the text still stands at the finding's place: that is part of the key.
        const key = `${f.path.join('.')}\u0001${f.onTitle ? 't' : ''}\u0001${f.start}\u0001${f.end}\u0001${textAtPath(doc, f.path, f.onTitle)?.slice(f.start, f.end) === f.text ? 'ok' : 'stale'}\u0001${f.text}\u0001${f.fix}`;
        let n = SINGLE_PLACES.get(key);
        if (n === undefined) {
          n = planFixes(doc, r.findings).places;
          SINGLE_PLACES.set(key, n);
        }
        out.set(r.key, n);
      }
  return out;
}

/** Per rule with fixes in the body, the places 全部修正 changes, in the checker's rule order; only where more than one. */
function bulkFixes(doc: ReportDocument, findings: readonly Finding[], ruleTitles: ReadonlyMap<string, string>): [string, number][] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) if (f.fix !== undefined && !f.onTitle && f.path.length > 0) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const order = [...ruleTitles.keys()];
  return [...byRule]
    .map(([rule, list]): [string, number] => [rule, planFixes(doc, list).places])
    .filter(([, n]) => n >= 2)
    .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]) || a[0].localeCompare(b[0]));
}

function CategoryRows({ rows, places, ruleTitles, listed, ...actions }: RowActions & { rows: Row[]; places: Map<string, number>; ruleTitles: ReadonlyMap<string, string>; listed?: ListedFinding | null }) {
  const [shown, setShown] = useState(PAGE);
  // The listed finding's row (a collapsed or compact row holds it among others) is shown even past the first page.
  const listedAt = listed ? rows.findIndex((r) => r.findings.some((f) => findingKey(f) === listed.key)) : -1;
  const visible = listedAt >= shown ? listedAt + 1 : shown;
  return (
    <ul className="finding-list">
      {rows.slice(0, visible).map((r, i) => (
        <FindingRow key={r.key} row={r} places={places.get(r.key) ?? 0} ruleTitle={ruleTitles.get(r.findings[0]!.rule) ?? r.findings[0]!.rule} {...actions} listedSeq={i === listedAt ? listed!.seq : undefined} />
      ))}
      {rows.length > visible && (
        <li>
          <button type="button" className="link" onClick={() => setShown(visible + PAGE * 5)}>
            显示其余 {rows.length - visible} 条
          </button>
        </li>
      )}
    </ul>
  );
}

/** ↑/↓ move between the findings' buttons (and a compact row's places); Enter, as on any button, jumps. */
function moveFocus(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const target = e.target as HTMLElement;
  if (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-nav]')];
  if (items.length === 0) return;
  e.preventDefault();
  const at = items.findIndex((x) => x === target || x.contains(target));
  const next = at < 0 ? (e.key === 'ArrowDown' ? 0 : items.length - 1) : Math.max(0, Math.min(items.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)));
  items[next]!.focus();
  items[next]!.scrollIntoView({ block: 'nearest' });
}

export const FindingsPanel = memo(function FindingsPanel({ analysis, ruleTitles, onSelect, onFix, onFixRule, onIgnore, onUnignore, onInsertPart, readOnly, status, listed }: FindingsPanelProps) {
  const { doc, result } = analysis;
  // A User Timing entry per render (render start → commit), read by `npm run bench` (panel.render); one kept at a time.
  const renderStart = performance.now();
  useLayoutEffect(() => {
    performance.clearMeasures('panel.render');
    performance.measure('panel.render', { start: renderStart });
  });
  const sections = useMemo(() => groupFindings(result.findings, doc.body, { title: T.titleGroup, wholeDocument: T.wholeDocument, beforeParts: T.beforeParts }), [result, doc.body]);
  const places = useMemo(() => (readOnly ? new Map<string, number>() : rowPlaces(doc, sections)), [doc, sections, readOnly]);
  const bulk = useMemo(() => (readOnly ? [] : bulkFixes(doc, result.findings, ruleTitles)), [doc, result, ruleTitles, readOnly]);
  const counts = useMemo(() => {
    const c = { error: 0, warning: 0, info: 0 };
    for (const f of result.findings) c[f.severity]++;
    return c;
  }, [result]);
  const [showIgnored, setShowIgnored] = useState(false);
  const [rowLimit, setRowLimit] = useState(FIRST_ROWS);
  // A finding asked for from the popover may lie past the rows shown: everything renders at once then.
  if (listed && rowLimit !== Infinity) setRowLimit(Infinity);
  // The sections that fit in about `rowLimit` rows (whole sections), and whether that is all of them.
  const [shownSections, complete] = useMemo((): [FindingSection[], boolean] => {
    let rows = 0;
    const out: FindingSection[] = [];
    for (const s of sections) {
      if (rows >= rowLimit) return [out, false];
      out.push(s);
      for (const c of s.categories) rows += Math.min(c.rows.length, PAGE);
    }
    return [out, true];
  }, [rowLimit, sections]);
  useEffect(() => {
    if (complete) return;
    const id = window.requestIdleCallback(() => startTransition(() => setRowLimit((n) => n + IDLE_ROWS)), { timeout: 300 });
    return () => window.cancelIdleCallback(id);
  }, [complete, rowLimit]);
  const actions: RowActions = { onSelect, onFix, onIgnore, onInsertPart, readOnly };

  return (
    <section className="findings-panel" aria-label={T.findings} onKeyDown={moveFocus}>
      <div className="panel-summary">
        <span className="sev-count sev-error">{SEVERITY_LABELS.error} {counts.error}</span>
        <span className="sev-count sev-warning">{SEVERITY_LABELS.warning} {counts.warning}</span>
        <span className="sev-count sev-info">{SEVERITY_LABELS.info} {counts.info}</span>
        {result.ignored.length > 0 && (
          <button type="button" className="link ignored-toggle" aria-expanded={showIgnored} onClick={() => setShowIgnored(!showIgnored)}>
            {F.ignoredCount(result.ignored.length)}
          </button>
        )}
      </div>
      {status && (
        <p className="fix-status" role="status">
          {status}
        </p>
      )}
      {showIgnored && result.ignored.length > 0 && (
        <IgnoredList doc={doc} ignored={result.ignored} ruleTitles={ruleTitles} onSelect={onSelect} onRestore={readOnly ? undefined : onUnignore} onClose={() => setShowIgnored(false)} />
      )}
      {bulk.length > 0 && (
        <div className="bulk-fixes">
          {bulk.map(([rule, n]) => (
            <div key={rule} className="bulk-row">
              <span className="bulk-title">{ruleTitles.get(rule) ?? rule}</span>
              <button type="button" className="small primary" data-bulk-rule={rule} data-places={n} onClick={() => onFixRule(rule)}>
                {F.fixAll(n)}
              </button>
            </div>
          ))}
        </div>
      )}
      {sections.length === 0 && <p className="muted empty-note">{T.noFindings}</p>}
      {shownSections.map((s) => (
        <details key={s.key} className={`finding-group lvl${s.level}`} data-section={s.label} open>
          <summary>
            <span className="group-label">{s.label}</span>
            <span className="group-count">{s.total}</span>
          </summary>
          {s.categories.map((c) => (
            <div key={c.category} className="finding-category" data-category={c.category}>
              <div className="category-label">
                {CATEGORY_LABELS[c.category]}（{c.count}）
              </div>
              <CategoryRows rows={c.rows} places={places} ruleTitles={ruleTitles} listed={listed} {...actions} />
            </div>
          ))}
        </details>
      ))}
    </section>
  );
});
