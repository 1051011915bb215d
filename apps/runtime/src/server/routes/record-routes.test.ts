import { testDatabaseKinds } from '@lattice/engine/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';

const base = '/api/apps/mfg-crm/records';

describe.each(testDatabaseKinds())('records REST on %s', (kind) => {
  let s: TestServer;
  let token: string;
  let customerId: string;
  beforeAll(async () => {
    s = await startTestServer(kind);
    token = await s.login('sales_east');
    const list = await s.call('GET', `${base}/customer?limit=1`, { token });
    customerId = list.json().items[0].id;
  });
  afterAll(async () => s?.close());

  it('creates, reads, updates and soft-deletes a record, keeping its history', async () => {
    const created = await s.call('POST', `${base}/opportunity`, {
      token,
      body: { name: '苏州 冲压件二期', customer: customerId, amount: 120000, probability: 50, stage: 'lead' },
    });
    expect(created.statusCode).toBe(201);
    const rec = created.json();
    expect(rec).toMatchObject({
      name: '苏州 冲压件二期',
      amount: 120000,
      version: 1,
      weighted_amount: 60000,
    });

    const got = await s.call('GET', `${base}/opportunity/${rec.id}`, { token });
    expect(got.json()).toMatchObject({ id: rec.id, customer: customerId });

    const patched = await s.call('PATCH', `${base}/opportunity/${rec.id}`, {
      token,
      body: { version: 1, values: { amount: 150000 } },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ amount: 150000, version: 2 });

    const flat = await s.call('PATCH', `${base}/opportunity/${rec.id}`, {
      token,
      body: { version: 2, stage: 'qualified' },
    });
    expect(flat.json()).toMatchObject({ stage: 'qualified', version: 3 });

    const history = await s.call('GET', `${base}/opportunity/${rec.id}/history`, { token });
    expect(history.json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'amount', oldValue: 120000, newValue: 150000 }),
      ]),
    );

    const del = await s.call('DELETE', `${base}/opportunity/${rec.id}`, { token });
    expect(del.statusCode).toBe(204);
    expect((await s.call('GET', `${base}/opportunity/${rec.id}`, { token })).statusCode).toBe(404);

    const audit = await s.db.kysely
      .selectFrom('lattice.audit_log')
      .select('action')
      .where('record_id', '=', rec.id)
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(4);
  });

  it('lists with filter, sort, limit and a cursor to the next page', async () => {
    const filter = encodeURIComponent(JSON.stringify({ '==': [{ var: 'region' }, 'east'] }));
    const first = await s.call('GET', `${base}/customer?filter=${filter}&sort=-annual_revenue,name&limit=2`, {
      token,
    });
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items).toHaveLength(2);
    expect(page1.items.every((c: { region: string }) => c.region === 'east')).toBe(true);
    expect(page1.items[0].annual_revenue).toBeGreaterThanOrEqual(page1.items[1].annual_revenue);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const second = await s.call(
      'GET',
      `${base}/customer?filter=${filter}&sort=-annual_revenue,name&limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`,
      { token },
    );
    const ids = second.json().items.map((c: { id: string }) => c.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(page1.items[0].id);
  });

  it('refuses a page size above 200', async () => {
    const res = await s.call('GET', `${base}/customer?limit=500`, { token });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('query.limit');
  });

  it('answers 409 for a stale version and 400 when the version is missing', async () => {
    const rec = (
      await s.call('POST', `${base}/customer`, { token, body: { name: '版本测试有限公司' } })
    ).json();
    expect(
      (
        await s.call('PATCH', `${base}/customer/${rec.id}`, {
          token,
          body: { version: 1, values: { tier: 'A' } },
        })
      ).statusCode,
    ).toBe(200);
    const stale = await s.call('PATCH', `${base}/customer/${rec.id}`, {
      token,
      body: { version: 1, values: { tier: 'B' } },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('LATTICE_ERR_STALE_VERSION');
    const missing = await s.call('PATCH', `${base}/customer/${rec.id}`, {
      token,
      body: { values: { tier: 'B' } },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].path).toBe('version');
    const now = (await s.call('GET', `${base}/customer/${rec.id}`, { token })).json();
    expect(now).toMatchObject({ tier: 'A', version: 2 });
  });

  it('lets exactly one of 10 concurrent PATCHes with the same version win', async () => {
    const rec = (
      await s.call('POST', `${base}/customer`, { token, body: { name: '并发测试有限公司', employees: 0 } })
    ).json();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        s.call('PATCH', `${base}/customer/${rec.id}`, {
          token,
          body: { version: 1, values: { employees: i + 1 } },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(9);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    const stored = (await s.call('GET', `${base}/customer/${rec.id}`, { token })).json();
    expect(stored).toMatchObject({ version: 2, employees: winner.employees });
    const history = (await s.call('GET', `${base}/customer/${rec.id}/history`, { token })).json();
    expect(
      history.filter(
        (h: { field: string; oldValue: unknown }) => h.field === 'employees' && h.oldValue === 0,
      ),
    ).toHaveLength(1);
  });
});
