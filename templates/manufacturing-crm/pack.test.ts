import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  COMPUTED_FIELD_TYPES,
  coerceRecordInput,
  compileJsonLogic,
  documentsOfKind,
  generateSeedData,
  isValidCreditCode,
  type LoadedPack,
  loadPackFromFiles,
  type SeedBatch,
  validateAppDefinition,
} from '@lattice/engine';
import { beforeAll, describe, expect, it } from 'vitest';

const PACK_DIR = new URL('.', import.meta.url).pathname;
/** System columns a seed may set: the creation time (history) and the record-scope columns. */
const SYSTEM_SEED_FIELDS = new Set(['created_at', 'updated_at', 'owner', 'region', 'department']);
const now = new Date('2025-06-30T00:00:00.000Z');

/** Reads the pack folder into path → contents, skipping npm/TS tooling and tests. */
function readPackFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.json')) files[relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}

describe('manufacturing-crm pack', () => {
  let pack: LoadedPack;
  let batches: SeedBatch[];
  beforeAll(() => {
    pack = loadPackFromFiles(readPackFiles(PACK_DIR));
    batches = generateSeedData(pack.seed.demo!, { now, app: pack.app });
  }, 60_000);

  it('seeds a handful of deliberate duplicates: same customer name under different credit codes', () => {
    const customers = batches.find((b) => b.entity === 'customer')!.records;
    const codesByName = new Map<string, Set<unknown>>();
    for (const c of customers) {
      const name = String(c.name);
      codesByName.set(name, (codesByName.get(name) ?? new Set()).add(c.credit_code));
    }
    const groups = [...codesByName.values()].filter((codes) => codes.size > 1);
    expect(groups.length).toBeGreaterThanOrEqual(3);
    expect(groups.length).toBeLessThanOrEqual(30);
  });

  it('loads as the mfg-crm app with a semver version', () => {
    expect(pack.manifest.id).toBe('mfg-crm');
    expect(pack.manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pack.app.id).toBe('mfg-crm');
  });

  it('has every entity the issue names, customer with its key fields and 7 regions', () => {
    const names = documentsOfKind(pack.app, 'entity').map((e) => e.name);
    for (const n of [
      'customer',
      'contact',
      'opportunity',
      'quote',
      'contract',
      'order',
      'order_line',
      'part',
      'project',
      'ecn',
      'task',
      'service_ticket',
      'equipment',
      'maintenance_record',
      'interaction',
      'receivable',
      'nps_response',
    ]) {
      expect(names).toContain(n);
    }
    const customer = documentsOfKind(pack.app, 'entity').find((e) => e.name === 'customer')!;
    const fieldNames = customer.fields.map((f) => f.name);
    for (const f of [
      'credit_code',
      'name',
      'region',
      'tier',
      'risk_grade',
      'rfm_score',
      'health_score',
      'credit_rating',
      'owner',
    ]) {
      expect(fieldNames).toContain(f);
    }
    const region = customer.fields.find((f) => f.name === 'region');
    expect(region?.type === 'select' && region.options.map((o) => o.label.zh)).toEqual([
      '华东',
      '华南',
      '华北',
      '华中',
      '西南',
      '西北',
      '东北',
    ]);
  });

  it('requires a deliverable upload to leave every project stage but the last', () => {
    const project = documentsOfKind(pack.app, 'entity').find((e) => e.name === 'project')!;
    const stage = project.fields.find((f) => f.name === 'stage');
    if (stage?.type !== 'stage') throw new Error('project.stage must be a stage field');
    expect(stage.stages.map((s) => s.label.zh)).toEqual([
      '需求确认',
      '方案设计',
      '样件制作',
      '客户测试',
      '批量生产',
    ]);
    expect(stage.stages.slice(0, 4).every((s) => (s.requiredToLeave ?? []).length === 1)).toBe(true);
  });

  it('generates the same demo data twice for the same seed', () => {
    expect(generateSeedData(pack.seed.demo!, { now, app: pack.app })).toEqual(batches);
  }, 60_000);

  it('seeds about 1,200 customers with unique valid credit codes over three years', () => {
    const customers = batches.find((b) => b.entity === 'customer')!.records;
    expect(customers.length).toBe(1200);
    const codes = customers.map((c) => c.credit_code);
    expect(codes.every(isValidCreditCode)).toBe(true);
    expect(new Set(codes).size).toBe(customers.length);
    const since = customers.map((c) => c.cooperation_since as string).sort();
    expect(since[0]! < '2022-08-01').toBe(true);
    expect(new Set(customers.map((c) => c.region)).size).toBe(7);
  });

  it('seeds data every dashboard and rule can show: open orders with part numbers, overdue receivables, strategic customers', () => {
    const all = (entity: string) => batches.filter((b) => b.entity === entity).flatMap((b) => b.records);
    expect(all('order').filter((o) => o.status === 'open').length).toBeGreaterThan(50);
    expect(
      all('order_line').filter((l) => l.line_status === 'open' && /^P-\d{4}$/.test(String(l.part_number)))
        .length,
    ).toBeGreaterThan(50);
    expect(all('receivable').filter((r) => r.status === 'overdue').length).toBeGreaterThan(100);
    expect(all('customer').filter((c) => c.tier === 'strategic').length).toBeGreaterThan(50);
    expect(all('service_ticket').filter((t) => t.impact === 'stops_production').length).toBeGreaterThan(10);
    for (const entity of [
      'contact',
      'opportunity',
      'quote',
      'contract',
      'part',
      'project',
      'ecn',
      'task',
      'equipment',
      'maintenance_record',
      'interaction',
      'nps_response',
    ]) {
      expect(all(entity).length, entity).toBeGreaterThan(0);
    }
  });

  it('seeds only fields the entities declare (plus created_at/updated_at and the owner/region/department scoping columns)', () => {
    const entities = new Map(
      documentsOfKind(pack.app, 'entity').map((e) => [e.name, new Set(e.fields.map((f) => f.name))]),
    );
    for (const block of pack.seed.demo!.entities) {
      const fields = entities.get(block.entity);
      expect(fields, block.entity).toBeDefined();
      const names = [
        ...Object.keys(block.fields),
        ...Object.keys(block.afterAll ?? {}),
        ...(block.records ?? []).flatMap((r) => Object.keys(r)),
      ];
      for (const name of names) {
        if (name.startsWith('_') || SYSTEM_SEED_FIELDS.has(name)) continue;
        expect(fields!.has(name), `${block.entity}.${name}`).toBe(true);
      }
    }
  });

  it('seeds each customer’s last order date from its orders, and gives every lifecycle stage a care plan in the reference data', () => {
    const all = (entity: string) => batches.filter((b) => b.entity === entity).flatMap((b) => b.records);
    const latest = new Map<string, string>();
    for (const o of all('order')) {
      const [c, d] = [o.customer as string, o.order_date as string];
      if (!latest.has(c) || latest.get(c)! < d) latest.set(c, d);
    }
    for (const c of all('customer')) expect(c.last_order_date ?? null).toBe(latest.get(c.id) ?? null);
    const stages = ['new', 'stable', 'mature', 'declining'];
    const customers = all('customer');
    for (const stage of stages) {
      expect(customers.filter((c) => c.lifecycle_stage === stage).length, stage).toBeGreaterThan(60);
    }
    // Care plans are reference data, installed with or without the demo (a real customer's install).
    expect(pack.manifest.referenceSeed).toBe('reference');
    expect(batches.some((b) => b.entity === 'care_plan')).toBe(false);
    const [plans] = generateSeedData(pack.seed.reference!, { now, app: pack.app });
    expect(plans!.entity).toBe('care_plan');
    expect([...new Set(plans!.records.map((p) => p.stage))].sort()).toEqual([...stages].sort());
    const carePlan = documentsOfKind(pack.app, 'entity').find((e) => e.name === 'care_plan')!;
    for (const { id: _id, owner: _owner, ...plan } of plans!.records) {
      expect(coerceRecordInput(carePlan, plan, { mode: 'create', now: () => now }).errors).toEqual([]);
    }
  });

  it('seeds South China with the highest repurchase rate (repeat orders / orders per region and quarter)', () => {
    const all = (entity: string) => batches.filter((b) => b.entity === entity).flatMap((b) => b.records);
    const region = new Map(all('customer').map((c) => [c.id, String(c.region)]));
    // Per region: Σ(orders − buyers) / Σ orders over the region's quarters, as the heatmap's cells add up.
    const cells = new Map<string, { region: string; orders: number; buyers: Set<string> }>();
    for (const o of all('order')) {
      if (o.status === 'cancelled') continue;
      const d = String(o.order_date);
      const r = region.get(String(o.customer))!;
      const key = `${r}|${d.slice(0, 4)}Q${Math.ceil(Number(d.slice(5, 7)) / 3)}`;
      const cell = cells.get(key) ?? { region: r, orders: 0, buyers: new Set<string>() };
      cell.orders++;
      cell.buyers.add(String(o.customer));
      cells.set(key, cell);
    }
    const rate = new Map<string, { orders: number; repeats: number }>();
    for (const cell of cells.values()) {
      const r = rate.get(cell.region) ?? { orders: 0, repeats: 0 };
      r.orders += cell.orders;
      r.repeats += cell.orders - cell.buyers.size;
      rate.set(cell.region, r);
    }
    const ranked = [...rate].sort((a, b) => b[1].repeats / b[1].orders - a[1].repeats / a[1].orders);
    expect(ranked.map(([r]) => r)[0]).toBe('south');
  });

  it('passes the whole-app validation the runtime publishes with (every rule, flow, view, report resolves)', () => {
    expect(validateAppDefinition(pack.app)).toEqual([]);
  });

  it('has a seed every record of which passes the records API validation, with user fields naming seed users', () => {
    const users = new Set(pack.seed.demo!.users!.map((u) => u.username));
    const problems = new Map<string, number>();
    for (const batch of batches) {
      const entity = documentsOfKind(pack.app, 'entity').find((e) => e.name === batch.entity)!;
      const preset = new Set(
        entity.fields.filter((f) => f.readonly || COMPUTED_FIELD_TYPES.includes(f.type)).map((f) => f.name),
      );
      const userFields = entity.fields.filter((f) => f.type === 'user').map((f) => f.name);
      for (const record of batch.records) {
        const input = Object.fromEntries(
          Object.entries(record).filter(
            ([k]) => k !== 'id' && k !== 'created_at' && k !== 'updated_at' && !preset.has(k),
          ),
        );
        for (const e of coerceRecordInput(entity, input, { mode: 'create', now: () => now }).errors) {
          const key = `${batch.entity}.${e.path}: ${e.message.en}`;
          problems.set(key, (problems.get(key) ?? 0) + 1);
        }
        for (const f of userFields) {
          const v = record[f];
          if (v != null && !users.has(String(v))) problems.set(`${batch.entity}.${f}: unknown user ${v}`, 1);
        }
      }
    }
    expect(Object.fromEntries(problems)).toEqual({});
  }, 60_000);

  it('compiles every rule condition and every formula with the engine JsonLogic compiler', () => {
    for (const rule of documentsOfKind(pack.app, 'rule')) {
      if (rule.condition !== undefined)
        expect(() => compileJsonLogic(rule.condition!), rule.name).not.toThrow();
    }
    for (const entity of documentsOfKind(pack.app, 'entity')) {
      for (const f of entity.fields) {
        if (f.type === 'formula')
          expect(() => compileJsonLogic(f.expression), `${entity.name}.${f.name}`).not.toThrow();
      }
    }
  });

  it('carries every automation, flow and dashboard of the business reference', () => {
    const names = (kind: 'rule' | 'flow' | 'dashboard' | 'report' | 'role') =>
      documentsOfKind(pack.app, kind).map((d) => d.name);
    expect(names('rule')).toEqual(
      expect.arrayContaining([
        'opportunity_uncontacted_24h', // not contacted within 24 h → red flag + supervisor
        'service_request_reminder', // service request → owner reminder within 15 min
        'contract_renewal_30d', // renewal task 30 days before expiry
        'major_impact_escalation', // major impact not handled in 2 h → escalate
        'preventive_maintenance', // maintenance due → proactive task
        'negative_event_notify', // production exception / late delivery → owner notified
        'nps_low_improvement', // low satisfaction → improvement work order
        'overdue_credit_alert', // overdue receivable → finance warning
        'credit_downgrade', // … and credit rating downgrade
        'ecn_linkage', // ECN published → task per open order's account manager, due in 24 h
        'ecn_task_outcome', // acceptance recorded back on the order
        'rfm_tiering',
        'rfm_monthly',
        'rfm_on_order',
        'risk_grading',
        'risk_score_realtime', // A/B/C score: real time, scheduled and manual
        'risk_score_schedule',
        'risk_score_manual',
        'health_score_daily',
        'win_back',
      ]),
    );
    expect(names('flow').sort()).toEqual([
      'contract_approval',
      'customer_admission',
      'major_impact_escalation',
      'quote_discount',
      'tech_solution_approval',
    ]);
    expect(names('role').sort()).toEqual([
      'admin',
      'analyst',
      'finance',
      'risk',
      'sales',
      'sales_manager',
      'service',
    ]);
    expect(names('report')).toEqual(
      expect.arrayContaining([
        'sales_funnel',
        'tier_distribution',
        'repurchase_heatmap',
        'complaint_response_trend',
        'top_customers',
        'customer_field_completeness',
        'overdue_receivables_by_region',
      ]),
    );
    expect(names('dashboard').length).toBeGreaterThanOrEqual(5);
  });
});
