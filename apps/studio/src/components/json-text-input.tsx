import { useEffect, useState } from 'react';
import { t } from '../lib/studio-text';

/** A JSON textarea for structured properties (tag trees, transitions); invalid JSON is flagged, not emitted. */
export function JsonTextInput<T>(p: {
  name: string;
  value: T | undefined;
  onChange: (v: T | undefined) => void;
}) {
  const [text, setText] = useState(() => (p.value === undefined ? '' : JSON.stringify(p.value, null, 2)));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    setText((cur) => {
      try {
        if (cur.trim() !== '' && JSON.stringify(JSON.parse(cur)) === JSON.stringify(p.value)) return cur;
      } catch {
        return cur;
      }
      return p.value === undefined ? '' : JSON.stringify(p.value, null, 2);
    });
  }, [p.value]);
  return (
    <>
      <textarea
        className={`lt-input st-mono${bad ? ' st-input-error' : ''}`}
        data-prop={p.name}
        rows={4}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') {
            setBad(false);
            p.onChange(undefined);
            return;
          }
          try {
            p.onChange(JSON.parse(e.target.value) as T);
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
      />
      {bad && <span className="st-field-error">{t('invalidJson')}</span>}
    </>
  );
}
