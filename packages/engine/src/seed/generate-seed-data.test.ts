import { describe, expect, it } from 'vitest';
import { isValidCreditCode } from '../records/credit-code';
import { generateSeedData } from './generate-seed-data';
import type { SeedSpec } from './seed-spec';

const now = new Date('2025-06-30T00:00:00.000Z');

const spec: SeedSpec = {
  seed: 5,
  entities: [
    {
      entity: 'customer',
      count: 50,
      fields: {
        region: { gen: 'choice', values: ['east', 'south'], weights: [3, 1] },
        province: { gen: 'province', regionField: 'region' },
        name: { gen: 'company_name', provinceField: 'province' },
        credit_code: { gen: 'credit_code', provinceField: 'province' },
        since: { gen: 'date', from: { days: -1095 }, to: { days: -1 } },
        _roll: { gen: 'number', min: 0, max: 1 },
        big: { gen: 'derive', expr: { '>': [{ var: '_roll' }, 0.5] } },
        code: { gen: 'sequence', pattern: 'CUS-{0000}' },
      },
    },
    {
      entity: 'order',
      perParent: { entity: 'customer', min: 1, max: 3, where: { '==': [{ var: 'big' }, true] } },
      fields: {
        customer: { gen: 'parent' },
        region: { gen: 'parent_field', field: 'region' },
        order_date: { gen: 'date', from: { parentField: 'since' }, to: { days: 0 } },
        shipped_on: {
          gen: 'date',
          from: { field: 'order_date', days: 2 },
          to: { field: 'order_date', days: 2 },
        },
        lead_days: { gen: 'days_between', from: 'order_date', to: 'shipped_on' },
        note: { gen: 'const', value: 'x', emptyRate: 1 },
      },
    },
    {
      entity: 'task',
      count: 10,
      fields: {
        order: { gen: 'ref', entity: 'order' },
        region: { gen: 'ref_field', via: 'order', field: 'region' },
      },
    },
  ],
};

describe('generateSeedData', () => {
  it('gives identical output for the same seed and now, and different output for another seed', () => {
    const a = generateSeedData(spec, { now });
    expect(generateSeedData(spec, { now })).toEqual(a);
    expect(generateSeedData(spec, { now, seed: 6 })).not.toEqual(a);
  });

  it('generates counts, unique valid credit codes, sequences and drops scratch fields', () => {
    const [customers] = generateSeedData(spec, { now });
    expect(customers!.records).toHaveLength(50);
    const codes = customers!.records.map((r) => r.credit_code as string);
    expect(new Set(codes).size).toBe(50);
    expect(codes.every(isValidCreditCode)).toBe(true);
    expect(customers!.records[0]!.code).toBe('CUS-0001');
    expect(customers!.records[49]!.code).toBe('CUS-0050');
    expect('_roll' in customers!.records[0]!).toBe(false);
    expect(customers!.records.every((r) => /^[0-9a-f]{8}-[0-9a-f]{4}-4/.test(r.id))).toBe(true);
  });

  it('creates children only for parents matching where, with dates after the parent anchor', () => {
    const [customers, orders] = generateSeedData(spec, { now });
    const byId = new Map(customers!.records.map((c) => [c.id, c]));
    expect(orders!.records.length).toBeGreaterThan(0);
    for (const o of orders!.records) {
      const parent = byId.get(o.customer as string)!;
      expect(parent.big).toBe(true);
      expect(o.region).toBe(parent.region);
      expect((o.order_date as string) >= (parent.since as string)).toBe(true);
      expect((o.order_date as string) <= '2025-06-30').toBe(true);
      expect(o.lead_days).toBe(2);
      expect(o.note).toBeNull();
    }
  });

  it('resolves ref and ref_field against earlier records', () => {
    const [, orders, tasks] = generateSeedData(spec, { now });
    const byId = new Map(orders!.records.map((o) => [o.id, o]));
    for (const t of tasks!.records) expect(t.region).toBe(byId.get(t.order as string)!.region);
  });

  it('names the spec path when a parent generator is used without perParent', () => {
    const bad: SeedSpec = { entities: [{ entity: 'x', count: 1, fields: { p: { gen: 'parent' } } }] };
    expect(() => generateSeedData(bad, { now })).toThrow(/entities\.0\.fields\.p/);
  });
});
