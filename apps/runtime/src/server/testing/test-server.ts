import type { Clock, DialectName, LatticeDb } from '@lattice/engine/storage';
import { openTestDatabase } from '@lattice/engine/storage';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type BuildServerOptions, buildServer } from '../build-server';
import { DEMO_PASSWORD } from '../demo/demo-users';

/** A clock tests move by hand. */
export interface FakeClock extends Clock {
  advance(ms: number): void;
}

export function fakeClock(start = '2025-06-02T08:00:00.000Z'): FakeClock {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance(ms) {
      now += ms;
    },
  };
}

export interface TestServer {
  app: FastifyInstance;
  db: LatticeDb;
  clock: FakeClock;
  /** Logs in a demo user and returns its access token. */
  login(username?: string): Promise<string>;
  /** `inject` with a bearer token and JSON body. */
  call(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string>; remoteAddress?: string },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * A demo-mode server over a fresh test database of `kind`, with a fake clock and no static SPAs.
 * `overrides` tune login policy, body limit… Close it in `afterAll`.
 */
export async function startTestServer(
  kind: DialectName,
  overrides: Partial<BuildServerOptions> = {},
): Promise<TestServer> {
  const db = await openTestDatabase(kind);
  const clock = fakeClock();
  const app = await buildServer({
    db,
    clock,
    dataDir: '/nonexistent',
    jwtSecret: 'test-secret-test-secret-test-secret',
    encryptionKey: 'ab'.repeat(32),
    demo: true,
    staticDirs: { studio: '/nonexistent/studio', web: '/nonexistent/web' },
    ...overrides,
  });
  const call: TestServer['call'] = (method, url, opts = {}) =>
    app.inject({
      method,
      url,
      headers: {
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...opts.headers,
      },
      ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
      ...(opts.remoteAddress ? { remoteAddress: opts.remoteAddress } : {}),
    });
  return {
    app,
    db,
    clock,
    call,
    async login(username = 'admin') {
      const res = await call('POST', '/api/auth/login', { body: { username, password: DEMO_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
      return res.json<{ accessToken: string }>().accessToken;
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
