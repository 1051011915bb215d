import type { Locale } from '@lattice/engine';
import { useEffect, useRef, useState } from 'react';
import { formText } from '../../i18n/form-text';
import type { LookupOption } from '../form-services';

/** Delay between the last keystroke and the search call. */
export const TYPE_AHEAD_DEBOUNCE_MS = 250;

export interface TypeAheadProps {
  inputId: string;
  selected: LookupOption | null;
  search: (q: string) => Promise<LookupOption[]>;
  onSelect: (option: LookupOption | null) => void;
  disabled: boolean;
  invalid: boolean;
  locale: Locale;
  placeholder?: string;
}

/**
 * A combobox: typing searches (debounced), ↑/↓ move through results, Enter picks, Escape closes.
 * When closed it shows the selected option's title. Late responses of older searches are ignored.
 */
export function TypeAhead(p: TypeAheadProps) {
  const [query, setQuery] = useState<string | null>(null);
  const [results, setResults] = useState<LookupOption[]>([]);
  const [active, setActive] = useState(0);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const open = query !== null;
  const { search } = p;

  useEffect(() => {
    if (query === null) return;
    const mine = ++seq.current;
    setLoading(true);
    const timer = setTimeout(() => {
      search(query)
        .then((found) => {
          if (mine !== seq.current) return;
          setResults(found);
          setActive(0);
        })
        .catch(() => mine === seq.current && setResults([]))
        .finally(() => mine === seq.current && setLoading(false));
    }, TYPE_AHEAD_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, search]);

  const pick = (o: LookupOption | null) => {
    p.onSelect(o);
    setQuery(null);
  };
  const listId = `${p.inputId}-list`;
  return (
    <div className="lf-typeahead">
      <input
        id={p.inputId}
        className="lf-input"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={p.invalid}
        aria-activedescendant={open && results[active] ? `${listId}-${active}` : undefined}
        autoComplete="off"
        disabled={p.disabled}
        placeholder={p.placeholder ?? formText('search', p.locale)}
        value={open ? query : (p.selected?.title ?? '')}
        onFocus={() => setQuery('')}
        onBlur={() => setQuery(null)}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            if (!open) setQuery('');
            setActive((a) => Math.min(a + 1, Math.max(results.length - 1, 0)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && open) {
            e.preventDefault();
            const o = results[active];
            if (o) pick(o);
          } else if (e.key === 'Escape') {
            setQuery(null);
          }
        }}
      />
      {p.selected && !p.disabled && !open && (
        <button
          type="button"
          className="lf-typeahead-clear"
          aria-label={formText('clear', p.locale)}
          onClick={() => pick(null)}
        >
          ×
        </button>
      )}
      {open && (
        <div className="lf-typeahead-list" id={listId} role="listbox">
          {results.map((o, i) => (
            <div
              key={o.id}
              tabIndex={-1}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(o);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span>{o.title}</span>
              {o.subtitle && <small>{o.subtitle}</small>}
            </div>
          ))}
          {!loading && results.length === 0 && (
            <div className="lf-typeahead-empty">{formText('noResults', p.locale)}</div>
          )}
        </div>
      )}
    </div>
  );
}
