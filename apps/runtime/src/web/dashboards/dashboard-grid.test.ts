import { describe, expect, it } from 'vitest';
import { readingOrder, tilePlacement } from './dashboard-grid';

describe('tilePlacement', () => {
  it('maps x/y/w/h onto 1-based grid lines', () => {
    expect(tilePlacement({ x: 6, y: 4, w: 6, h: 4 })).toEqual({
      '--db-col': '7 / span 6',
      '--db-row': '5 / span 4',
    });
  });

  it('keeps tiles inside the 12 columns', () => {
    expect(tilePlacement({ x: 10, y: -1, w: 8, h: 0 })).toEqual({
      '--db-col': '11 / span 2',
      '--db-row': '1 / span 1',
    });
  });
});

describe('readingOrder', () => {
  it('sorts by row, then column', () => {
    const tiles = [
      { id: 'c', x: 0, y: 4 },
      { id: 'b', x: 6, y: 0 },
      { id: 'a', x: 0, y: 0 },
    ];
    expect(readingOrder(tiles).map((t) => t.id)).toEqual(['a', 'b', 'c']);
  });
});
