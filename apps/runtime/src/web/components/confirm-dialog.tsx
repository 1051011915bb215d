import { useEffect, useRef } from 'react';
import { t } from '../lib/ui-text';

/** A modal confirmation (Esc or the backdrop cancels). */
export function ConfirmDialog(p: {
  title: string;
  body: string;
  confirmText: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    ref.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && p.onCancel();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [p.onCancel]);
  return (
    <div className="rt-modal-backdrop" onClick={p.onCancel}>
      <div
        className="rt-modal lt-card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="rt-confirm-title"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="rt-confirm-title">{p.title}</h2>
        <p>{p.body}</p>
        <div className="rt-form-actions">
          <button type="button" className="lt-btn" onClick={p.onCancel}>
            {t('cancel')}
          </button>
          <button
            ref={ref}
            type="button"
            data-action="confirm"
            className={`lt-btn ${p.danger ? 'rt-btn-danger-solid' : 'lt-btn-primary'}`}
            disabled={p.busy}
            onClick={p.onConfirm}
          >
            {p.confirmText}
          </button>
        </div>
      </div>
    </div>
  );
}
