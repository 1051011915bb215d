import type { Locale } from '@lattice/engine';
import { useEffect, useRef } from 'react';
import { formText } from '../../i18n/form-text';
import type { WidgetProps } from './widget-props';

/** The `signature` field widget: a {@link SignaturePad} bound to the field's value. */
export function SignatureWidget(p: WidgetProps) {
  return (
    <SignaturePad
      value={typeof p.value === 'string' ? p.value : null}
      onChange={p.onChange}
      readonly={p.readonly}
      invalid={p.invalid}
      locale={p.locale}
      inputId={p.inputId}
    />
  );
}

/** Props of {@link SignaturePad}. */
export interface SignaturePadProps {
  /** A PNG data URL, or null when unsigned. */
  value: string | null;
  onChange: (dataUrl: string | null) => void;
  readonly?: boolean;
  invalid?: boolean;
  locale: Locale;
  inputId: string;
}

/**
 * A canvas signature pad (pointer events: mouse, pen and touch); the value is a PNG data URL. Used by
 * `signature` fields and by approval steps that require a handwritten signature (runtime inbox).
 */
export function SignaturePad(p: SignaturePadProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const dataUrl = p.value;

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    // Repaint only when the value came from outside (load, clear); our own strokes are already drawn.
    if (dataUrl && c.dataset.painted === dataUrl) return;
    ctx.clearRect(0, 0, c.width, c.height);
    if (dataUrl) {
      const img = new Image();
      img.onload = () => ctx.drawImage(img, 0, 0);
      img.src = dataUrl;
    }
  }, [dataUrl]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const c = e.currentTarget;
    const r = c.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * c.width) / r.width, y: ((e.clientY - r.top) * c.height) / r.height };
  };
  return (
    <div className="lf-signature">
      <canvas
        ref={canvas}
        id={p.inputId}
        width={480}
        height={160}
        aria-label={formText('signHere', p.locale)}
        aria-invalid={p.invalid ?? false}
        className="lf-signature-pad"
        onPointerDown={(e) => {
          if (p.readonly) return;
          const ctx = e.currentTarget.getContext('2d');
          if (!ctx) return;
          drawing.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          const { x, y } = point(e);
          ctx.lineWidth = 2;
          ctx.lineCap = 'round';
          ctx.strokeStyle = '#1f2937';
          ctx.beginPath();
          ctx.moveTo(x, y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const ctx = e.currentTarget.getContext('2d');
          const { x, y } = point(e);
          ctx?.lineTo(x, y);
          ctx?.stroke();
        }}
        onPointerUp={(e) => {
          if (!drawing.current) return;
          drawing.current = false;
          const url = e.currentTarget.toDataURL('image/png');
          e.currentTarget.dataset.painted = url;
          p.onChange(url);
        }}
      />
      {!dataUrl && <span className="lf-signature-hint">{formText('signHere', p.locale)}</span>}
      {!p.readonly && dataUrl && (
        <button type="button" className="lf-link" onClick={() => p.onChange(null)}>
          {formText('clearSignature', p.locale)}
        </button>
      )}
    </div>
  );
}
