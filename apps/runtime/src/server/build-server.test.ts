import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDatabase, testDatabaseKinds } from '@lattice/engine/storage';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from './build-server';
import { DEMO_PASSWORD } from './demo/demo-users';
import { fakeClock } from './testing/test-server';

describe.each(testDatabaseKinds())('the runtime over a real socket on %s', (kind) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('serves the API and both SPAs with client-side routing fallbacks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lattice-static-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    for (const [name, title] of [
      ['studio', 'Studio'],
      ['web', 'Runtime'],
    ] as const) {
      mkdirSync(join(dir, name, 'assets'), { recursive: true });
      writeFileSync(join(dir, name, 'index.html'), `<html><title>${title}</title></html>`);
      writeFileSync(join(dir, name, 'assets', 'app.js'), `console.log('${title}')`);
    }
    const db = await openTestDatabase(kind);
    cleanups.push(() => db.close());
    const app = await buildServer({
      db,
      clock: fakeClock(),
      dataDir: dir,
      jwtSecret: 'socket-test-secret-socket-test-secret',
      demo: true,
      staticDirs: { studio: join(dir, 'studio'), web: join(dir, 'web') },
    });
    cleanups.push(() => app.close());
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ status: 'ok', db: kind });
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sales_south', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const list = await fetch(`${url}/api/apps/mfg-crm/records/customer?limit=3&sort=name`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(3);

    expect(await (await fetch(`${url}/`)).text()).toContain('Runtime');
    expect(await (await fetch(`${url}/assets/app.js`)).text()).toContain("console.log('Runtime')");
    expect(
      await (await fetch(`${url}/customers/123`, { headers: { accept: 'text/html' } })).text(),
    ).toContain('Runtime');
    expect(await (await fetch(`${url}/studio/`)).text()).toContain('Studio');
    expect(await (await fetch(`${url}/studio/apps/mfg-crm/entities`)).text()).toContain('Studio');
    const apiMiss = await fetch(`${url}/api/nope`);
    expect(apiMiss.status).toBe(404);
    expect(((await apiMiss.json()) as { error: { code: string } }).error.code).toBe('LATTICE_ERR_NOT_FOUND');
  });
});
