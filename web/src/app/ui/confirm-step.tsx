import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * State of a destructive action asked once more: while confirming, focus is on Cancel; after Cancel it
 * returns to the button that asked (attach `triggerRef` to it).
 */
export function useConfirmStep() {
  const [confirming, setConfirming] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (returnFocus.current) triggerRef.current?.focus();
    returnFocus.current = false;
  }, [confirming]);

  return {
    confirming,
    triggerRef,
    cancelRef,
    ask: () => setConfirming(true),
    /** Cancelled: focus goes back to the asking button. */
    cancel: () => {
      returnFocus.current = true;
      setConfirming(false);
    },
    /** Done: the row usually changes or goes, so focus is left where it is. */
    close: () => setConfirming(false),
  };
}

/** The question with its confirm and cancel buttons (and any choices in `children`), as one labelled group. */
export function ConfirmStep({
  id,
  question,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
  cancelRef,
  children,
}: {
  id: string;
  question: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  cancelRef: RefObject<HTMLButtonElement | null>;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div role="group" aria-labelledby={id} className="confirm-step">
      <p id={id}>{question}</p>
      {children}
      <div className="button-row">
        <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm}>
          {busy ? t('common.saving') : confirmLabel}
        </button>
        <button type="button" ref={cancelRef} className="button button--secondary" disabled={busy} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
