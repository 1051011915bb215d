import type { Dataset } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { crmApp } from '../test-support/crm-fixture';
import { validateDataset } from './validate-dataset';

const paths = (ds: Dataset) => validateDataset(crmApp, ds).map((e) => e.path);

describe('validateDataset', () => {
  it('accepts a valid dataset', () => {
    expect(
      validateDataset(crmApp, {
        entity: 'orders',
        dimensions: [{ field: 'customer.region' }, { field: 'order_date', bucket: 'month' }],
        measures: [
          { type: 'max', field: 'closed_at', as: 'last_close' },
          { type: 'avg', field: 'amount', as: 'avg' },
        ],
        sort: [{ by: 'avg', dir: 'desc' }],
        limit: 10,
      }),
    ).toEqual([]);
  });

  it('names a `having` operand that is not a measure alias, or an unsupported operator', () => {
    expect(
      paths({
        entity: 'orders',
        dimensions: [{ field: 'status', as: 'status' }],
        measures: [{ type: 'count', as: 'n' }],
        having: { and: [{ '>': [{ var: 'status' }, 1] }, { in: [{ var: 'n' }, [1, 2]] }] },
      }),
    ).toEqual(['dataset.having.and.0.>.0', 'dataset.having.and.1']);
  });

  it('names an unknown entity', () => {
    expect(paths({ entity: 'ghosts', dimensions: [], measures: [{ type: 'count', as: 'n' }] })).toEqual([
      'dataset.entity',
    ]);
  });

  it('names unknown fields, including a bad hop in a reference path', () => {
    const errors = validateDataset(crmApp, {
      entity: 'orders',
      dimensions: [{ field: 'colour' }, { field: 'status.region' }],
      measures: [
        { type: 'count', as: 'n' },
        { type: 'sum', field: 'customer.revenue', as: 's' },
      ],
    });
    expect(errors.map((e) => e.path)).toEqual([
      'dataset.dimensions.0.field',
      'dataset.dimensions.1.field',
      'dataset.measures.1.field',
    ]);
    expect(errors[0]!.message).toEqual({
      zh: '"orders" 没有字段 "colour"',
      en: '"orders" has no field "colour"',
    });
    expect(errors[1]!.message.en).toBe('"orders" has no reference field "status"');
  });

  it('refuses a measure on a non-numeric field with a zh/en message', () => {
    const errors = validateDataset(crmApp, {
      entity: 'orders',
      dimensions: [],
      measures: [
        { type: 'count', as: 'n' },
        { type: 'count', as: 'm' },
        { type: 'sum', field: 'status', as: 's' },
      ],
    });
    expect(errors).toEqual([
      {
        path: 'dataset.measures.2.field',
        message: {
          zh: '"status" 不是数值字段，不能求和',
          en: '"status" is not numeric; it cannot be used for sum',
        },
        reason: 'LATTICE_ERR_VALIDATION',
      },
    ]);
  });

  it('refuses a date bucket on a non-date field', () => {
    expect(
      paths({
        entity: 'orders',
        dimensions: [
          { field: 'amount', bucket: 'month' },
          { field: 'order_date', bucket: 'fortnight' as 'week' },
        ],
        measures: [{ type: 'count', as: 'n' }],
      }),
    ).toEqual(['dataset.dimensions.0.bucket', 'dataset.dimensions.1.bucket']);
  });

  it('names a formula alias that does not exist, and a cycle between formulas', () => {
    expect(
      paths({
        entity: 'orders',
        dimensions: [],
        measures: [
          { type: 'count', as: 'total' },
          { type: 'formula', as: 'rate', expression: { '/': [{ var: 'won' }, { var: 'total' }] } },
          { type: 'formula', as: 'a', expression: { '+': [{ var: 'b' }, 1] } },
          { type: 'formula', as: 'b', expression: { '+': [{ var: 'a' }, 1] } },
        ],
      }),
    ).toEqual(['dataset.measures.1.expression./.0', 'dataset.measures.3.expression.+.0']);
  });

  it('names bad filter operators and fields by the node path', () => {
    expect(
      paths({
        entity: 'orders',
        dimensions: [],
        measures: [{ type: 'count', as: 'n', filter: { '~=': [{ var: 'status' }, 'x'] } }],
        filter: {
          and: [
            { '==': [{ var: 'status' }, 'won'] },
            { '==': [{ var: 'colour' }, 'red'] },
            { '>': [{ var: 'amount' }, 'lots'] },
          ],
        },
      }),
    ).toEqual(['dataset.measures.0.filter', 'dataset.filter.and.1.==.0', 'dataset.filter.and.2.>.1']);
  });

  it('refuses sensitive, json and multiselect fields as dimensions and rejects bad aliases, sort and limit', () => {
    expect(
      paths({
        entity: 'orders',
        dimensions: [{ field: 'customer.phone' }, { field: 'note' }, { field: 'customer.tags' }],
        measures: [
          { type: 'count', as: 'Bad Alias' },
          { type: 'count', as: 'n' },
          { type: 'count', as: 'n' },
        ],
        sort: [{ by: 'missing', dir: 'asc' }],
        limit: 0,
      }),
    ).toEqual([
      'dataset.dimensions.0.field',
      'dataset.dimensions.1.field',
      'dataset.dimensions.2.field',
      'dataset.measures.0.as',
      'dataset.measures.2.as',
      'dataset.sort.0.by',
      'dataset.limit',
    ]);
  });

  it('refuses paths longer than two reference hops', () => {
    expect(
      paths({ entity: 'order_lines', dimensions: [{ field: 'order.customer.parent.region' }], measures: [] }),
    ).toEqual(['dataset.dimensions.0.field']);
  });
});
