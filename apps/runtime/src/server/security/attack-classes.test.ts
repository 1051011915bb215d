import { testDatabaseKinds } from '@lattice/engine/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packDemoSource } from '../demo/pack-demo-source';
import { startTestServer, type TestServer } from '../testing/test-server';

const APP = '/api/apps/mfg-crm';
const records = `${APP}/records`;
type Rec = Record<string, unknown> & { id: string; version: number };
const enc = (v: unknown) => encodeURIComponent(JSON.stringify(v));

/**
 * Attack classes of issue 8 not covered elsewhere (see apps/runtime/CONTEXT.md § Security for the map of
 * every class to its test): cross-region reads through related lists, joined filters, dashboards and
 * exports; mass assignment of id and audit columns; private notes; API-key scopes; the audit viewer.
 */
describe.each(testDatabaseKinds())('attack classes on %s', (kind) => {
  let s: TestServer;
  let admin: string;
  let east: string;
  let southCustomer: Rec;
  let eastCustomer: Rec;
  let eastNames: Set<string>;
  let southOnlyNames: string[];

  beforeAll(async () => {
    s = await startTestServer(kind, {
      demoSources: [packDemoSource(undefined, 0.03)],
      loginPolicy: { rateLimitMax: 1000 },
    });
    await s.app.demoSeeded;
    admin = await s.login('admin');
    // Sales may export orders here, so exports are checked against the region scope.
    const live = (await s.call('GET', APP, { token: admin })).json();
    const sales = live.definition.documents.find(
      (d: { kind: string; name: string }) => d.kind === 'role' && d.name === 'sales',
    );
    const order = sales.entities.order;
    const saved = await s.call('PUT', '/api/admin/apps/mfg-crm/roles/sales', {
      token: admin,
      body: {
        ...sales,
        entities: { ...sales.entities, order: { ...order, rights: [...order.rights, 'export'] } },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    east = await s.login('sales_east');
    const customers = (await s.call('GET', `${records}/customer?limit=200`, { token: admin })).json()
      .items as Rec[];
    southCustomer = customers.find((c) => c.region === 'south')!;
    eastCustomer = customers.find((c) => c.region === 'east')!;
    eastNames = new Set(customers.filter((c) => c.region === 'east').map((c) => String(c.name)));
    southOnlyNames = customers
      .filter((c) => c.region === 'south' && !eastNames.has(String(c.name)))
      .map((c) => String(c.name));
    expect(southCustomer && eastCustomer && southOnlyNames.length).toBeTruthy();
  }, 120_000);
  afterAll(async () => s?.close());

  it('shows no out-of-region child in related lists, nor through a joined filter', async () => {
    const related = await s.call(
      'GET',
      `${records}/contact?filter=${enc({ '==': [{ var: 'customer' }, southCustomer.id] })}`,
      { token: east },
    );
    expect(related.statusCode).toBe(200);
    expect(related.json().items).toEqual([]);
    const adminRelated = await s.call(
      'GET',
      `${records}/contact?filter=${enc({ '==': [{ var: 'customer' }, southCustomer.id] })}`,
      { token: admin },
    );
    expect(adminRelated.json().items.length).toBeGreaterThan(0);
    const joined = await s.call(
      'GET',
      `${records}/order?filter=${enc({ '==': [{ var: 'customer.region' }, 'south'] })}`,
      { token: east },
    );
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json().items).toEqual([]);
  });

  it('keeps other regions out of dashboard data, even when the shared filter asks for them', async () => {
    const asked = await s.call('POST', `${APP}/reports/tier_by_region/run`, {
      token: east,
      body: { dashboard: 'sales_overview', filters: { region: 'south' } },
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().rows).toEqual([]);
    const mine = await s.call('POST', `${APP}/reports/tier_by_region/run`, {
      token: east,
      body: { dashboard: 'sales_overview' },
    });
    const rows = mine.json().rows as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('"south"');
  });

  it('exports only the records in the caller region, and audits the export', async () => {
    const all = (await s.call('POST', `${APP}/reports/top_customers/run`, { token: admin, body: {} })).json()
      .rows as { customer: string }[];
    expect(all.some((r) => southOnlyNames.includes(r.customer))).toBe(true);
    const csv = await s.call('POST', `${APP}/reports/top_customers/export`, {
      token: east,
      body: { format: 'csv' },
    });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body.split('\r\n').length).toBeGreaterThan(2);
    for (const name of southOnlyNames) expect(csv.body).not.toContain(name);
    const mine = (await s.call('POST', `${APP}/reports/top_customers/run`, { token: east, body: {} })).json()
      .rows as { customer: string }[];
    expect(mine.every((r) => eastNames.has(r.customer))).toBe(true);
    const audit = (
      await s.call('GET', '/api/admin/audit?actor=sales_east&action=report.export', { token: admin })
    ).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      entity: 'order',
      detail: { report: 'top_customers', format: 'csv', rows: mine.length },
    });
  });

  it('refuses mass assignment of id and the audit columns on create and update', async () => {
    for (const field of ['id', 'created_at', 'created_by', 'updated_at', 'updated_by', 'deleted_at']) {
      const value = field.endsWith('_at')
        ? '2020-01-01T00:00:00.000Z'
        : '00000000-0000-4000-8000-000000000001';
      const created = await s.call('POST', `${records}/customer`, {
        token: east,
        body: { name: `批量赋值 ${field}`, [field]: value },
      });
      expect(created.statusCode, `${field}: ${created.body}`).toBe(400);
      expect(created.json().error.details[0].path).toBe(field);
      const patched = await s.call('PATCH', `${records}/customer/${eastCustomer.id}`, {
        token: east,
        body: { version: eastCustomer.version, [field]: value },
      });
      expect(patched.statusCode, `${field}: ${patched.body}`).toBe(400);
    }
    const fresh = (await s.call('GET', `${records}/customer/${eastCustomer.id}`, { token: admin })).json();
    expect(fresh).toMatchObject({
      id: eastCustomer.id,
      version: eastCustomer.version,
      created_at: eastCustomer.created_at,
      created_by: eastCustomer.created_by,
    });
    // Owner and region of a new record: only the caller's own (an `all` scope may choose).
    const adminId = (await s.call('GET', '/api/auth/me', { token: admin })).json().id as string;
    const foreignOwner = await s.call('POST', `${records}/customer`, {
      token: east,
      body: { name: '批量赋值 owner', owner: adminId },
    });
    expect(foreignOwner.statusCode, foreignOwner.body).toBe(403);
    const foreignRegion = await s.call('POST', `${records}/customer`, {
      token: east,
      body: { name: '批量赋值 region', region: 'south' },
    });
    expect(foreignRegion.statusCode).toBe(403);
    const list = (
      await s.call('GET', `${records}/customer?q=${encodeURIComponent('批量赋值')}`, { token: admin })
    ).json();
    expect(list.items).toEqual([]);
  });

  it('shows private notes only to their author: not to an admin, not through filter or search', async () => {
    const contact = (
      await s.call('GET', `${records}/contact?limit=1&filter=${enc({ '==': [{ var: 'region' }, 'east'] })}`, {
        token: east,
      })
    ).json().items[0] as Rec;
    const secret = '只给自己看的备注 ZX81';
    const written = await s.call('PATCH', `${records}/contact/${contact.id}`, {
      token: east,
      body: { version: contact.version, private_notes: [{ text: secret }] },
    });
    expect(written.statusCode, written.body).toBe(200);
    expect(JSON.stringify(written.json().private_notes)).toContain(secret);
    const asAdmin = await s.call('GET', `${records}/contact/${contact.id}`, { token: admin });
    expect(asAdmin.statusCode).toBe(200);
    expect(asAdmin.body).not.toContain(secret);
    const history = await s.call('GET', `${records}/contact/${contact.id}/history`, { token: admin });
    expect(history.body).not.toContain(secret);
    const search = await s.call('GET', `${records}/contact?q=ZX81`, { token: admin });
    expect(search.json().items ?? []).toEqual([]);
    // Not even whether someone wrote a note: filters, sorts and reports on notes are unknown fields.
    for (const filter of [
      { '!=': [{ var: 'private_notes' }, null] },
      { is_empty: [{ var: 'private_notes' }] },
    ]) {
      const probe = await s.call('GET', `${records}/contact?filter=${enc(filter)}`, { token: admin });
      expect(probe.statusCode, probe.body).toBe(400);
      expect(probe.json().error.code).toBe('LATTICE_ERR_VALIDATION');
    }
    const sorted = await s.call('GET', `${records}/contact?sort=private_notes`, { token: admin });
    expect(sorted.statusCode).toBe(400);
    const counted = await s.call('POST', `${APP}/datasets/run`, {
      token: admin,
      body: {
        dataset: {
          entity: 'contact',
          filter: { is_empty: [{ var: 'private_notes' }] },
          measures: [{ type: 'count', as: 'n' }],
        },
      },
    });
    expect(counted.statusCode, counted.body).toBe(400);
  });

  it('shows the demo model: finance reads receivables of every region but contact mobiles only masked', async () => {
    const finance = await s.login('finance');
    const receivables = await s.call('GET', `${records}/receivable?limit=200`, { token: finance });
    expect(receivables.statusCode).toBe(200);
    const regions = new Set((receivables.json().items as Rec[]).map((r) => r.region));
    expect(regions.size).toBeGreaterThan(1);
    const contacts = (await s.call('GET', `${records}/contact?limit=50`, { token: finance })).json()
      .items as Rec[];
    const phones = contacts.map((c) => c.phone).filter((p) => p !== null && p !== undefined);
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(String(p)).toMatch(/^\d{3}\*{4}\d{4}$/);
    const contact = contacts.find((c) => c.phone)!;
    const reveal = await s.call('GET', `${records}/contact/${contact.id}/reveal/phone`, { token: finance });
    expect(reveal.statusCode).toBe(403);
  });

  it('refuses the read-only analyst any record write: records API, manual rules and approval submits', async () => {
    const analyst = await s.login('analyst');
    const create = await s.call('POST', `${records}/customer`, {
      token: analyst,
      body: { name: '分析师客户' },
    });
    expect(create.statusCode).toBe(403);
    const read = await s.call('GET', `${records}/customer/${eastCustomer.id}`, { token: analyst });
    expect(read.statusCode).toBe(200);
    const patch = await s.call('PATCH', `${records}/customer/${eastCustomer.id}`, {
      token: analyst,
      body: { version: read.json().version, short_name: 'x' },
    });
    expect(patch.statusCode).toBe(403);
    const submit = await s.call('POST', `${APP}/flows/start`, {
      token: analyst,
      body: { flow: 'customer_admission', recordId: eastCustomer.id },
    });
    expect(submit.statusCode, submit.body).toBe(403);
    const offered = await s.call('GET', `${APP}/flows/entity/customer`, { token: analyst });
    expect(offered.json()).toEqual([]);
    const offeredToSales = await s.call('GET', `${APP}/flows/entity/customer`, { token: east });
    expect(offeredToSales.json().map((f: { name: string }) => f.name)).toContain('customer_admission');
    const flows = await s.call('GET', `${APP}/flows/records/customer/${eastCustomer.id}`, { token: admin });
    expect(flows.json()).toEqual([]);
    const button = await s.call('POST', `${APP}/rules/risk_score_manual/run`, {
      token: analyst,
      body: { recordId: eastCustomer.id },
    });
    expect(button.statusCode).toBe(403);
  });

  it('applies the bound role scope to an API key and keeps it out of the admin API', async () => {
    const created = await s.call('POST', '/api/admin/api-keys', {
      token: admin,
      body: { name: 'MES', role: 'sales' },
    });
    expect(created.statusCode).toBe(201);
    const headers = { 'x-api-key': created.json().key as string };
    // A key has no region: the region scope of `sales` grants it no customer at all.
    const list = await s.call('GET', `${records}/customer?limit=50`, { headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
    expect((await s.call('GET', `${records}/customer/${southCustomer.id}`, { headers })).statusCode).toBe(
      404,
    );
    expect((await s.call('GET', `${records}/ecn?limit=1`, { headers })).statusCode).toBe(200);
    expect((await s.call('POST', `${records}/ecn`, { headers, body: {} })).statusCode).toBe(403);
    expect((await s.call('GET', '/api/admin/users', { headers })).statusCode).toBe(403);
  });

  it('filters the audit log viewer by user, entity, action and time', async () => {
    const before = encodeURIComponent(s.clock.now().toISOString());
    s.clock.advance(60_000);
    const from = encodeURIComponent(s.clock.now().toISOString());
    const patched = await s.call('PATCH', `${records}/customer/${eastCustomer.id}`, {
      token: east,
      body: { version: eastCustomer.version, short_name: '审计' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    s.clock.advance(60_000);
    const to = encodeURIComponent(s.clock.now().toISOString());
    const q = (params: string) =>
      s.call('GET', `/api/admin/audit?${params}`, { token: admin }).then((r) => r.json().items as Audit[]);
    type Audit = { actorName: string; entity: string | null; action: string };
    const hits = await q(`actor=sales_east&entity=customer&action=record.update&from=${from}&to=${to}`);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ actorName: 'sales_east', entity: 'customer', action: 'record.update' });
    expect(await q(`actor=sales_east&entity=customer&action=record.update&to=${before}`)).toEqual([]);
    expect(await q(`actor=finance&entity=customer&from=${from}`)).toEqual([]);
    const anyAction = await q(`actor=sales_east&action=record.&from=${from}&to=${to}`);
    expect(anyAction.every((a) => a.action.startsWith('record.') && a.actorName === 'sales_east')).toBe(true);
    expect(anyAction.length).toBeGreaterThanOrEqual(1);
    const forbidden = await s.call('GET', '/api/admin/audit', { token: east });
    expect(forbidden.statusCode).toBe(403);
  });
});
