import { documentsOfKind } from '@lattice/engine';
import type { DialectName } from '@lattice/engine/storage';
import { testDatabaseKinds } from '@lattice/engine/storage';
import { describe, expect, it } from 'vitest';
import { MFG_APP, mfgCrmScenario, type Rec } from './mfg-crm-scenario.test-helper';

const DAY = 86_400_000;

interface Result {
  rows: Record<string, unknown>[];
}

describe.each(testDatabaseKinds())('mfg-crm data quality on %s', (kind: DialectName) => {
  const sc = mfgCrmScenario(kind);
  const run = async (report: string): Promise<Result> => {
    const res = await sc.server.call('POST', `/api/apps/${MFG_APP}/reports/${report}/run`, {
      token: sc.token,
      body: {},
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const allCustomers = () => sc.list('customer', { '!=': [{ var: 'id' }, null] });

  it('lists suspected duplicates: names carried by more than one credit code, as a hand count finds', async () => {
    const [first] = await allCustomers();
    const copy = await sc.newCustomer(String(first!.name));
    expect(copy.credit_code).not.toBe(first!.credit_code);
    const codesByName = new Map<string, Set<unknown>>();
    for (const c of await allCustomers()) {
      const name = String(c.name);
      codesByName.set(name, (codesByName.get(name) ?? new Set()).add(c.credit_code));
    }
    const expected = [...codesByName]
      .filter(([, codes]) => codes.size > 1)
      .map(([name, codes]) => ({ name, credit_codes: codes.size }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const { rows } = await run('suspected_duplicate_customers');
    const got = rows
      .map((r) => ({ name: String(r.name), credit_codes: Number(r.credit_codes) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(got).toEqual(expected);
    expect(got.map((g) => g.name)).toContain(first!.name);
  });

  it('measures update timeliness (90/180 days) and lists the stale archives', async () => {
    sc.server.clock.advance(120 * DAY);
    sc.token = await sc.server.login('admin');
    const customers = await allCustomers();
    const touched: Rec[] = [];
    for (const c of customers.slice(0, 2)) touched.push(await sc.patch('customer', c, { city: '苏州' }));
    const recent90 = (await sc.list('customer', { '>=': [{ var: 'updated_at' }, { days_ago: 90 }] })).length;
    const recent180 = (await sc.list('customer', { '>=': [{ var: 'updated_at' }, { days_ago: 180 }] }))
      .length;
    expect(recent90).toBeGreaterThanOrEqual(touched.length);
    const { rows } = await run('customer_update_timeliness');
    expect(rows[0]).toMatchObject({
      total: customers.length,
      updated_90d: recent90,
      updated_180d: recent180,
    });
    expect(Number(rows[0]!.pct_90d)).toBeCloseTo(recent90 / customers.length, 6);

    sc.server.clock.advance(100 * DAY);
    sc.token = await sc.server.login('admin');
    // The view's own filter, as the list page sends it: the two touched archives are not stale yet.
    const live = (await sc.server.call('GET', `/api/apps/${MFG_APP}`, { token: sc.token })).json();
    const view = documentsOfKind(live.definition, 'view').find((v) => v.name === 'stale_customers')!;
    const stale = new Set((await sc.list('customer', view.filter)).map((c) => c.id));
    expect([...stale].sort()).toEqual(
      customers
        .filter((c) => !touched.some((t) => t.id === c.id))
        .map((c) => c.id)
        .sort(),
    );
  });
  /** Runs the jobs already due (a missed weekly run catches up once), then arms the cron schedules. */
  const settle = async () => {
    await sc.server.app.jobRunner.drain();
    await sc.server.app.rules.engine.syncSchedules(MFG_APP);
    sc.token = await sc.server.login('admin');
  };
  /** Moves the clock to the next Monday 09:00 Asia/Shanghai (01:00 UTC) plus a minute and runs due jobs. */
  const runToNextMonday = async (): Promise<Date> => {
    const now = sc.server.clock.now();
    const next = new Date(now);
    next.setUTCHours(1, 1, 0, 0);
    while (next.getUTCDay() !== 1 || next <= now) next.setTime(next.getTime() + DAY);
    sc.server.clock.advance(next.getTime() - now.getTime());
    await sc.server.app.jobRunner.drain();
    sc.token = await sc.server.login('admin');
    return next;
  };
  const cleanupTasks = () =>
    sc.list('task', {
      and: [
        { '==': [{ var: 'task_type' }, 'verification'] },
        { '==': [{ var: 'assignee' }, sc.users.get('admin')] },
      ],
    });

  it('gives the data steward ONE cleanup task on Monday morning while suspected duplicates exist, none once they are gone', async () => {
    await settle();
    const before = (await cleanupTasks()).map((t) => t.id);
    const groups = (await run('suspected_duplicate_customers')).rows.length;
    expect(groups).toBeGreaterThan(0);
    const monday = await runToNextMonday();
    const fresh = (await cleanupTasks()).filter((t) => !before.includes(t.id));
    expect(fresh).toHaveLength(1);
    expect(fresh[0]!.created_at).toBe(monday.toISOString());
    expect(String(fresh[0]!.title)).toBe(
      `清理疑似重复客户：${groups} 组 / Clean up suspected duplicate customers: ${groups} groups`,
    );
    expect(String(fresh[0]!.description)).toContain('/apps/mfg-crm/dashboards/data_quality');
    expect(fresh[0]!.customer ?? null).toBeNull();
    await sc.server.app.jobRunner.drain();
    expect(await cleanupTasks()).toHaveLength(before.length + 1);

    // The steward cleans up: the older archives of each name get their registered names corrected (the new
    // archive is still locked in its admission approval).
    for (const row of (await run('suspected_duplicate_customers')).rows) {
      const same = await sc.list('customer', { '==': [{ var: 'name' }, row.name] });
      same.sort((x, y) => String(x.created_at).localeCompare(String(y.created_at)));
      for (const [i, c] of same.slice(0, -1).entries()) {
        await sc.patch('customer', c, { name: `${String(row.name)}（第${i + 1}分厂）` });
      }
    }
    expect((await run('suspected_duplicate_customers')).rows).toEqual([]);
    await runToNextMonday();
    expect(await cleanupTasks()).toHaveLength(before.length + 1);
  });
});
