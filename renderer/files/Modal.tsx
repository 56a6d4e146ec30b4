// An in-app modal dialog (renderer): labelled, focus moved inside and kept there, Esc cancels.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function Modal(props: {
  title: string;
  onCancel: () => void;
  children: ReactNode;
  footer?: ReactNode;
  className?: string;
  /** The alertdialog role for a question that must be answered (保存 / 不保存 / 取消). */
  alert?: boolean;
}) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const { onCancel } = props;

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = box.querySelector<HTMLElement>('[data-autofocus]') ?? box.querySelector<HTMLElement>('input, textarea, button, [tabindex]');
    first?.focus();
    return () => previous?.focus();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onCancel();
      } else if (e.key === 'Tab' && ref.current) {
        const focusable = Array.from(ref.current.querySelectorAll<HTMLElement>('input, textarea, select, button, [tabindex]:not([tabindex="-1"])')).filter(
          (el) => !el.hasAttribute('disabled'),
        );
        if (focusable.length === 0) return;
        const first = focusable[0]!;
        const last = focusable[focusable.length - 1]!;
        if (e.shiftKey && document.activeElement === first) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first.focus();
        }
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onCancel]);

  return (
    <div className="files-overlay">
      <div
        ref={ref}
        className={`files-modal ${props.className ?? ''}`}
        role={props.alert ? 'alertdialog' : 'dialog'}
        aria-modal="true"
        aria-labelledby={titleId}
      >
        <h2 id={titleId} className="files-modal-title">
          {props.title}
        </h2>
        <div className="files-modal-body">{props.children}</div>
        {props.footer && <div className="files-modal-footer">{props.footer}</div>}
      </div>
    </div>
  );
}
