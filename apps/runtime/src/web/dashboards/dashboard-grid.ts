import type { DashboardTile } from '@lattice/engine';
import type { CSSProperties } from 'react';

/** Columns of the dashboard grid (tiles use x/w in these units, y/h in rows). */
export const GRID_COLUMNS = 12;

/**
 * CSS grid placement of a tile as custom properties `--db-col` / `--db-row` (1-based lines, widths
 * clamped into the 12 columns); the stylesheet reads them, so narrow screens can stack tiles instead.
 */
export function tilePlacement(tile: Pick<DashboardTile, 'x' | 'y' | 'w' | 'h'>): CSSProperties {
  const x = Math.min(Math.max(Math.trunc(tile.x), 0), GRID_COLUMNS - 1);
  const w = Math.min(Math.max(Math.trunc(tile.w), 1), GRID_COLUMNS - x);
  const y = Math.max(Math.trunc(tile.y), 0);
  const h = Math.max(Math.trunc(tile.h), 1);
  return { '--db-col': `${x + 1} / span ${w}`, '--db-row': `${y + 1} / span ${h}` } as CSSProperties;
}

/** Tiles in reading order (top to bottom, left to right) — the order they stack in on narrow screens. */
export function readingOrder<T extends Pick<DashboardTile, 'x' | 'y'>>(tiles: readonly T[]): T[] {
  return [...tiles].sort((a, b) => a.y - b.y || a.x - b.x);
}
