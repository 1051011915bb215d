import { describe, expect, it } from 'vitest';
import { formulaText, isError, parseFormula } from './parse-formula';

describe('parseFormula', () => {
  it('parses a repurchase rate with precedence and parentheses', () => {
    expect(parseFormula('(orders - buyers) / orders')).toEqual({
      '/': [{ '-': [{ var: 'orders' }, { var: 'buyers' }] }, { var: 'orders' }],
    });
    expect(parseFormula('won * 100 / total + 1')).toEqual({
      '+': [{ '/': [{ '*': [{ var: 'won' }, 100] }, { var: 'total' }] }, 1],
    });
  });

  it('is left-associative and supports unary minus', () => {
    expect(parseFormula('a - b - c')).toEqual({ '-': [{ '-': [{ var: 'a' }, { var: 'b' }] }, { var: 'c' }] });
    expect(parseFormula('-a')).toEqual({ '-': [{ var: 'a' }] });
  });

  it('reports where the formula is wrong', () => {
    const open = parseFormula('(a - b');
    expect(isError(open) && open.message.en).toBe('missing ")"');
    const bad = parseFormula('a $ b');
    expect(isError(bad) && bad.at).toBe(2);
    const dangling = parseFormula('a +');
    expect(isError(dangling) && dangling.message.en).toBe('the formula ends too early');
    expect(isError(parseFormula('a b'))).toBe(true);
    expect(isError(parseFormula('  '))).toBe(true);
  });
});

describe('formulaText', () => {
  it('round-trips through parseFormula', () => {
    for (const text of ['(orders - buyers) / orders', 'a - (b - c)', 'a * b + c', '-a / 2']) {
      const parsed = parseFormula(text);
      expect(isError(parsed)).toBe(false);
      expect(formulaText(parsed as never)).toBe(text);
    }
  });
});
