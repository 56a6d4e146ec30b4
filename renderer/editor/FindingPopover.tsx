// The popover over a finding's mark (renderer): the message, the suggested text, and 修正 / 忽略… / 在列表中查看, the
// same actions as the findings panel. Placed below the mark (above it when there is no room), inside the window; a
// non-modal dialog whose keys stay inside it while it has the focus (Tab cycles, Escape closes back to the caret).
import { useLayoutEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Finding } from '../../shared/check/types';
import { SEVERITY_LABELS } from '../../shared/check/types';
import { findingKey, swappedMarks } from '../../shared/editor/findingNav';
import { IgnoreForm } from '../findings/IgnoreForm';
import { NamedMark } from '../findings/MarkedText';
import { F } from '../findings/strings';
import { T } from './strings';
import type { PopoverState } from './useFindingPopover';

/** At most this many findings of one place are shown; the rest are in the panel. */
const SHOWN = 3;
const MARGIN = 8;
const GAP = 4;
/** A suggested text longer than this is cut. */
const LONG = 40;

export interface FindingPopoverProps {
  state: PopoverState;
  elementRef: React.RefObject<HTMLDivElement | null>;
  ruleTitles: ReadonlyMap<string, string>;
  onFix(f: Finding): void;
  onIgnore(f: Finding, reason: string): void;
  onShowInList(f: Finding): void;
  /** Closes it; `refocus`: the caret gets the focus back. */
  onClose(refocus: boolean): void;
  onPointer(inside: boolean): void;
}

export function FindingPopover({ state, elementRef, ruleTitles, onFix, onIgnore, onShowInList, onClose, onPointer }: FindingPopoverProps) {
  const { findings, box, focus } = state;
  // Placed after it is laid out (its size is known then): below the mark, or above it, kept inside the window.
  useLayoutEffect(() => {
    const el = elementRef.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    const below = box.bottom + GAP;
    const placed = below + height + MARGIN <= window.innerHeight ? below : box.top - GAP - height;
    const top = Math.max(MARGIN, Math.min(placed, window.innerHeight - height - MARGIN));
    const left = Math.min(Math.max(MARGIN, box.left), Math.max(MARGIN, window.innerWidth - width - MARGIN));
    el.style.top = `${top}px`;
    el.style.left = `${left}px`;
    el.style.visibility = 'visible';
  }, [box, elementRef, findings]);
  useLayoutEffect(() => {
    if (focus) elementRef.current?.querySelector<HTMLElement>('button')?.focus();
  }, [elementRef, findings, focus]);

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Tab') return;
    const items = [...(elementRef.current?.querySelectorAll<HTMLElement>('button:not(:disabled), input') ?? [])];
    if (items.length === 0) return;
    const i = items.indexOf(document.activeElement as HTMLElement);
    const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : i < 0 || i === items.length - 1 ? 0 : i + 1;
    e.preventDefault();
    items[next]!.focus();
  };
  const shown = findings.slice(0, SHOWN);
  // In the body, not in the page column: a fixed box there would be placed and clipped by the column.
  return createPortal(
    <div
      ref={elementRef}
      className="finding-popover"
      role="dialog"
      aria-label={T.popoverLabel}
      style={{ visibility: 'hidden' }}
      onKeyDown={onKeyDown}
      onMouseEnter={() => onPointer(true)}
      onMouseLeave={() => onPointer(false)}
    >
      {shown.map((f) => (
        <PopoverFinding key={findingKey(f)} f={f} ruleTitle={ruleTitles.get(f.rule)} onFix={onFix} onIgnore={onIgnore} onShowInList={onShowInList} onClose={onClose} />
      ))}
      {findings.length > SHOWN && <p className="popover-more muted">{T.popoverMore(findings.length - SHOWN)}</p>}
    </div>,
    document.body,
  );
}

function PopoverFinding({ f, ruleTitle, onFix, onIgnore, onShowInList, onClose }: { f: Finding; ruleTitle: string | undefined } & Pick<FindingPopoverProps, 'onFix' | 'onIgnore' | 'onShowInList' | 'onClose'>) {
  const [ignoring, setIgnoring] = useState(false);
  return (
    <section className={`popover-finding sev-${f.severity}`} aria-label={f.message}>
      <div className="popover-head">
        <span className={`sev-dot sev-${f.severity}`} />
        <span className="popover-severity">{SEVERITY_LABELS[f.severity]}</span>
        {ruleTitle && <span className="popover-rule muted">{ruleTitle}</span>}
      </div>
      <p className="popover-message">{f.message}</p>
      {f.fix !== undefined && <Suggestion f={f} />}
      {!ignoring ? (
        <div className="popover-actions">
          {f.fix !== undefined && (
            <button type="button" className="small primary" onClick={() => { onClose(true); onFix(f); }}>
              {F.fix}
            </button>
          )}
          <button type="button" className="small" onClick={() => setIgnoring(true)}>
            {T.ignoreEllipsis}
          </button>
          <button type="button" className="small link" onClick={() => { onClose(false); onShowInList(f); }}>
            {T.showInList}
          </button>
        </div>
      ) : (
        <IgnoreForm
          onIgnore={(reason) => {
            onIgnore(f, reason);
            onClose(true);
          }}
          onCancel={() => setIgnoring(false)}
        />
      )}
    </section>
  );
}

/** The suggested text: what a long one-for-one fix swaps (“,”→“，”), a deletion, or the replacement (long ones cut). */
function Suggestion({ f }: { f: Finding }) {
  const swapped = swappedMarks(f);
  const cut = (t: string) => (t.length > LONG ? `${t.slice(0, LONG)}…` : t);
  return (
    <p className="popover-suggestion">
      {swapped ? (
        <>
          {T.suggestReplace}
          {swapped.map(([from, to]) => (
            <span key={from} className="swap">
              <NamedMark mark={from} />→<NamedMark mark={to} />
            </span>
          ))}
        </>
      ) : f.fix === '' ? (
        <>
          {T.suggestDelete}
          <span className="suggested">{cut(f.text)}</span>
        </>
      ) : (
        <>
          {T.suggestReplace}
          <span className="suggested">{cut(f.fix!)}</span>
        </>
      )}
    </p>
  );
}
