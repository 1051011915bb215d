import { describe, expect, it } from 'vitest';
import { renderProgressBar } from './render-progress-bar';

describe('renderProgressBar', () => {
  it('shows share, rows, rate, ETA and failures', () => {
    expect(
      renderProgressBar(
        { rowsDone: 60_000, totalRows: 100_000, rowsPerSecond: 12_000, etaSeconds: 3, failed: 2 },
        10,
      ),
    ).toBe('[██████░░░░]  60% · 60,000/100,000 rows · 12,000 rows/s · ETA 3s · 2 failed');
  });
  it('shows rows and rate only when the total is unknown', () => {
    expect(
      renderProgressBar({ rowsDone: 5, totalRows: null, rowsPerSecond: 5, etaSeconds: null, failed: 0 }),
    ).toBe('5 rows · 5 rows/s');
  });
  it('formats long ETAs in minutes and hours', () => {
    expect(
      renderProgressBar({ rowsDone: 1, totalRows: 2, rowsPerSecond: 1, etaSeconds: 3725, failed: 0 }, 2),
    ).toContain('ETA 1h02m');
  });
});
