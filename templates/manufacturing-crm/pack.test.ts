import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  documentsOfKind,
  generateSeedData,
  isValidCreditCode,
  type LoadedPack,
  loadPackFromFiles,
  type SeedBatch,
} from '@lattice/engine';
import { beforeAll, describe, expect, it } from 'vitest';

const PACK_DIR = new URL('.', import.meta.url).pathname;
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
    batches = generateSeedData(pack.seed.demo!, { now });
  }, 60_000);

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
    expect(generateSeedData(pack.seed.demo!, { now })).toEqual(batches);
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

  it('seeds only fields the entities declare (plus created_at)', () => {
    const entities = new Map(
      documentsOfKind(pack.app, 'entity').map((e) => [e.name, new Set(e.fields.map((f) => f.name))]),
    );
    for (const block of pack.seed.demo!.entities) {
      const fields = entities.get(block.entity);
      expect(fields, block.entity).toBeDefined();
      for (const name of Object.keys(block.fields)) {
        if (name.startsWith('_') || name === 'created_at') continue;
        expect(fields!.has(name), `${block.entity}.${name}`).toBe(true);
      }
    }
  });
});
