import type { DashboardTile } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { addTile, cellsFor, freeSpot, moveTile, resizeTile, sharedFilters } from './dashboard-layout';

const tile = (id: string, x: number, y: number, w: number, h: number): DashboardTile => ({
  id,
  report: id,
  x,
  y,
  w,
  h,
});

describe('dashboard layout', () => {
  it('places a new tile in the first free spot', () => {
    expect(freeSpot([], 6, 4)).toEqual({ x: 0, y: 0 });
    expect(freeSpot([tile('a', 0, 0, 6, 4)], 6, 4)).toEqual({ x: 6, y: 0 });
    expect(freeSpot([tile('a', 0, 0, 6, 4), tile('b', 6, 0, 6, 4)], 6, 4)).toEqual({ x: 0, y: 4 });
    const tiles = addTile([tile('t1', 0, 0, 12, 2)], 'funnel');
    expect(tiles[1]).toEqual({ id: 't2', report: 'funnel', x: 0, y: 2, w: 6, h: 4 });
  });

  it('moves and resizes within the 12 columns', () => {
    const tiles = [tile('a', 2, 1, 6, 4)];
    expect(moveTile(tiles, 'a', 10, -5)[0]).toMatchObject({ x: 6, y: 0 });
    expect(resizeTile(tiles, 'a', 10, -10)[0]).toMatchObject({ w: 10, h: 2 });
  });

  it('rounds pixel drags to cells', () => {
    expect(cellsFor(130, 60)).toBe(2);
    expect(cellsFor(-20, 60)).toBe(-0);
  });
});

describe('sharedFilters', () => {
  it('maps each enabled filter onto every entity of the tiles', () => {
    expect(sharedFilters(['region', 'period'], ['order', 'opportunity'], { order: 'order_date' })).toEqual([
      {
        id: 'region',
        type: 'region',
        label: { zh: '区域', en: 'Region' },
        fields: { order: 'region', opportunity: 'region' },
      },
      {
        id: 'period',
        type: 'date_range',
        label: { zh: '期间', en: 'Period' },
        fields: { order: 'order_date', opportunity: 'created_at' },
      },
    ]);
  });
});
