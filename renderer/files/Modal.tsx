// An in-app modal dialog (renderer): a native <dialog> shown modally (top layer, the page behind is inert, focus
// stays inside), labelled by its title; Esc cancels. Shown while mounted.
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
  const ref = useRef<HTMLDialogElement>(null);
  const onCancelRef = useRef(props.onCancel);
  onCancelRef.current = props.onCancel;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    // Esc: the owner decides (state closes the dialog), the browser must not close it behind React's back.
    const onCancel = (e: Event) => {
      e.preventDefault();
      onCancelRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`files-modal ${props.className ?? ''}`}
      role={props.alert ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
    >
      <h2 id={titleId} className="files-modal-title">
        {props.title}
      </h2>
      <div className="files-modal-body">{props.children}</div>
      {props.footer && <div className="files-modal-footer">{props.footer}</div>}
    </dialog>
  );
}
