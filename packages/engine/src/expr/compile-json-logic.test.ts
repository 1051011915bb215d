import { describe, expect, it } from 'vitest';
import { isLatticeError } from '../errors';
import type { JsonLogic } from '../model/json-logic';
import { compileJsonLogic } from './compile-json-logic';

/** 2024-03-10 10:00 in Shanghai. */
const NOW = new Date('2024-03-10T02:00:00Z');
const at = (expr: JsonLogic, data: unknown = {}, strategy: 'codegen' | 'closure' = 'codegen') =>
  compileJsonLogic(expr, { now: () => NOW, strategy })(data);

describe('compileJsonLogic extras', () => {
  for (const strategy of ['codegen', 'closure'] as const) {
    describe(strategy, () => {
      const ev = (e: JsonLogic, d: unknown = {}) => at(e, d, strategy);

      it('reads now and today from the injected clock in China Standard Time', () => {
        expect(ev({ now: [] })).toBe('2024-03-10T02:00:00.000Z');
        expect(at({ today: [] }, {}, strategy)).toBe('2024-03-10');
        const lateEvening = compileJsonLogic(
          { today: [] },
          { now: () => new Date('2024-03-10T17:00:00Z'), strategy },
        );
        expect(lateEvening({})).toBe('2024-03-11');
      });

      it('counts whole days and hours since a date or datetime', () => {
        expect(ev({ days_since: { var: 'd' } }, { d: '2024-03-08' })).toBe(2);
        expect(ev({ days_since: '2024-03-09T03:00:00Z' })).toBe(0);
        expect(ev({ hours_since: '2024-03-09T02:30:00Z' })).toBe(23);
        expect(ev({ days_since: { var: 'missing' } })).toBeNull();
        expect(ev({ days_since: 'not a date' })).toBeNull();
      });

      it('adds days and hours keeping date-only values date-only', () => {
        expect(ev({ add_days: ['2024-02-28', 2] })).toBe('2024-03-01');
        expect(ev({ add_days: ['2024-02-28T10:00:00Z', 1] })).toBe('2024-02-29T10:00:00.000Z');
        expect(ev({ add_hours: ['2024-03-10T02:00:00Z', 24] })).toBe('2024-03-11T02:00:00.000Z');
        expect(ev({ add_days: [null, 1] })).toBeNull();
      });

      it('diffs two dates in whole days, negative when the second is earlier', () => {
        expect(ev({ date_diff_days: ['2024-01-01', '2024-03-01'] })).toBe(60);
        expect(ev({ date_diff_days: ['2024-03-01', '2024-02-29'] })).toBe(-1);
      });

      it('applies string operators and tolerates null', () => {
        expect(ev({ lower: 'ABC' })).toBe('abc');
        expect(ev({ upper: { var: 'x' } }, { x: 'a1' })).toBe('A1');
        expect(ev({ trim: '  华东 ' })).toBe('华东');
        expect(ev({ lower: null })).toBeNull();
        expect(ev({ contains: ['苏州精密机械', '精密'] })).toBe(true);
        expect(ev({ contains: [['A', 'B'], 'B'] })).toBe(true);
        expect(ev({ contains: [null, 'x'] })).toBe(false);
        expect(ev({ starts_with: ['CUS-2024-0001', 'CUS-'] })).toBe(true);
        expect(ev({ ends_with: ['report.xlsx', '.csv'] })).toBe(false);
        expect(ev({ length: '工业' })).toBe(2);
        expect(ev({ length: [[1, 2, 3]] })).toBe(3);
        expect(ev({ length: null })).toBe(0);
      });

      it('rounds half away from zero with optional digits', () => {
        expect(ev({ round: [2.5] })).toBe(3);
        expect(ev({ round: [-2.5] })).toBe(-3);
        expect(ev({ round: [1.005, 2] })).toBe(1.01);
        expect(ev({ round: [null] })).toBeNull();
      });

      it('coalesces to the first non-empty value and detects empty values', () => {
        expect(ev({ coalesce: [{ var: 'a' }, '', { var: 'b' }, 'x'] }, { b: 0 })).toBe(0);
        expect(ev({ coalesce: [null, ''] })).toBeNull();
        expect(ev({ is_empty: { var: 'a' } }, {})).toBe(true);
        expect(ev({ is_empty: '  ' })).toBe(true);
        expect(ev({ is_empty: [[]] })).toBe(true);
        expect(ev({ is_empty: 0 })).toBe(false);
      });

      it('treats an empty array as false in conditions', () => {
        expect(ev({ if: [{ var: 'tags' }, 'tagged', 'untagged'] }, { tags: [] })).toBe('untagged');
      });

      it('uses a literal list for in', () => {
        expect(ev({ in: [{ var: 'region' }, ['华东', '华南']] }, { region: '华南' })).toBe(true);
        expect(ev({ in: [{ var: 'region' }, ['华东', '华南']] }, { region: '西北' })).toBe(false);
      });
    });
  }

  it('rejects an unknown operator at compile time with the path of the bad node', () => {
    try {
      compileJsonLogic({ and: [true, { frobnicate: [1] }] });
      expect.unreachable();
    } catch (e) {
      expect(isLatticeError(e) && e.code).toBe('LATTICE_ERR_EXPRESSION');
      expect(isLatticeError(e) && e.details[0]?.path).toBe('and.1.frobnicate');
    }
  });

  it('falls back to closures when new Function is forbidden', () => {
    const original = globalThis.Function;
    const blocked = new Proxy(original, {
      construct() {
        throw new EvalError('CSP: unsafe-eval');
      },
    });
    globalThis.Function = blocked;
    try {
      expect(compileJsonLogic({ '>': [{ var: 'n' }, 1] })({ n: 2 })).toBe(true);
    } finally {
      globalThis.Function = original;
    }
  });
});
