// One row of the findings panel (renderer): a finding (or identical ones of a paragraph, with their count) with its
// fix, 插入此部分 and 忽略…; or the compact row of a sub-part's placeholders, each a link to its place.
import { memo, useEffect, useRef, useState } from 'react';
import type { FindingRow as Row } from '../../shared/check/grouping';
import { MARK_NAMES } from '../../shared/check/markNames';
import { SEVERITY_LABELS, type Finding } from '../../shared/check/types';
import { missingPartOf } from '../../shared/editor/sectionOps';
import { IgnoreForm } from './IgnoreForm';
import { FixSuggestion, MarkedText } from './MarkedText';
import { F } from './strings';

export interface RowActions {
  onSelect(f: Finding): void;
  onFix(findings: readonly Finding[]): void;
  onIgnore(findings: readonly Finding[], reason: string): void;
  onInsertPart?(f: Finding): void;
  readOnly?: boolean;
}

/** The row the popover's 在列表中查看 asked for (at each new `seq`): its group opened, scrolled to, first button focused. */
function useListed(seq: number | undefined) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!seq || !el) return;
    const group = el.closest('details');
    if (group) group.open = true;
    el.querySelector<HTMLElement>('[data-nav]')?.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'center' });
  }, [seq]);
  return ref;
}

const clip = (t: string, n: number) => (t.length > n ? t.slice(0, n) + '…' : t);

/** The fix button's words: what it changes, its marks named, with the number of places when more than one. */
function FixLabel({ f, places }: { f: Finding; places: number }) {
  const fix = f.fix!;
  if (fix === '') return <>{places > 1 ? `${F.deleteIt}（${places}处）` : F.deleteIt}</>;
  if (fix.length === 1 && MARK_NAMES[fix]) {
    return (
      <>
        {F.fix}为<span className="mark-glyph">{fix}</span>（{MARK_NAMES[fix]}）{places > 1 ? `（${places}处）` : ''}
      </>
    );
  }
  if (places > 1) return <>{F.fixPlaces(places)}</>;
  if (fix.length <= 8) return <>{F.fix}为“<MarkedText text={fix} />”</>;
  return <>{F.fix}</>;
}

function SingleRow({ row, places, onSelect, onFix, onIgnore, onInsertPart, readOnly, listedSeq }: RowActions & { row: Row; places: number; ruleTitle: string; listedSeq?: number }) {
  const ref = useListed(listedSeq);
  const [ignoring, setIgnoring] = useState(false);
  const f = row.findings[0]!;
  const n = row.findings.length;
  const shownText = f.text && (f.path.length > 0 || f.onTitle);
  return (
    <li ref={ref} className={`finding sev-${f.severity}${listedSeq ? ' listed' : ''}`} data-rule={f.rule} data-count={n}>
      <button type="button" className="finding-main" data-nav onClick={() => onSelect(f)} title={f.message}>
        <span className={`sev-dot sev-${f.severity}`} aria-label={SEVERITY_LABELS[f.severity]} />
        <span className="finding-msg">{f.message}</span>
        {n > 1 && <span className="finding-times">{F.times(n)}</span>}
        {shownText && <span className="finding-text">“{clip(f.text, 24)}”</span>}
      </button>
      {f.fix !== undefined && f.fix !== '' && !readOnly && (
        <div className="finding-suggestion">
          {F.suggestion}
          <FixSuggestion text={f.text} fix={f.fix} />
        </div>
      )}
      {!readOnly && (
        <div className="finding-actions">
          {f.fix !== undefined && places > 0 && (
            <button type="button" className="small primary-outline fix-button" data-places={places} onClick={() => onFix(row.findings)}>
              <FixLabel f={f} places={places} />
            </button>
          )}
          {onInsertPart && missingPartOf(f) && (
            <button type="button" className="small primary-outline" onClick={() => onInsertPart(f)}>
              {F.insertPart}
            </button>
          )}
          {!ignoring && (
            <button type="button" className="small" onClick={() => setIgnoring(true)}>
              {F.ignore}
            </button>
          )}
        </div>
      )}
      {ignoring && (
        <IgnoreForm
          onIgnore={(reason) => {
            onIgnore(row.findings, reason);
            setIgnoring(false);
          }}
          onCancel={() => setIgnoring(false)}
        />
      )}
    </li>
  );
}

function CompactRow({ row, ruleTitle, onSelect, listedSeq }: Pick<RowActions, 'onSelect'> & { row: Row; ruleTitle: string; listedSeq?: number }) {
  const ref = useListed(listedSeq);
  const f = row.findings[0]!;
  return (
    <li ref={ref} className={`finding compact sev-${f.severity}${listedSeq ? ' listed' : ''}`} data-rule={f.rule} data-count={row.findings.length}>
      <div className="compact-head">
        <span className={`sev-dot sev-${f.severity}`} aria-label={SEVERITY_LABELS[f.severity]} />
        <span className="finding-msg">{ruleTitle}</span>
        <span className="finding-times">{F.compactCount(row.findings.length)}</span>
      </div>
      <div className="compact-items">
        {row.findings.map((x, i) => (
          <button key={i} type="button" className="chip" data-nav title={x.message} onClick={() => onSelect(x)}>
            {clip(x.text, 12)}
          </button>
        ))}
      </div>
    </li>
  );
}

const sameFindings = (a: readonly Finding[], b: readonly Finding[]) =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i]!;
    return x === y || (x.rule === y.rule && x.start === y.start && x.end === y.end && x.text === y.text && x.message === y.message && x.fix === y.fix && x.severity === y.severity && x.path.join('.') === y.path.join('.'));
  });

/** `listedSeq`: the popover's 在列表中查看 asked for this row (again at each new number): opened, scrolled to, focused. */
type Props = RowActions & { row: Row; places: number; ruleTitle: string; listedSeq?: number };

function FindingRowView(p: Props) {
  return p.row.kind === 'compact' ? <CompactRow row={p.row} ruleTitle={p.ruleTitle} onSelect={p.onSelect} listedSeq={p.listedSeq} /> : <SingleRow {...p} />;
}

// Each check makes new finding objects: a row re-renders only when its findings really changed.
export const FindingRow = memo(
  FindingRowView,
  (p, n) =>
    p.row.kind === n.row.kind && sameFindings(p.row.findings, n.row.findings) && p.places === n.places && p.ruleTitle === n.ruleTitle &&
    p.readOnly === n.readOnly && p.onSelect === n.onSelect && p.onFix === n.onFix && p.onIgnore === n.onIgnore && p.onInsertPart === n.onInsertPart && p.listedSeq === n.listedSeq,
);
