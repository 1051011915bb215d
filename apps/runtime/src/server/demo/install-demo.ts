import { type AppDefinition, findEntity } from '@lattice/engine';
import type { RequestContext } from '@lattice/engine/storage';
import type { ServerContext } from '../server-context';
import { builtinDemoSource } from './builtin-demo-source';
import type { DemoSource } from './demo-source';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import { SYSTEM_ACTOR } from './system-actor';

/** What {@link installDemo} did, for the start-up banner. */
export interface DemoInstallResult {
  installedApp: boolean;
  origin: string;
  records: number;
  createdUsers: string[];
}

/**
 * Demo mode: creates the demo accounts (password `demo1234`) and, the first time, installs and publishes
 * the demo app and inserts its demo records through the record service (so they pass the same
 * validation as API writes). Idempotent: a restart changes nothing.
 */
export async function installDemo(
  ctx: ServerContext,
  source: DemoSource = builtinDemoSource,
): Promise<DemoInstallResult> {
  const createdUsers: string[] = [];
  for (const user of DEMO_USERS) {
    if (await ctx.users.findByUsername(user.username)) continue;
    await ctx.users.create({ ...user, password: DEMO_PASSWORD }, { ifMissing: true });
    createdUsers.push(user.username);
  }
  const rc: RequestContext = { actor: SYSTEM_ACTOR, clock: ctx.clock };
  const apps = await ctx.appStore.listApps();
  const existing = apps.find((a) => a.id === source.app.id);
  if (existing?.liveVersion) return { installedApp: false, origin: source.origin, records: 0, createdUsers };
  if (!existing) await ctx.appStore.createApp(rc, source.app);
  await ctx.appStore.publish(source.app.id, { confirmLossy: true, note: `demo: ${source.origin}` }, rc);
  const records = await insertDemoRecords(ctx, rc, source.app, source.batches(ctx.clock.now()));
  return { installedApp: true, origin: source.origin, records, createdUsers };
}

/** Inserts records parents-first, rewriting provisional ids in reference fields to the real ones. */
async function insertDemoRecords(
  ctx: ServerContext,
  rc: RequestContext,
  app: AppDefinition,
  batches: ReturnType<DemoSource['batches']>,
): Promise<number> {
  const realIds = new Map<string, string>();
  let count = 0;
  for (const batch of batches) {
    const entity = findEntity(app, batch.entity);
    if (!entity) continue;
    const references = entity.fields.filter((f) => f.type === 'reference').map((f) => f.name);
    const writable = new Set(
      entity.fields
        .filter((f) => !f.readonly && f.type !== 'formula' && f.type !== 'rollup' && f.type !== 'autonumber')
        .map((f) => f.name),
    );
    for (const { id, ...values } of batch.records) {
      const input: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(values)) {
        if (!writable.has(name)) continue;
        input[name] =
          references.includes(name) && typeof value === 'string' ? (realIds.get(value) ?? value) : value;
      }
      const created = await ctx.records.create(rc, app.id, batch.entity, input, { source: 'demo' });
      realIds.set(id, created.id);
      count++;
    }
  }
  return count;
}
