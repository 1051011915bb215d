import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { creditCodeCheckChar } from '@lattice/engine';
import { testDatabaseKinds } from '@lattice/engine/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MFG_CRM_PACK_DIR, packDemoSource } from '../demo/pack-demo-source';
import { startTestServer, type TestServer } from '../testing/test-server';

const APP = '/api/apps/mfg-crm';
/** 17 characters of a unified social credit code nobody in the seed has; the check character is computed. */
const CODE_BODY = '91320500MA1M7Q2K3';

/** The manufacturing pack's rules run on the runtime as data: timers, stage-entered fan-out, field cascades. */
describe.each(testDatabaseKinds())('manufacturing pack rules on %s', (kind) => {
  let s: TestServer;
  let admin: string;
  let sales: string;
  let manager: string;

  beforeAll(async () => {
    s = await startTestServer(kind, {
      dataDir: mkdtempSync(join(tmpdir(), 'lattice-pack-rules-')),
      demoSources: [packDemoSource(MFG_CRM_PACK_DIR, 0.05)],
      loginPolicy: { rateLimitMax: 1000 },
    });
    admin = await s.login('admin');
    sales = await s.login('sales_east');
    manager = await s.login('sales_manager');
  });
  afterAll(async () => {
    await s?.close();
  });

  const get = async (token: string, url: string) => {
    const res = await s.call('GET', url, { token });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const post = async (token: string, url: string, body: unknown) => {
    const res = await s.call('POST', url, { token, body });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  const patch = async (token: string, url: string, body: unknown) => {
    const res = await s.call('PATCH', url, { token, body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('flags an opportunity not contacted within 24 h and tells the owner’s supervisor', async () => {
    const customers = await get(sales, `${APP}/records/customer?limit=1`);
    const opp = await post(sales, `${APP}/records/opportunity`, {
      name: '24h 规则测试商机',
      customer: customers.items[0].id,
      stage: 'lead',
    });
    s.clock.advance(24 * 3600_000 + 60_000);
    await s.app.jobRunner.drain();
    // Access tokens live 15 min of clock time.
    sales = await s.login('sales_east');
    manager = await s.login('sales_manager');
    admin = await s.login('admin');
    const after = await get(sales, `${APP}/records/opportunity/${opp.id}`);
    expect(after.red_flag).toBe(true);
    // The same day's schedules (health score → win-back…) notify the supervisor too: look for this rule's own.
    const inbox = await get(manager, '/api/notifications?unread=true&limit=200');
    const mine = inbox.items.filter(
      (n: { source: string; recordId: string }) =>
        n.source === 'rule:opportunity_uncontacted_24h' && n.recordId === opp.id,
    );
    expect(mine).toEqual([expect.objectContaining({ entity: 'opportunity' })]);
  });

  it('publishing an ECN creates one confirmation task per open order containing an affected part', async () => {
    const lines = await get(
      admin,
      `${APP}/records/order_line?limit=200&filter=${encodeURIComponent(JSON.stringify({ '==': [{ var: 'line_status' }, 'open'] }))}`,
    );
    expect(lines.items.length).toBeGreaterThan(0);
    const part = lines.items[0].part_number as string;
    const orders = new Set(
      lines.items
        .filter((l: { part_number: string }) => l.part_number === part)
        .map((l: { order: string }) => l.order),
    );
    let ecn = await post(admin, `${APP}/records/ecn`, {
      title: 'ECN 规则测试',
      affected_part_numbers: [part],
      status: 'draft',
    });
    ecn = await patch(admin, `${APP}/records/ecn/${ecn.id}`, {
      version: ecn.version,
      values: { status: 'reviewing' },
    });
    ecn = await patch(admin, `${APP}/records/ecn/${ecn.id}`, {
      version: ecn.version,
      values: { status: 'published' },
    });
    const fresh = await get(admin, `${APP}/records/ecn/${ecn.id}`);
    expect(fresh.published_at).not.toBeNull();
    const tasks = await get(
      admin,
      `${APP}/records/task?limit=200&filter=${encodeURIComponent(JSON.stringify({ '==': [{ var: 'ecn' }, ecn.id] }))}`,
    );
    expect(new Set(tasks.items.map((t: { order: string }) => t.order))).toEqual(orders);
    expect(
      tasks.items.every(
        (t: { task_type: string; status: string }) =>
          t.task_type === 'ecn_confirmation' && t.status === 'open',
      ),
    ).toBe(true);
  });
  it('a new customer goes into the admission flow (flow.start job); its approval outcome fires the pack rule', async () => {
    const sales = await s.login('sales_east');
    const customer = await post(sales, `${APP}/records/customer`, {
      name: '规则准入测试客户',
      credit_code: `${CODE_BODY}${creditCodeCheckChar(CODE_BODY)}`,
      customer_type: 'end_user',
    });
    await s.app.jobRunner.drain();
    const [instance] = await get(sales, `${APP}/flows/records/customer/${customer.id}`);
    expect(instance).toMatchObject({ flow: 'customer_admission', status: 'running' });
    for (const user of ['sales_manager', 'risk', 'finance']) {
      const token = await s.login(user);
      const res = await s.call('POST', `${APP}/flows/instances/${instance.id}/actions`, {
        token,
        body: { type: 'approve', comment: '同意' },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    await s.app.jobRunner.drain();
    const after = await get(await s.login('admin'), `${APP}/records/customer/${customer.id}`);
    expect(after.admission_status).toBe('approved');
  });
});
