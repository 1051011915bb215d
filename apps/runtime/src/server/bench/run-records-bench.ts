/**
 * The records benchmark (run by `pnpm bench records` through bench/records.ts): create and read-by-id throughput through the Lattice records API versus a
 * hand-written fastify + kysely route on an equivalent table doing the same work by hand (JWT check,
 * body validation, insert, one history row per set field, one audit row, all in one transaction).
 * Both sides run in this process, through `inject`, on the same database: PostgreSQL when DATABASE_URL
 * is set, else PGlite. It lives in the runtime package so it resolves the runtime's dependencies.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from '@fastify/jwt';
import type { AppDefinition } from '@lattice/engine';
import { createAppStore, type LatticeDb, migrateSystemSchema, openDatabase } from '@lattice/engine/storage';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createUserStore } from '../auth/user-store';
import { buildServer } from '../build-server';
import { SYSTEM_ACTOR } from '../demo/system-actor';

const CREATES = Number(process.env.BENCH_CREATES ?? 600);
const READS = Number(process.env.BENCH_READS ?? 2000);
const ROUNDS = 3;
const SECRET = randomBytes(32).toString('hex');

interface Side {
  create(i: number): Promise<string>;
  read(id: string): Promise<void>;
}

/** The result written to bench/results/records.json. */
export interface RecordsBenchResult {
  name: 'records';
  db: string;
  ops_per_s: { lattice_create: number; baseline_create: number; lattice_read: number; baseline_read: number };
  ratio: { create: number; read: number };
}

/** Runs the benchmark on DATABASE_URL (PostgreSQL) or a temporary file-backed PGlite. */
export async function runRecordsBench(): Promise<RecordsBenchResult> {
  const tmp = mkdtempSync(join(tmpdir(), 'lattice-bench-'));
  const db = await openDatabase(
    process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: join(tmp, 'pglite') },
  );
  const suffix = randomBytes(4).toString('hex');
  const appId = `bench-${suffix}`;
  const baselineSchema = `bench_baseline_${suffix}`;
  try {
    await migrateSystemSchema(db);
    const lattice = await latticeSide(db, appId, tmp);
    const baseline = await baselineSide(db, baselineSchema, lattice.token);
    const ops = { lattice_create: 0, baseline_create: 0, lattice_read: 0, baseline_read: 0 };
    // Warm both paths (JIT, caches, prepared plans) before measuring.
    await measure(lattice.side, 50, 50);
    await measure(baseline, 50, 50);
    for (let r = 0; r < ROUNDS; r++) {
      // Alternate which side goes first so drift (table growth, autovacuum) hits both evenly.
      const order = r % 2 === 0 ? (['lattice', 'baseline'] as const) : (['baseline', 'lattice'] as const);
      for (const name of order) {
        const m = await measure(name === 'lattice' ? lattice.side : baseline, CREATES, READS);
        ops[`${name}_create`] += m.create / ROUNDS;
        ops[`${name}_read`] += m.read / ROUNDS;
      }
    }
    await lattice.close();
    await baseline.close();
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      name: 'records',
      db: db.dialect,
      ops_per_s: {
        lattice_create: round(ops.lattice_create),
        baseline_create: round(ops.baseline_create),
        lattice_read: round(ops.lattice_read),
        baseline_read: round(ops.baseline_read),
      },
      ratio: {
        create: Math.round((ops.lattice_create / ops.baseline_create) * 100) / 100,
        read: Math.round((ops.lattice_read / ops.baseline_read) * 100) / 100,
      },
    };
  } finally {
    if (db.dialect === 'postgres') {
      await sql`drop schema if exists ${sql.id(baselineSchema)} cascade`.execute(db.kysely);
      await sql`drop schema if exists ${sql.id(`app_${appId.replace(/-/g, '_')}`)} cascade`.execute(
        db.kysely,
      );
      for (const t of [
        'apps',
        'app_versions',
        'app_drafts',
        'record_history',
        // audit_log is append-only (a trigger refuses deletes): the bench's audit rows stay.
        'autonumber_counters',
      ]) {
        await sql`delete from ${sql.table(`lattice.${t}`)} where app_id = ${appId}`.execute(db.kysely);
      }
    }
    await db.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function measure(
  side: Side,
  creates: number,
  reads: number,
): Promise<{ create: number; read: number }> {
  const ids: string[] = [];
  let t = performance.now();
  for (let i = 0; i < creates; i++) ids.push(await side.create(i));
  const create = (creates / (performance.now() - t)) * 1000;
  t = performance.now();
  for (let i = 0; i < reads; i++) await side.read(ids[(i * 7919) % ids.length]!);
  const read = (reads / (performance.now() - t)) * 1000;
  return { create, read };
}

function body(i: number) {
  return {
    name: `零件 ${i}`,
    part_no: `P-${100000 + i}`,
    amount: 1000 + (i % 97) * 12.5,
    qty: i % 50,
    status: ['new', 'active', 'closed'][i % 3],
  };
}

const benchApp = (appId: string): AppDefinition => ({
  id: appId,
  label: { zh: '基准', en: 'Bench' },
  schemaVersion: 1,
  documents: [
    {
      kind: 'entity',
      schemaVersion: 1,
      name: 'item',
      label: { zh: '物料', en: 'Item' },
      titleField: 'name',
      fields: [
        {
          id: 'f_name',
          name: 'name',
          type: 'text',
          required: true,
          maxLength: 200,
          label: { zh: '名称', en: 'Name' },
        },
        {
          id: 'f_part_no',
          name: 'part_no',
          type: 'text',
          maxLength: 40,
          label: { zh: '料号', en: 'Part no.' },
        },
        { id: 'f_amount', name: 'amount', type: 'currency', min: 0, label: { zh: '金额', en: 'Amount' } },
        { id: 'f_qty', name: 'qty', type: 'integer', min: 0, label: { zh: '数量', en: 'Qty' } },
        {
          id: 'f_status',
          name: 'status',
          type: 'select',
          options: ['new', 'active', 'closed'].map((v) => ({ value: v, label: { zh: v, en: v } })),
          label: { zh: '状态', en: 'Status' },
        },
      ],
    },
  ],
});

async function latticeSide(db: LatticeDb, appId: string, dataDir: string) {
  const app = await buildServer({ db, dataDir, jwtSecret: SECRET });
  const ctx = { actor: SYSTEM_ACTOR, clock: { now: () => new Date() } };
  const store = createAppStore(db);
  await store.createApp(ctx, benchApp(appId));
  await store.publish(appId, { note: 'bench' }, ctx);
  const username = `bench_${appId.slice(6)}`;
  await createUserStore(db, ctx.clock).create(
    { username, password: 'bench-password', roles: ['admin'] },
    { ifMissing: true },
  );
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'bench-password' },
  });
  const token = login.json<{ accessToken: string }>().accessToken;
  const headers = { authorization: `Bearer ${token}` };
  const base = `/api/apps/${appId}/records/item`;
  const side: Side = {
    async create(i) {
      const res = await app.inject({ method: 'POST', url: base, headers, payload: body(i) });
      if (res.statusCode !== 201) throw new Error(`lattice create: ${res.statusCode} ${res.body}`);
      return res.json<{ id: string }>().id;
    },
    async read(id) {
      const res = await app.inject({ method: 'GET', url: `${base}/${id}`, headers });
      if (res.statusCode !== 200) throw new Error(`lattice read: ${res.statusCode} ${res.body}`);
      res.json();
    },
  };
  return { side, token, close: () => app.close() };
}

/** The hand-written equivalent: same columns, same history/audit rows, no metadata interpretation. */
async function baselineSide(
  db: LatticeDb,
  schema: string,
  token: string,
): Promise<Side & { close(): Promise<void> }> {
  const k = db.kysely;
  const table = `${schema}.item`;
  await sql`create schema ${sql.id(schema)}`.execute(k);
  await sql`create table ${sql.table(table)} (
    id uuid primary key default gen_random_uuid(), app_id text not null,
    created_at timestamptz, created_by text, updated_at timestamptz, updated_by text,
    version integer not null default 1, owner text, region text, department text, deleted_at timestamptz,
    f_name text, f_part_no text, f_amount numeric, f_qty integer, f_status text)`.execute(k);
  const app: FastifyInstance = Fastify({ logger: false });
  await app.register(jwt, { secret: SECRET, verify: { algorithms: ['HS256'], ignoreExpiration: true } });
  app.addHook('onRequest', async (request) => {
    const claims = app.jwt.verify<{ sub: string; exp: number }>(
      (request.headers.authorization ?? '').slice(7),
    );
    if (claims.exp * 1000 <= Date.now()) throw new Error('expired');
    request.user = claims as never;
  });
  const toApi = (r: Record<string, unknown>) => ({
    id: r.id,
    version: r.version,
    created_at: (r.created_at as Date).toISOString(),
    created_by: r.created_by,
    updated_at: (r.updated_at as Date).toISOString(),
    updated_by: r.updated_by,
    owner: r.owner,
    region: r.region,
    department: r.department,
    name: r.f_name,
    part_no: r.f_part_no,
    amount: r.f_amount === null ? null : Number(r.f_amount),
    qty: r.f_qty,
    status: r.f_status,
  });
  app.post<{ Body: ReturnType<typeof body> }>(
    '/items',
    {
      schema: {
        body: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', maxLength: 200 },
            part_no: { type: 'string', maxLength: 40 },
            amount: { type: 'number', minimum: 0 },
            qty: { type: 'integer', minimum: 0 },
            status: { type: 'string', enum: ['new', 'active', 'closed'] },
          },
        },
      },
    },
    async (request, reply) => {
      const actor = (request.user as { sub: string }).sub;
      const b = request.body;
      const now = new Date();
      const rec = await k.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto(table)
          .values({
            app_id: 'baseline',
            created_at: now,
            created_by: actor,
            updated_at: now,
            updated_by: actor,
            owner: actor,
            f_name: b.name,
            f_part_no: b.part_no ?? null,
            f_amount: b.amount ?? null,
            f_qty: b.qty ?? null,
            f_status: b.status ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const api = toApi(row);
        const fields = ['name', 'part_no', 'amount', 'qty', 'status'] as const;
        await trx
          .insertInto('lattice.record_history')
          .values(
            fields
              .filter((f) => api[f] !== null && api[f] !== undefined)
              .map((f) => ({
                app_id: 'baseline',
                entity: 'item',
                record_id: api.id,
                field: f,
                old_value: 'null',
                new_value: JSON.stringify(api[f]),
                changed_by: actor,
                changed_at: now,
                source: 'api',
              })),
          )
          .execute();
        await trx
          .insertInto('lattice.audit_log')
          .values({
            app_id: 'baseline',
            actor,
            action: 'record.create',
            entity: 'item',
            record_id: String(api.id),
            at: now,
            ip: request.ip,
          })
          .execute();
        return api;
      });
      return reply.status(201).send(rec);
    },
  );
  app.get<{ Params: { id: string } }>(
    '/items/:id',
    { schema: { params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } } } },
    async (request, reply) => {
      const row = await k
        .selectFrom(table)
        .selectAll()
        .where('id', '=', request.params.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!row)
        return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'not found', details: [] } });
      return toApi(row);
    },
  );
  const headers = { authorization: `Bearer ${token}` };
  return {
    async create(i) {
      const res = await app.inject({ method: 'POST', url: '/items', headers, payload: body(i) });
      if (res.statusCode !== 201) throw new Error(`baseline create: ${res.statusCode} ${res.body}`);
      return res.json<{ id: string }>().id;
    },
    async read(id) {
      const res = await app.inject({ method: 'GET', url: `/items/${id}`, headers });
      if (res.statusCode !== 200) throw new Error(`baseline read: ${res.statusCode} ${res.body}`);
      res.json();
    },
    close: () => app.close(),
  };
}
