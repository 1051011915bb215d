import type { GeoValue } from '@lattice/engine';
import { useState } from 'react';
import { formText } from '../../i18n/form-text';
import { parseNumberInput } from './parse-number-input';
import type { WidgetProps } from './widget-props';

type GeoDraft = { lat?: number | string | null; lng?: number | string | null; address?: string };

/** Address plus latitude/longitude inputs; emits `{ lat, lng, address }` (null when all are empty). */
export function GeoWidget(p: WidgetProps) {
  const geo = (typeof p.value === 'object' && p.value !== null ? p.value : {}) as Partial<GeoValue> &
    GeoDraft;
  const [latText, setLatText] = useState<string | null>(null);
  const [lngText, setLngText] = useState<string | null>(null);
  const emit = (patch: GeoDraft) => {
    const next: GeoDraft = { ...geo, ...patch };
    if (!next.address) delete next.address;
    const empty =
      (next.lat === null || next.lat === undefined) &&
      (next.lng === null || next.lng === undefined) &&
      !next.address;
    p.onChange(empty ? null : next);
  };
  const num = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? String(v) : '');
  return (
    <div className="lf-geo" id={p.inputId} role="group" aria-invalid={p.invalid}>
      <input
        className="lf-input lf-geo-address"
        aria-label={formText('address', p.locale)}
        placeholder={formText('address', p.locale)}
        disabled={p.readonly}
        value={geo.address ?? ''}
        onChange={(e) => emit({ address: e.target.value })}
      />
      <input
        className="lf-input"
        inputMode="decimal"
        aria-label={formText('latitude', p.locale)}
        placeholder={formText('latitude', p.locale)}
        disabled={p.readonly}
        value={latText ?? num(geo.lat)}
        onChange={(e) => {
          setLatText(e.target.value);
          emit({ lat: parseNumberInput(e.target.value) });
        }}
        onBlur={() => setLatText(null)}
      />
      <input
        className="lf-input"
        inputMode="decimal"
        aria-label={formText('longitude', p.locale)}
        placeholder={formText('longitude', p.locale)}
        disabled={p.readonly}
        value={lngText ?? num(geo.lng)}
        onChange={(e) => {
          setLngText(e.target.value);
          emit({ lng: parseNumberInput(e.target.value) });
        }}
        onBlur={() => setLngText(null)}
      />
    </div>
  );
}
