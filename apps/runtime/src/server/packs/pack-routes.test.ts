import { buildPackBundle } from '@lattice/engine';
import { testDatabaseKinds } from '@lattice/engine/storage';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';
import { testPackFiles } from './pack-files.test-helper';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

describe.each(testDatabaseKinds())('pack routes on %s', (kind) => {
  let server: TestServer;
  let admin: string;
  const v1 = buildPackBundle(testPackFiles('0.1.0'));
  const v2 = buildPackBundle(
    testPackFiles('0.2.0', (d) => {
      d['entities/customer.json']!.fields.push({
        id: 'industry',
        name: 'industry',
        type: 'text',
        label: { zh: '行业', en: 'Industry' },
      });
    }),
  );

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.login('admin');
  });
  afterAll(async () => {
    await server.close();
  });

  it('validates an uploaded bundle and refuses a broken one with file and path', async () => {
    const ok = await server.call('POST', '/api/packs/validate', { token: admin, body: { bundle: v1 } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      appId: 'test-crm',
      documents: { entity: 2, view: 1, rule: 1 },
      installed: false,
    });
    const broken = buildPackBundle(
      testPackFiles('0.1.0', (d) => {
        d['entities/customer.json']!.fields[0].type = 'txt';
      }),
    );
    const bad = await server.call('POST', '/api/packs/install', { token: admin, body: { bundle: broken } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('LATTICE_ERR_PACK');
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toContain(
      'entities/customer.json:fields.0.type',
    );
    const altered = await server.call('POST', '/api/packs/validate', {
      token: admin,
      body: { bundle: v1.replace('Customers', 'Clients') },
    });
    expect(altered.statusCode).toBe(400);
  });

  it('installs only for admins, then lists the installed pack', async () => {
    const sales = await server.login('sales_east');
    expect(
      (await server.call('POST', '/api/packs/install', { token: sales, body: { bundle: v1 } })).statusCode,
    ).toBe(403);
    const res = await server.call('POST', '/api/packs/install', {
      token: admin,
      body: { bundle: v1, seed: 'demo' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      appId: 'test-crm',
      version: '0.1.0',
      seed: { records: 12, skipped: 0 },
    });
    const list = await server.call('GET', '/api/packs', { token: admin });
    expect(list.json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ appId: 'test-crm', version: '0.1.0' })]),
    );
    const records = await server.call('GET', '/api/apps/test-crm/records/customer', { token: admin });
    expect(records.statusCode).toBe(200);
  });

  it('previews and applies an upgrade, refusing a downgrade', async () => {
    const preview = await server.call('POST', '/api/packs/upgrade/preview', {
      token: admin,
      body: { bundle: v2 },
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().changes).toContainEqual({
      op: 'add_field',
      doc: 'entity:customer',
      field: 'industry',
    });
    const applied = await server.call('POST', '/api/packs/upgrade', { token: admin, body: { bundle: v2 } });
    expect(applied.statusCode).toBe(200);
    expect(applied.json().to.version).toBe('0.2.0');
    const down = await server.call('POST', '/api/packs/upgrade/preview', {
      token: admin,
      body: { bundle: v1 },
    });
    expect(down.statusCode).toBe(400);
    expect(down.json().error.details[0].path).toBe('pack.json:version');
  });

  it('downloads an app as a pack file', async () => {
    const res = await server.call('GET', '/api/packs/export/test-crm?version=0.3.0', { token: admin });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('test-crm-0.3.0.lattice-pack.json');
    expect(JSON.parse(res.body)).toMatchObject({ format: 'lattice-pack', manifest: { version: '0.3.0' } });
  });
});
