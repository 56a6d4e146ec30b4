// The checker's findings beside the page (renderer): grouped by part and category; a click selects the text, a fix
// applies with one click, a rule's fixes apply in bulk, a missing part is inserted, and a finding can be ignored with a
// reason.
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { Finding } from '../../shared/check/types';
import { findingKey } from '../../shared/editor/findingNav';
import { missingPartOf } from '../../shared/editor/sectionOps';
import { CATEGORY_LABELS, SEVERITY_LABELS, type Category } from '../../shared/check/types';
import type { Analysis } from './analysis';
import { T } from './strings';

export interface FindingsPanelProps {
  analysis: Analysis;
  ruleTitles: ReadonlyMap<string, string>;
  onSelect(f: Finding): void;
  onFix(f: Finding): void;
  onFixRule(rule: string): void;
  onIgnore(f: Finding, reason: string): void;
  /** Findings of a report that is only viewed (the reviewer's desk): no fix or ignore buttons. */
  readOnly?: boolean;
  /** 插入此部分, for a missing-part finding (absent where the report is only viewed). */
  onInsertPart?(f: Finding): void;
  /** The finding the popover's 在列表中查看 asked for: shown, scrolled to and focused (again at each new `seq`). */
  listed?: ListedFinding | null;
}

export interface ListedFinding {
  key: string;
  seq: number;
}

interface Group {
  key: string;
  label: string;
  categories: { category: Category; findings: Finding[] }[];
  count: number;
}

const PAGE = 40;

function groupFindings(analysis: Analysis): Group[] {
  const groups = new Map<string, Group>();
  const labelOf = (f: Finding): [string, string] => {
    if (f.onTitle) return ['title', T.titleGroup];
    if (f.path.length === 0) return ['doc', T.wholeDocument];
    const section = analysis.sectionOf[f.path[0]!] ?? -1;
    if (section < 0) return ['pre', T.beforeParts];
    const item = analysis.outline.find((o) => o.index === section);
    return [`s${section}`, item ? `${item.marker}${item.text}` : T.beforeParts];
  };
  for (const f of analysis.result.findings) {
    const [key, label] = labelOf(f);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, label, categories: [], count: 0 }));
    let c = g.categories.find((x) => x.category === f.category);
    if (!c) g.categories.push((c = { category: f.category, findings: [] }));
    c.findings.push(f);
    g.count++;
  }
  return [...groups.values()];
}

type ItemProps = Pick<FindingsPanelProps, 'onSelect' | 'onFix' | 'onIgnore' | 'onInsertPart' | 'readOnly'> & { f: Finding; listedSeq?: number };

const sameFinding = (a: Finding, b: Finding) =>
  a === b ||
  (a.rule === b.rule && a.start === b.start && a.end === b.end && a.text === b.text && a.message === b.message && a.fix === b.fix &&
    a.severity === b.severity && a.path.join('.') === b.path.join('.'));

// Each check makes new finding objects: an item re-renders only when its finding really changed.
const FindingItem = memo(FindingItemView, (p, n) => sameFinding(p.f, n.f) && p.readOnly === n.readOnly && p.onSelect === n.onSelect && p.onFix === n.onFix && p.onIgnore === n.onIgnore && p.onInsertPart === n.onInsertPart && p.listedSeq === n.listedSeq);

function FindingItemView({ f, onSelect, onFix, onIgnore, onInsertPart, readOnly, listedSeq }: ItemProps) {
  const [ignoring, setIgnoring] = useState(false);
  const [reason, setReason] = useState('');
  const main = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const el = main.current;
    if (!listedSeq || !el) return;
    const group = el.closest('details');
    if (group) group.open = true;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'center' });
  }, [listedSeq]);
  return (
    <li className={`finding sev-${f.severity}${listedSeq ? ' listed' : ''}`} data-rule={f.rule}>
      <button type="button" ref={main} className="finding-main" onClick={() => onSelect(f)} title={f.message}>
        <span className={`sev-dot sev-${f.severity}`} aria-label={SEVERITY_LABELS[f.severity]} />
        <span className="finding-msg">{f.message}</span>
        {f.text && (f.path.length > 0 || f.onTitle) && <span className="finding-text">“{f.text.length > 24 ? f.text.slice(0, 24) + '…' : f.text}”</span>}
      </button>
      {!readOnly && <div className="finding-actions">
        {f.fix !== undefined && (
          <button type="button" className="small primary-outline" onClick={() => onFix(f)} title={f.fix === '' ? '删除' : `改为“${f.fix}”`}>
            {T.fix}
            {f.fix !== '' && f.fix.length <= 8 ? `为“${f.fix}”` : ''}
          </button>
        )}
        {onInsertPart && missingPartOf(f) && (
          <button type="button" className="small primary-outline" onClick={() => onInsertPart(f)}>
            {T.insertPart}
          </button>
        )}
        {!ignoring && (
          <button type="button" className="small" onClick={() => setIgnoring(true)}>
            {T.ignore}
          </button>
        )}
      </div>}
      {ignoring && (
        <form
          className="ignore-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return;
            onIgnore(f, reason.trim());
            setIgnoring(false);
          }}
        >
          <input autoFocus value={reason} placeholder={T.ignoreReason} aria-label={T.ignoreReason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="small primary" disabled={!reason.trim()}>
            {T.ignoreConfirm}
          </button>
          <button type="button" className="small" onClick={() => setIgnoring(false)}>
            {T.cancel}
          </button>
        </form>
      )}
    </li>
  );
}

function CategoryList({ findings, listed, ...actions }: { findings: Finding[] } & Pick<FindingsPanelProps, 'onSelect' | 'onFix' | 'onIgnore' | 'onInsertPart' | 'readOnly' | 'listed'>) {
  const [shown, setShown] = useState(PAGE);
  // The listed finding is shown even when it is past the first page.
  const listedAt = listed ? findings.findIndex((f) => findingKey(f) === listed.key) : -1;
  const visible = listedAt >= shown ? listedAt + 1 : shown;
  return (
    <ul className="finding-list">
      {findings.slice(0, visible).map((f, i) => (
        <FindingItem key={findingKey(f)} f={f} {...actions} listedSeq={i === listedAt ? listed!.seq : undefined} />
      ))}
      {findings.length > visible && (
        <li>
          <button type="button" className="link" onClick={() => setShown(visible + PAGE * 5)}>
            显示其余 {findings.length - visible} 条
          </button>
        </li>
      )}
    </ul>
  );
}

export const FindingsPanel = memo(function FindingsPanel({ analysis, ruleTitles, onSelect, onFix, onFixRule, onIgnore, onInsertPart, readOnly, listed }: FindingsPanelProps) {
  const groups = useMemo(() => groupFindings(analysis), [analysis]);
  const bulk = useMemo(() => {
    const byRule = new Map<string, number>();
    for (const f of analysis.result.findings) if (f.fix !== undefined && !f.onTitle && f.path.length > 0) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    return [...byRule].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]);
  }, [analysis]);
  const counts = useMemo(() => {
    const c = { error: 0, warning: 0, info: 0 };
    for (const f of analysis.result.findings) c[f.severity]++;
    return c;
  }, [analysis]);

  return (
    <section className="findings-panel" aria-label={T.findings}>
      <div className="panel-summary">
        <span className="sev-count sev-error">{SEVERITY_LABELS.error} {counts.error}</span>
        <span className="sev-count sev-warning">{SEVERITY_LABELS.warning} {counts.warning}</span>
        <span className="sev-count sev-info">{SEVERITY_LABELS.info} {counts.info}</span>
        {analysis.result.ignored.length > 0 && <span className="muted">{T.ignoredCount(analysis.result.ignored.length)}</span>}
      </div>
      {!readOnly && bulk.length > 0 && (
        <div className="bulk-fixes">
          {bulk.map(([rule, n]) => (
            <div key={rule} className="bulk-row">
              <span className="bulk-title">{ruleTitles.get(rule) ?? rule}</span>
              <button type="button" className="small primary" data-bulk-rule={rule} onClick={() => onFixRule(rule)}>
                {T.fixAll(n)}
              </button>
            </div>
          ))}
        </div>
      )}
      {groups.length === 0 && <p className="muted empty-note">{T.noFindings}</p>}
      {groups.map((g) => (
        <details key={g.key} className="finding-group" open>
          <summary>
            <span className="group-label">{g.label}</span>
            <span className="group-count">{g.count}</span>
          </summary>
          {g.categories.map((c) => (
            <div key={c.category} className="finding-category">
              <div className="category-label">
                {CATEGORY_LABELS[c.category]}（{c.findings.length}）
              </div>
              <CategoryList findings={c.findings} onSelect={onSelect} onFix={onFix} onIgnore={onIgnore} onInsertPart={onInsertPart} readOnly={readOnly} listed={listed} />
            </div>
          ))}
        </details>
      ))}
    </section>
  );
});
