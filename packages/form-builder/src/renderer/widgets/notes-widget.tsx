import type { PrivateNote } from '@lattice/engine';
import { useState } from 'react';
import { formText } from '../../i18n/form-text';
import type { WidgetProps } from './widget-props';

function notesOf(value: unknown): PrivateNote[] {
  return Array.isArray(value)
    ? value.filter((n): n is PrivateNote => typeof n === 'object' && n !== null && typeof n.text === 'string')
    : [];
}

/**
 * Private notes: the list the server returned (already only the caller's own) plus an input to add one.
 * New notes carry the current user and the injected clock's time.
 */
export function NotesWidget(p: WidgetProps) {
  const [draft, setDraft] = useState('');
  const notes = notesOf(p.value);
  const author = p.services.currentUser?.id ?? '';
  const add = () => {
    const text = draft.trim();
    if (!text) return;
    const at = (p.services.now ?? (() => new Date()))().toISOString();
    p.onChange([...notes, { author, text, at }]);
    setDraft('');
  };
  return (
    <div className="lf-notes" id={p.inputId}>
      {notes.length === 0 ? (
        <p className="lf-muted">{formText('noNotes', p.locale)}</p>
      ) : (
        <ul>
          {notes.map((n) => (
            <li key={`${n.at}-${n.text}`}>
              <p>{n.text}</p>
              <small>{new Date(n.at).toLocaleString(p.locale)}</small>
            </li>
          ))}
        </ul>
      )}
      {!p.readonly && (
        <div className="lf-notes-add">
          <textarea
            className="lf-input lf-textarea"
            rows={2}
            value={draft}
            placeholder={formText('notePlaceholder', p.locale)}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="button" className="lf-button" onClick={add} disabled={!draft.trim()}>
            {formText('addNote', p.locale)}
          </button>
        </div>
      )}
    </div>
  );
}
