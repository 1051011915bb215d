import type { AppDefinition, EntityDoc } from '@lattice/engine';
import { testDatabaseKinds } from '@lattice/engine/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';

const app = '/api/apps/mfg-crm';

const equipment: EntityDoc = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'equipment',
  label: { zh: '设备台账', en: 'Equipment' },
  titleField: 'serial_no',
  fields: [
    {
      id: 'f_serial',
      name: 'serial_no',
      type: 'text',
      required: true,
      label: { zh: '序列号', en: 'Serial no.' },
    },
    { id: 'f_installed', name: 'installed_on', type: 'date', label: { zh: '安装日期', en: 'Installed on' } },
  ],
};

describe.each(testDatabaseKinds())('metadata routes on %s', (kind) => {
  let s: TestServer;
  let analyst: string;
  beforeAll(async () => {
    s = await startTestServer(kind);
    analyst = await s.login('analyst');
  });
  afterAll(async () => s?.close());

  it('lists the demo app and serves its live definition and entities', async () => {
    const apps = (await s.call('GET', '/api/apps', { token: analyst })).json();
    expect(apps).toEqual([expect.objectContaining({ id: 'mfg-crm', liveVersion: 1 })]);
    const live = (await s.call('GET', app, { token: analyst })).json();
    expect(live.version).toBe(1);
    expect(live.definition.documents.map((d: EntityDoc) => d.name)).toEqual(
      expect.arrayContaining(['customer', 'contact', 'opportunity']),
    );
    const entity = await s.call('GET', `${app}/entities/customer`, { token: analyst });
    expect(entity.json()).toMatchObject({ kind: 'entity', name: 'customer' });
    expect((await s.call('GET', `${app}/entities/nothing`, { token: analyst })).statusCode).toBe(404);
    expect((await s.call('GET', '/api/apps/no-such-app', { token: analyst })).statusCode).toBe(404);
  });

  it('saves a draft, previews, publishes, lists versions and rolls back', async () => {
    const draft: AppDefinition = (await s.call('GET', `${app}/draft`, { token: analyst })).json();
    const next = { ...draft, documents: [...draft.documents, equipment] };
    const saved = await s.call('PUT', `${app}/draft`, { token: analyst, body: next });
    expect(saved.statusCode).toBe(200);

    const preview = (await s.call('POST', `${app}/publish/preview`, { token: analyst })).json();
    expect(preview).toMatchObject({ fromVersion: 1, lossy: false });
    expect(preview.changes).toEqual([expect.objectContaining({ kind: 'add_entity', entity: 'equipment' })]);

    const published = await s.call('POST', `${app}/publish`, { token: analyst, body: { note: '设备台账' } });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ version: 2 });
    // Analysts edit metadata but no records (their role grants read/export only).
    const analystWrite = await s.call('POST', `${app}/records/equipment`, {
      token: analyst,
      body: { serial_no: 'SN-001' },
    });
    expect(analystWrite.statusCode).toBe(403);
    const rec = await s.call('POST', `${app}/records/equipment`, {
      token: await s.login('admin'),
      body: { serial_no: 'SN-001' },
    });
    expect(rec.statusCode).toBe(201);

    const versions = (await s.call('GET', `${app}/versions`, { token: analyst })).json();
    expect(versions.map((v: { version: number }) => v.version).sort()).toEqual([1, 2]);

    const refused = await s.call('POST', `${app}/rollback`, { token: analyst, body: { version: 1 } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('LATTICE_ERR_LOSSY_CHANGE');
    const rolled = await s.call('POST', `${app}/rollback`, {
      token: analyst,
      body: { version: 1, confirmLossy: true },
    });
    expect(rolled.statusCode).toBe(200);
    expect(rolled.json()).toMatchObject({ version: 3 });
    expect((await s.call('GET', `${app}/records/equipment`, { token: analyst })).statusCode).toBe(404);
  });

  it('publishes without a body and reports when there is nothing to publish', async () => {
    const res = await s.call('POST', `${app}/publish`, { token: analyst });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('LATTICE_ERR_NOTHING_TO_PUBLISH');
  });

  it('keeps drafts and publishing to designers', async () => {
    const sales = await s.login('sales_south');
    expect((await s.call('GET', `${app}/draft`, { token: sales })).statusCode).toBe(403);
    const res = await s.call('POST', `${app}/publish`, { token: sales, body: {} });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('LATTICE_ERR_FORBIDDEN');
  });

  it('generates the OpenAPI document from the live metadata', async () => {
    const doc = (await s.call('GET', '/api/docs/json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/apps/mfg-crm/records/customer']).toHaveProperty('post');
    expect(doc.paths['/api/apps/mfg-crm/records/customer/{id}']).toHaveProperty('patch');
    expect(doc.paths['/api/auth/login']).toHaveProperty('post');
    const customer = doc.components.schemas['mfg-crm.customer'];
    expect(customer.properties.annual_revenue.type).toBe('number');
    expect(customer.properties.employees.type).toBe('integer');
    expect(customer.properties.tier.enum).toEqual(['A', 'B', 'C']);
    expect(customer.properties.code.readOnly).toBe(true);
    expect(doc.components.schemas['mfg-crm.customer.input'].properties).not.toHaveProperty('code');
    const page = await s.call('GET', '/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/html/);
  });

  it('sends secure headers and keeps CORS closed', async () => {
    const res = await s.call('GET', '/api/health', { headers: { origin: 'https://evil.example' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('does not install the demo twice when the server restarts on the same database', async () => {
    const { buildServer } = await import('../build-server');
    const again = await buildServer({
      db: s.db,
      clock: s.clock,
      dataDir: '/nonexistent',
      jwtSecret: 'test-secret-test-secret-test-secret',
      demo: true,
    });
    await again.close();
    const apps = (await s.call('GET', '/api/apps', { token: analyst })).json();
    expect(apps).toHaveLength(1);
    const users = await s.db.kysely.selectFrom('lattice.users').select('username').execute();
    expect(users.map((u) => u.username).sort()).toEqual(
      ['admin', 'analyst', 'finance', 'risk', 'sales_east', 'sales_south'].sort(),
    );
  });

  it('creates an empty app for designers and refuses a duplicate id', async () => {
    const body = { id: 'field-service', label: { zh: '现场服务', en: 'Field service' } };
    const created = await s.call('POST', '/api/apps', { token: analyst, body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'field-service', liveVersion: null });
    const draft = (await s.call('GET', '/api/apps/field-service/draft', { token: analyst })).json();
    expect(draft).toMatchObject({ id: 'field-service', documents: [] });
    const duplicate = await s.call('POST', '/api/apps', { token: analyst, body });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.details[0].path).toBe('id');
    const bad = await s.call('POST', '/api/apps', { token: analyst, body: { ...body, id: 'Bad Id' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('id');
    const sales = await s.login('sales_south');
    expect((await s.call('POST', '/api/apps', { token: sales, body })).statusCode).toBe(403);
  });

  it('serves end users the live definition without role documents or webhook addresses', async () => {
    const draft: AppDefinition = (await s.call('GET', `${app}/draft`, { token: analyst })).json();
    const hook = {
      kind: 'rule',
      schemaVersion: 1,
      name: 'erp_sync',
      label: { zh: 'ERP 同步', en: 'ERP sync' },
      entity: 'customer',
      enabled: false,
      trigger: { type: 'record_created' },
      actions: [{ type: 'call_webhook', url: 'https://erp.example.com/hook?token=s3cret' }],
    };
    await s.call('PUT', `${app}/draft`, {
      token: analyst,
      body: { ...draft, documents: [...draft.documents, hook] },
    });
    expect((await s.call('POST', `${app}/publish`, { token: analyst })).statusCode).toBe(200);

    const forAnalyst = (await s.call('GET', app, { token: analyst })).json();
    expect(JSON.stringify(forAnalyst)).toContain('token=s3cret');
    expect(forAnalyst.definition.documents.some((d: { kind: string }) => d.kind === 'role')).toBe(true);

    const sales = await s.login('sales_east');
    const forSales = (await s.call('GET', app, { token: sales })).json();
    expect(JSON.stringify(forSales)).not.toContain('s3cret');
    expect(forSales.definition.documents.some((d: { kind: string }) => d.kind === 'role')).toBe(false);
    expect(forSales.definition.documents.map((d: { name: string }) => d.name)).toContain('erp_sync');

    await s.call('PUT', `${app}/draft`, { token: analyst, body: draft });
    expect((await s.call('POST', `${app}/publish`, { token: analyst })).statusCode).toBe(200);
  });
});
