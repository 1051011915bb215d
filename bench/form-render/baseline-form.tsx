import type { EntityDoc } from '@lattice/engine';
import { useState } from 'react';

/** The baseline: a plain controlled React form of the same 200 fields, one state object, native inputs. */
export function BaselineForm(p: { entity: EntityDoc }) {
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  const set = (name: string, v: string | boolean) => setValues((s) => ({ ...s, [name]: v }));
  return (
    <form>
      {p.entity.fields.map((f) => {
        const v = values[f.name];
        return (
          <label key={f.name} style={{ display: 'block' }}>
            {f.label.zh}
            {f.type === 'select' ? (
              <select
                name={f.name}
                value={typeof v === 'string' ? v : ''}
                onChange={(e) => set(f.name, e.target.value)}
              >
                <option value="" />
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label.zh}
                  </option>
                ))}
              </select>
            ) : f.type === 'boolean' ? (
              <input
                name={f.name}
                type="checkbox"
                checked={v === true}
                onChange={(e) => set(f.name, e.target.checked)}
              />
            ) : f.type === 'longtext' ? (
              <textarea
                name={f.name}
                value={typeof v === 'string' ? v : ''}
                onChange={(e) => set(f.name, e.target.value)}
              />
            ) : (
              <input
                name={f.name}
                type={f.type === 'date' ? 'date' : f.type === 'email' ? 'email' : 'text'}
                value={typeof v === 'string' ? v : ''}
                onChange={(e) => set(f.name, e.target.value)}
              />
            )}
          </label>
        );
      })}
    </form>
  );
}
