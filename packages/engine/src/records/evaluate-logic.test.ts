import { describe, expect, it } from 'vitest';
import type { JsonLogic } from '../model/json-logic';
import { evaluateLogic, logicVars } from './evaluate-logic';

describe('evaluateLogic', () => {
  it('uses the clock of each call even when the expression is cached', () => {
    const expr: JsonLogic = { today: [] };
    expect(evaluateLogic(expr, {}, { now: () => new Date('2024-01-01T00:00:00Z') })).toBe('2024-01-01');
    expect(evaluateLogic(expr, {}, { now: () => new Date('2024-06-30T20:00:00Z') })).toBe('2024-07-01');
  });

  it('evaluates literals without caching them', () => {
    expect(evaluateLogic(3, {})).toBe(3);
  });

  it('throws LATTICE_ERR_EXPRESSION for unknown operators', () => {
    expect(() => evaluateLogic({ frobnicate: [1] }, {})).toThrow(/Unknown operator/);
  });
});

describe('logicVars', () => {
  it('lists the first path segment of every var, including defaults form', () => {
    expect(
      [...logicVars({ and: [{ var: 'a.b' }, { '>': [{ var: ['c', 0] }, 1] }, { var: '' }] })].sort(),
    ).toEqual(['a', 'c']);
  });
});
