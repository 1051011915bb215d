import { createRng, generateCreditCode } from '@lattice/engine';
import { testDatabaseKinds } from '@lattice/engine/storage';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { packDemoSource } from '../demo/pack-demo-source';
import { startTestServer, type TestServer } from '../testing/test-server';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const APP = 'mfg-crm';
type Rec = { id: string; version: number } & Record<string, unknown>;

/** The manufacturing CRM pack's automations, end to end through the records API (rules as data). */
describe.each(testDatabaseKinds())('manufacturing CRM pack scenarios on %s', (kind) => {
  let server: TestServer;
  let token: string;
  let users: Map<string, string>;
  const rng = createRng(7);

  const post = async (entity: string, values: Record<string, unknown>): Promise<Rec> => {
    const res = await server.call('POST', `/api/apps/${APP}/records/${entity}`, { token, body: values });
    if (res.statusCode !== 201) throw new Error(`create ${entity}: ${res.body}`);
    return res.json();
  };
  const patch = async (entity: string, rec: Rec, values: Record<string, unknown>): Promise<Rec> => {
    const res = await server.call('PATCH', `/api/apps/${APP}/records/${entity}/${rec.id}`, {
      token,
      body: { version: rec.version, values },
    });
    if (res.statusCode !== 200) throw new Error(`update ${entity}: ${res.body}`);
    return res.json();
  };
  const list = async (entity: string, filter: unknown): Promise<Rec[]> => {
    const q = encodeURIComponent(JSON.stringify(filter));
    const res = await server.call('GET', `/api/apps/${APP}/records/${entity}?filter=${q}&limit=100`, {
      token,
    });
    if (res.statusCode !== 200) throw new Error(`list ${entity}: ${res.body}`);
    return res.json().items;
  };
  const newCustomer = (name: string) =>
    post('customer', { name, credit_code: generateCreditCode(rng, '320500'), customer_type: 'end_user' });

  beforeAll(async () => {
    server = await startTestServer(kind, { demoSources: [packDemoSource(undefined, 0.02)] });
    token = await server.login('admin');
    const res = await server.call('GET', '/api/directory/users', { token });
    users = new Map(res.json().map((u: { id: string; username: string }) => [u.username, u.id]));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('publishing an ECN for a part on two open orders gives each order’s account manager a task', async () => {
    const [part] = await list('part', { '!=': [{ var: 'id' }, null] });
    const managers = ['sales_east', 'sales_south'].map((u) => users.get(u)!);
    const orders: Rec[] = [];
    for (const [i, manager] of managers.entries()) {
      const customer = await newCustomer(`ECN 测试客户 ${i}`);
      const order = await post('order', {
        customer: customer.id,
        order_date: '2025-06-01',
        amount: 10_000,
        status: 'open',
      });
      await post('order_line', {
        order: order.id,
        customer: customer.id,
        part: part!.id,
        part_number: 'ECN-E2E-01',
        quantity: 5,
        unit_price: 2_000,
        line_status: 'open',
        account_manager: manager,
      });
      orders.push(order);
    }
    let ecn = await post('ecn', {
      title: '更换密封圈材质',
      affected_part_numbers: ['ECN-E2E-01'],
      status: 'draft',
    });
    ecn = await patch('ecn', ecn, { status: 'reviewing' });
    await patch('ecn', ecn, { status: 'published' });
    await server.app.jobRunner.drain();
    const tasks = await list('task', { '==': [{ var: 'ecn' }, ecn.id] });
    expect(tasks.map((t) => t.order).sort()).toEqual(orders.map((o) => o.id).sort());
    expect(tasks.map((t) => t.assignee).sort()).toEqual([...managers].sort());
    expect(tasks.every((t) => t.task_type === 'ecn_confirmation')).toBe(true);
  });

  it('orders that lift a customer’s RFM score to 80 or more make it strategic', async () => {
    const customer = await newCustomer('RFM 测试客户');
    const today = server.clock.now();
    for (let i = 0; i < 12; i++) {
      const day = new Date(today.getTime() - (12 - i) * 86_400_000).toISOString().slice(0, 10);
      await post('order', { customer: customer.id, order_date: day, amount: 50_000, status: 'completed' });
    }
    await server.app.jobRunner.drain();
    const [after] = await list('customer', { '==': [{ var: 'id' }, customer.id] });
    expect(Number(after!.rfm_score)).toBeGreaterThanOrEqual(80);
    expect(after!.tier).toBe('strategic');
  });
});
