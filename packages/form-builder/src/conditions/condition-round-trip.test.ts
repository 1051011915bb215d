import type { JsonLogic } from '@lattice/engine';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import type { ConditionGroup } from './condition-model';
import { CONDITION_OPERATORS, UNARY_OPERATORS } from './condition-model';
import { conditionToJsonLogic } from './condition-to-json-logic';
import { jsonLogicToCondition } from './json-logic-to-condition';

const nested: ConditionGroup = {
  kind: 'group',
  join: 'and',
  children: [
    { kind: 'row', field: 'status', operator: 'eq', value: 'down' },
    {
      kind: 'group',
      join: 'or',
      children: [
        { kind: 'row', field: 'qty', operator: 'gte', value: 10 },
        { kind: 'row', field: 'tier', operator: 'in', value: ['A', 'B'] },
        { kind: 'row', field: 'note', operator: 'is_empty' },
      ],
    },
  ],
};

describe('condition builder ↔ JsonLogic', () => {
  it('writes nested AND/OR groups as JsonLogic', () => {
    expect(conditionToJsonLogic(nested)).toEqual({
      and: [
        { '==': [{ var: 'status' }, 'down'] },
        {
          or: [
            { '>=': [{ var: 'qty' }, 10] },
            { in: [{ var: 'tier' }, ['A', 'B']] },
            { '!': { var: 'note' } },
          ],
        },
      ],
    });
  });

  it('reads back what it writes, for every operator', () => {
    for (const operator of CONDITION_OPERATORS) {
      const value = UNARY_OPERATORS.includes(operator)
        ? undefined
        : operator === 'in' || operator === 'not_in'
          ? ['a', 'b']
          : 'a';
      const row =
        value === undefined
          ? { kind: 'row' as const, field: 'x', operator }
          : { kind: 'row' as const, field: 'x', operator, value };
      const group: ConditionGroup = { kind: 'group', join: 'or', children: [row] };
      expect(jsonLogicToCondition(conditionToJsonLogic(group))).toEqual(group);
    }
    expect(jsonLogicToCondition(conditionToJsonLogic(nested))).toEqual(nested);
  });

  it('means "no condition" by an empty group', () => {
    const empty: ConditionGroup = { kind: 'group', join: 'and', children: [] };
    expect(conditionToJsonLogic(empty)).toBeUndefined();
    expect(jsonLogicToCondition(undefined)).toEqual(empty);
  });

  it('wraps a bare comparison in an AND group', () => {
    expect(jsonLogicToCondition({ '>': [{ var: 'amount' }, 100] })).toEqual({
      kind: 'group',
      join: 'and',
      children: [{ kind: 'row', field: 'amount', operator: 'gt', value: 100 }],
    });
  });

  it('refuses expressions the builder cannot show', () => {
    expect(jsonLogicToCondition({ '+': [1, 2] })).toBeNull();
    expect(jsonLogicToCondition({ '==': [{ var: 'a' }, { var: 'b' }] })).toBeNull();
    expect(jsonLogicToCondition({ and: [{ '==': [{ var: 'a' }, 1] }, { if: [true, 1, 2] }] })).toBeNull();
  });

  it('produces JsonLogic that evaluates as the rows say', () => {
    const logic = conditionToJsonLogic(nested) as JsonLogic;
    const run = (data: object) => jsonLogic.apply(logic as jsonLogic.RulesLogic, data);
    expect(run({ status: 'down', qty: 12, note: 'x', tier: 'C' })).toBe(true);
    expect(run({ status: 'down', qty: 2, note: 'x', tier: 'B' })).toBe(true);
    expect(run({ status: 'down', qty: 2, note: 'x', tier: 'C' })).toBe(false);
    expect(run({ status: 'running', qty: 12, tier: 'A' })).toBe(false);
    const contains = conditionToJsonLogic({
      kind: 'group',
      join: 'and',
      children: [{ kind: 'row', field: 'tags', operator: 'contains', value: 'vip' }],
    }) as jsonLogic.RulesLogic;
    expect(jsonLogic.apply(contains, { tags: ['new', 'vip'] })).toBe(true);
    expect(jsonLogic.apply(contains, { tags: ['new'] })).toBe(false);
  });
});
