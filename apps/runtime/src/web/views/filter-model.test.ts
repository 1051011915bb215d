import type { EntityDoc } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { andFilters, conditionsToFilter, operatorsFor } from './filter-model';

const entity = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'customer',
  label: { zh: '客户', en: 'Customer' },
  titleField: 'name',
  fields: [
    { id: 'f1', name: 'name', type: 'text', label: { zh: '名称', en: 'Name' } },
    { id: 'f2', name: 'employees', type: 'integer', label: { zh: '人数', en: 'Employees' } },
    { id: 'f3', name: 'vip', type: 'boolean', label: { zh: 'VIP', en: 'VIP' } },
    { id: 'f4', name: 'phone', type: 'phone', sensitive: true, label: { zh: '电话', en: 'Phone' } },
  ],
} as EntityDoc;

describe('conditionsToFilter', () => {
  it('returns null when no condition applies', () => {
    expect(conditionsToFilter(entity, [])).toBeNull();
    expect(conditionsToFilter(entity, [{ field: 'name', op: 'eq', value: '' }])).toBeNull();
    expect(conditionsToFilter(entity, [{ field: 'nope', op: 'eq', value: 'x' }])).toBeNull();
  });

  it('types numbers and booleans and ands several conditions', () => {
    expect(
      conditionsToFilter(entity, [
        { field: 'employees', op: 'gte', value: '100' },
        { field: 'vip', op: 'eq', value: 'true' },
      ]),
    ).toEqual({ and: [{ '>=': [{ var: 'employees' }, 100] }, { '==': [{ var: 'vip' }, true] }] });
  });

  it('maps emptiness checks to is_empty', () => {
    expect(conditionsToFilter(entity, [{ field: 'name', op: 'notEmpty', value: '' }])).toEqual({
      '!': { is_empty: [{ var: 'name' }] },
    });
  });
});

describe('operatorsFor', () => {
  it('offers only emptiness on sensitive fields', () => {
    expect(operatorsFor(entity.fields[3]!)).toEqual(['empty', 'notEmpty']);
  });
});

describe('andFilters', () => {
  it('skips absent filters', () => {
    expect(andFilters(null, { '==': [1, 1] }, undefined)).toEqual({ '==': [1, 1] });
    expect(andFilters(null)).toBeNull();
  });
});
