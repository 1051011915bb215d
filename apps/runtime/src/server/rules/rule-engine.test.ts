import type { RequestContext } from '@lattice/engine/storage';
import { testDatabaseKinds } from '@lattice/engine/storage';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS_TABLE } from '../auth/migrate-auth-schema';
import { JOBS_TABLE } from '../jobs/migrate-jobs-schema';
import { startTestServer, type TestServer } from '../testing/test-server';
import { EMAIL_OUTBOX_TABLE } from './migrate-rules-schema';
import { rulesTestApp } from './testing/rules-test-app';
import { RULE_ERROR_FIELD } from './write-rule-error-history';

const APP = 'rules-test';

describe.each(testDatabaseKinds())('rules runtime on %s', (kind) => {
  let s: TestServer;
  let owner: RequestContext;
  let managerId: string;
  const posts: { url: string; body: string; key: string }[] = [];

  beforeAll(async () => {
    s = await startTestServer(kind, {
      http: async (url, init) => {
        posts.push({ url, body: init.body, key: init.headers['idempotency-key'] ?? '' });
        return { ok: true, status: 200 };
      },
    });
    const now = s.clock.now();
    const mk = async (username: string, managerId: string | null) => {
      const row = await s.db.kysely
        .insertInto(USERS_TABLE)
        .values({
          username,
          display_name: username,
          password_hash: 'x',
          roles: sql`array['admin']::text[]`,
          manager_id: managerId,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return String(row.id);
    };
    managerId = await mk('rt_manager', null);
    const ownerId = await mk('rt_owner', managerId);
    owner = { actor: { id: ownerId, username: 'rt_owner', roles: ['admin'] }, clock: s.clock };
    const { appStore } = s.app.rules.env;
    await appStore.createApp(owner, rulesTestApp());
    await appStore.publish(APP, {}, owner);
  });
  afterAll(async () => {
    await s.close();
  });

  const records = () => s.app.rules.env.records;
  const createLead = (values: Record<string, unknown>) =>
    records().create(owner, APP, 'lead', { owner: owner.actor.id, ...values });

  it('runs a sync action inside the triggering write, when the condition holds', async () => {
    const big = await createLead({ name: 'Big', amount: 5000 });
    const small = await createLead({ name: 'Small', amount: 10 });
    expect((await records().get(owner, APP, 'lead', big.id)).big).toBe(true);
    expect((await records().get(owner, APP, 'lead', small.id)).big).toBeNull();
    const history = await records().history(owner, APP, 'lead', big.id);
    expect(history.find((h) => h.field === 'big')?.source).toBe('rule:mark_big');
  });

  it('fires a relative timer 24 h after creation: flags the record and notifies the owner’s manager', async () => {
    const lead = await createLead({ name: 'Quiet' });
    const contacted = await createLead({ name: 'Called' });
    await records().update(
      owner,
      APP,
      'lead',
      contacted.id,
      { last_contacted_at: s.clock.now().toISOString() },
      contacted.version,
    );
    s.clock.advance(24 * 3600_000 - 1);
    await s.app.jobRunner.drain();
    expect((await records().get(owner, APP, 'lead', lead.id)).red_flag).toBeNull();
    s.clock.advance(1);
    await s.app.jobRunner.drain();
    expect((await records().get(owner, APP, 'lead', lead.id)).red_flag).toBe(true);
    expect((await records().get(owner, APP, 'lead', contacted.id)).red_flag).toBeNull();
    const inbox = await s.app.rules.notifications.list(managerId);
    const mine = inbox.filter((n) => n.recordId === lead.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ entity: 'lead', source: 'rule:uncontacted_24h', readAt: null });
    expect(inbox.some((n) => n.recordId === contacted.id)).toBe(false);
    expect(await s.app.rules.notifications.unreadCount(managerId)).toBeGreaterThanOrEqual(1);
    expect(await s.app.rules.notifications.markRead(managerId, [mine[0]!.id])).toBe(1);
  });

  it('cuts a rule chain at the depth limit and writes the error into the record history', async () => {
    const lead = await createLead({ name: 'Loop', counter: 0 });
    const updated = await records().update(owner, APP, 'lead', lead.id, { counter: 1 }, lead.version);
    const after = await records().get(owner, APP, 'lead', updated.id);
    // The user's write sets 1; rules run at chain depths 0…8 (+9); the run at depth 9 is refused.
    expect(after.counter).toBe(10);
    const history = await records().history(owner, APP, 'lead', lead.id);
    const error = history.find((h) => h.field === RULE_ERROR_FIELD);
    expect(error?.source).toBe('rule:count_up');
    expect(JSON.stringify(error?.newValue)).toContain('LATTICE_ERR_RULE_DEPTH');
  });

  it('updates related records found by the triggering record, creates a task and calls a webhook as a job', async () => {
    for (const [part, status] of [
      ['P-1', 'open'],
      ['P-1', 'closed'],
      ['P-2', 'open'],
    ] as const) {
      await records().create(owner, APP, 'line', { part, status });
    }
    const lead = await createLead({ name: 'ECN', part: 'P-0' });
    posts.length = 0;
    await records().update(owner, APP, 'lead', lead.id, { part: 'P-1' }, lead.version);
    const lines = await records().list(owner, APP, 'line', { filter: { '==': [{ var: 'part' }, 'P-1'] } });
    const notes = Object.fromEntries(lines.items.map((l) => [l.status, l.note]));
    expect(notes).toEqual({ open: 'affected by ECN', closed: null });
    const tasks = await records().list(owner, APP, 'task', { filter: { '==': [{ var: 'lead' }, lead.id] } });
    expect(tasks.items).toHaveLength(1);
    expect(tasks.items[0]).toMatchObject({ title: '确认物料变更', status: 'open', assignee: owner.actor.id });
    expect(posts).toHaveLength(0);
    await s.app.jobRunner.drain();
    expect(posts).toHaveLength(1);
    expect(JSON.parse(posts[0]!.body)).toEqual({ part: 'P-1' });
    expect(posts[0]!.key).toContain('part_changed');
  });

  it('rolls back the rule’s jobs with a failed write', async () => {
    const before = await s.db.kysely
      .selectFrom(JOBS_TABLE)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    await expect(createLead({ name: null as unknown as string })).rejects.toThrow();
    const after = await s.db.kysely
      .selectFrom(JOBS_TABLE)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('runs a manual rule through the API and refuses a non-manual one', async () => {
    const token = await s.login('admin');
    const lead = await createLead({ name: 'Manual' });
    const res = await s.call('POST', `/api/apps/${APP}/rules/flag_now/run`, {
      token,
      body: { recordId: lead.id },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      rule: 'flag_now',
      matched: true,
      effects: [{ type: 'setFields', mode: 'sync' }],
    });
    expect((await records().get(owner, APP, 'lead', lead.id)).red_flag).toBe(true);
    const bad = await s.call('POST', `/api/apps/${APP}/rules/mark_big/run`, {
      token,
      body: { recordId: lead.id },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('dry-runs a rule: lists matches and planned changes and writes nothing', async () => {
    const token = await s.login('admin');
    const lead = await createLead({ name: 'Dry', amount: 800 });
    const res = await s.call('POST', `/api/apps/${APP}/rules/nightly_big/dry-run`, { token, body: {} });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      matched: number;
      matches: { recordId: string; effects: { records: { id: string; changes: unknown[] }[] }[] }[];
    }>();
    const hit = body.matches.find((m) => m.recordId === lead.id);
    expect(hit?.effects[0]?.records[0]?.changes).toEqual([{ field: 'big', from: null, to: true }]);
    expect((await records().get(owner, APP, 'lead', lead.id)).big).toBeNull();

    const sample = await s.call('POST', `/api/apps/${APP}/rules/mark_big/dry-run`, {
      token,
      body: { record: { name: 'x', amount: 2000 } },
    });
    expect(sample.json()).toMatchObject({ scanned: 1, matched: 1 });
    const bad = await s.call('POST', `/api/apps/${APP}/rules/mark_big/dry-run`, {
      token,
      body: { rule: { kind: 'rule', name: 'x' } },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('runs cron rules as jobs and queues the next run', async () => {
    const lead = await createLead({ name: 'Nightly', amount: 900 });
    expect(await s.app.rules.engine.syncSchedules(APP)).toBe(1);
    s.clock.advance(2 * 24 * 3600_000);
    await s.app.jobRunner.drain();
    expect((await records().get(owner, APP, 'lead', lead.id)).big).toBe(true);
    const queued = await s.db.kysely
      .selectFrom(JOBS_TABLE)
      .select(['run_at'])
      .where('kind', '=', 'rule.schedule')
      .where('status', '=', 'queued')
      .execute();
    expect(queued).toHaveLength(1);
    expect(new Date(queued[0]!.run_at as string).getTime()).toBeGreaterThan(s.clock.now().getTime());
  });

  it('serves the inbox API: list, unread count, mark all read', async () => {
    const token = await s.login('admin');
    const count = await s.call('GET', '/api/notifications/unread-count', { token });
    expect(count.statusCode).toBe(200);
    expect(count.json()).toEqual({ count: 0 });
    const list = await s.call('GET', '/api/notifications?unread=true', { token });
    expect(list.json()).toEqual({ items: [] });
    const read = await s.call('POST', '/api/notifications/read', { token, body: {} });
    expect(read.json()).toEqual({ updated: 0 });
  });
  it('arms the future timers of records created before the timer rule was published', async () => {
    const lead = await createLead({ name: 'Early bird' });
    await s.db.kysely.deleteFrom(JOBS_TABLE).where('kind', '=', 'rule.timer').execute();
    await s.app.rules.engine.syncSchedules(APP);
    await s.app.rules.engine.syncSchedules(APP);
    const timers = await s.db.kysely
      .selectFrom(JOBS_TABLE)
      .select(['payload', 'run_at'])
      .where('kind', '=', 'rule.timer')
      .execute();
    const payloads = timers.map(
      (t) => (typeof t.payload === 'string' ? JSON.parse(t.payload) : t.payload) as { recordId: string },
    );
    // Older leads' 24 h have passed; only the new one is still due, once.
    expect(payloads.map((p) => p.recordId)).toEqual([lead.id]);
  });
  it('shows dead letters with their error to admins and puts one back in the queue', async () => {
    const token = await s.login('admin');
    await s.db.kysely.transaction().execute((trx) =>
      s.app.rules.env.jobs.enqueue(trx, {
        appId: APP,
        kind: 'rule.effect',
        payload: { effect: { type: 'teleport', rule: 'broken' }, actorId: null },
        idempotencyKey: 'broken-effect',
        maxAttempts: 1,
      }),
    );
    await s.app.jobRunner.drain();
    const dead = await s.call('GET', `/api/apps/${APP}/jobs?status=dead`, { token });
    expect(dead.statusCode).toBe(200);
    const job = dead
      .json<{ items: { id: string; idempotencyKey: string; lastError: string }[] }>()
      .items.find((j) => j.idempotencyKey === 'broken-effect');
    expect(job?.lastError).toContain('teleport');
    const retried = await s.call('POST', `/api/apps/${APP}/jobs/${job?.id}/retry`, { token });
    expect(retried.statusCode).toBe(200);
    const queued = await s.call('GET', `/api/apps/${APP}/jobs?status=queued`, { token });
    expect(queued.json<{ items: { id: string }[] }>().items.some((j) => j.id === job?.id)).toBe(true);
    const sales = await s.call('GET', `/api/apps/${APP}/jobs`, { token: await s.login('sales_east') });
    expect(sales.statusCode).toBe(403);
  });
  it('assigns the owner, creates a record and queues an e-mail into the outbox', async () => {
    const lead = await createLead({ name: 'VIP', amount: 500000, part: 'P-9' });
    expect((await records().get(owner, APP, 'lead', lead.id)).owner).toBe(managerId);
    const lines = await records().list(owner, APP, 'line', { filter: { '==': [{ var: 'part' }, 'P-9'] } });
    expect(lines.items.map((l) => l.note)).toEqual(['from VIP']);
    const outbox = () =>
      s.db.kysely
        .selectFrom(EMAIL_OUTBOX_TABLE)
        .select(['user_id', 'subject'])
        .where('app_id', '=', APP)
        .execute();
    expect(await outbox()).toEqual([]);
    await s.app.jobRunner.drain();
    // The e-mail goes to the owner at the time the job runs: the manager the rule assigned.
    expect(await outbox()).toEqual([{ user_id: managerId, subject: '大额线索' }]);
  });
});
