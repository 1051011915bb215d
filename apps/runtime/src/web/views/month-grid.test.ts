import { describe, expect, it } from 'vitest';
import { monthGrid, monthRange } from './month-grid';

describe('monthGrid', () => {
  it('starts on the Monday on or before the 1st and spans six weeks', () => {
    const days = monthGrid(2026, 10); // November 2026 starts on a Sunday
    expect(days).toHaveLength(42);
    expect(days[0]).toBe('2026-10-26');
    expect(days[6]).toBe('2026-11-01');
  });
});

describe('monthRange', () => {
  it('rolls over the year end', () => {
    expect(monthRange(2026, 11)).toEqual(['2026-12-01', '2027-01-01']);
  });
});
