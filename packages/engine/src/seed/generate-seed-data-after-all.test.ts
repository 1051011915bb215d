import { describe, expect, it } from 'vitest';
import type { AppDefinition } from '../model/app';
import { generateSeedData } from './generate-seed-data';
import type { SeedSpec } from './seed-spec';

const now = new Date('2025-06-30T00:00:00.000Z');
const t = (zh: string, en: string) => ({ zh, en });

/** A customer with two rollups over its orders and a rule scoring from them. */
const app: AppDefinition = {
  id: 'seed-test',
  label: t('测试', 'Test'),
  schemaVersion: 1,
  documents: [
    {
      kind: 'entity',
      schemaVersion: 1,
      name: 'customer',
      label: t('客户', 'Customer'),
      fields: [
        { id: 'name', name: 'name', type: 'text', label: t('名称', 'Name') },
        { id: 'score', name: 'score', type: 'integer', label: t('积分', 'Score') },
        { id: 'last_order_date', name: 'last_order_date', type: 'date', label: t('最近下单', 'Last order') },
        {
          id: 'orders_90d',
          name: 'orders_90d',
          type: 'rollup',
          label: t('近90天订单', 'Orders in 90 days'),
          relation: { entity: 'order', field: 'customer' },
          aggregate: 'count',
          filter: { '>=': [{ var: 'order_date' }, { days_ago: 90 }] },
        },
        {
          id: 'order_total',
          name: 'order_total',
          type: 'rollup',
          label: t('订单总额', 'Order total'),
          relation: { entity: 'order', field: 'customer' },
          aggregate: 'sum',
          measure: 'amount',
        },
      ],
    },
    {
      kind: 'entity',
      schemaVersion: 1,
      name: 'order',
      label: t('订单', 'Order'),
      fields: [
        {
          id: 'customer',
          name: 'customer',
          type: 'reference',
          label: t('客户', 'Customer'),
          target: 'customer',
        },
        { id: 'order_date', name: 'order_date', type: 'date', label: t('日期', 'Date') },
        { id: 'amount', name: 'amount', type: 'number', label: t('金额', 'Amount') },
      ],
    },
    {
      kind: 'rule',
      schemaVersion: 1,
      name: 'score_rule',
      label: t('积分', 'Score'),
      entity: 'customer',
      enabled: true,
      trigger: { type: 'schedule', cron: '0 2 * * *' },
      condition: { '!=': [{ var: 'name' }, 'frozen'] },
      actions: [
        {
          type: 'set_fields',
          values: {
            score: {
              '+': [
                { '*': [10, { var: 'orders_90d' }] },
                { if: [{ '>': [{ var: ['order_total', 0] }, 1000] }, 5, 0] },
              ],
            },
          },
        },
      ],
    },
  ],
} as AppDefinition;

const spec: SeedSpec = {
  seed: 3,
  entities: [
    {
      entity: 'customer',
      count: 40,
      fields: {
        name: { gen: 'choice', values: ['a', 'b', 'frozen'] },
        score: { gen: 'const', value: -1 },
      },
      afterAll: {
        last_order_date: {
          gen: 'aggregate',
          entity: 'order',
          via: 'customer',
          aggregate: 'max',
          field: 'order_date',
        },
        _recent: {
          gen: 'aggregate',
          entity: 'order',
          via: 'customer',
          aggregate: 'count',
          where: { '>=': [{ var: 'order_date' }, { days_ago: 90 }] },
        },
        orders_90d: { gen: 'rollup' },
        score: { gen: 'rule', rule: 'score_rule' },
      },
    },
    {
      entity: 'order',
      perParent: { entity: 'customer', min: 0, max: 4 },
      fields: {
        customer: { gen: 'parent' },
        order_date: { gen: 'date', from: { days: -200 }, to: { days: 0 } },
        amount: { gen: 'int', min: 100, max: 900 },
      },
    },
  ],
};

describe('generateSeedData afterAll fields', () => {
  const [customers, orders] = generateSeedData(spec, { now, app });
  const ordersOf = (id: string) => orders!.records.filter((o) => o.customer === id);
  // 90 days before 2025-06-30 08:00 China time is 2025-04-01.
  const recent = (id: string) => ordersOf(id).filter((o) => (o.order_date as string) >= '2025-04-01').length;

  it('summarises each record’s children once every block has run (latest order date, null without orders)', () => {
    for (const c of customers!.records) {
      const dates = ordersOf(c.id).map((o) => o.order_date as string);
      expect(c.last_order_date).toBe(dates.length === 0 ? null : dates.sort().at(-1));
    }
    expect(customers!.records.some((c) => c.last_order_date === null)).toBe(true);
  });

  it('computes rollups like the database (relative dates in China time) and drops them and scratch values', () => {
    const c = customers!.records.find((r) => recent(r.id) > 0)!;
    expect('orders_90d' in c).toBe(false);
    expect('_recent' in c).toBe(false);
    expect(Object.keys(c).sort()).toEqual(['id', 'last_order_date', 'name', 'score']);
  });

  it('sets a field to what the named rule would set it to, keeping the value when its condition fails', () => {
    for (const c of customers!.records) {
      const total = ordersOf(c.id).reduce((s, o) => s + (o.amount as number), 0);
      const expected = c.name === 'frozen' ? -1 : 10 * recent(c.id) + (total > 1000 ? 5 : 0);
      expect(c.score).toBe(expected);
    }
  });

  it('names the spec path when a rule or rollup generator has no app or no such rule', () => {
    expect(() => generateSeedData(spec, { now })).toThrow(/entities\.0\.afterAll\.orders_90d/);
    const bad: SeedSpec = {
      entities: [
        { entity: 'customer', count: 1, fields: {}, afterAll: { score: { gen: 'rule', rule: 'nope' } } },
      ],
    };
    expect(() => generateSeedData(bad, { now, app })).toThrow(/entities\.0\.afterAll\.score/);
  });
});

describe('generateSeedData literal records', () => {
  it('emits literal records first and fills the fields they leave out, all of them in a scaled seed', () => {
    const literal: SeedSpec = {
      seed: 2,
      entities: [
        {
          entity: 'plan',
          records: [
            { stage: 'new', days: 7 },
            { stage: 'stable', days: 90, owner: 'lead' },
          ],
          fields: { owner: { gen: 'const', value: 'admin' }, days: { gen: 'const', value: 1 } },
        },
        {
          entity: 'customer',
          count: 2,
          records: [{ name: 'first' }],
          fields: { name: { gen: 'const', value: 'x' } },
        },
      ],
    };
    const [plans, customers] = generateSeedData(literal, { now });
    expect(plans!.records.map(({ id: _id, ...r }) => r)).toEqual([
      { stage: 'new', days: 7, owner: 'admin' },
      { stage: 'stable', days: 90, owner: 'lead' },
    ]);
    expect(customers!.records.map((c) => c.name)).toEqual(['first', 'x', 'x']);
    const [fewPlans, fewCustomers] = generateSeedData(literal, { now, scale: 0.1 });
    expect(fewPlans!.records).toHaveLength(2);
    expect(fewCustomers!.records.map((c) => c.name)).toEqual(['first', 'x']);
  });

  it('scales count blocks, children follow their parents, and afterAll summaries stay consistent', () => {
    const [few, fewOrders] = generateSeedData(spec, { now, app, scale: 0.1 });
    expect(few!.records).toHaveLength(4);
    const ids = new Set(few!.records.map((c) => c.id));
    expect(fewOrders!.records.every((o) => ids.has(o.customer as string))).toBe(true);
    for (const c of few!.records) {
      const dates = fewOrders!.records.filter((o) => o.customer === c.id).map((o) => o.order_date as string);
      expect(c.last_order_date).toBe(dates.length === 0 ? null : dates.sort().at(-1));
    }
  });
});
