import { describe, expect, it } from 'vitest';
import { autonumberPeriodKey, formatAutonumber } from './format-autonumber';

const at = new Date('2024-03-05T02:00:00Z');

describe('formatAutonumber', () => {
  it('fills the year and a zero-padded sequence', () => {
    expect(formatAutonumber('CUS-{yyyy}-{0000}', at, 42)).toBe('CUS-2024-0042');
  });

  it('fills two-digit year, month and day', () => {
    expect(formatAutonumber('{yy}{mm}{dd}-{000}', at, 7)).toBe('240305-007');
  });

  it('does not cut a sequence longer than its padding', () => {
    expect(formatAutonumber('Q{00}', at, 1234)).toBe('Q1234');
  });

  it('uses China time so numbers roll over at local midnight', () => {
    const lateUtc = new Date('2024-12-31T16:30:00Z');
    expect(formatAutonumber('{yyyy}{mm}{dd}', lateUtc, 1)).toBe('20250101');
    expect(formatAutonumber('{yyyy}{mm}{dd}', lateUtc, 1, 0)).toBe('20241231');
  });

  it('keeps unknown braces literally', () => {
    expect(formatAutonumber('{foo}-{0}', at, 3)).toBe('{foo}-3');
  });
});

describe('autonumberPeriodKey', () => {
  it('resets per finest date token in the pattern', () => {
    expect(autonumberPeriodKey('{yy}{mm}{dd}-{000}', at)).toBe('2024-03-05');
    expect(autonumberPeriodKey('PO-{yyyy}{mm}-{0000}', at)).toBe('2024-03');
    expect(autonumberPeriodKey('CUS-{yyyy}-{0000}', at)).toBe('2024');
    expect(autonumberPeriodKey('N{000000}', at)).toBe('');
  });
});
