import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { newWorkerId } from '../jobs/new-worker-id';
import type { RulesService } from '../rules/setup-rules';
import type { ServerContext } from '../server-context';
import { importRoutes } from './import-routes';
import { createImportService, type ImportService } from './import-service';
import { createImportStore } from './import-store';
import { migrateImportSchema } from './migrate-import-schema';
import type { ImportEventSinks } from './run-import';

const RESUME_SCAN_MS = 30_000;

declare module 'fastify' {
  interface FastifyInstance {
    /** The import use cases (tests await `imports.idle()`). */
    imports: ImportService;
  }
}

/**
 * Rules wiring: per-row events (when an import asks for them) run the rules like record writes do;
 * "import finished" fires once per import. The flow record lock is not applied to bulk updates yet.
 */
export function importEventSinks(rules: RulesService | null): ImportEventSinks {
  if (!rules) return {};
  return {
    onRecordEvent: rules.engine.onEvent,
    onImportFinished: async (trx, ctx, live, event) => {
      await rules.engine.fire(trx, ctx, live, event);
    },
  };
}

/**
 * Sets up imports on a server: migrates the import tables, registers the admin routes under
 * `/api/apps`, decorates `app.imports`, and resumes imports a dead runner left behind (at start, then
 * every 30 s). Uploads are kept under `<dataDir>/imports`.
 */
export async function registerImports(
  app: FastifyInstance,
  ctx: ServerContext,
  opts: { dataDir: string; rules: RulesService | null },
): Promise<void> {
  await migrateImportSchema(ctx.db);
  const store = createImportStore(ctx.db, ctx.clock);
  const service = createImportService(
    {
      db: ctx.db,
      appStore: ctx.appStore,
      clock: ctx.clock,
      store,
      events: importEventSinks(opts.rules),
      ...(ctx.fieldCodec ? { fieldCodec: ctx.fieldCodec } : {}),
    },
    join(opts.dataDir, 'imports'),
    newWorkerId(),
  );
  app.decorate('imports', service);
  // Imports a dead runner left behind (here or on another instance) are picked up at start and then
  // every half minute once their lease has expired.
  let timer: ReturnType<typeof setInterval> | null = null;
  app.addHook('onReady', async () => {
    await service.resumeInterrupted();
    timer = setInterval(() => void service.resumeInterrupted().catch(() => {}), RESUME_SCAN_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await service.idle();
  });
  await app.register(async (api) => importRoutes(api, ctx, service, store), { prefix: '/api/apps' });
}
