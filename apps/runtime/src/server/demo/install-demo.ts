import { type AppDefinition, findEntity } from '@lattice/engine';
import type { RequestContext } from '@lattice/engine/storage';
import type { FastifyBaseLogger } from 'fastify';
import type { ServerContext } from '../server-context';
import { builtinDemoSource } from './builtin-demo-source';
import type { DemoRecord, DemoSource } from './demo-source';
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
}

/** Records inserted per transaction while seeding. */
const CHUNK = 250;

/**
 * Demo mode: creates the demo accounts (password `demo1234`) and, the first time, installs and publishes
 * the demo app and inserts its demo records through the record service (so they pass the same
 * validation as API writes), now or in the background. Each source in `sources` is tried in turn (the pack first, then the
 * built-in slice) until one publishes. Idempotent: a restart changes nothing.
 */
export async function installDemo(
  ctx: ServerContext,
  sources: (DemoSource | null)[] = [builtinDemoSource],
  opts: InstallDemoOptions = {},
): Promise<DemoInstallResult> {
  const { log, background } = opts;
  const none = Promise.resolve({ records: 0, skipped: 0 });
  const rc: RequestContext = { actor: SYSTEM_ACTOR, clock: ctx.clock };
  const candidates = sources.filter((s): s is DemoSource => s !== null);
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
      log?.warn({ err: error }, `demo: ${source.origin} could not be installed; trying the next source`);
      continue;
    }
    const batches = source.batches(ctx.clock.now());
    const stopped = background?.stopped ?? (() => false);
    const seeding = insertDemoRecords(ctx, rc, source.app, batches, stopped, log);
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
  return created;
}

/**
 * Inserts records parents first, rewriting provisional ids in reference fields to the real ones, in
 * transactions of {@link CHUNK}. A chunk that fails is retried record by record, skipping the bad ones
 * (and records whose parent was skipped), so one bad seed row cannot block the whole demo.
 */
async function insertDemoRecords(
  ctx: ServerContext,
  rc: RequestContext,
  app: AppDefinition,
  batches: ReturnType<DemoSource['batches']>,
  stopped: () => boolean,
  log?: FastifyBaseLogger,
): Promise<{ records: number; skipped: number }> {
  const realIds = new Map<string, string>();
  const provisional = new Set(batches.flatMap((b) => b.records.map((r) => r.id)));
  let records = 0;
  let skipped = 0;
  for (const batch of batches) {
    const entity = findEntity(app, batch.entity);
    if (!entity) continue;
    const references = new Set(entity.fields.filter((f) => f.type === 'reference').map((f) => f.name));
    const writable = new Set(
      entity.fields
        .filter((f) => !f.readonly && f.type !== 'formula' && f.type !== 'rollup' && f.type !== 'autonumber')
        .map((f) => f.name),
    );
    const toInput = (record: DemoRecord): Record<string, unknown> | null => {
      const input: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(record)) {
        // region/department are system columns even where the entity has no such field (record scopes use them).
        if (name === 'id' || !(writable.has(name) || name === 'region' || name === 'department')) continue;
        if (references.has(name) && typeof value === 'string' && provisional.has(value)) {
          const real = realIds.get(value);
          if (!real) return null;
          input[name] = real;
        } else input[name] = value;
      }
      return input;
    };
    for (let start = 0; start < batch.records.length; start += CHUNK) {
      if (stopped()) return { records, skipped };
      const chunk = batch.records.slice(start, start + CHUNK);
      try {
        const ids = await ctx.db.kysely.transaction().execute(async (trx) => {
          const out: [string, string][] = [];
          for (const record of chunk) {
            const input = toInput(record);
            if (!input) continue;
            const created = await ctx.records.create(rc, app.id, batch.entity, input, {
              trx,
              source: 'demo',
            });
            out.push([record.id, created.id]);
          }
          return out;
        });
        for (const [from, to] of ids) realIds.set(from, to);
        records += ids.length;
        skipped += chunk.length - ids.length;
      } catch {
        for (const record of chunk) {
          const input = toInput(record);
          try {
            if (!input) throw new Error('parent record was skipped');
            const created = await ctx.records.create(rc, app.id, batch.entity, input, { source: 'demo' });
            realIds.set(record.id, created.id);
            records++;
          } catch (error) {
            skipped++;
            log?.warn({ err: error, entity: batch.entity }, 'demo: skipped an invalid seed record');
          }
        }
      }
    }
  }
  return { records, skipped };
}
