import { ErrorText } from '../../components/error-text';

/** A labelled optional number input (`data-prop=<name>`); empty = undefined. */
export function NumberProp(p: {
  name: string;
  label: string;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  error?: string;
}) {
  return (
    <label className="st-field" style={{ flex: 1, minWidth: 90 }}>
      {p.label}
      <input
        className={`lt-input${p.error ? ' st-input-error' : ''}`}
        type="number"
        data-prop={p.name}
        value={p.value ?? ''}
        onChange={(e) => p.onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
      <ErrorText message={p.error} path={p.name} />
    </label>
  );
}

/** A labelled checkbox (`data-prop=<name>`). */
export function CheckProp(p: {
  name: string;
  label: string;
  value: boolean | undefined;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="st-check">
      <input
        type="checkbox"
        data-prop={p.name}
        checked={p.value === true}
        onChange={(e) => p.onChange(e.target.checked)}
      />
      {p.label}
    </label>
  );
}

/** A labelled select (`data-prop=<name>`) over value/label pairs. */
export function SelectProp(p: {
  name: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (v: string) => void;
  error?: string;
  placeholder?: string;
}) {
  return (
    <label className="st-field" style={{ flex: 1, minWidth: 120 }}>
      {p.label}
      <select
        className={`lt-input${p.error ? ' st-input-error' : ''}`}
        data-prop={p.name}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
      >
        {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText message={p.error} path={p.name} />
    </label>
  );
}
