import type { JsonLogic } from '@lattice/engine';
import { useEffect, useState } from 'react';

/** A textarea holding a JsonLogic expression; empty = undefined, invalid JSON is flagged and not emitted. */
export function JsonLogicInput(p: {
  value: JsonLogic | undefined;
  onChange: (v: JsonLogic | undefined) => void;
  name: string;
}) {
  const [text, setText] = useState(p.value === undefined ? '' : JSON.stringify(p.value));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    setText((t) => {
      try {
        if (t.trim() !== '' && JSON.stringify(JSON.parse(t)) === JSON.stringify(p.value)) return t;
      } catch {
        return t;
      }
      return p.value === undefined ? '' : JSON.stringify(p.value);
    });
  }, [p.value]);
  return (
    <textarea
      className="lf-input lf-textarea lf-mono"
      rows={2}
      data-prop={p.name}
      aria-invalid={bad}
      value={text}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        if (t.trim() === '') {
          setBad(false);
          p.onChange(undefined);
          return;
        }
        try {
          p.onChange(JSON.parse(t) as JsonLogic);
          setBad(false);
        } catch {
          setBad(true);
        }
      }}
    />
  );
}
