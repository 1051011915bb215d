import { createRng, generateCreditCode } from '@lattice/engine';
import type { DialectName } from '@lattice/engine/storage';
import { afterAll, beforeAll, expect } from 'vitest';
import { packDemoSource } from '../demo/pack-demo-source';
import { startTestServer, type TestServer } from '../testing/test-server';

export const MFG_APP = 'mfg-crm';

/** A record as the records API returns it. */
export type Rec = { id: string; version: number } & Record<string, unknown>;

/** A flow instance as `GET /flows/records/:entity/:id` returns it (the fields scenarios look at). */
export interface ScenarioFlow {
  id: string;
  flow: string;
  status: string;
  activeNodes: { nodeId: string; requireSignature: boolean }[];
  events: { action: string; nodeId: string | null; signature: unknown }[];
}

/**
 * The manufacturing CRM pack installed with a small demo seed on a test server (fake clock), driven through
 * the records and flows APIs as `admin` unless a user is named. Registers its own `beforeAll`/`afterAll`;
 * `server`, `token` and `users` are set once `beforeAll` ran (re-login with `sc.token = await
 * sc.server.login('admin')` after advancing the clock past the token's 15 min).
 */
export interface MfgCrmScenario {
  server: TestServer;
  token: string;
  /** username → user id. */
  users: Map<string, string>;
  rng: ReturnType<typeof createRng>;
  post(entity: string, values: Record<string, unknown>): Promise<Rec>;
  patch(entity: string, rec: Rec, values: Record<string, unknown>): Promise<Rec>;
  list(entity: string, filter: unknown): Promise<Rec[]>;
  fetch1(entity: string, id: string): Promise<Rec>;
  newCustomer(name: string): Promise<Rec>;
  /** `user` approves (or `body` acts on) the instance; expects 200. */
  act(user: string, instanceId: string, body?: Record<string, unknown>): Promise<ScenarioFlow>;
  /** The latest flow instance of a record. */
  flowOf(entity: string, id: string): Promise<ScenarioFlow>;
}

export function mfgCrmScenario(kind: DialectName): MfgCrmScenario {
  const sc = { rng: createRng(7) } as MfgCrmScenario;
  const api = `/api/apps/${MFG_APP}`;
  sc.post = async (entity, values) => {
    const res = await sc.server.call('POST', `${api}/records/${entity}`, { token: sc.token, body: values });
    if (res.statusCode !== 201) throw new Error(`create ${entity}: ${res.body}`);
    return res.json();
  };
  sc.patch = async (entity, rec, values) => {
    const res = await sc.server.call('PATCH', `${api}/records/${entity}/${rec.id}`, {
      token: sc.token,
      body: { version: rec.version, values },
    });
    if (res.statusCode !== 200) throw new Error(`update ${entity}: ${res.body}`);
    return res.json();
  };
  sc.list = async (entity, filter) => {
    const q = encodeURIComponent(JSON.stringify(filter));
    const res = await sc.server.call('GET', `${api}/records/${entity}?filter=${q}&limit=100`, {
      token: sc.token,
    });
    if (res.statusCode !== 200) throw new Error(`list ${entity}: ${res.body}`);
    return res.json().items;
  };
  sc.fetch1 = async (entity, id) => (await sc.list(entity, { '==': [{ var: 'id' }, id] }))[0]!;
  sc.newCustomer = (name) =>
    sc.post('customer', {
      name,
      credit_code: generateCreditCode(sc.rng, '320500'),
      customer_type: 'end_user',
    });
  sc.act = async (user, instanceId, body = { type: 'approve', comment: '同意' }) => {
    const res = await sc.server.call('POST', `${api}/flows/instances/${instanceId}/actions`, {
      token: await sc.server.login(user),
      body,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  sc.flowOf = async (entity, id) => {
    const res = await sc.server.call('GET', `${api}/flows/records/${entity}/${id}`, { token: sc.token });
    expect(res.statusCode, res.body).toBe(200);
    return res.json()[0];
  };

  beforeAll(async () => {
    sc.server = await startTestServer(kind, {
      demoSources: [packDemoSource(undefined, 0.02)],
      loginPolicy: { rateLimitMax: 1000 },
    });
    sc.token = await sc.server.login('admin');
    const res = await sc.server.call('GET', '/api/directory/users', { token: sc.token });
    sc.users = new Map(res.json().map((u: { id: string; username: string }) => [u.username, u.id]));
  });
  afterAll(async () => {
    await sc.server?.close();
  });
  return sc;
}
