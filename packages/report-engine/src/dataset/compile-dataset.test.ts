import { isLatticeError } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { crmApp } from '../test-support/crm-fixture';
import { dummyDb } from '../test-support/dummy-db';
import { compileDataset } from './compile-dataset';

const db = dummyDb();
const now = new Date('2026-07-15T08:00:00Z');

describe('compileDataset', () => {
  it('compiles dimensions, measures, soft delete, sort and top-N into one grouped query', () => {
    const { compiled, columns } = compileDataset(
      crmApp,
      {
        entity: 'orders',
        dimensions: [{ field: 'status', as: 'status' }],
        measures: [
          { type: 'count', as: 'n' },
          { type: 'sum', field: 'amount', as: 'revenue' },
          { type: 'count_distinct', field: 'customer', as: 'buyers' },
        ],
        sort: [{ by: 'revenue', dir: 'desc' }],
        limit: 5,
      },
      { now },
      db,
    );
    expect(compiled.sql).toBe(
      'select "t0"."f_status" as "status", count(*) as "n", sum("t0"."f_amount") as "revenue", ' +
        'count(distinct "t0"."f_customer") as "buyers" from "app_mfg_crm"."orders" as "t0" ' +
        'where "t0"."deleted_at" is null group by "t0"."f_status" order by "revenue" desc nulls last limit $1',
    );
    expect(compiled.parameters).toEqual([5]);
    expect(columns.map((c) => [c.key, c.type, c.role])).toEqual([
      ['status', 'string', 'dimension'],
      ['n', 'number', 'measure'],
      ['revenue', 'number', 'measure'],
      ['buyers', 'number', 'measure'],
    ]);
  });

  it('left-joins along one and two reference hops, once per path', () => {
    const { compiled } = compileDataset(
      crmApp,
      {
        entity: 'order_lines',
        dimensions: [{ field: 'order.customer.region' }, { field: 'order.status' }],
        measures: [{ type: 'sum', field: 'qty', as: 'qty' }],
        filter: { '==': [{ var: 'order.customer.level' }, 'A'] },
      },
      { now },
      db,
    );
    expect(compiled.sql).toContain(
      'from "app_mfg_crm"."order_lines" as "t0" ' +
        'left join "app_mfg_crm"."orders" as "j1" on "j1"."id" = "t0"."f_order" and "j1"."deleted_at" is null ' +
        'left join "app_mfg_crm"."customers" as "j2" on "j2"."id" = "j1"."f_customer" and "j2"."deleted_at" is null',
    );
    expect(compiled.sql).toContain(
      '"j2"."region" as "order_customer_region", "j1"."f_status" as "order_status"',
    );
    expect(compiled.sql).toContain('and "j2"."f_level" = $1');
    expect(compiled.parameters).toEqual(['A']);
    expect(compiled.sql.match(/left join/g)).toHaveLength(2);
  });

  it('buckets dates with date_trunc and formats labels once per group', () => {
    const { compiled, columns } = compileDataset(
      crmApp,
      {
        entity: 'orders',
        dimensions: [
          { field: 'order_date', bucket: 'quarter', as: 'q' },
          { field: 'closed_at', bucket: 'week', as: 'w' },
        ],
        measures: [{ type: 'count', as: 'n' }],
      },
      { now, timeZone: 'Asia/Shanghai' },
      db,
    );
    expect(compiled.sql).toContain(
      `to_char(date_trunc('quarter', "t0"."f_date"::timestamp), 'YYYY-"Q"Q') as "q"`,
    );
    expect(compiled.sql).toContain(
      `to_char(date_trunc('week', ("t0"."f_closed" at time zone 'Asia/Shanghai')), 'IYYY-"W"IW') as "w"`,
    );
    expect(compiled.sql).toContain(
      `group by date_trunc('quarter', "t0"."f_date"::timestamp), date_trunc('week', ("t0"."f_closed" at time zone 'Asia/Shanghai'))`,
    );
    expect(compiled.sql).toContain('order by "q" asc nulls last, "w" asc nulls last');
    expect(columns[0]).toMatchObject({ key: 'q', bucket: 'quarter', type: 'string', field: 'order_date' });
  });

  it('computes formula measures in SQL over inlined aggregates, null on a zero denominator', () => {
    const { compiled } = compileDataset(
      crmApp,
      {
        entity: 'orders',
        dimensions: [{ field: 'customer.region', as: 'region' }],
        measures: [
          { type: 'count', as: 'won', filter: { '==': [{ var: 'status' }, 'won'] } },
          { type: 'count', as: 'total' },
          { type: 'formula', as: 'rate', expression: { '/': [{ var: 'won' }, { var: 'total' }] } },
          { type: 'formula', as: 'pct', expression: { '*': [{ var: 'rate' }, 100] } },
        ],
      },
      { now },
      db,
    );
    expect(compiled.sql).toContain('count(*) filter (where "t0"."f_status" = $1) as "won"');
    expect(compiled.sql).toContain(
      '((count(*) filter (where "t0"."f_status" = $2))::numeric / nullif((count(*))::numeric, 0)) as "rate"',
    );
    expect(compiled.sql).toContain(
      '((((count(*) filter (where "t0"."f_status" = $3))::numeric / nullif((count(*))::numeric, 0)))::numeric * 100::numeric) as "pct"',
    );
    expect(compiled.parameters).toEqual(['won', 'won', 'won']);
  });

  it('binds every filter value and relative date as a parameter', () => {
    const evil = "x'; drop table orders; --";
    const { compiled } = compileDataset(
      crmApp,
      {
        entity: 'orders',
        dimensions: [],
        measures: [{ type: 'count', as: 'n' }],
        filter: {
          and: [
            { '>=': [{ var: 'order_date' }, { months_ago: 6 }] },
            { '>=': [{ var: 'closed_at' }, { days_ago: 7 }] },
            { in: [{ var: 'status' }, ['won', evil]] },
            { contains: [{ var: 'order_no' }, '50%'] },
            { '!': { is_empty: [{ var: 'customer' }] } },
            { '!=': [{ var: 'customer.region' }, '华北'] },
          ],
        },
      },
      { now },
      db,
    );
    expect(compiled.sql).not.toContain('drop table');
    expect(compiled.sql).toContain('"t0"."f_date" >= $1 and "t0"."f_closed" >= $2');
    expect(compiled.sql).toContain('"t0"."f_status" in ($3, $4)');
    expect(compiled.sql).toContain('"t0"."f_no" like $5');
    expect(compiled.sql).toContain('not ("t0"."f_customer" is null)');
    expect(compiled.sql).toContain('"j1"."region" is distinct from $6');
    expect(compiled.parameters).toEqual([
      '2026-01-15',
      '2026-07-08T08:00:00.000Z',
      'won',
      evil,
      '%50\\%%',
      '华北',
    ]);
  });

  it('applies the scope filter to the base entity in WHERE and to every joined entity in its ON clause', () => {
    const seen: string[] = [];
    const { compiled } = compileDataset(
      crmApp,
      {
        entity: 'orders',
        dimensions: [{ field: 'customer.parent.region', as: 'parent_region' }],
        measures: [{ type: 'count', as: 'n' }],
      },
      {
        now,
        scopeFilter: (entity) => {
          seen.push(entity);
          return entity === 'orders'
            ? { '==': [{ var: 'owner' }, 'alice'] }
            : { '==': [{ var: 'region' }, '华东'] };
        },
        extraFilter: { '==': [{ var: 'status' }, 'won'] },
      },
      db,
    );
    expect(seen).toEqual(['orders', 'customers', 'customers']);
    expect(compiled.sql).toContain(
      'left join "app_mfg_crm"."customers" as "j1" on "j1"."id" = "t0"."f_customer" and "j1"."deleted_at" is null and "j1"."region" = $1',
    );
    expect(compiled.sql).toContain(
      'left join "app_mfg_crm"."customers" as "j2" on "j2"."id" = "j1"."f_parent" and "j2"."deleted_at" is null and "j2"."region" = $2',
    );
    expect(compiled.sql).toContain(
      'where "t0"."deleted_at" is null and "t0"."f_status" = $3 and "t0"."owner" = $4',
    );
    expect(compiled.parameters).toEqual(['华东', '华东', 'won', 'alice']);
  });

  it('throws LATTICE_ERR_VALIDATION naming every bad path', () => {
    try {
      compileDataset(
        crmApp,
        {
          entity: 'orders',
          dimensions: [{ field: 'nope' }],
          measures: [{ type: 'sum', field: 'status', as: 's' }],
        },
        { now },
        db,
      );
      expect.unreachable();
    } catch (e) {
      expect(isLatticeError(e) && e.code).toBe('LATTICE_ERR_VALIDATION');
      expect(isLatticeError(e) && e.details.map((d) => d.path)).toEqual([
        'dataset.dimensions.0.field',
        'dataset.measures.0.field',
      ]);
    }
  });
});
