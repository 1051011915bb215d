import { testDatabaseKinds } from '@lattice/engine/storage';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';

const records = '/api/apps/mfg-crm/records';

describe.each(testDatabaseKinds())('admin and auth hardening on %s', (kind) => {
  let s: TestServer;
  let admin: string;
  beforeAll(async () => {
    s = await startTestServer(kind, { loginPolicy: { rateLimitMax: 1000 } });
  });
  // Tests move the clock past the 15-minute token lifetime: sign in afresh for each.
  beforeEach(async () => {
    admin = await s.login('admin');
  });
  afterAll(async () => s?.close());

  it('keeps the admin API to admins', async () => {
    const sales = await s.login('sales_east');
    expect((await s.call('GET', '/api/admin/users', { token: sales })).statusCode).toBe(403);
    expect((await s.call('GET', '/api/admin/users')).statusCode).toBe(401);
  });

  it('creates API keys shown once, authenticates with them by either header, and revokes them', async () => {
    const created = await s.call('POST', '/api/admin/api-keys', {
      token: admin,
      body: { name: 'ERP', role: 'finance' },
    });
    expect(created.statusCode).toBe(201);
    const { key, id } = created.json();
    expect(key).toMatch(/^lk_/);
    const listed = (await s.call('GET', '/api/admin/api-keys', { token: admin })).json();
    expect(JSON.stringify(listed)).not.toContain(key);
    const stored = await s.db.kysely.selectFrom('lattice.api_keys').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(key);

    const viaAuth = await s.call('GET', `${records}/customer?limit=1`, {
      headers: { authorization: `ApiKey ${key}` },
    });
    expect(viaAuth.statusCode).toBe(200);
    const viaHeader = await s.call('GET', `${records}/customer?limit=1`, { headers: { 'x-api-key': key } });
    expect(viaHeader.statusCode).toBe(200);
    // Bound to the finance role: reads, but may not create customers.
    const write = await s.call('POST', `${records}/customer`, {
      headers: { 'x-api-key': key },
      body: { name: 'x' },
    });
    expect(write.statusCode).toBe(403);

    expect((await s.call('DELETE', `/api/admin/api-keys/${id}`, { token: admin })).statusCode).toBe(200);
    expect((await s.call('GET', `${records}/customer`, { headers: { 'x-api-key': key } })).statusCode).toBe(
      401,
    );
    const actions = (await s.call('GET', '/api/admin/audit?action=security.', { token: admin })).json();
    expect(actions.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['security.api_key_create', 'security.api_key_revoke']),
    );
  });

  it('refuses forged, expired and revoked access tokens', async () => {
    const token = await s.login('risk');
    const [h, p] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), roles: ['admin'] })).toString('base64url')}.${token.split('.')[2]}`;
    expect((await s.call('GET', '/api/admin/users', { token: forged })).statusCode).toBe(401);

    const refresh = await s.call('POST', '/api/auth/login', {
      body: { username: 'risk', password: 'demo1234' },
    });
    const session = refresh.json();
    s.clock.advance(1);
    expect((await s.call('GET', '/api/auth/me', { token: session.accessToken })).statusCode).toBe(200);
    await s.call('POST', '/api/auth/logout', { body: { refreshToken: session.refreshToken } });
    const revoked = await s.call('GET', '/api/auth/me', { token: session.accessToken });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.details[0].message).toContain('吊销');

    s.clock.advance(1);
    const fresh = await s.login('risk');
    s.clock.advance(16 * 60_000);
    expect((await s.call('GET', '/api/auth/me', { token: fresh })).statusCode).toBe(401);
  });

  it('changes a password, revoking every session, and audits it', async () => {
    const login = await s.call('POST', '/api/auth/login', {
      body: { username: 'finance', password: 'demo1234' },
    });
    const { accessToken, refreshToken } = login.json();
    s.clock.advance(1);
    const wrong = await s.call('POST', '/api/auth/password', {
      token: accessToken,
      body: { currentPassword: 'nope', newPassword: 'new-password-1' },
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await s.call('POST', '/api/auth/password', {
      token: accessToken,
      body: { currentPassword: 'demo1234', newPassword: 'new-password-1' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await s.call('GET', '/api/auth/me', { token: accessToken })).statusCode).toBe(401);
    expect((await s.call('POST', '/api/auth/refresh', { body: { refreshToken } })).statusCode).toBe(401);
    s.clock.advance(1);
    const again = await s.call('POST', '/api/auth/login', {
      body: { username: 'finance', password: 'new-password-1' },
    });
    expect(again.statusCode).toBe(200);
    const audit = (
      await s.call('GET', '/api/admin/audit?actor=finance&action=auth.password_change', { token: admin })
    ).json();
    expect(audit.items).toHaveLength(1);
  });

  it('manages users, a department tree and regions', async () => {
    const created = await s.call('POST', '/api/admin/users', {
      token: admin,
      body: {
        username: 'sales_west',
        password: 'password-1',
        roles: ['sales'],
        region: 'southwest',
        department: 'sales_west',
      },
    });
    expect(created.statusCode).toBe(201);
    const patched = await s.call('PATCH', `/api/admin/users/${created.json().id}`, {
      token: admin,
      body: { region: 'north' },
    });
    expect(patched.json()).toMatchObject({ region: 'north' });

    await s.call('PUT', '/api/admin/departments/sales', {
      token: admin,
      body: { name: { zh: '销售部', en: 'Sales' } },
    });
    const child = await s.call('PUT', '/api/admin/departments/sales_east', {
      token: admin,
      body: { name: { zh: '华东销售', en: 'Sales East' }, parent: 'sales' },
    });
    expect(child.statusCode).toBe(200);
    const cycle = await s.call('PUT', '/api/admin/departments/sales', {
      token: admin,
      body: { name: { zh: '销售部', en: 'Sales' }, parent: 'sales_east' },
    });
    expect(cycle.statusCode).toBe(400);
    const region = await s.call('PUT', '/api/admin/regions/east', {
      token: admin,
      body: { name: { zh: '华东', en: 'East' } },
    });
    expect(region.statusCode).toBe(200);
    expect((await s.call('GET', '/api/admin/regions', { token: admin })).json()).toHaveLength(1);
  });

  it('saves a role document, publishes it and audits the permission change', async () => {
    const roles = (await s.call('GET', '/api/admin/apps/mfg-crm/roles', { token: admin })).json();
    const risk = roles.find((r: { name: string }) => r.name === 'risk');
    const next = { ...risk, entities: { customer: { rights: ['read'], scope: { type: 'region' } } } };
    const saved = await s.call('PUT', '/api/admin/apps/mfg-crm/roles/risk', { token: admin, body: next });
    expect(saved.statusCode, saved.body).toBe(200);
    const riskToken = await s.login('risk');
    // risk has no region: a region scope shows nothing; opportunities are no longer granted at all.
    expect((await s.call('GET', `${records}/customer`, { token: riskToken })).json().items).toEqual([]);
    expect((await s.call('GET', `${records}/opportunity`, { token: riskToken })).statusCode).toBe(403);
    const audit = (
      await s.call('GET', '/api/admin/audit?action=security.role_change', { token: admin })
    ).json();
    expect(audit.items[0].detail).toMatchObject({ role: 'risk' });
  });

  it('publishes only the saved role: pending draft edits of entities stay unpublished, the change is audited', async () => {
    const app = '/api/apps/mfg-crm';
    const draft = (await s.call('GET', `${app}/draft`, { token: admin })).json();
    const relabelled = {
      ...draft,
      documents: draft.documents.map((d: { kind: string; name: string; label: object }) =>
        d.kind === 'entity' && d.name === 'customer'
          ? { ...d, label: { zh: '草稿客户', en: 'Draft customer' } }
          : d,
      ),
    };
    expect((await s.call('PUT', `${app}/draft`, { token: admin, body: relabelled })).statusCode).toBe(200);
    const liveBefore = (await s.call('GET', app, { token: admin })).json();
    const sales = liveBefore.definition.documents.find(
      (d: { kind: string; name: string }) => d.kind === 'role' && d.name === 'sales',
    );
    const contact = sales.entities.contact;
    const next = {
      ...sales,
      entities: {
        ...sales.entities,
        contact: { ...contact, fields: { ...contact.fields, email: 'hidden' } },
      },
    };
    const saved = await s.call('PUT', '/api/admin/apps/mfg-crm/roles/sales', {
      token: admin,
      body: next,
      remoteAddress: '10.1.2.3',
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const live = (await s.call('GET', app, { token: admin })).json();
    expect(live.version).toBe(liveBefore.version + 1);
    const entityOf = (def: { documents: { kind: string; name: string; label: unknown }[] }) =>
      def.documents.find((d) => d.kind === 'entity' && d.name === 'customer');
    expect(entityOf(live.definition)?.label).toEqual(entityOf(liveBefore.definition)?.label);
    const roleOf = (def: { documents: { kind: string; name: string }[] }) =>
      def.documents.find((d) => d.kind === 'role' && d.name === 'sales');
    expect(roleOf(live.definition)).toEqual(next);
    const draftAfter = (await s.call('GET', `${app}/draft`, { token: admin })).json();
    expect(entityOf(draftAfter)?.label).toEqual({ zh: '草稿客户', en: 'Draft customer' });
    expect(roleOf(draftAfter)).toEqual(next);

    const salesToken = await s.login('sales_east');
    const contacts = (await s.call('GET', `${records}/contact?limit=5`, { token: salesToken })).json().items;
    expect(contacts.length).toBeGreaterThan(0);
    expect(contacts.every((c: object) => !('email' in c))).toBe(true);

    const audit = (
      await s.call('GET', '/api/admin/audit?action=security.role_change', { token: admin })
    ).json();
    expect(audit.items[0]).toMatchObject({
      actorName: 'admin',
      ip: '10.1.2.3',
      at: s.clock.now().toISOString(),
      detail: { role: 'sales', before: sales, after: next, version: live.version },
    });
  });
});
