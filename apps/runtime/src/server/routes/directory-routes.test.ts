import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';

describe('user directory', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('pglite');
  });
  afterAll(async () => s?.close());

  it('lists users with display names and no secrets to any signed-in user', async () => {
    const token = await s.login('sales_east');
    const res = await s.call('GET', '/api/directory/users', { token });
    expect(res.statusCode).toBe(200);
    const users = res.json() as Record<string, unknown>[];
    const admin = users.find((u) => u.username === 'admin');
    expect(admin).toMatchObject({ username: 'admin', displayName: expect.any(String) });
    expect(Object.keys(admin!).sort()).toEqual(['department', 'displayName', 'id', 'region', 'username']);
  });

  it('lists the department tree to any signed-in user', async () => {
    const token = await s.login('sales_east');
    const res = await s.call('GET', '/api/directory/departments', { token });
    expect(res.statusCode).toBe(200);
    const departments = res.json() as { code: string; parent: string | null; name: { zh: string } }[];
    expect(departments.find((d) => d.code === 'sales_east')).toMatchObject({
      parent: 'sales',
      name: { zh: '华东组' },
    });
  });

  it('refuses anonymous callers', async () => {
    const res = await s.call('GET', '/api/directory/users');
    expect(res.statusCode).toBe(401);
    expect((await s.call('GET', '/api/directory/departments')).statusCode).toBe(401);
    expect(res.json().error.code).toBeDefined();
  });
});
