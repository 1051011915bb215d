import { type AppDefinition, type DashboardFilter, findEntity, type SelectOption } from '@lattice/engine';
import type { SharedFilterValue, SharedFilterValues } from '@lattice/report-engine';
import { hasSharedFilterValues } from '@lattice/report-engine';
import { label } from '../lib/i18n';
import { useDirectory } from '../lib/user-directory';
import { dt } from './dashboard-text';

/**
 * The dashboard's shared filters: a date range (two date inputs), region / select (a dropdown of the
 * mapped field's options), owner (the user directory). Changing one calls `onChange` with all values.
 */
export function DashboardFilterBar(p: {
  definition: AppDefinition;
  filters: DashboardFilter[];
  values: SharedFilterValues;
  onChange: (values: SharedFilterValues) => void;
}) {
  const set = (id: string, value: SharedFilterValue) => p.onChange({ ...p.values, [id]: value });
  if (p.filters.length === 0) return null;
  return (
    <div className="db-filters lt-card" data-testid="dashboard-filters">
      {p.filters.map((f) => (
        <label key={f.id} className="db-filter" data-filter={f.id}>
          <span className="db-filter-label">{label(f.label)}</span>
          <FilterInput
            filter={f}
            definition={p.definition}
            value={p.values[f.id] ?? null}
            onChange={(v) => set(f.id, v)}
          />
        </label>
      ))}
      {hasSharedFilterValues(p.values) && (
        <button
          type="button"
          className="lt-btn db-clear"
          data-action="clear-filters"
          onClick={() => p.onChange({})}
        >
          {dt('clearFilters')}
        </button>
      )}
    </div>
  );
}

function FilterInput(p: {
  filter: DashboardFilter;
  definition: AppDefinition;
  value: SharedFilterValue;
  onChange: (value: SharedFilterValue) => void;
}) {
  const { filter, value } = p;
  if (filter.type === 'date_range') {
    const range = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
    return (
      <span className="db-range">
        <input
          className="lt-input"
          type="date"
          aria-label={dt('from')}
          data-range="from"
          value={range.from ?? ''}
          onChange={(e) => p.onChange({ ...range, from: e.target.value })}
        />
        <span className="lt-muted">–</span>
        <input
          className="lt-input"
          type="date"
          aria-label={dt('to')}
          data-range="to"
          value={range.to ?? ''}
          onChange={(e) => p.onChange({ ...range, to: e.target.value })}
        />
      </span>
    );
  }
  if (filter.type === 'owner') return <OwnerSelect value={value} onChange={p.onChange} />;
  const options = optionsOf(p.definition, filter);
  const current = typeof value === 'string' ? value : '';
  return (
    <select className="lt-input" value={current} onChange={(e) => p.onChange(e.target.value || null)}>
      <option value="">{dt('all')}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {label(o.label)}
        </option>
      ))}
    </select>
  );
}

/** Owner fields hold a user id or (seeded data) a username: the filter matches either. */
function OwnerSelect(p: { value: SharedFilterValue; onChange: (value: SharedFilterValue) => void }) {
  const users = useDirectory();
  const current = Array.isArray(p.value) ? (p.value[0] ?? '') : typeof p.value === 'string' ? p.value : '';
  return (
    <select
      className="lt-input"
      value={current}
      onChange={(e) => {
        const user = users.find((u) => u.id === e.target.value);
        p.onChange(user ? [user.id, user.username] : null);
      }}
    >
      <option value="">{dt('all')}</option>
      {users.map((u) => (
        <option key={u.id} value={u.id}>
          {u.displayName || u.username}
        </option>
      ))}
    </select>
  );
}

/** The options of the first mapped field that has some (select fields), deduplicated by value. */
function optionsOf(definition: AppDefinition, filter: DashboardFilter): SelectOption[] {
  const seen = new Map<string, SelectOption>();
  for (const [entityName, fieldName] of Object.entries(filter.fields)) {
    const field = findEntity(definition, entityName)?.fields.find((f) => f.name === fieldName);
    const options =
      field && 'options' in field && Array.isArray(field.options) ? (field.options as SelectOption[]) : [];
    for (const o of options) if (!seen.has(o.value)) seen.set(o.value, o);
    if (seen.size > 0) break;
  }
  return [...seen.values()];
}
