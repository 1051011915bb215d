import { describe, expect, it } from 'vitest';
import { crmApp } from '../test-support/crm-fixture';
import { datasetEntities } from './dataset-entities';

describe('datasetEntities', () => {
  it('lists the base entity, then every entity joined by a path, once', () => {
    expect(
      datasetEntities(crmApp, {
        entity: 'order_lines',
        dimensions: [{ field: 'order.customer.region', as: 'region' }],
        measures: [{ type: 'count', as: 'n' }],
        filter: { '==': [{ var: 'order.status' }, 'won'] },
      }),
    ).toEqual(['order_lines', 'orders', 'customers']);
  });

  it('includes entities only the extra filter joins', () => {
    expect(
      datasetEntities(
        crmApp,
        { entity: 'orders', dimensions: [], measures: [{ type: 'count', as: 'n' }] },
        { extraFilter: { '==': [{ var: 'customer.level' }, 'A'] } },
      ),
    ).toEqual(['orders', 'customers']);
  });

  it('is empty for an unknown entity', () => {
    expect(datasetEntities(crmApp, { entity: 'nope', dimensions: [], measures: [] })).toEqual([]);
  });
});
