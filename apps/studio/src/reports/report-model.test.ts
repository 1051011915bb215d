import type { AppDefinition } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import {
  addDimension,
  addMeasure,
  chartFor,
  fieldChoices,
  newReport,
  setBucket,
  upsertDocument,
} from './report-model';

const app: AppDefinition = {
  id: 'x',
  label: { zh: 'x', en: 'x' },
  schemaVersion: 1,
  documents: [
    {
      kind: 'entity',
      schemaVersion: 1,
      name: 'customer',
      label: { zh: '客户', en: 'Customer' },
      fields: [
        { id: 'f1', name: 'region', type: 'select', label: { zh: '区域', en: 'Region' }, options: [] },
        { id: 'f2', name: 'phone', type: 'phone', label: { zh: '电话', en: 'Phone' }, sensitive: true },
      ],
    },
    {
      kind: 'entity',
      schemaVersion: 1,
      name: 'order',
      label: { zh: '订单', en: 'Order' },
      fields: [
        { id: 'g1', name: 'amount', type: 'currency', label: { zh: '金额', en: 'Amount' } },
        { id: 'g2', name: 'order_date', type: 'date', label: { zh: '日期', en: 'Date' } },
        {
          id: 'g3',
          name: 'customer',
          type: 'reference',
          label: { zh: '客户', en: 'Customer' },
          target: 'customer',
          onDelete: 'restrict',
        },
      ],
    },
  ],
} as AppDefinition;

describe('fieldChoices', () => {
  it('offers own fields, system columns and one hop of references, never sensitive fields', () => {
    const paths = fieldChoices(app, 'order').map((c) => c.path);
    expect(paths).toEqual(
      expect.arrayContaining(['amount', 'order_date', 'customer', 'region', 'created_at', 'customer.region']),
    );
    expect(paths).not.toContain('customer.phone');
  });
});

describe('dataset edits', () => {
  it('buckets dates by month, sums numbers, counts the rest distinct, with unique aliases', () => {
    const [amount, date, customer] = ['amount', 'order_date', 'customer'].map(
      (p) => fieldChoices(app, 'order').find((c) => c.path === p)!,
    );
    let ds = newReport('r', { zh: 'r', en: 'r' }, 'order').dataset;
    ds = addDimension(ds, date!);
    ds = addMeasure(addMeasure(ds, amount!), amount!);
    ds = addMeasure(ds, customer!);
    expect(ds.dimensions).toEqual([{ field: 'order_date', as: 'order_date_month', bucket: 'month' }]);
    expect(ds.measures.map((m) => `${m.type}:${m.as}`)).toEqual([
      'count:count',
      'sum:sum_amount',
      'sum:sum_amount_2',
      'count_distinct:count_distinct_customer',
    ]);
    const quarter = setBucket(ds, 0, 'quarter');
    expect(quarter.dimensions[0]).toEqual({
      field: 'order_date',
      as: 'order_date_quarter',
      bucket: 'quarter',
    });
    expect(setBucket(quarter, 0, undefined).dimensions[0]).toEqual({ field: 'order_date', as: 'order_date' });
  });

  it('maps chart axes from dimensions and measures, keeping valid choices', () => {
    const ds = {
      entity: 'order',
      dimensions: [
        { field: 'region', as: 'region' },
        { field: 'order_date', bucket: 'quarter' as const, as: 'q' },
      ],
      measures: [
        { type: 'count' as const, as: 'n' },
        { type: 'formula' as const, as: 'rate', expression: { '/': [{ var: 'n' }, 2] } },
      ],
    };
    expect(chartFor('heatmap', ds)).toEqual({
      type: 'heatmap',
      x: 'region',
      series: 'q',
      y: ['n', 'rate'],
      value: 'rate',
    });
    expect(chartFor('funnel', ds, { type: 'bar', x: 'q', value: 'n' })).toEqual({
      type: 'funnel',
      x: 'q',
      y: ['n', 'rate'],
      value: 'n',
    });
  });

  it('replaces a document of the same kind and name', () => {
    const r = newReport('r', { zh: 'r', en: 'r' }, 'order');
    const once = upsertDocument(app, r);
    const twice = upsertDocument(once, { ...r, label: { zh: 'r2', en: 'r2' } });
    expect(twice.documents.length).toBe(once.documents.length);
    expect(twice.documents.at(-1)).toMatchObject({ label: { zh: 'r2' } });
  });
});
