import type { Dataset } from '@lattice/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrmTables, seedCrm } from '../test-support/create-crm-tables';
import { crmApp, crmSeed } from '../test-support/crm-fixture';
import { openReportTestDb, type ReportTestDb, reportTestDbKinds } from '../test-support/open-report-test-db';
import { drillDownFilter } from './drill-down-filter';
import { runDataset } from './run-dataset';

const now = new Date('2026-07-15T08:00:00Z');
const seed = crmSeed();
const live = seed.orders.filter((o) => !o.deleted);
const customerById = new Map(seed.customers.map((c) => [c.id, c]));
const regionOf = (o: (typeof live)[number]) =>
  o.customer ? (customerById.get(o.customer)?.region ?? null) : null;
const quarterOf = (date: string) =>
  `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
const round = (n: number) => Math.round(n * 1e6) / 1e6;

function groupBy<T>(items: T[], key: (t: T) => string | null): Map<string | null, T[]> {
  const map = new Map<string | null, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

describe.each(reportTestDbKinds())('runDataset on %s', (kind) => {
  let t: ReportTestDb;
  const run = (ds: Dataset, opts: Partial<Parameters<typeof runDataset>[3]> = {}) =>
    runDataset(t.db, crmApp, ds, { now, ...opts });

  beforeAll(async () => {
    t = await openReportTestDb(kind);
    await createCrmTables(t.db, crmApp);
    await seedCrm(t.db, crmApp);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('aggregates count, sum, avg, min and max per status like a hand computation, skipping deleted rows', async () => {
    const result = await run({
      entity: 'orders',
      dimensions: [{ field: 'status', as: 'status' }],
      measures: [
        { type: 'count', as: 'n' },
        { type: 'sum', field: 'amount', as: 'total' },
        { type: 'avg', field: 'quantity', as: 'avg_qty' },
        { type: 'min', field: 'order_date', as: 'first' },
        { type: 'max', field: 'amount', as: 'top' },
        { type: 'count_distinct', field: 'customer', as: 'buyers' },
      ],
    });
    const expected = [...groupBy(live, (o) => o.status)]
      .sort(([a], [b]) => String(a).localeCompare(String(b)))
      .map(([status, os]) => ({
        status,
        n: os.length,
        total: round(os.reduce((s, o) => s + o.amount, 0)),
        avg_qty: round(os.reduce((s, o) => s + o.quantity, 0) / os.length),
        first: os.map((o) => o.order_date).sort()[0],
        top: Math.max(...os.map((o) => o.amount)),
        buyers: new Set(os.map((o) => o.customer).filter(Boolean)).size,
      }));
    expect(
      result.rows.map((r) => ({
        ...r,
        total: round(r.total as number),
        avg_qty: round(r.avg_qty as number),
      })),
    ).toEqual(expected);
  });

  it('keeps only the groups whose measures pass `having` (HAVING over inlined aggregates)', async () => {
    const perCustomer = [...groupBy(live, (o) => o.customer)].map(([customer, os]) => ({
      customer,
      n: os.length,
      total: os.reduce((s, o) => s + o.amount, 0),
    }));
    const threshold = [...perCustomer.map((c) => c.n)].sort((a, b) => a - b)[2]!;
    const result = await run({
      entity: 'orders',
      dimensions: [{ field: 'customer', as: 'customer' }],
      measures: [
        { type: 'count', as: 'n' },
        { type: 'sum', field: 'amount', as: 'total' },
      ],
      having: { and: [{ '>=': [{ var: 'n' }, threshold] }, { '!': [{ '==': [{ var: 'total' }, 0] }] }] },
    });
    const expected = perCustomer
      .filter((c) => c.n >= threshold && c.total !== 0)
      .map((c) => c.customer)
      .sort((a, b) => String(a).localeCompare(String(b)));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(perCustomer.length);
    expect(result.rows.map((r) => r.customer)).toEqual(expected);
  });

  it('groups by a joined region and a quarter bucket', async () => {
    const result = await run({
      entity: 'orders',
      dimensions: [
        { field: 'customer.region', as: 'region' },
        { field: 'order_date', bucket: 'quarter', as: 'q' },
      ],
      measures: [{ type: 'count', as: 'n' }],
    });
    const counts = new Map<string, number>();
    for (const o of live) {
      const key = `${regionOf(o)}|${quarterOf(o.order_date)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const actual = new Map(result.rows.map((r) => [`${r.region}|${r.q}`, r.n]));
    expect(actual).toEqual(counts);
    expect(result.rows.some((r) => r.region === null)).toBe(true);
  });

  it('computes a conversion rate in SQL and yields null instead of dividing by zero', async () => {
    const result = await run({
      entity: 'orders',
      dimensions: [{ field: 'customer.region', as: 'region' }],
      measures: [
        { type: 'count', as: 'won', filter: { '==': [{ var: 'status' }, 'won'] } },
        { type: 'count', as: 'total' },
        { type: 'count', as: 'huge', filter: { '>': [{ var: 'amount' }, 1_000_000] } },
        { type: 'formula', as: 'rate', expression: { '/': [{ var: 'won' }, { var: 'total' }] } },
        { type: 'formula', as: 'per_huge', expression: { '/': [{ var: 'won' }, { var: 'huge' }] } },
      ],
      sort: [{ by: 'rate', dir: 'desc' }],
    });
    const expected = [...groupBy(live, regionOf)].map(([region, os]) => ({
      region,
      rate: round(os.filter((o) => o.status === 'won').length / os.length),
    }));
    expected.sort((a, b) => b.rate - a.rate);
    expect(result.rows.map((r) => ({ region: r.region, rate: round(r.rate as number) }))).toEqual(expected);
    expect(result.rows.every((r) => r.per_huge === null)).toBe(true);
    expect(result.columns.find((c) => c.key === 'rate')?.type).toBe('number');
  });

  it('returns the top N groups by a measure', async () => {
    const result = await run({
      entity: 'orders',
      dimensions: [{ field: 'customer.name', as: 'customer' }],
      measures: [{ type: 'sum', field: 'amount', as: 'revenue' }],
      sort: [{ by: 'revenue', dir: 'desc' }],
      limit: 3,
    });
    const totals = [...groupBy(live, (o) => (o.customer ? customerById.get(o.customer)!.name : null))]
      .map(([customer, os]) => ({ customer, revenue: round(os.reduce((s, o) => s + o.amount, 0)) }))
      .sort((a, b) => b.revenue - a.revenue)
      .slice(0, 3);
    expect(result.rows.map((r) => ({ customer: r.customer, revenue: round(r.revenue as number) }))).toEqual(
      totals,
    );
  });

  it('filters by a relative date (last 6 months)', async () => {
    const result = await run({
      entity: 'orders',
      dimensions: [],
      measures: [{ type: 'count', as: 'n' }],
      filter: { '>=': [{ var: 'order_date' }, { months_ago: 6 }] },
    });
    expect(result.rows).toEqual([{ n: live.filter((o) => o.order_date >= '2026-01-15').length }]);
  });

  it('applies the row scope to the base entity and hides invisible joined customers', async () => {
    const result = await run(
      {
        entity: 'orders',
        dimensions: [{ field: 'customer.region', as: 'region' }],
        measures: [{ type: 'count', as: 'n' }],
      },
      {
        scopeFilter: (entity) =>
          entity === 'orders' ? { '==': [{ var: 'owner' }, 'alice'] } : { '==': [{ var: 'owner' }, 'alice'] },
      },
    );
    const mine = live.filter((o) => o.owner === 'alice');
    const visibleRegion = (o: (typeof live)[number]) => {
      const c = o.customer ? customerById.get(o.customer) : undefined;
      return c && c.owner === 'alice' ? c.region : null;
    };
    const expected = new Map([...groupBy(mine, visibleRegion)].map(([r, os]) => [r, os.length]));
    expect(new Map(result.rows.map((r) => [r.region, r.n]))).toEqual(expected);
  });

  it('sums order-line quantities two reference hops away', async () => {
    const result = await run({
      entity: 'order_lines',
      dimensions: [{ field: 'order.customer.level', as: 'level' }],
      measures: [{ type: 'sum', field: 'qty', as: 'qty' }],
    });
    const orderById = new Map(live.map((o) => [o.id, o]));
    const expected = new Map<string | null, number>();
    for (const l of seed.lines) {
      const o = orderById.get(l.order);
      const level = o?.customer ? customerById.get(o.customer)!.level : null;
      expected.set(level, (expected.get(level) ?? 0) + l.qty);
    }
    expect(new Map(result.rows.map((r) => [r.level, r.qty]))).toEqual(expected);
  });

  it('drills from every region × quarter cell to exactly the records counted in it', async () => {
    const dataset: Dataset = {
      entity: 'orders',
      dimensions: [
        { field: 'customer.region', as: 'region' },
        { field: 'closed_at', bucket: 'quarter', as: 'q' },
      ],
      measures: [{ type: 'count', as: 'won', filter: { '==': [{ var: 'status' }, 'won'] } }],
      filter: { '>': [{ var: 'amount' }, 1200] },
    };
    const result = await run(dataset);
    expect(result.rows.length).toBeGreaterThan(3);
    for (const row of result.rows) {
      const filter = drillDownFilter(dataset, row, { measure: 'won' });
      const drilled = await run({
        entity: 'orders',
        dimensions: [],
        measures: [{ type: 'count', as: 'n' }],
        filter,
      });
      expect([row, drilled.rows[0]?.n]).toEqual([row, row.won]);
    }
  });
});
