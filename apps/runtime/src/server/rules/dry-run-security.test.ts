import { testDatabaseKinds } from '@lattice/engine/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packDemoSource } from '../demo/pack-demo-source';
import { startTestServer, type TestServer } from '../testing/test-server';

const APP = 'mfg-crm';
const records = `/api/apps/${APP}/records`;
type Rec = Record<string, unknown> & { id: string };

/** The analyst narrowed to East customers, with credit limits hidden and mobiles masked. */
const narrowAnalyst = {
  kind: 'role',
  schemaVersion: 1,
  name: 'analyst',
  label: { zh: '业务分析师', en: 'Analyst' },
  designer: true,
  entities: {
    customer: {
      rights: ['read'],
      scope: { type: 'filter', filter: { '==': [{ var: 'region' }, 'east'] } },
      fields: { credit_limit: 'hidden' },
    },
    contact: { rights: ['read'], scope: { type: 'all' }, fields: { personality: 'hidden' } },
  },
};

function rule(
  entity: string,
  actions: unknown[],
  trigger: unknown = { type: 'manual', button: { zh: '试', en: 'Try' } },
) {
  return {
    kind: 'rule',
    schemaVersion: 1,
    name: 'probe',
    label: { zh: '探', en: 'Probe' },
    entity,
    enabled: true,
    trigger,
    actions,
  };
}

describe.each(testDatabaseKinds())(
  'rule dry runs and manual rules under the caller security on %s',
  (kind) => {
    let s: TestServer;
    let analyst: string;
    let south: Rec;
    let allCustomers: Rec[];

    beforeAll(async () => {
      s = await startTestServer(kind, { demoSources: [packDemoSource(undefined, 0.03)] });
      await s.app.demoSeeded;
      const admin = await s.login('admin');
      const saved = await s.call('PUT', `/api/admin/apps/${APP}/roles/analyst`, {
        token: admin,
        body: narrowAnalyst,
      });
      expect(saved.statusCode, saved.body).toBe(200);
      allCustomers = (await s.call('GET', `${records}/customer?limit=200`, { token: admin })).json().items;
      south = allCustomers.find((c) => c.region === 'south') as Rec;
      analyst = await s.login('analyst');
    }, 120_000);
    afterAll(async () => s?.close());

    const dryRun = (body: unknown) =>
      s.call('POST', `/api/apps/${APP}/rules/probe/dry-run`, { token: analyst, body });

    it('scans only the records in the caller scope and leaves hidden fields out of planned changes', async () => {
      const res = await dryRun({
        rule: rule('customer', [{ type: 'set_fields', values: { credit_limit: 1, tier: 'strategic' } }]),
        limit: 100,
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{
        scanned: number;
        matches: { recordId: string; effects: { records: { changes: { field: string }[] }[] }[] }[];
      }>();
      const east = new Set(allCustomers.filter((c) => c.region === 'east').map((c) => c.id));
      expect(body.scanned).toBe(east.size);
      expect(body.matches.length).toBeGreaterThan(0);
      expect(body.matches.every((m) => east.has(m.recordId))).toBe(true);
      const fields = body.matches.flatMap((m) =>
        m.effects.flatMap((e) => e.records.flatMap((r) => r.changes.map((c) => c.field))),
      );
      expect(fields).not.toContain('credit_limit');
      expect(res.body).not.toContain('credit_limit');
      expect(res.body).not.toContain(south.id);
    });

    it('answers 404 for a record outside the caller scope, as the records API does', async () => {
      const res = await dryRun({
        rule: rule('customer', [{ type: 'set_fields', values: { tier: 'strategic' } }]),
        recordId: south.id,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('LATTICE_ERR_NOT_FOUND');
    });

    it('masks sensitive values and drops hidden fields of related records', async () => {
      const res = await dryRun({
        rule: rule('customer', [
          {
            type: 'update_related',
            entity: 'contact',
            match: { '==': [{ var: 'customer' }, { var: '$record.id' }] },
            values: { phone: '13900001111', personality: 'analytical' },
          },
        ]),
        record: { id: south.id, name: 'sample' },
      });
      expect(res.statusCode, res.body).toBe(200);
      const changes = res
        .json<{
          matches: {
            effects: { records: { changes: { field: string; from: unknown; to: unknown }[] }[] }[];
          }[];
        }>()
        .matches.flatMap((m) => m.effects.flatMap((e) => e.records.flatMap((r) => r.changes)));
      expect(changes.length).toBeGreaterThan(0);
      expect(changes.every((c) => c.field === 'phone')).toBe(true);
      for (const c of changes) {
        expect(c.to).toBe('139****1111');
        if (c.from !== null) expect(String(c.from)).toMatch(/^\d{3}\*{4}\d{4}$/);
      }
      expect(res.body).not.toContain('personality');
    });
    it('lets only callers with the update right press a manual rule (read-only analyst: hidden and 403)', async () => {
      const listed = (await s.call('GET', `/api/apps/${APP}/rules`, { token: analyst })).json().items as {
        name: string;
        runnable: boolean;
      }[];
      expect(listed.find((r) => r.name === 'risk_score_manual')?.runnable).toBe(false);
      const east = allCustomers.find((c) => c.region === 'east')!;
      const before = (await s.call('GET', `${records}/customer/${east.id}`, { token: analyst })).json();
      const run = await s.call('POST', `/api/apps/${APP}/rules/risk_score_manual/run`, {
        token: analyst,
        body: { recordId: east.id },
      });
      expect(run.statusCode).toBe(403);
      expect(run.json().error.code).toBe('LATTICE_ERR_FORBIDDEN');
      const after = (await s.call('GET', `${records}/customer/${east.id}`, { token: analyst })).json();
      expect(after.version).toBe(before.version);
      const sales = await s.login('sales_east');
      const salesRules = (await s.call('GET', `/api/apps/${APP}/rules`, { token: sales })).json().items as {
        name: string;
        runnable: boolean;
      }[];
      expect(salesRules.find((r) => r.name === 'risk_score_manual')?.runnable).toBe(true);
      const ran = await s.call('POST', `/api/apps/${APP}/rules/risk_score_manual/run`, {
        token: sales,
        body: { recordId: east.id },
      });
      expect(ran.statusCode, ran.body).toBe(200);
    });
  },
);
