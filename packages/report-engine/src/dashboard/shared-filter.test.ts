import type { DashboardFilter } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { hasSharedFilterValues, sharedFilterFor } from './shared-filter';

const filters: DashboardFilter[] = [
  {
    id: 'region',
    type: 'region',
    label: { zh: '区域', en: 'Region' },
    fields: { order: 'region', customer: 'region' },
  },
  { id: 'period', type: 'date_range', label: { zh: '期间', en: 'Period' }, fields: { order: 'order_date' } },
  { id: 'owner', type: 'owner', label: { zh: '负责人', en: 'Owner' }, fields: { order: 'owner' } },
];

describe('sharedFilterFor', () => {
  it('ands the filters that map the entity, with an inclusive date range', () => {
    expect(
      sharedFilterFor(filters, { region: 'east', period: { from: '2026-01-01', to: '2026-03-31' } }, 'order'),
    ).toEqual({
      and: [
        { '==': [{ var: 'region' }, 'east'] },
        { '>=': [{ var: 'order_date' }, '2026-01-01'] },
        { '<': [{ var: 'order_date' }, '2026-04-01'] },
      ],
    });
  });

  it('leaves entities alone that a filter does not map', () => {
    expect(sharedFilterFor(filters, { period: { from: '2026-01-01' } }, 'customer')).toBeUndefined();
    expect(sharedFilterFor(filters, { region: 'south' }, 'customer')).toEqual({
      '==': [{ var: 'region' }, 'south'],
    });
  });

  it('uses in for several values and ignores empty ones', () => {
    expect(sharedFilterFor(filters, { region: ['east', 'south'], owner: '' }, 'order')).toEqual({
      in: [{ var: 'region' }, ['east', 'south']],
    });
    expect(sharedFilterFor(filters, { region: [], owner: null }, 'order')).toBeUndefined();
  });

  it('ignores malformed dates', () => {
    expect(sharedFilterFor(filters, { period: { from: '2026-1-1' } }, 'order')).toBeUndefined();
  });
});

describe('hasSharedFilterValues', () => {
  it('is true only when some filter has a value', () => {
    expect(hasSharedFilterValues({ region: '', period: {} })).toBe(false);
    expect(hasSharedFilterValues({ period: { to: '2026-01-01' } })).toBe(true);
  });
});
