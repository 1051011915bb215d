import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LookupOption } from '../form-services';
import { pickerFunctions } from '../form-services';
import { TypeAhead } from './type-ahead';
import type { WidgetProps } from './widget-props';

/** Reference values arrive as an id, or as `{ id, title }` when the API expanded them. */
function idOf(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string')
    return (value as { id: string }).id;
  return null;
}

function optionOf(value: unknown): LookupOption | null {
  if (typeof value === 'object' && value !== null) {
    const { id, title } = value as { id?: unknown; title?: unknown };
    if (typeof id === 'string' && typeof title === 'string') return { id, title };
  }
  return null;
}

/**
 * Reference, user and department pickers: a type-ahead over the host's source that stores the chosen
 * id and shows its title (resolved through the source when only the id is known).
 */
export function LookupWidget(p: WidgetProps & { source: 'reference' | 'user' | 'department' }) {
  const { field, services } = p;
  const fns = useMemo(() => {
    if (p.source === 'reference' && field.type === 'reference') {
      const target = field.target;
      const lookup = services.lookup;
      return {
        search: (q: string) => (lookup ? lookup.search(target, q) : Promise.resolve([])),
        resolve: (id: string) => (lookup?.resolve ? lookup.resolve(target, id) : Promise.resolve(null)),
      };
    }
    return pickerFunctions(p.source === 'user' ? services.users : services.departments);
  }, [p.source, field, services.lookup, services.users, services.departments]);

  const id = idOf(p.value);
  const [known, setKnown] = useState<LookupOption | null>(optionOf(p.value));
  useEffect(() => {
    if (id === null || known?.id === id) return;
    let live = true;
    fns.resolve(id).then((o) => live && setKnown(o ?? { id, title: id }));
    return () => {
      live = false;
    };
  }, [id, known, fns]);

  const onSelect = useCallback(
    (o: LookupOption | null) => {
      setKnown(o);
      p.onChange(o ? o.id : null);
    },
    [p.onChange],
  );
  const selected = id === null ? null : known?.id === id ? known : { id, title: '…' };
  return (
    <TypeAhead
      inputId={p.inputId}
      selected={selected}
      search={fns.search}
      onSelect={onSelect}
      disabled={p.readonly}
      invalid={p.invalid}
      locale={p.locale}
    />
  );
}
