import { useState } from 'react';
import { formText } from '../../i18n/form-text';
import type { WidgetProps } from './widget-props';
import { controlProps } from './widget-props';

/** JSON as a textarea: valid text becomes the parsed value; invalid text shows the parse error. */
export function JsonWidget(p: WidgetProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const text = draft ?? (p.value === null || p.value === undefined ? '' : JSON.stringify(p.value, null, 2));
  return (
    <div className="lf-json">
      <textarea
        {...controlProps(p)}
        className="lf-input lf-textarea lf-mono"
        rows={6}
        spellCheck={false}
        value={text}
        onChange={(e) => {
          const t = e.target.value;
          setDraft(t);
          if (t.trim() === '') {
            setProblem(null);
            p.onChange(null);
            return;
          }
          try {
            p.onChange(JSON.parse(t));
            setProblem(null);
          } catch (err) {
            setProblem(err instanceof Error ? err.message : String(err));
          }
        }}
        onBlur={() => problem === null && setDraft(null)}
      />
      {problem && (
        <div className="lf-error">
          {formText('badJson', p.locale)}: {problem}
        </div>
      )}
    </div>
  );
}
