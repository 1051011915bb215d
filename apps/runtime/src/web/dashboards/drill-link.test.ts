import type { Dataset } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { drillFilterFromSearch, drillHref } from './drill-link';

const heatmap: Dataset = {
  entity: 'order',
  filter: { '!=': [{ var: 'status' }, 'cancelled'] },
  dimensions: [
    { field: 'region', as: 'region' },
    { field: 'order_date', bucket: 'quarter', as: 'quarter' },
  ],
  measures: [{ type: 'count', as: 'orders' }],
};

describe('drillHref', () => {
  it('links to the entity list filtered by the dataset filter, shared filters and the cell', () => {
    const href = drillHref(
      'mfg-crm',
      heatmap,
      { values: { region: 'east', quarter: '2026-Q1' }, measure: 'orders' },
      { '==': [{ var: 'region' }, 'east'] },
    );
    const url = new URL(href, 'http://x');
    expect(url.pathname).toBe('/apps/mfg-crm/e/order');
    expect(drillFilterFromSearch(url.searchParams)).toEqual({
      and: [
        { '==': [{ var: 'region' }, 'east'] },
        {
          and: [
            { '!=': [{ var: 'status' }, 'cancelled'] },
            { '==': [{ var: 'region' }, 'east'] },
            { '>=': [{ var: 'order_date' }, '2026-01-01'] },
            { '<': [{ var: 'order_date' }, '2026-04-01'] },
          ],
        },
      ],
    });
  });
});

describe('drillFilterFromSearch', () => {
  it('ignores a missing, malformed or non-object filter', () => {
    expect(drillFilterFromSearch(new URLSearchParams(''))).toBeNull();
    expect(drillFilterFromSearch(new URLSearchParams('filter=%7Bnope'))).toBeNull();
    expect(drillFilterFromSearch(new URLSearchParams('filter=%5B1%5D'))).toBeNull();
  });
});
