import { useEffect, useRef } from 'react';
import { formText } from '../../i18n/form-text';
import { sanitizeRichText } from './sanitize-rich-text';
import type { WidgetProps } from './widget-props';

type Command = 'bold' | 'italic' | 'insertUnorderedList';

/**
 * A dependency-free rich-text editor: contentEditable with bold, italic and bullet list. The stored
 * value is HTML reduced to a small allow-list of tags, so pasted markup cannot inject scripts.
 */
export function RichTextWidget(p: WidgetProps) {
  const ref = useRef<HTMLDivElement>(null);
  const html = typeof p.value === 'string' ? p.value : '';
  useEffect(() => {
    // Only write the DOM when the value changed from outside; rewriting while typing moves the caret.
    const el = ref.current;
    if (el && el.innerHTML !== html) el.innerHTML = sanitizeRichText(html);
  }, [html]);
  const run = (cmd: Command) => {
    ref.current?.focus();
    document.execCommand(cmd);
    emit();
  };
  const emit = () => {
    const raw = ref.current?.innerHTML ?? '';
    const clean = sanitizeRichText(raw);
    p.onChange(clean.replace(/<br\s*\/?>|\s|&nbsp;/g, '') === '' ? null : clean);
  };
  return (
    <div className={`lf-richtext${p.readonly ? ' is-readonly' : ''}`}>
      {!p.readonly && (
        <div className="lf-richtext-bar" role="toolbar">
          <button
            type="button"
            title={formText('bold', p.locale)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run('bold')}
          >
            <b>B</b>
          </button>
          <button
            type="button"
            title={formText('italic', p.locale)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run('italic')}
          >
            <i>I</i>
          </button>
          <button
            type="button"
            title={formText('list', p.locale)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run('insertUnorderedList')}
          >
            •≡
          </button>
        </div>
      )}
      <div
        ref={ref}
        id={p.inputId}
        className="lf-input lf-richtext-area"
        role="textbox"
        aria-multiline="true"
        aria-invalid={p.invalid}
        aria-describedby={`${p.inputId}-msg`}
        tabIndex={0}
        contentEditable={!p.readonly}
        suppressContentEditableWarning
        onInput={emit}
        onBlur={emit}
      />
    </div>
  );
}
