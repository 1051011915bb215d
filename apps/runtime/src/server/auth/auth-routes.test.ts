import { testDatabaseKinds } from '@lattice/engine/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo-users';
import { startTestServer, type TestServer } from '../testing/test-server';

describe.each(testDatabaseKinds())('auth routes on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind, {
      loginPolicy: { rateLimitMax: 20, rateLimitWindowMs: 60_000, maxFailures: 3, lockMs: 15 * 60_000 },
    });
  });
  afterAll(async () => s?.close());

  it('reports the database dialect on /api/health', async () => {
    const res = await s.call('GET', '/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: kind });
  });

  it('logs a demo user in and returns tokens and the user', async () => {
    const res = await s.call('POST', '/api/auth/login', {
      body: { username: 'sales_east', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(body.refreshToken).toEqual(expect.any(String));
    expect(body.user).toMatchObject({ username: 'sales_east', roles: ['sales'], region: 'east' });
    expect(body.user.passwordHash).toBeUndefined();
    const me = await s.call('GET', '/api/auth/me', { token: body.accessToken });
    expect(me.json()).toMatchObject({ username: 'sales_east' });
  });

  it('refuses a wrong password with 401 and the standard error body', async () => {
    const res = await s.call('POST', '/api/auth/login', { body: { username: 'analyst', password: 'nope' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: 'LATTICE_ERR_BAD_CREDENTIALS',
      details: [{ path: 'password' }],
    });
    const audit = await s.db.kysely
      .selectFrom('lattice.audit_log')
      .select(['action', 'ip'])
      .where('action', '=', 'auth.login_failed')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('locks an account after repeated failures, even for the right password, until the lock expires', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await s.call('POST', '/api/auth/login', { body: { username: 'risk', password: 'bad' } });
      expect(res.statusCode).toBe(401);
    }
    const third = await s.call('POST', '/api/auth/login', { body: { username: 'risk', password: 'bad' } });
    expect(third.statusCode).toBe(423);
    const right = await s.call('POST', '/api/auth/login', {
      body: { username: 'risk', password: DEMO_PASSWORD },
    });
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('LATTICE_ERR_ACCOUNT_LOCKED');
    s.clock.advance(16 * 60_000);
    const later = await s.call('POST', '/api/auth/login', {
      body: { username: 'risk', password: DEMO_PASSWORD },
    });
    expect(later.statusCode).toBe(200);
  });

  it('rotates refresh tokens and revokes the family when an old one is replayed', async () => {
    const login = (
      await s.call('POST', '/api/auth/login', { body: { username: 'finance', password: DEMO_PASSWORD } })
    ).json();
    const first = await s.call('POST', '/api/auth/refresh', { body: { refreshToken: login.refreshToken } });
    expect(first.statusCode).toBe(200);
    const rotated = first.json();
    expect(rotated.refreshToken).not.toBe(login.refreshToken);
    expect(rotated.accessToken).toEqual(expect.any(String));
    const replay = await s.call('POST', '/api/auth/refresh', { body: { refreshToken: login.refreshToken } });
    expect(replay.statusCode).toBe(401);
    // The replay revoked the whole family, so the newest token is dead too.
    const after = await s.call('POST', '/api/auth/refresh', { body: { refreshToken: rotated.refreshToken } });
    expect(after.statusCode).toBe(401);
  });

  it('revokes the refresh token on logout', async () => {
    const login = (
      await s.call('POST', '/api/auth/login', { body: { username: 'analyst', password: DEMO_PASSWORD } })
    ).json();
    const out = await s.call('POST', '/api/auth/logout', { body: { refreshToken: login.refreshToken } });
    expect(out.body).toBe('');
    expect(out.statusCode).toBe(204);
    const res = await s.call('POST', '/api/auth/refresh', { body: { refreshToken: login.refreshToken } });
    expect(res.statusCode).toBe(401);
  });

  it('answers 401 for missing, forged and expired access tokens', async () => {
    const missing = await s.call('GET', '/api/apps');
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error).toMatchObject({
      code: 'LATTICE_ERR_UNAUTHENTICATED',
      details: [{ path: 'authorization' }],
    });

    const token = await s.login('admin');
    const [header, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, roles: ['admin', 'root'] })).toString(
      'base64url',
    );
    const forged = await s.call('GET', '/api/apps', {
      token: `${header}.${forgedPayload}.${token.split('.')[2]}`,
    });
    expect(forged.statusCode).toBe(401);
    const noneAlg = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    expect((await s.call('GET', '/api/apps', { token: noneAlg })).statusCode).toBe(401);

    expect((await s.call('GET', '/api/apps', { token })).statusCode).toBe(200);
    s.clock.advance(16 * 60_000);
    const expired = await s.call('GET', '/api/apps', { token });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.details[0].message).toBe('访问令牌已过期');
  });

  it('rate-limits login attempts per client with 429', async () => {
    let last = 0;
    for (let i = 0; i < 25; i++) {
      const res = await s.call('POST', '/api/auth/login', {
        body: { username: 'ghost', password: 'x' },
        remoteAddress: '10.9.8.7',
      });
      last = res.statusCode;
      if (last === 429) {
        expect(res.json().error.code).toBe('LATTICE_ERR_RATE_LIMITED');
        break;
      }
    }
    expect(last).toBe(429);
  });
});
