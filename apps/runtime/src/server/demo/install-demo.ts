import type { RequestContext } from '@lattice/engine/storage';
import type { FastifyBaseLogger } from 'fastify';
import { USERS_TABLE } from '../auth/migrate-auth-schema';
import { insertSeedBatches } from '../packs/insert-seed-batches';
import { putPackInstall } from '../packs/pack-installs';
import type { ServerContext } from '../server-context';
import { builtinDemoSource } from './builtin-demo-source';
import { ensureDemoDepartments } from './demo-departments';
import type { DemoSource } from './demo-source';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import { SYSTEM_ACTOR } from './system-actor';

/** What {@link installDemo} did, for the start-up banner. */
export interface DemoInstallResult {
  installedApp: boolean;
  origin: string;
  createdUsers: string[];
  /** Resolves when the demo records are in (at once when nothing was seeded). */
  seeding: Promise<{ records: number; skipped: number }>;
}

export interface InstallDemoOptions {
  log?: FastifyBaseLogger;
  /**
   * Insert the demo records after returning (the server can listen meanwhile; records appear as they
   * are written). `stopped()` is checked between chunks so closing the server ends seeding early.
   */
  background?: { stopped(): boolean };
  /** Progress lines while seeding (the start-up console). */
  onProgress?(line: string): void;
}

/** Records per bulk statement (and transaction) while seeding. */
const CHUNK = 500;

/**
 * Demo mode: creates the demo accounts (password `demo1234`) and, the first time, installs and publishes
 * the demo app and inserts its demo records through the bulk seed path (the records API's validation,
 * one statement per chunk, rules off), now or in the background. Each source in `sources` is tried in turn (the pack first, then the
 * built-in slice) until one publishes. Also adds the missing demo departments (the tree the demo users
 * belong to). Idempotent: a restart changes nothing.
 */
export async function installDemo(
  ctx: ServerContext,
  sources: (DemoSource | null)[] = [builtinDemoSource],
  opts: InstallDemoOptions = {},
): Promise<DemoInstallResult> {
  const { background } = opts;
  const none = Promise.resolve({ records: 0, skipped: 0 });
  const rc: RequestContext = { actor: SYSTEM_ACTOR, clock: ctx.clock };
  const candidates = sources.filter((s): s is DemoSource => s !== null);
  await ensureDemoDepartments(ctx);
  for (const [i, source] of candidates.entries()) {
    const createdUsers = await ensureUsers(ctx, source);
    const apps = await ctx.appStore.listApps();
    const existing = apps.find((a) => a.id === source.app.id);
    if (existing?.liveVersion)
      return { installedApp: false, origin: source.origin, createdUsers, seeding: none };
    try {
      if (!existing) await ctx.appStore.createApp(rc, source.app);
      else await ctx.appStore.saveDraft(rc, source.app.id, source.app);
      await ctx.appStore.publish(source.app.id, { confirmLossy: true, note: `demo: ${source.origin}` }, rc);
    } catch (error) {
      if (i === candidates.length - 1) throw error;
      opts.log?.warn({ err: error }, `demo: ${source.origin} could not be installed; trying the next source`);
      continue;
    }
    if (source.pack) {
      await putPackInstall(
        ctx.db.kysely,
        { ...source.pack, appId: source.app.id, app: source.app },
        ctx.clock.now(),
        SYSTEM_ACTOR.id,
      );
    }
    const batches = source.batches(ctx.clock.now());
    const userIds = new Map((await ctx.users.list()).map((u) => [u.username, u.id]));
    const seeding = insertDemoRecords(ctx, rc, source, batches, userIds, opts);
    if (!background) await seeding;
    return { installedApp: true, origin: source.origin, createdUsers, seeding };
  }
  throw new Error('installDemo: no demo source');
}

async function ensureUsers(ctx: ServerContext, source: DemoSource): Promise<string[]> {
  const wanted = [
    ...DEMO_USERS,
    ...(source.users ?? []).filter((u) => !DEMO_USERS.some((d) => d.username === u.username)),
  ];
  const created: string[] = [];
  for (const user of wanted) {
    if (await ctx.users.findByUsername(user.username)) continue;
    await ctx.users.create({ ...user, password: DEMO_PASSWORD }, { ifMissing: true });
    created.push(user.username);
  }
  await linkManagers(ctx, source);
  return created;
}

/** Sets each pack user's supervisor (`manager` username → `manager_id`) where none is set yet. */
async function linkManagers(ctx: ServerContext, source: DemoSource): Promise<void> {
  for (const u of source.users ?? []) {
    if (!u.manager) continue;
    await ctx.db.kysely
      .updateTable(USERS_TABLE)
      .set({
        manager_id: ctx.db.kysely.selectFrom(USERS_TABLE).select('id').where('username', '=', u.manager),
      })
      .where('username', '=', u.username)
      .where('manager_id', 'is', null)
      .execute();
  }
}

/**
 * Writes the demo records through the bulk seed path (`insertSeedBatches`: one statement and one
 * transaction per {@link CHUNK} records, usernames → user ids, rules off), reporting progress.
 */
async function insertDemoRecords(
  ctx: ServerContext,
  rc: RequestContext,
  source: DemoSource,
  batches: ReturnType<DemoSource['batches']>,
  userIds: ReadonlyMap<string, string>,
  opts: InstallDemoOptions,
): Promise<{ records: number; skipped: number }> {
  const started = performance.now();
  let reported = 0;
  const result = await insertSeedBatches(ctx, rc, source.app.id, batches, {
    source: `demo:${source.origin}`,
    chunk: CHUNK,
    userIds,
    ...(opts.background ? { stopped: opts.background.stopped } : {}),
    onProgress: (p) => {
      if (p.done - reported < 5000 && p.done !== p.total) return;
      reported = p.done;
      const seconds = Math.round((performance.now() - started) / 1000);
      opts.onProgress?.(`  演示数据 / demo data: ${p.done}/${p.total} (${p.entity}, ${seconds}s)`);
    },
    onSkip: (entity, id, reasons) =>
      opts.log?.warn({ entity, id, reasons }, 'demo: skipped an invalid seed record'),
  });
  if (result.unresolvedUsers.length > 0)
    opts.log?.warn({ users: result.unresolvedUsers }, 'demo: seed users not found (values left empty)');
  return { records: result.records, skipped: result.skipped };
}
