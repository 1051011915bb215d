import { describe, expect, it } from 'vitest';
import type { EntityDoc } from '../model/entity';
import type { Field } from '../model/field';
import type { JsonLogic } from '../model/json-logic';
import { castFormulaResult, computeFormulas } from './compute-formulas';
import { formulaOrder } from './formula-order';

const l = { zh: 'x', en: 'x' };
const entity = (fields: Field[]): EntityDoc => ({
  kind: 'entity',
  schemaVersion: 1,
  name: 'order',
  label: l,
  titleField: 'qty',
  fields,
});
const num = (name: string): Field => ({ type: 'number', id: `f_${name}`, name, label: l });
const formula = (
  name: string,
  expression: JsonLogic,
  resultType: 'number' | 'text' | 'boolean' | 'date' = 'number',
): Field => ({ type: 'formula', id: `f_${name}`, name, label: l, resultType, expression }) as Field;

describe('computeFormulas', () => {
  it('evaluates formulas in dependency order regardless of declaration order', () => {
    const e = entity([
      formula('with_tax', { '*': [{ var: 'amount' }, 1.13] }),
      formula('amount', { '*': [{ var: 'qty' }, { var: 'price' }] }),
      num('qty'),
      num('price'),
    ]);
    expect(computeFormulas(e, { qty: 3, price: 10 })).toEqual({ amount: 30, with_tax: 30 * 1.13 });
    expect(formulaOrder(e).order.map((f) => f.name)).toEqual(['amount', 'with_tax']);
  });

  it('returns only formula values, cast to their result type', () => {
    const e = entity([
      num('qty'),
      formula('label', { cat: ['#', { var: 'qty' }] }, 'text'),
      formula('big', { '>': [{ var: 'qty' }, 10] }, 'boolean'),
      formula('due', { add_days: ['2024-01-30', 3] }, 'date'),
    ]);
    expect(computeFormulas(e, { qty: 12 })).toEqual({ label: '#12', big: true, due: '2024-02-02' });
  });

  it('gives null for formulas in a cycle and for results that do not fit the type', () => {
    const e = entity([
      formula('a', { '+': [{ var: 'b' }, 1] }),
      formula('b', { '+': [{ var: 'a' }, 1] }),
      formula('c', { cat: ['x', 'y'] }),
      formula('d', { '+': [{ var: 'd' }, 1] }),
    ]);
    expect(computeFormulas(e, {})).toEqual({ a: null, b: null, c: null, d: null });
    expect(formulaOrder(e).cyclic.sort()).toEqual(['a', 'b', 'd']);
  });

  it('uses the injected clock for today', () => {
    const e = entity([formula('t', { today: [] }, 'date')]);
    expect(computeFormulas(e, {}, { now: () => new Date('2024-03-31T17:00:00Z') })).toEqual({
      t: '2024-04-01',
    });
  });
});

describe('castFormulaResult', () => {
  it('casts numeric text to numbers and refuses non-finite results', () => {
    expect(castFormulaResult('12.5', 'number')).toBe(12.5);
    expect(castFormulaResult(Number.POSITIVE_INFINITY, 'number')).toBeNull();
    expect(castFormulaResult('', 'number')).toBeNull();
  });

  it('treats an empty array as false', () => {
    expect(castFormulaResult([], 'boolean')).toBe(false);
  });
});
