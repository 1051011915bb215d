import type { DashboardFilter, DashboardTile } from '@lattice/engine';

/** Columns of the dashboard grid. */
export const GRID_COLUMNS = 12;

type Box = Pick<DashboardTile, 'x' | 'y' | 'w' | 'h'>;

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The first free `w`×`h` spot scanning rows top-down, columns left-right. */
export function freeSpot(tiles: readonly Box[], w: number, h: number): { x: number; y: number } {
  const width = Math.min(Math.max(w, 1), GRID_COLUMNS);
  for (let y = 0; ; y++) {
    for (let x = 0; x + width <= GRID_COLUMNS; x++) {
      if (!tiles.some((t) => overlaps(t, { x, y, w: width, h }))) return { x, y };
    }
  }
}

/** Adds a tile for `report` (6×4 by default) at the first free spot, with a fresh id. */
export function addTile(tiles: readonly DashboardTile[], report: string, w = 6, h = 4): DashboardTile[] {
  const ids = new Set(tiles.map((t) => t.id));
  let n = tiles.length + 1;
  while (ids.has(`t${n}`)) n++;
  return [...tiles, { id: `t${n}`, report, ...freeSpot(tiles, w, h), w, h }];
}

/** Moves a tile by whole grid cells, kept inside the 12 columns and below row 0. */
export function moveTile(
  tiles: readonly DashboardTile[],
  id: string,
  dx: number,
  dy: number,
): DashboardTile[] {
  return tiles.map((t) =>
    t.id === id ? { ...t, x: clamp(t.x + dx, 0, GRID_COLUMNS - t.w), y: Math.max(0, t.y + dy) } : t,
  );
}

/** Resizes a tile by whole grid cells (at least 2×2, never past column 12). */
export function resizeTile(
  tiles: readonly DashboardTile[],
  id: string,
  dw: number,
  dh: number,
): DashboardTile[] {
  return tiles.map((t) =>
    t.id === id ? { ...t, w: clamp(t.w + dw, 2, GRID_COLUMNS - t.x), h: Math.max(2, t.h + dh) } : t,
  );
}

/** Pixel deltas → whole cells, given one cell's size including the gap. */
export function cellsFor(delta: number, cell: number): number {
  return cell > 0 ? Math.round(delta / cell) : 0;
}

/** The shared filter kinds a dashboard designer offers. */
export type SharedFilterKind = 'region' | 'period' | 'owner';

/**
 * The dashboard's shared filters for the enabled kinds, mapped onto every entity its tiles use: region →
 * `region`, owner → `owner` (system columns every entity has), period → the chosen date field per entity
 * (`dateFields[entity]`, default `created_at`).
 */
export function sharedFilters(
  enabled: readonly SharedFilterKind[],
  entities: readonly string[],
  dateFields: Readonly<Record<string, string>>,
): DashboardFilter[] {
  const map = (field: (e: string) => string) => Object.fromEntries(entities.map((e) => [e, field(e)]));
  const out: DashboardFilter[] = [];
  if (enabled.includes('region'))
    out.push({
      id: 'region',
      type: 'region',
      label: { zh: '区域', en: 'Region' },
      fields: map(() => 'region'),
    });
  if (enabled.includes('period'))
    out.push({
      id: 'period',
      type: 'date_range',
      label: { zh: '期间', en: 'Period' },
      fields: map((e) => dateFields[e] ?? 'created_at'),
    });
  if (enabled.includes('owner'))
    out.push({
      id: 'owner',
      type: 'owner',
      label: { zh: '负责人', en: 'Owner' },
      fields: map(() => 'owner'),
    });
  return out;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), Math.max(lo, hi));
}
