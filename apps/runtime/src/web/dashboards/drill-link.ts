import type { Dataset, JsonLogic } from '@lattice/engine';
import { drillDownFilter } from '@lattice/report-engine';

/** The query parameter carrying a record filter (URL-encoded JsonLogic) on record list pages. */
export const DRILL_PARAM = 'filter';

/**
 * Where a click on a chart cell leads: the record list of the dataset's entity, filtered to exactly the
 * records behind the cell — the dataset's filter, the dashboard's shared filters (`extraFilter`) and
 * the cell's dimension values (see `drillDownFilter`).
 *
 * @example drillHref('mfg-crm', dataset, { values: { region: 'east' } }) // '/apps/mfg-crm/e/order?filter=…'
 */
export function drillHref(
  app: string,
  dataset: Dataset,
  cell: { values: Readonly<Record<string, unknown>>; measure?: string },
  extraFilter?: JsonLogic | null,
): string {
  const cellFilter = drillDownFilter(dataset, cell.values, cell.measure ? { measure: cell.measure } : {});
  const filter = extraFilter ? { and: [extraFilter, cellFilter] } : cellFilter;
  return `/apps/${encodeURIComponent(app)}/e/${encodeURIComponent(dataset.entity)}?${DRILL_PARAM}=${encodeURIComponent(JSON.stringify(filter))}`;
}

/** The filter a list page was opened with (`?filter=`), or null when absent or not a JSON object. */
export function drillFilterFromSearch(search: URLSearchParams): JsonLogic | null {
  const raw = search.get(DRILL_PARAM);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as JsonLogic)
      : null;
  } catch {
    return null;
  }
}
