import type { EntityDoc, JsonLogic, ValueMap } from '@lattice/engine';
import { useState } from 'react';
import { label } from '../lib/i18n';
import { formatValueInput, parseValueInput, setValueEntry } from './rule-model';
import { rt } from './rule-text';

/** Rows of target field → value (literal or JsonLogic) for set-fields style actions. */
export function ValueMapEditor(p: {
  name: string;
  values: ValueMap;
  onChange: (v: ValueMap) => void;
  entity: EntityDoc | undefined;
}) {
  const writable = (p.entity?.fields ?? []).filter(
    (f) => !['formula', 'rollup', 'autonumber'].includes(f.type),
  );
  const used = new Set(Object.keys(p.values));
  const free = writable.find((f) => !used.has(f.name));
  return (
    <div className="st-props" data-prop={p.name}>
      {Object.entries(p.values).map(([key, value]) => (
        <div key={key} className="st-row" data-value-row={key}>
          <select
            className="lt-input"
            aria-label={rt('field')}
            data-prop={`${p.name}.${key}.field`}
            value={key}
            onChange={(e) => p.onChange(setValueEntry(p.values, key, e.target.value, value))}
          >
            {writable
              .filter((f) => f.name === key || !used.has(f.name))
              .map((f) => (
                <option key={f.name} value={f.name}>
                  {label(f.label)} ({f.name})
                </option>
              ))}
            {!writable.some((f) => f.name === key) && <option value={key}>{key}</option>}
          </select>
          <span aria-hidden="true">=</span>
          <ValueInput
            name={`${p.name}.${key}`}
            value={value}
            onChange={(v) => p.onChange(setValueEntry(p.values, key, key, v))}
          />
          <button
            type="button"
            className="lt-btn"
            aria-label={rt('remove')}
            onClick={() => {
              const { [key]: _drop, ...rest } = p.values;
              p.onChange(rest);
            }}
          >
            ✕
          </button>
        </div>
      ))}
      <div>
        <button
          type="button"
          className="lt-btn"
          data-action={`${p.name}.add`}
          disabled={!free}
          onClick={() => free && p.onChange(setValueEntry(p.values, '', free.name, ''))}
        >
          + {rt('addValue')}
        </button>
        <small className="lt-muted" style={{ marginLeft: 8 }}>
          {rt('valueHint')}
        </small>
      </div>
    </div>
  );
}

/** One value cell: keeps the typed text while it is being edited, emits the parsed value. */
function ValueInput(p: { name: string; value: JsonLogic; onChange: (v: JsonLogic) => void }) {
  const [text, setText] = useState(() => formatValueInput(p.value));
  return (
    <input
      className="lt-input st-mono"
      style={{ flex: 1, minWidth: 160 }}
      aria-label={rt('value')}
      data-prop={`${p.name}.value`}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        p.onChange(parseValueInput(e.target.value));
      }}
    />
  );
}
