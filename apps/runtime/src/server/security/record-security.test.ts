import { testDatabaseKinds } from '@lattice/engine/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packDemoSource } from '../demo/pack-demo-source';
import { startTestServer, type TestServer } from '../testing/test-server';

const base = '/api/apps/mfg-crm/records';
type Rec = Record<string, unknown> & { id: string; version: number };

describe.each(testDatabaseKinds())('record security on %s', (kind) => {
  let s: TestServer;
  let east: string;
  let finance: string;
  let analyst: string;
  let southCustomer: Rec;
  let eastCustomer: Rec;

  beforeAll(async () => {
    s = await startTestServer(kind, { demoSources: [packDemoSource(undefined, 0.03)] });
    await s.app.demoSeeded;
    east = await s.login('sales_east');
    finance = await s.login('finance');
    analyst = await s.login('analyst');
    const admin = await s.login('admin');
    const south = await s.call(
      'GET',
      `${base}/customer?limit=1&filter=${enc({ '==': [{ var: 'region' }, 'south'] })}`,
      {
        token: admin,
      },
    );
    southCustomer = south.json().items[0];
    const eastList = await s.call(
      'GET',
      `${base}/customer?limit=1&filter=${enc({ '==': [{ var: 'region' }, 'east'] })}`,
      {
        token: admin,
      },
    );
    eastCustomer = eastList.json().items[0];
    expect(southCustomer?.id).toBeTruthy();
    expect(eastCustomer?.id).toBeTruthy();
  }, 120_000);
  afterAll(async () => s?.close());

  it('lists only the region of a region-scoped user, also for children and text search', async () => {
    const res = await s.call('GET', `${base}/customer?limit=200`, { token: east });
    expect(res.statusCode, res.body).toBe(200);
    const customers = res.json().items as Rec[];
    expect(customers.length).toBeGreaterThan(0);
    expect(customers.every((c) => c.region === 'east')).toBe(true);
    const contacts = (await s.call('GET', `${base}/contact?limit=200`, { token: east })).json()
      .items as Rec[];
    expect(contacts.length).toBeGreaterThan(0);
    expect(contacts.every((c) => c.region === 'east')).toBe(true);
    const name = String(southCustomer.name);
    const found = (
      await s.call('GET', `${base}/customer?q=${encodeURIComponent(name)}`, { token: east })
    ).json();
    expect(found.items).toEqual([]);
  });

  it('answers 404, not 403, for an out-of-scope id on read, update, delete and history', async () => {
    const url = `${base}/customer/${southCustomer.id}`;
    expect((await s.call('GET', url, { token: east })).statusCode).toBe(404);
    expect((await s.call('GET', `${url}/history`, { token: east })).statusCode).toBe(404);
    const patch = await s.call('PATCH', url, {
      token: east,
      body: { version: southCustomer.version, name: 'x' },
    });
    expect(patch.statusCode).toBe(404);
    expect((await s.call('GET', `${base}/customer/${eastCustomer.id}`, { token: east })).statusCode).toBe(
      200,
    );
  });

  it('refuses user and department values that name nobody, per field; real ids and the author’s stamps pass', async () => {
    const admin = await s.login('admin');
    const users = (await s.call('GET', '/api/directory/users', { token: admin })).json() as {
      id: string;
      username: string;
    }[];
    const engineer = users.find((u) => u.username === 'engineer')!;
    const bad = await s.call('POST', `${base}/service_ticket`, {
      token: admin,
      body: {
        subject: '主轴异响',
        reported_at: '2026-03-02T02:30:00Z',
        customer: eastCustomer.id,
        engineer: 'engineer',
        department: 'no_such_dept',
      },
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(
      bad.json().error.details.map((d: { path: string; message: string }) => [d.path, d.message]),
    ).toEqual([
      ['engineer', '用户不存在：engineer'],
      ['department', '部门不存在：no_such_dept'],
    ]);
    const good = await s.call('POST', `${base}/service_ticket`, {
      token: admin,
      body: {
        subject: '主轴异响',
        reported_at: '2026-03-02T02:30:00Z',
        customer: eastCustomer.id,
        engineer: engineer.id,
      },
    });
    expect(good.statusCode, good.body).toBe(201);
    const moved = await s.call('PATCH', `${base}/service_ticket/${good.json().id}`, {
      token: admin,
      body: { version: good.json().version, owner: 'zhangsan' },
    });
    expect(moved.statusCode, moved.body).toBe(400);
    expect(moved.json().error.details[0].path).toBe('owner');
  });

  it('refuses mass assignment of owner, region and version', async () => {
    const owner = await s.call('PATCH', `${base}/customer/${eastCustomer.id}`, {
      token: east,
      body: { version: eastCustomer.version, owner: '00000000-0000-0000-0000-000000000001' },
    });
    expect(owner.statusCode).toBe(403);
    const region = await s.call('PATCH', `${base}/customer/${eastCustomer.id}`, {
      token: east,
      body: { version: eastCustomer.version, region: 'south' },
    });
    expect(region.statusCode).toBe(403);
    const version = await s.call('POST', `${base}/contact`, {
      token: east,
      body: { name: '赵六', customer: eastCustomer.id, version: 99 },
    });
    expect(version.statusCode).toBe(400);
    const fresh = (await s.call('GET', `${base}/customer/${eastCustomer.id}`, { token: east })).json();
    expect(fresh).toMatchObject({ version: eastCustomer.version, region: 'east' });
  });

  it('keeps created children in the creator region and refuses read-only fields', async () => {
    const created = await s.call('POST', `${base}/contact`, {
      token: east,
      body: { name: '钱七', customer: eastCustomer.id, phone: '13812345678', decision_role: 'purchaser' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ region: 'east', phone: '138****5678' });
    const contactId = created.json().id;
    const stored = await s.db.kysely
      .selectFrom('app_mfg_crm.contact')
      .selectAll()
      .where('id', '=', contactId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain('13812345678');
    const reveal = await s.call('GET', `${base}/contact/${contactId}/reveal/phone`, { token: east });
    expect(reveal.json()).toEqual({ field: 'phone', value: '13812345678' });
    const audit = await s.db.kysely
      .selectFrom('lattice.audit_log')
      .selectAll()
      .where('action', '=', 'record.reveal')
      .where('record_id', '=', contactId)
      .execute();
    expect(audit).toHaveLength(1);
    const denied = await s.call('GET', `${base}/contact/${contactId}/reveal/phone`, { token: finance });
    expect(denied.statusCode).toBe(403);
    const ro = await s.call('PATCH', `${base}/customer/${eastCustomer.id}`, {
      token: east,
      body: { version: eastCustomer.version, credit_limit: 1 },
    });
    expect(ro.statusCode).toBe(403);
    expect(ro.json().error.details[0].path).toBe('credit_limit');
  });

  it('stores the mobiles of the demo contacts encrypted', async () => {
    const rows = await s.db.kysely.selectFrom('app_mfg_crm.contact').select('phone').limit(20).execute();
    const phones = rows.map((r) => r.phone).filter((p): p is string => typeof p === 'string');
    expect(phones.length).toBeGreaterThan(0);
    expect(phones.every((p) => p.startsWith('enc:v1:'))).toBe(true);
  });

  it('masks contact mobiles for finance and refuses filtering or sorting on them', async () => {
    const contacts = (await s.call('GET', `${base}/contact?limit=20`, { token: finance })).json()
      .items as Rec[];
    const withPhone = contacts.filter((c) => c.phone !== null);
    expect(withPhone.length).toBeGreaterThan(0);
    for (const c of withPhone) expect(String(c.phone)).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(contacts.every((c) => !('private_notes' in c) && !('personality' in c))).toBe(true);
    const filter = enc({ starts_with: [{ var: 'phone' }, '138'] });
    const byPhone = await s.call('GET', `${base}/contact?filter=${filter}`, { token: finance });
    expect(byPhone.statusCode).toBe(400);
    const bySort = await s.call('GET', `${base}/contact?sort=personality`, { token: finance });
    const byUnknown = await s.call('GET', `${base}/contact?sort=no_such_field`, { token: finance });
    expect(bySort.statusCode).toBe(400);
    expect(bySort.json().error.details[0].message).toEqual(
      byUnknown.json().error.details[0].message.replace('no_such_field', 'personality'),
    );
    const hidden = enc({ '==': [{ var: 'personality' }, 'analytical'] });
    expect((await s.call('GET', `${base}/contact?filter=${hidden}`, { token: finance })).statusCode).toBe(
      400,
    );
  });

  it('leaves hidden fields and unreadable entities out of the OpenAPI document', async () => {
    const mine = (await s.call('GET', '/api/docs/json', { token: finance })).json();
    const contact = mine.components.schemas['mfg-crm.contact'].properties;
    expect(contact).toHaveProperty('name');
    expect(contact).not.toHaveProperty('personality');
    expect(contact).not.toHaveProperty('private_notes');
    expect(mine.components.schemas).not.toHaveProperty('mfg-crm.ecn');
    const anonymous = (await s.call('GET', '/api/docs/json')).json();
    expect(anonymous.components.schemas['mfg-crm.contact'].properties).not.toHaveProperty('personality');
    const admin = (await s.call('GET', '/api/docs/json', { token: await s.login('admin') })).json();
    expect(admin.components.schemas['mfg-crm.contact'].properties).toHaveProperty('personality');
  });

  it('lets the analyst read but not write records', async () => {
    expect((await s.call('GET', `${base}/customer?limit=1`, { token: analyst })).statusCode).toBe(200);
    const res = await s.call('POST', `${base}/customer`, { token: analyst, body: { name: '新客户' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('LATTICE_ERR_FORBIDDEN');
  });

  it('refuses entities the role has no right on', async () => {
    const res = await s.call('GET', `${base}/receivable`, { token: await s.login('sales_east') });
    expect(res.statusCode).toBe(200);
    const ecn = await s.call('POST', `${base}/ecn`, { token: finance, body: {} });
    expect(ecn.statusCode).toBe(403);
  });
});

function enc(v: unknown): string {
  return encodeURIComponent(JSON.stringify(v));
}
