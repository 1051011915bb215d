import { formText } from '../../i18n/form-text';
import type { WidgetProps } from './widget-props';
import { controlProps } from './widget-props';

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO timestamp → the `YYYY-MM-DDTHH:mm` local form a datetime-local input shows. */
export function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Native date / datetime-local inputs; dates are stored as `YYYY-MM-DD`, datetimes as ISO (UTC). */
export function DateWidget(p: WidgetProps & { withTime: boolean }) {
  const raw = typeof p.value === 'string' ? p.value : '';
  if (!p.withTime) {
    return (
      <input
        {...controlProps(p)}
        className="lf-input lf-date"
        type="date"
        lang={p.locale}
        aria-label={formText('date', p.locale)}
        value={raw.slice(0, 10)}
        onChange={(e) => p.onChange(e.target.value === '' ? null : e.target.value)}
      />
    );
  }
  return (
    <input
      {...controlProps(p)}
      className="lf-input lf-date"
      type="datetime-local"
      lang={p.locale}
      value={raw ? isoToLocalInput(raw) : ''}
      onChange={(e) => {
        const d = new Date(e.target.value);
        p.onChange(e.target.value === '' || Number.isNaN(d.getTime()) ? null : d.toISOString());
      }}
    />
  );
}
