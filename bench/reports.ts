/**
 * `pnpm bench reports`: 1,000,000 generated (deterministic) orders over 10,000 customers; a 6-chart
 * dashboard's datasets run through the report engine (compile + execute + normalise) and, in the same run,
 * as equivalent hand-written SQL. Both must return the same rows or the run fails. Runs on PGlite always and
 * on PostgreSQL when DATABASE_URL or TEST_DATABASE_URL is set (a fresh database, dropped afterwards); the
 * top-level result is PostgreSQL's when available (target ratio ≤ 1.2), PGlite's otherwise.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

// The repo root declares no workspace dependencies: resolve through @lattice/report-engine's own.
const req = createRequire(new URL('../packages/report-engine/package.json', import.meta.url));
const load = async <T>(name: string): Promise<T> =>
  (await import(pathToFileURL(req.resolve(name)).href)) as T;

type Row = Record<string, unknown>;
interface Compiled {
  sql: string;
  parameters: readonly unknown[];
}
interface KyselyLike {
  executeQuery(q: Compiled): Promise<{ rows: Row[] }>;
  destroy(): Promise<void>;
}
type Dataset = Record<string, unknown>;
interface ReportEngine {
  runDataset(db: unknown, app: unknown, dataset: Dataset, opts: { now: Date }): Promise<{ rows: Row[] }>;
}
interface KyselyModule {
  Kysely: new (cfg: unknown) => KyselyLike;
  PostgresDialect: new (cfg: unknown) => unknown;
  PostgresAdapter: new () => unknown;
  PostgresIntrospector: new (db: unknown) => unknown;
  PostgresQueryCompiler: new () => unknown;
  CompiledQuery: { raw(sql: string, params?: unknown[]): Compiled };
}
interface PGliteInstance {
  query(sql: string, params: unknown[]): Promise<{ rows: Row[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
  close(): Promise<void>;
}

const ROWS = 1_000_000;
const CUSTOMERS = 10_000;
const RUNS = 3;
const NOW = new Date('2026-07-01T00:00:00Z');
const t = (zh: string, en: string) => ({ zh, en });

const app = {
  id: 'bench-crm',
  label: t('基准', 'Bench'),
  schemaVersion: 1,
  documents: [
    {
      kind: 'entity',
      schemaVersion: 1,
      name: 'customers',
      label: t('客户', 'Customers'),
      titleField: 'name',
      fields: [
        { id: 'f_name', name: 'name', type: 'text', label: t('名称', 'Name') },
        { id: 'region', name: 'region', type: 'select', label: t('区域', 'Region'), options: [] },
        { id: 'f_level', name: 'level', type: 'select', label: t('等级', 'Level'), options: [] },
      ],
    },
    {
      kind: 'entity',
      schemaVersion: 1,
      name: 'orders',
      label: t('订单', 'Orders'),
      titleField: 'order_no',
      fields: [
        {
          id: 'f_customer',
          name: 'customer',
          type: 'reference',
          label: t('客户', 'Customer'),
          target: 'customers',
          onDelete: 'restrict',
        },
        { id: 'f_date', name: 'order_date', type: 'date', label: t('日期', 'Date') },
        { id: 'f_amount', name: 'amount', type: 'currency', label: t('金额', 'Amount') },
        { id: 'f_qty', name: 'quantity', type: 'integer', label: t('数量', 'Qty') },
        { id: 'f_status', name: 'status', type: 'select', label: t('状态', 'Status'), options: [] },
        {
          id: 'f_line',
          name: 'product_line',
          type: 'select',
          label: t('产品线', 'Product line'),
          options: [],
        },
        { id: 'f_repeat', name: 'is_repeat', type: 'boolean', label: t('复购', 'Repeat') },
      ],
    },
  ],
};

/** The dashboard: [lattice dataset, the SQL a developer would write by hand]. */
const S = 'app_bench_crm';
const DASHBOARD: [string, Dataset, string][] = [
  [
    'revenue by month, last 12 months (line)',
    {
      entity: 'orders',
      dimensions: [{ field: 'order_date', bucket: 'month', as: 'month' }],
      measures: [{ type: 'sum', field: 'amount', as: 'revenue' }],
      filter: { '>=': [{ var: 'order_date' }, { months_ago: 12 }] },
    },
    `select to_char(date_trunc('month', o.f_date::timestamp), 'YYYY-MM') as month, sum(o.f_amount) as revenue
     from ${S}.orders o where o.deleted_at is null and o.f_date >= '2025-07-01'
     group by date_trunc('month', o.f_date::timestamp) order by 1`,
  ],
  [
    'orders by status (funnel)',
    {
      entity: 'orders',
      dimensions: [{ field: 'status', as: 'status' }],
      measures: [{ type: 'count', as: 'n' }],
      sort: [{ by: 'n', dir: 'desc' }],
    },
    `select o.f_status as status, count(*) as n from ${S}.orders o where o.deleted_at is null
     group by o.f_status order by n desc`,
  ],
  [
    'repeat rate by region × quarter (heatmap)',
    {
      entity: 'orders',
      dimensions: [
        { field: 'customer.region', as: 'region' },
        { field: 'order_date', bucket: 'quarter', as: 'quarter' },
      ],
      measures: [
        { type: 'count', as: 'repeat', filter: { '==': [{ var: 'is_repeat' }, true] } },
        { type: 'count', as: 'total' },
        { type: 'formula', as: 'rate', expression: { '/': [{ var: 'repeat' }, { var: 'total' }] } },
      ],
    },
    `select c.region, to_char(date_trunc('quarter', o.f_date::timestamp), 'YYYY-"Q"Q') as quarter,
       count(*) filter (where o.f_repeat) as repeat, count(*) as total,
       count(*) filter (where o.f_repeat)::numeric / nullif(count(*), 0) as rate
     from ${S}.orders o left join ${S}.customers c on c.id = o.f_customer and c.deleted_at is null
     where o.deleted_at is null group by c.region, date_trunc('quarter', o.f_date::timestamp) order by 1, 2`,
  ],
  [
    'top 10 customers by revenue (bar)',
    {
      entity: 'orders',
      dimensions: [{ field: 'customer.name', as: 'customer' }],
      measures: [{ type: 'sum', field: 'amount', as: 'revenue' }],
      sort: [{ by: 'revenue', dir: 'desc' }],
      limit: 10,
    },
    `select c.f_name as customer, sum(o.f_amount) as revenue
     from ${S}.orders o left join ${S}.customers c on c.id = o.f_customer and c.deleted_at is null
     where o.deleted_at is null group by c.f_name order by revenue desc nulls last limit 10`,
  ],
  [
    'KPI: revenue, orders and buyers this year',
    {
      entity: 'orders',
      dimensions: [],
      measures: [
        { type: 'sum', field: 'amount', as: 'revenue' },
        { type: 'count', as: 'orders' },
        { type: 'count_distinct', field: 'customer', as: 'buyers' },
      ],
      filter: { '>=': [{ var: 'order_date' }, '2026-01-01'] },
    },
    `select sum(f_amount) as revenue, count(*) as orders, count(distinct f_customer) as buyers
     from ${S}.orders where deleted_at is null and f_date >= '2026-01-01'`,
  ],
  [
    'average order by product line × customer level (stacked bar)',
    {
      entity: 'orders',
      dimensions: [
        { field: 'product_line', as: 'line' },
        { field: 'customer.level', as: 'level' },
      ],
      measures: [{ type: 'avg', field: 'amount', as: 'avg_amount' }],
    },
    `select o.f_line as line, c.f_level as level, avg(o.f_amount) as avg_amount
     from ${S}.orders o left join ${S}.customers c on c.id = o.f_customer and c.deleted_at is null
     where o.deleted_at is null group by o.f_line, c.f_level order by 1, 2`,
  ],
];

const SYSTEM_COLUMNS = `id uuid primary key, app_id text not null, created_at timestamptz not null default now(),
  created_by text, updated_at timestamptz not null default now(), updated_by text, version integer not null default 1,
  owner text, region text, department text, deleted_at timestamptz`;

/** Deterministic data from generate_series: no randomness, same rows on every machine. */
const LOAD_SQL = [
  `create schema ${S}`,
  `create table ${S}.customers (${SYSTEM_COLUMNS}, f_name text, f_level text)`,
  `create table ${S}.orders (${SYSTEM_COLUMNS}, f_customer uuid, f_date date, f_amount numeric, f_qty integer,
     f_status text, f_line text, f_repeat boolean)`,
  `insert into ${S}.customers (id, app_id, f_name, region, f_level, owner)
   select ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'bench-crm', '客户' || i,
     (array['华东','华南','华北','华中','西南','西北','东北'])[1 + i % 7], (array['A','B','C'])[1 + (i * 7) % 3],
     'user' || (i % 50)
   from generate_series(1, ${CUSTOMERS}) i`,
  `insert into ${S}.orders (id, app_id, f_customer, f_date, f_amount, f_qty, f_status, f_line, f_repeat, owner, deleted_at)
   select ('10000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'bench-crm',
     ('00000000-0000-4000-8000-' || lpad((1 + (i * 7919) % ${CUSTOMERS})::text, 12, '0'))::uuid,
     date '2024-01-01' + ((i * 37) % 912)::int, 100 + (i * 7331) % 99900 / 100.0, 1 + i % 20,
     (array['lead','quote','negotiation','won','lost'])[1 + (i * 13) % 5],
     (array['轴承','齿轮','电机','阀门'])[1 + (i * 3) % 4], (i * 11) % 10 < 3, 'user' || (i % 50),
     case when i % 1000 = 0 then timestamptz '2026-01-01' end
   from generate_series(1::bigint, ${ROWS}) i`,
  `analyze`,
];

async function runOn(
  kind: 'pglite' | 'postgres',
  db: KyselyLike,
  k: KyselyModule,
  engine: ReportEngine,
): Promise<{ lattice: number; handwritten: number; ratio: number; loadMs: number }> {
  const loadStart = performance.now();
  for (const stmt of LOAD_SQL) await db.executeQuery(k.CompiledQuery.raw(stmt));
  const loadMs = Math.round(performance.now() - loadStart);
  const runLattice = async (ds: Dataset) => (await engine.runDataset(db, app, ds, { now: NOW })).rows;
  const runHand = async (q: string) => (await db.executeQuery(k.CompiledQuery.raw(q))).rows;
  // Same answers first (also warms caches for both sides equally).
  for (const [name, ds, q] of DASHBOARD) {
    const a = await runLattice(ds);
    const b = (await runHand(q)).map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([key, v]) => [
          key,
          typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) && key !== 'month' && key !== 'quarter'
            ? Number(v)
            : typeof v === 'bigint'
              ? Number(v)
              : v,
        ]),
      ),
    );
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      throw new Error(
        `${kind}: "${name}" differs\nlattice:     ${JSON.stringify(a).slice(0, 300)}\nhandwritten: ${JSON.stringify(b).slice(0, 300)}`,
      );
    }
  }
  let lattice = 0;
  let handwritten = 0;
  for (let run = 0; run < RUNS; run++) {
    // Alternate which side goes first so neither always enjoys the warmer cache.
    const order = run % 2 === 0 ? ['l', 'h'] : ['h', 'l'];
    for (const side of order) {
      const start = performance.now();
      for (const [, ds, q] of DASHBOARD) side === 'l' ? await runLattice(ds) : await runHand(q);
      const ms = performance.now() - start;
      if (side === 'l') lattice += ms;
      else handwritten += ms;
    }
  }
  lattice = Math.round(lattice / RUNS);
  handwritten = Math.round(handwritten / RUNS);
  const ratio = Math.round((lattice / handwritten) * 1000) / 1000;
  console.log(
    `  ${kind}: load ${loadMs} ms; dashboard lattice ${lattice} ms, handwritten ${handwritten} ms, ratio ${ratio}`,
  );
  return { lattice, handwritten, ratio, loadMs };
}

function pgliteDialect(k: KyselyModule, pg: PGliteInstance): unknown {
  const connection = {
    executeQuery: async (q: Compiled) => {
      const r = await pg.query(q.sql, [...q.parameters]);
      return { rows: r.rows };
    },
    streamQuery: () => {
      throw new Error('not supported');
    },
  };
  return {
    createAdapter: () => new k.PostgresAdapter(),
    createIntrospector: (db: unknown) => new k.PostgresIntrospector(db),
    createQueryCompiler: () => new k.PostgresQueryCompiler(),
    createDriver: () => ({
      init: async () => {},
      acquireConnection: async () => connection,
      beginTransaction: async () => {},
      commitTransaction: async () => {},
      rollbackTransaction: async () => {},
      releaseConnection: async () => {},
      destroy: async () => pg.close(),
    }),
  };
}

export async function run(): Promise<object> {
  const k = await load<KyselyModule>('kysely');
  const engine = await load<ReportEngine>('@lattice/report-engine');
  const results: Record<string, { lattice: number; handwritten: number; ratio: number; loadMs: number }> = {};

  const { PGlite } = await load<{ PGlite: new () => PGliteInstance }>('@electric-sql/pglite');
  const lite = new k.Kysely({ dialect: pgliteDialect(k, new PGlite()) });
  try {
    results.pglite = await runOn('pglite', lite, k, engine);
  } finally {
    await lite.destroy();
  }

  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) {
    const pg = (
      await load<{
        default: {
          Pool: new (c: unknown) => unknown;
          Client: new (
            c: unknown,
          ) => { connect(): Promise<void>; query(s: string): Promise<unknown>; end(): Promise<void> };
        };
      }>('pg')
    ).default;
    const name = `lattice_bench_reports_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const pool = new pg.Pool({ connectionString: target.toString(), max: 2 }) as {
      on(event: 'error', listener: (error: Error) => void): void;
    };
    // Idle pool clients receive 57P01 when the database is dropped (or a test harness terminates
    // backends); that is teardown noise, not a bench failure.
    pool.on('error', () => {});
    const db = new k.Kysely({ dialect: new k.PostgresDialect({ pool }) });
    try {
      results.postgres = await runOn('postgres', db, k, engine);
    } finally {
      await db.destroy();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }

  const primary = results.postgres ? 'postgres' : 'pglite';
  const main = results[primary]!;
  return {
    name: 'reports',
    db: primary,
    rows: ROWS,
    ms: { lattice: main.lattice, handwritten: main.handwritten },
    ratio: main.ratio,
    datasets: DASHBOARD.map(([name]) => name),
    runs: results,
  };
}
