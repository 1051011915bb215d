import type { DashboardFilter, JsonLogic } from '@lattice/engine';

/**
 * The value a user picked for one shared dashboard filter: a date range (`from`/`to` inclusive,
 * `YYYY-MM-DD`), one value (region, owner id, option), several values, or nothing (not applied).
 */
export type SharedFilterValue = { from?: string; to?: string } | string | string[] | null;

/** Picked values by dashboard filter id. */
export type SharedFilterValues = Readonly<Record<string, SharedFilterValue>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The JsonLogic the dashboard's shared filters put on one report's entity: for each filter with a value
 * and a field for `entityName` (`filter.fields[entityName]`), a date range (`>= from` and `< to + 1 day`),
 * equality, or `in` for several values; AND-ed. `undefined` when nothing applies — a filter that does not
 * map the entity leaves its reports alone. Pass it as `extraFilter` to `runDataset` and to `drillDownFilter`
 * callers so a drill lands on exactly the filtered records.
 *
 * @example
 * sharedFilterFor(dashboard.filters, { region: 'east', period: { from: '2026-01-01' } }, 'order')
 * // { and: [{ '==': [{ var: 'region' }, 'east'] }, { '>=': [{ var: 'order_date' }, '2026-01-01'] }] }
 */
export function sharedFilterFor(
  filters: readonly DashboardFilter[] | undefined,
  values: SharedFilterValues,
  entityName: string,
): JsonLogic | undefined {
  const parts: JsonLogic[] = [];
  for (const filter of filters ?? []) {
    const field = Object.hasOwn(filter.fields, entityName) ? filter.fields[entityName] : undefined;
    const value = Object.hasOwn(values, filter.id) ? values[filter.id] : undefined;
    if (!field || value === undefined || value === null) continue;
    const v = { var: field };
    if (filter.type === 'date_range') {
      if (typeof value !== 'object' || Array.isArray(value)) continue;
      if (value.from && DAY.test(value.from)) parts.push({ '>=': [v, value.from] });
      if (value.to && DAY.test(value.to)) parts.push({ '<': [v, nextDay(value.to)] });
      continue;
    }
    if (typeof value === 'string' && value !== '') parts.push({ '==': [v, value] });
    else if (Array.isArray(value) && value.length > 0) parts.push({ in: [v, [...value]] });
  }
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : { and: parts };
}

/** Whether any filter value is set (for "clear filters" buttons and badges). */
export function hasSharedFilterValues(values: SharedFilterValues): boolean {
  return Object.values(values).some((v) =>
    v === null || v === undefined
      ? false
      : typeof v === 'string'
        ? v !== ''
        : Array.isArray(v)
          ? v.length > 0
          : Boolean(v.from || v.to),
  );
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
