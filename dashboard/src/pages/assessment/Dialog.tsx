/**
 * A small modal dialog (the native <dialog>): Escape or the close button
 * closes it and the browser keeps focus inside while it is open. Used for
 * the freeze confirmation and for an indicator's records in words.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** The dialog's buttons, at its foot. */
  actions: ReactNode;
  className?: string;
}

export function Dialog({ open, title, onClose, children, actions, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // The last action (cancel or close) first: a confirmation must not be one Enter away.
      const buttons = dialog.querySelectorAll<HTMLElement>('.assessment-dialog-actions button');
      buttons[buttons.length - 1]?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={['assessment-dialog', className].filter(Boolean).join(' ')}
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <>
          <h2 id={headingId}>{title}</h2>
          <div className="assessment-dialog-body">{children}</div>
          <div className="assessment-dialog-actions">{actions}</div>
        </>
      ) : null}
    </dialog>
  );
}
