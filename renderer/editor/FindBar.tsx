// Find and replace bar above the page (renderer): Ctrl+F finds, Ctrl+H replaces; Enter (and F3, a command anywhere in
// the window) goes to the next hit, Shift+Enter to the previous.
import { useEffect, useRef } from 'react';
import { T } from './strings';

export interface FindState {
  open: boolean;
  replace: boolean;
  query: string;
  replacement: string;
  loose: boolean;
  /** Index of the current hit in the match list. */
  current: number;
  /** Bumped to focus the query box again (Ctrl+F while open). */
  focusTick: number;
}

export const closedFind: FindState = { open: false, replace: false, query: '', replacement: '', loose: false, current: 0, focusTick: 0 };

export interface FindBarProps {
  state: FindState;
  total: number;
  message: string | null;
  onChange(patch: Partial<FindState>): void;
  onNext(): void;
  onPrev(): void;
  onReplace(): void;
  onReplaceAll(): void;
  onClose(): void;
}

export function FindBar({ state, total, message, onChange, onNext, onPrev, onReplace, onReplaceAll, onClose }: FindBarProps) {
  const queryRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    queryRef.current?.focus();
    queryRef.current?.select();
  }, [state.focusTick]);
  const keys = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (e.shiftKey) onPrev();
      else onNext();
    }
  };
  return (
    <div className="find-bar" role="search" onKeyDown={keys}>
      <label>
        {T.find}
        <input ref={queryRef} value={state.query} aria-label={T.find} onChange={(e) => onChange({ query: e.target.value, current: 0 })} />
      </label>
      <span className="find-count" aria-live="polite">
        {state.query ? T.matches(total === 0 ? 0 : state.current + 1, total) : ''}
      </span>
      <button type="button" className="small" onClick={onPrev} disabled={total === 0}>
        {T.findPrev}
      </button>
      <button type="button" className="small" onClick={onNext} disabled={total === 0}>
        {T.findNext}
      </button>
      {state.replace && (
        <>
          <label>
            {T.replaceWith}
            <input
              value={state.replacement}
              aria-label={T.replaceWith}
              onChange={(e) => onChange({ replacement: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  e.stopPropagation();
                  onReplace();
                }
              }}
            />
          </label>
          <button type="button" className="small" onClick={onReplace} disabled={total === 0}>
            {T.replace}
          </button>
          <button type="button" className="small" onClick={onReplaceAll} disabled={total === 0}>
            {T.replaceAll}
          </button>
        </>
      )}
      <label className="find-loose">
        <input type="checkbox" checked={state.loose} onChange={(e) => onChange({ loose: e.target.checked, current: 0 })} />
        {T.loose}
      </label>
      {message && <span className="find-message">{message}</span>}
      <button type="button" className="small" onClick={onClose} aria-label={T.close}>
        ×
      </button>
    </div>
  );
}
