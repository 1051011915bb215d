import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isLatticeError, type LatticeError } from '../../errors';
import type { JsonLogic } from '../../model/json-logic';
import { createAppStore } from '../app-store/create-app-store';
import type { LatticeDb, RecordData, RecordEvent, RecordService } from '../contracts';
import { openTestDatabase, testDatabaseKinds } from '../open-test-database';
import { fixedClock, sampleApp, testContext } from '../testing/sample-app';
import { createRecordService } from './create-record-service';

// Real databases on a shared CI box: allow for a slow schema migration or publish.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const APP = 'test-crm';

async function caught(p: Promise<unknown>): Promise<LatticeError> {
  try {
    await p;
  } catch (e) {
    if (isLatticeError(e)) return e;
    throw e;
  }
  throw new Error('expected a LatticeError');
}

describe.each(testDatabaseKinds())('record service on %s', (kind) => {
  let db: LatticeDb;
  let records: RecordService;
  const clock = fixedClock();
  const ctx = testContext('u_alice', clock);
  const events: RecordEvent[] = [];

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    const apps = createAppStore(db);
    await apps.createApp(ctx, sampleApp(APP));
    await apps.publish(APP, {}, ctx);
    records = createRecordService(db, apps, {
      hooks: {
        async onEvent(trx, _ctx, _app, event) {
          events.push(event);
          if (event.type === 'created' && event.record.name === 'hook-fails') throw new Error('hook refused');
          await sql`select 1`.execute(trx);
        },
      },
      scope: {
        filterFor: (c) => (c.actor.id === 'u_east' ? { '==': [{ var: 'region' }, 'east'] } : null),
      },
    });
  });
  afterAll(async () => {
    await db.close();
  });

  it('creates a record with coerced values, system fields, formula and autonumber', async () => {
    const rec = await records.create(ctx, APP, 'customer', {
      name: '华东机械',
      credit_limit: '1200.50',
      level: 'a',
    });
    expect(rec).toMatchObject({
      name: '华东机械',
      credit_limit: 1200.5,
      double_limit: 2401,
      level: 'a',
      code: 'CUS-2024-0001',
      version: 1,
      created_by: 'u_alice',
      owner: 'u_alice',
      created_at: '2024-05-01T08:00:00.000Z',
      deal_count: 0,
      deal_total: null,
    });
    const again = await records.create(ctx, APP, 'customer', { name: '华南电子' });
    expect(again.code).toBe('CUS-2024-0002');
    expect(await records.get(ctx, APP, 'customer', rec.id)).toEqual(rec);
  });

  it('reports every invalid value keyed by field name and writes nothing', async () => {
    const before = await db.kysely
      .selectFrom('app_test_crm.customer')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirst();
    const err = await caught(
      records.create(ctx, APP, 'customer', {
        credit_limit: 'abc',
        level: 'z',
        email: 'not-mail',
        bogus: 1,
        version: 7,
        double_limit: 3,
      }),
    );
    expect(err.code).toBe('LATTICE_ERR_VALIDATION');
    expect(err.details.map((d) => d.path).sort()).toEqual(
      ['bogus', 'credit_limit', 'double_limit', 'email', 'level', 'name', 'version'].sort(),
    );
    expect(err.details.find((d) => d.path === 'name')?.reason).toBe('LATTICE_ERR_REQUIRED');
    const after = await db.kysely
      .selectFrom('app_test_crm.customer')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirst();
    expect(after).toEqual(before);
  });

  it('reports a failed JsonLogic validation with its message', async () => {
    const err = await caught(records.create(ctx, APP, 'customer', { name: 'neg', credit_limit: -5 }));
    expect(err.code).toBe('LATTICE_ERR_VALIDATION');
    expect(err.details).toEqual([
      {
        path: 'credit_limit',
        reason: 'LATTICE_ERR_VALIDATION',
        message: { zh: '不能为负', en: 'Must not be negative' },
      },
    ]);
  });

  it('refuses a duplicate unique value, but not one held by a deleted record', async () => {
    const err = await caught(records.create(ctx, APP, 'customer', { name: '华东机械' }));
    expect(err.code).toBe('LATTICE_ERR_UNIQUE');
    expect(err.details[0]?.path).toBe('name');
    const tmp = await records.create(ctx, APP, 'customer', { name: 'temp', tax_no: 'T-1' });
    const dup = await caught(records.create(ctx, APP, 'customer', { name: 'temp2', tax_no: 'T-1' }));
    expect(dup.details[0]?.path).toBe('tax_no');
    expect(dup.details[0]?.message).toEqual({ zh: '税号 的值已存在', en: 'Tax no already exists' });
    await records.delete(ctx, APP, 'customer', tmp.id);
    expect((await records.create(ctx, APP, 'customer', { name: 'temp', tax_no: 'T-1' })).name).toBe('temp');
  });

  it('refuses a reference to a missing record', async () => {
    const err = await caught(
      records.create(ctx, APP, 'deal', { title: 'x', customer: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(err.code).toBe('LATTICE_ERR_REFERENCE');
    expect(err.details[0]?.path).toBe('customer');
  });

  it('allows only the declared stage transitions', async () => {
    const c = await records.create(ctx, APP, 'customer', { name: 'staged', stage: 'lead' });
    const lost = await records.update(ctx, APP, 'customer', c.id, { stage: 'lost' }, 1);
    const err = await caught(records.update(ctx, APP, 'customer', c.id, { stage: 'active' }, lost.version));
    expect(err.details[0]).toMatchObject({ path: 'stage' });
    const d = await records.create(ctx, APP, 'customer', { name: 'staged2', stage: 'active' });
    const leave = await caught(records.update(ctx, APP, 'customer', d.id, { stage: 'lost' }, 1));
    expect(leave.details).toMatchObject([{ path: 'email', reason: 'LATTICE_ERR_REQUIRED' }]);
    const ok = await records.update(ctx, APP, 'customer', d.id, { stage: 'lost', email: 'a@b.cn' }, 1);
    expect(ok.stage).toBe('lost');
  });

  it('updates with optimistic locking, records history and recomputes formulas', async () => {
    const c = await records.create(ctx, APP, 'customer', { name: 'hist', credit_limit: 10 });
    clock.advance(60_000);
    const u = await records.update(ctx, APP, 'customer', c.id, { credit_limit: 20, note: 'vip' }, 1);
    expect(u).toMatchObject({
      version: 2,
      credit_limit: 20,
      double_limit: 40,
      note: 'vip',
      updated_at: '2024-05-01T08:01:00.000Z',
    });
    const stale = await caught(records.update(ctx, APP, 'customer', c.id, { note: 'lost' }, 1));
    expect(stale.code).toBe('LATTICE_ERR_STALE_VERSION');
    expect(stale.status).toBe(409);
    const h = await records.history(ctx, APP, 'customer', c.id);
    const changes = h
      .filter((x) => x.changedAt === '2024-05-01T08:01:00.000Z')
      .map((x) => [x.field, x.oldValue, x.newValue]);
    expect(changes).toEqual([
      ['credit_limit', 10, 20],
      ['note', null, 'vip'],
      ['double_limit', 20, 40],
    ]);
    expect(h.every((x) => x.source === 'api' && x.changedBy === 'u_alice')).toBe(true);
    const audit = await db.kysely
      .selectFrom('lattice.audit_log')
      .select(['action'])
      .where('record_id', '=', c.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['record.create', 'record.update']);
  });

  it('lets exactly one of 10 concurrent updates with the same version win', async () => {
    const c = await records.create(ctx, APP, 'customer', { name: 'race', note: 'start' });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => records.update(ctx, APP, 'customer', c.id, { note: `w${i}` }, 1)),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as LatticeError).code)).toEqual(
      Array(9).fill('LATTICE_ERR_STALE_VERSION'),
    );
    const final = await records.get(ctx, APP, 'customer', c.id);
    expect(final.version).toBe(2);
    expect(final.note).toBe((won[0] as PromiseFulfilledResult<RecordData>).value.note);
    const h = await records.history(ctx, APP, 'customer', c.id);
    expect(h.filter((x) => x.field === 'note')).toHaveLength(2);
  });

  it('lets one of 5 concurrent creates with the same unique value win and maps the rest to LATTICE_ERR_UNIQUE', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => records.create(ctx, APP, 'customer', { name: 'same-name-race' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as LatticeError).code] : []));
    expect(codes).toEqual(Array(4).fill('LATTICE_ERR_UNIQUE'));
    const reasons = results.flatMap((r) =>
      r.status === 'rejected' ? [(r.reason as LatticeError).details[0]?.path] : [],
    );
    expect(reasons).toEqual(Array(4).fill('name'));
  });

  it('rolls the whole write back when a hook throws', async () => {
    await expect(records.create(ctx, APP, 'customer', { name: 'hook-fails' })).rejects.toThrow(
      'hook refused',
    );
    const page = await records.list(ctx, APP, 'customer', {
      filter: { '==': [{ var: 'name' }, 'hook-fails'] },
    });
    expect(page.items).toEqual([]);
    const h = await db.kysely
      .selectFrom('lattice.record_history')
      .select('id')
      .where('new_value', '=', JSON.stringify('hook-fails'))
      .execute();
    expect(h).toEqual([]);
    expect(events.some((e) => e.type === 'created' && e.record.name === 'hook-fails')).toBe(true);
  });

  it('numbers autonumbers without gaps after a rolled-back write and restarts them each year', async () => {
    const a = await records.create(ctx, APP, 'customer', { name: 'auto-a' });
    await expect(records.create(ctx, APP, 'customer', { name: 'hook-fails' })).rejects.toThrow(
      'hook refused',
    );
    const b = await records.create(ctx, APP, 'customer', { name: 'auto-b' });
    const seq = (code: unknown) => Number(String(code).slice(-4));
    expect(seq(b.code)).toBe(seq(a.code) + 1);
    const yearClock = fixedClock('2025-01-01T00:00:00Z');
    const next = await records.create(testContext('u_alice', yearClock), APP, 'customer', {
      name: 'auto-2025',
    });
    expect(next.code).toBe('CUS-2025-0001');
  });

  it('restricts, cascades and nulls references on soft delete, and computes rollups', async () => {
    const c = await records.create(ctx, APP, 'customer', { name: 'parent' });
    const p = await records.create(ctx, APP, 'customer', { name: 'partner' });
    const contact = await records.create(ctx, APP, 'contact', { name: '张三', customer: c.id });
    const d1 = await records.create(ctx, APP, 'deal', { title: 'd1', customer: c.id, amount: 100 });
    await records.create(ctx, APP, 'deal', { title: 'd2', customer: c.id, amount: 50.5, partner: p.id });
    expect(await records.get(ctx, APP, 'customer', c.id)).toMatchObject({ deal_count: 2, deal_total: 150.5 });
    const err = await caught(records.delete(ctx, APP, 'customer', c.id));
    expect(err.code).toBe('LATTICE_ERR_REFERENCE');
    expect(err.details).toMatchObject([{ path: 'deal.customer' }]);
    await records.delete(ctx, APP, 'deal', d1.id);
    expect(await records.get(ctx, APP, 'customer', c.id)).toMatchObject({ deal_count: 1, deal_total: 50.5 });
    await records.delete(ctx, APP, 'customer', p.id);
    const d2 = (await records.list(ctx, APP, 'deal', { filter: { '==': [{ var: 'title' }, 'd2'] } }))
      .items[0]!;
    expect(d2.partner).toBeNull();
    await records.delete(ctx, APP, 'deal', d2.id);
    await records.delete(ctx, APP, 'customer', c.id);
    expect((await caught(records.get(ctx, APP, 'contact', contact.id))).code).toBe('LATTICE_ERR_NOT_FOUND');
    const deleted = await records.get(ctx, APP, 'contact', contact.id, { includeDeleted: true });
    expect(deleted.deleted_at).toBe(clock.now().toISOString());
    const list = await records.list(ctx, APP, 'customer', { filter: { '==': [{ var: 'name' }, 'parent'] } });
    expect(list.items).toEqual([]);
  });

  it('hides records outside the caller scope as not found', async () => {
    const east = await records.create(ctx, APP, 'customer', { name: 'east-co', region: 'east' });
    const west = await records.create(ctx, APP, 'customer', { name: 'west-co', region: 'west' });
    const eastUser = testContext('u_east', clock);
    expect((await records.get(eastUser, APP, 'customer', east.id)).name).toBe('east-co');
    expect((await caught(records.get(eastUser, APP, 'customer', west.id))).code).toBe(
      'LATTICE_ERR_NOT_FOUND',
    );
    expect((await caught(records.update(eastUser, APP, 'customer', west.id, { note: 'x' }, 1))).code).toBe(
      'LATTICE_ERR_NOT_FOUND',
    );
    expect((await caught(records.delete(eastUser, APP, 'customer', west.id))).code).toBe(
      'LATTICE_ERR_NOT_FOUND',
    );
    const page = await records.list(eastUser, APP, 'customer', { limit: 100 });
    expect(page.items.map((r) => r.name)).toEqual(['east-co']);
    expect(
      (await caught(records.create(eastUser, APP, 'customer', { name: 'sneaky', region: 'west' }))).code,
    ).toBe('LATTICE_ERR_FORBIDDEN');
    const moved = await caught(
      records.update(eastUser, APP, 'customer', east.id, { region: 'west' }, east.version),
    );
    expect(moved.code).toBe('LATTICE_ERR_FORBIDDEN');
    expect((await records.get(ctx, APP, 'customer', east.id)).region).toBe('east');
    const names = (await records.list(ctx, APP, 'customer', { q: 'sneaky' })).items;
    expect(names).toEqual([]);
  });

  it('pages with a keyset cursor over ties and nulls without gaps or repeats', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      const amount = i % 4 === 0 ? null : (i % 3) * 10;
      ids.push((await records.create(ctx, APP, 'deal', { title: `page-${i}`, amount, rank: i % 2 })).id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await records.list(ctx, APP, 'deal', {
        filter: { starts_with: [{ var: 'title' }, 'page-'] },
        sort: [
          { field: 'amount', dir: 'desc' },
          { field: 'rank', dir: 'asc' },
        ],
        limit: 5,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(23);
    expect([...seen].sort()).toEqual([...ids].sort());
    const all = await records.list(ctx, APP, 'deal', {
      filter: { starts_with: [{ var: 'title' }, 'page-'] },
      sort: [
        { field: 'amount', dir: 'desc' },
        { field: 'rank', dir: 'asc' },
      ],
      limit: 100,
    });
    expect(all.items.map((r) => r.id)).toEqual(seen);
    const amounts = all.items.map((r) => r.amount);
    expect(amounts.slice(-6)).toEqual(Array(6).fill(null));
  });

  it('filters and sorts by rollups', async () => {
    const big = await records.create(ctx, APP, 'customer', { name: 'rollup-big' });
    const small = await records.create(ctx, APP, 'customer', { name: 'rollup-small' });
    for (const [c, n] of [
      [big, 3],
      [small, 1],
    ] as const) {
      for (let i = 0; i < n; i++)
        await records.create(ctx, APP, 'deal', { title: `r-${i}`, customer: c.id, amount: 10 });
    }
    const page = await records.list(ctx, APP, 'customer', {
      filter: { and: [{ '>=': [{ var: 'deal_count' }, 1] }, { starts_with: [{ var: 'name' }, 'rollup-'] }] },
      sort: [{ field: 'deal_total', dir: 'desc' }],
      limit: 1,
    });
    expect(page.items.map((r) => [r.name, r.deal_count, r.deal_total])).toEqual([['rollup-big', 3, 30]]);
    const next = await records.list(ctx, APP, 'customer', {
      filter: { and: [{ '>=': [{ var: 'deal_count' }, 1] }, { starts_with: [{ var: 'name' }, 'rollup-'] }] },
      sort: [{ field: 'deal_total', dir: 'desc' }],
      limit: 1,
      cursor: page.nextCursor!,
    });
    expect(next.items.map((r) => r.name)).toEqual(['rollup-small']);
    expect(next.nextCursor).toBeNull();
  });

  it('refuses a forged cursor and an unknown filter field with paths', async () => {
    const forged = Buffer.from(JSON.stringify({ s: 'x', v: [1] })).toString('base64url');
    expect((await caught(records.list(ctx, APP, 'deal', { cursor: forged }))).code).toBe(
      'LATTICE_ERR_BAD_REQUEST',
    );
    const err = await caught(
      records.list(ctx, APP, 'deal', {
        filter: { and: [{ '==': [{ var: 'title' }, 'a'] }, { '==': [{ var: 'nope' }, 1] }] },
      }),
    );
    expect(err.code).toBe('LATTICE_ERR_VALIDATION');
    expect(err.details[0]?.path).toBe('filter.and.1.==.0');
    const op = await caught(records.list(ctx, APP, 'deal', { filter: { regex: [{ var: 'title' }, 'a'] } }));
    expect(op.details[0]?.path).toBe('filter.regex');
  });

  it('shows and edits private notes only for their author', async () => {
    const bob = testContext('u_bob', clock);
    const c = await records.create(ctx, APP, 'contact', {
      name: '李四',
      private_notes: [{ text: 'alice only' }],
    });
    expect(c.private_notes).toEqual([
      { author: 'u_alice', text: 'alice only', at: clock.now().toISOString() },
    ]);
    expect((await records.get(bob, APP, 'contact', c.id)).private_notes).toEqual([]);
    const b = await records.update(
      bob,
      APP,
      'contact',
      c.id,
      { private_notes: [{ text: 'bob only' }] },
      c.version,
    );
    expect(b.private_notes).toEqual([{ author: 'u_bob', text: 'bob only', at: clock.now().toISOString() }]);
    expect((await records.get(ctx, APP, 'contact', c.id)).private_notes).toMatchObject([
      { text: 'alice only' },
    ]);
    const h = await records.history(bob, APP, 'contact', c.id);
    expect(JSON.stringify(h)).not.toContain('alice only');
  });

  it('refuses hostile entity, field and sort names before any SQL runs', async () => {
    const entityErr = await caught(records.list(ctx, APP, 'deal; drop table deal', {}));
    expect(entityErr.code).toBe('LATTICE_ERR_UNKNOWN_ENTITY');
    const sortErr = await caught(
      records.list(ctx, APP, 'deal', { sort: [{ field: 'title"; drop table deal; --', dir: 'asc' }] }),
    );
    expect(sortErr.details[0]?.path).toBe('sort.0.field');
    const fieldErr = await caught(records.create(ctx, APP, 'deal', { title: 't', 'x; drop table': 1 }));
    expect(fieldErr.details).toMatchObject([{ path: 'x; drop table', reason: 'LATTICE_ERR_UNKNOWN_FIELD' }]);
    expect((await caught(records.get(ctx, APP, 'deal', "1' or '1'='1"))).code).toBe('LATTICE_ERR_NOT_FOUND');
    const tables = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.tables where table_schema = 'app_test_crm'`.execute(
      db.kysely,
    );
    expect(tables.rows[0]?.n).toBe(3);
  });

  it('filters with the JsonLogic subset and searches text fields', async () => {
    await records.create(ctx, APP, 'deal', {
      title: '100%_special',
      amount: 7,
      tags: ['hot'],
      close_date: '2024-04-20',
    });
    await records.create(ctx, APP, 'deal', {
      title: '100x-other',
      amount: 9,
      tags: ['big'],
      close_date: '2023-01-01',
    });
    const names = async (filter: JsonLogic, q?: string) =>
      (await records.list(ctx, APP, 'deal', { filter, ...(q ? { q } : {}), limit: 100 })).items
        .map((r) => r.title)
        .sort();
    expect(await names({ in: ['hot', { var: 'tags' }] })).toEqual(['100%_special']);
    expect(await names({ between: [{ var: 'amount' }, 6, 8] })).toEqual(['100%_special']);
    expect(await names({ '>=': [{ var: 'close_date' }, { days_ago: 30 }] })).toEqual(['100%_special']);
    expect(
      await names({
        and: [{ contains: [{ var: 'title' }, '100'] }, { '!': { is_empty: [{ var: 'tags' }] } }],
      }),
    ).toEqual(['100%_special', '100x-other']);
    expect(await names({ in: [{ var: 'amount' }, [9, 11]] })).toEqual(['100x-other']);
    expect(await names(true, '100%')).toEqual(['100%_special']);
    expect(await names({ '==': [{ var: 'title' }, "x'; drop table deal; --"] })).toEqual([]);
  });
});
