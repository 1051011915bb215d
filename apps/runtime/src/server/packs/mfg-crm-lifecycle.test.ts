import { documentsOfKind, generateCreditCode, loadPackFromFiles } from '@lattice/engine';
import { testDatabaseKinds } from '@lattice/engine/storage';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MFG_CRM_PACK_DIR, packDemoSource } from '../demo/pack-demo-source';
import { createJobQueue } from '../jobs/job-queue';
import { startTestServer, type TestServer } from '../testing/test-server';
import { MFG_APP as APP, mfgCrmScenario, type Rec } from './mfg-crm-scenario.test-helper';
import { readPackFiles } from './read-pack-source';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const DAY = 86_400_000;
const CARE_TYPES = [
  'onboarding_visit',
  'training',
  'quarterly_review',
  'cross_sell',
  'strategy_meeting',
  'win_back',
  'follow_up',
];
/** The scores the pack's scheduled rules recompute (and the seed derives through the same rules). */
const SCORES = [
  'rfm_score',
  'tier',
  'dedicated_support',
  'risk_score',
  'risk_grade',
  'health_score',
  'lifecycle_stage',
];

describe('manufacturing CRM lifecycle rules (pack documents)', () => {
  it('recomputes the stage with one formula monthly and on every order (thresholds are the rule’s constants)', () => {
    const pack = loadPackFromFiles(readPackFiles(MFG_CRM_PACK_DIR));
    const rule = (name: string) => documentsOfKind(pack.app, 'rule').find((r) => r.name === name)!;
    expect(rule('lifecycle_monthly').trigger).toMatchObject({ type: 'schedule' });
    expect(rule('lifecycle_on_order').trigger).toEqual({
      type: 'record_updated',
      fields: ['last_order_date'],
    });
    expect(rule('lifecycle_on_order').actions).toEqual(rule('lifecycle_monthly').actions);
  });
});

describe.each(testDatabaseKinds())('manufacturing CRM lifecycle stages and care plans on %s', (kind) => {
  const sc = mfgCrmScenario(kind);
  const day = (offset: number) =>
    new Date(sc.server.clock.now().getTime() + offset * DAY).toISOString().slice(0, 10);
  const customerSince = (name: string, sinceDays: number, owner: string) =>
    sc.post('customer', {
      name,
      credit_code: generateCreditCode(sc.rng, '320500'),
      customer_type: 'oem',
      cooperation_since: day(-sinceDays),
      owner: sc.users.get(owner),
    });
  const order = (customer: Rec, offset: number) =>
    sc.post('order', { customer: customer.id, order_date: day(offset), amount: 80_000, status: 'completed' });
  const careTasks = (customer: Rec) =>
    sc.list('task', {
      and: [{ '==': [{ var: 'customer' }, customer.id] }, { in: [{ var: 'task_type' }, CARE_TYPES] }],
    });
  const dueInDays = (task: Rec) =>
    Math.round((new Date(String(task.due_at)).getTime() - sc.server.clock.now().getTime()) / DAY);
  const summary = (tasks: Rec[]) =>
    tasks
      .map((t) => [t.task_type, t.assignee, dueInDays(t)])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

  it('gives a really new customer the new-stage care tasks when it is created, and a long-time customer none', async () => {
    const fresh = await customerSince('新签约测试客户', 10, 'sales_south');
    expect(fresh.lifecycle_stage).toBe('new');
    await sc.server.app.jobRunner.drain();
    const south = sc.users.get('sales_south');
    expect(summary(await careTasks(fresh))).toEqual([
      ['onboarding_visit', south, 7],
      ['training', south, 30],
    ]);

    // Created in stage "new" by default, but a customer for 900 days is not new: no onboarding.
    const longTime = await customerSince('老客户补录测试', 900, 'sales_south');
    await sc.server.app.jobRunner.drain();
    expect(await careTasks(longTime)).toEqual([]);
  });

  it('moves a customer new → stable → mature on its orders, each stage giving the account manager its care tasks', async () => {
    const customer = await customerSince('生命周期测试客户', 900, 'sales_east');
    expect(customer.lifecycle_stage).toBe('new');
    const east = sc.users.get('sales_east');

    await order(customer, -10);
    await sc.server.app.jobRunner.drain();
    expect((await sc.fetch1('customer', customer.id)).lifecycle_stage).toBe('stable');
    expect(summary(await careTasks(customer))).toEqual([
      ['cross_sell', east, 45],
      ['quarterly_review', east, 14],
    ]);

    // Care plans are data: switch off the mature plan's cross-sell action and only the strategy meeting comes.
    const [matureCrossSell] = await sc.list('care_plan', {
      and: [{ '==': [{ var: 'stage' }, 'mature'] }, { '==': [{ var: 'task_type' }, 'cross_sell'] }],
    });
    await sc.patch('care_plan', matureCrossSell!, { active: false });
    for (const offset of [-40, -70, -100, -130]) await order(customer, offset);
    await sc.server.app.jobRunner.drain();
    expect((await sc.fetch1('customer', customer.id)).lifecycle_stage).toBe('stable');
    await order(customer, -160); // the sixth order in 12 months of a two-year customer
    await sc.server.app.jobRunner.drain();
    expect((await sc.fetch1('customer', customer.id)).lifecycle_stage).toBe('mature');
    const tasks = await careTasks(customer);
    expect(summary(tasks)).toEqual([
      ['cross_sell', east, 45],
      ['quarterly_review', east, 14],
      ['strategy_meeting', east, 30],
    ]);
    expect(tasks.find((t) => t.task_type === 'strategy_meeting')).toMatchObject({
      title: '年度战略会谈',
      priority: 'high',
      status: 'open',
    });
  });

  it('makes a customer whose orders fell off declining in the monthly recompute, with a win-back visit and a service follow-up', async () => {
    const customer = await customerSince('订单下滑测试客户', 900, 'sales_north');
    await order(customer, -100);
    await order(customer, -130);
    // An open deal keeps the health score at 51, above the win-back threshold: only the order trend counts.
    await sc.post('opportunity', { name: '扩产项目', customer: customer.id, stage: 'lead', amount: 100_000 });
    await sc.server.app.jobRunner.drain();
    expect((await sc.fetch1('customer', customer.id)).lifecycle_stage).toBe('stable');

    // Three months later both orders are 6–12 months old: none in the last six months.
    sc.server.clock.advance(90 * DAY);
    await sc.server.app.jobRunner.drain();
    sc.token = await sc.server.login('admin');
    const after = await sc.fetch1('customer', customer.id);
    expect(after).toMatchObject({ lifecycle_stage: 'declining', health_score: 51 });
    const north = sc.users.get('sales_north');
    const declining = (await careTasks(customer)).filter((t) =>
      ['win_back', 'follow_up'].includes(String(t.task_type)),
    );
    expect(declining.map((t) => [t.task_type, t.assignee]).sort()).toEqual([
      ['follow_up', north],
      ['win_back', north],
    ]);
  });
});

describe.each(testDatabaseKinds())('manufacturing CRM demo seed at install on %s', (kind) => {
  let server: TestServer;
  let token: string;
  const customers = async (): Promise<Rec[]> => {
    const res = await server.call('GET', `/api/apps/${APP}/records/customer?limit=200`, { token });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };

  beforeAll(async () => {
    server = await startTestServer(kind, {
      demoSources: [packDemoSource(undefined, 0.1)],
      loginPolicy: { rateLimitMax: 1000 },
    });
    token = await server.login('admin');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('seeds scores that the monthly and nightly recomputes leave unchanged, and no care tasks come of them', async () => {
    const before = await customers();
    expect(before.length).toBe(120);
    const tasksBefore = await server.call('GET', `/api/apps/${APP}/records/task?limit=200`, { token });
    const queue = createJobQueue(server.db, { clock: server.clock });
    const now = server.clock.now();
    for (const rule of ['rfm_monthly', 'risk_score_schedule', 'health_score_daily', 'lifecycle_monthly']) {
      await queue.enqueue(server.db.kysely, {
        appId: APP,
        kind: 'rule.schedule',
        payload: { rule, entity: 'customer', dueAt: now.toISOString() },
        idempotencyKey: `test:${rule}`,
        runAt: now,
      });
    }
    await server.app.jobRunner.drain();
    const after = new Map((await customers()).map((c) => [c.id, c]));
    const changed = before.flatMap((c) =>
      SCORES.filter((f) => JSON.stringify(c[f] ?? null) !== JSON.stringify(after.get(c.id)?.[f] ?? null)).map(
        (f) => `${c.name}.${f}: ${c[f]} → ${after.get(c.id)?.[f]}`,
      ),
    );
    expect(changed).toEqual([]);
    const tasksAfter = await server.call('GET', `/api/apps/${APP}/records/task?limit=200`, { token });
    expect(tasksAfter.json().items.length).toBe(tasksBefore.json().items.length);
    expect(new Set(before.map((c) => c.lifecycle_stage))).toEqual(
      new Set(['new', 'stable', 'mature', 'declining']),
    );
  });

  it('seeds each customer’s last order date as its latest order', async () => {
    for (const c of (await customers()).slice(0, 30)) {
      const q = encodeURIComponent(JSON.stringify({ '==': [{ var: 'customer' }, c.id] }));
      const res = await server.call(
        'GET',
        `/api/apps/${APP}/records/order?filter=${q}&sort=-order_date&limit=1`,
        { token },
      );
      expect(c.last_order_date ?? null, String(c.name)).toBe(res.json().items[0]?.order_date ?? null);
    }
  });

  it('shows South China with the highest repurchase rate on the region heatmap', async () => {
    const res = await server.call('POST', `/api/apps/${APP}/reports/repurchase_heatmap/run`, {
      token,
      body: {},
    });
    expect(res.statusCode, res.body).toBe(200);
    const byRegion = new Map<string, { orders: number; repeats: number }>();
    for (const row of res.json().rows as { region: string; orders: number; buyers: number }[]) {
      const r = byRegion.get(row.region) ?? { orders: 0, repeats: 0 };
      r.orders += Number(row.orders);
      r.repeats += Number(row.orders) - Number(row.buyers);
      byRegion.set(row.region, r);
    }
    const rates = [...byRegion].map(([region, r]) => [region, r.repeats / r.orders] as const);
    rates.sort((a, b) => b[1] - a[1]);
    expect(rates.length).toBe(7);
    expect(rates[0]![0]).toBe('south');
  });
});
