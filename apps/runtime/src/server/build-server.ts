import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import jwt from '@fastify/jwt';
import rateLimit from '@fastify/rate-limit';
import { LatticeError } from '@lattice/engine';
import {
  type Clock,
  createAppStore,
  createRecordService,
  type LatticeDb,
  migrateSystemSchema,
  systemClock,
} from '@lattice/engine/storage';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { authRoutes } from './auth/auth-routes';
import { migrateAuthSchema } from './auth/migrate-auth-schema';
import { createRefreshTokenStore } from './auth/refresh-token-store';
import { createUserStore } from './auth/user-store';
import { builtinDemoSource } from './demo/builtin-demo-source';
import type { DemoSource } from './demo/demo-source';
import { ensureAdminUser } from './demo/ensure-admin-user';
import { installDemo } from './demo/install-demo';
import { registerErrorHandler } from './errors/register-error-handler';
import { bindRecordFiles } from './files/bind-record-files';
import { fileRoutes } from './files/file-routes';
import { createFileUrlSigner } from './files/file-url-signer';
import { migrateFilesSchema } from './files/migrate-files-schema';
import { enforceFlowLock } from './flows/flow-record-lock';
import { flowRoutes } from './flows/flow-routes';
import { setupFlows } from './flows/setup-flows';
import { registerImports } from './import/register-imports';
import { createJobQueue } from './jobs/job-queue';
import { createJobRunner, type JobRunner } from './jobs/job-runner';
import { migrateJobsSchema } from './jobs/migrate-jobs-schema';
import { newWorkerId } from './jobs/new-worker-id';
import { migratePacksSchema } from './packs/migrate-packs-schema';
import { packRoutes } from './packs/pack-routes';
import { reportRoutes } from './reports/report-routes';
import { appRoutes } from './routes/app-routes';
import { directoryRoutes } from './routes/directory-routes';
import { registerDocs } from './routes/docs-routes';
import { healthRoutes } from './routes/health-routes';
import { recordRoutes } from './routes/record-routes';
import { DEFAULT_STATIC_DIRS, type StaticDirs, spaFallback, staticRoutes } from './routes/static-routes';
import { notificationRoutes } from './rules/notification-routes';
import { ruleRoutes } from './rules/rule-routes';
import type { HttpPost } from './rules/rules-env';
import { chainRecordHooks, createRulesHook } from './rules/rules-hook';
import { type RulesService, setupRules } from './rules/setup-rules';
import { adminRoutes } from './security/admin-routes';
import { createApiKeyStore } from './security/api-key-store';
import { checkDirectoryValues } from './security/check-directory-values';
import { createAuthExtension } from './security/create-auth-extension';
import { createScopeProvider } from './security/create-scope-provider';
import { createFieldCipher, demoEncryptionKey, parseEncryptionKey } from './security/field-cipher';
import { migrateSecuritySchema } from './security/migrate-security-schema';
import { createOrgStore } from './security/org-store';
import { secureRecordService } from './security/secure-record-service';
import { securityRoutes } from './security/security-routes';
import { DEFAULT_LOGIN_POLICY, type LoginPolicy, type ServerContext } from './server-context';

declare module 'fastify' {
  interface FastifyInstance {
    /** Demo mode: resolves when the demo records are written (seeding may run in the background). */
    demoSeeded?: Promise<void>;
    /** This instance's job worker (tests drain it by hand). */
    jobRunner: JobRunner;
    /** Rules runtime (engine, inbox); tests fire events and read notifications here. */
    rules: RulesService;
  }
}

/** Default request body limit: 1 MiB (larger bodies get 413 with the standard error body). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface BuildServerOptions {
  /** An open database (see `openDatabase`); the server migrates it but never closes it. */
  db: LatticeDb;
  clock?: Clock;
  /** Where the server keeps its files (PGlite lives in `<dataDir>/pglite`; import uploads in `imports/`; record files are in the database). */
  dataDir: string;
  /** HMAC secret for access tokens. */
  jwtSecret: string;
  /** Install the manufacturing CRM app, demo data and demo accounts (idempotent). */
  demo?: boolean;
  /** Where the demo comes from, tried in order; defaults to the built-in customer/contact/opportunity slice. */
  demoSources?: (DemoSource | null)[];
  /** Seed the demo records after `buildServer` returns, so the server can listen at once. */
  demoInBackground?: boolean;
  /** Demo seeding progress lines (the start-up console prints them). */
  onDemoProgress?: (line: string) => void;
  /** Outside demo mode: the `admin` account's password (created once if missing). */
  adminPassword?: string;
  logger?: FastifyServerOptions['logger'];
  bodyLimit?: number;
  loginPolicy?: Partial<LoginPolicy>;
  staticDirs?: StaticDirs;
  /**
   * AES-256-GCM key for sensitive fields (LATTICE_ENCRYPTION_KEY: 64 hex or base64 characters). Demo mode
   * generates one into `<dataDir>/encryption-key` when absent; elsewhere sensitive fields stay plain
   * without it (the server logs a warning).
   */
  encryptionKey?: string;
  /** Allowed CORS origins; CORS is closed when empty (the SPAs are same-origin). */
  corsOrigins?: string[];
  /** Poll the job table every `intervalMs` after `listen` (tests leave it off and call `jobRunner.drain()`). */
  runJobs?: { intervalMs: number };
  /** How rules send webhooks (tests record them); default `fetch`. */
  http?: HttpPost;
}

/**
 * Builds the runtime's fastify app (without listening): migrates the platform and auth schemas, installs
 * the demo when asked, and registers security plugins, the error handler, health, auth, metadata,
 * records, OpenAPI docs and the static SPAs.
 *
 * @example
 * const db = await openDatabase({ dataDir: '.lattice-data/pglite' });
 * const app = await buildServer({ db, dataDir: '.lattice-data', jwtSecret: secret, demo: true });
 * await app.listen({ port: 3000 });
 */
export async function buildServer(opts: BuildServerOptions): Promise<FastifyInstance> {
  const clock = opts.clock ?? systemClock;
  const { db } = opts;
  await migrateSystemSchema(db);
  await migrateAuthSchema(db);
  await migrateSecuritySchema(db);
  await migrateJobsSchema(db);
  await migratePacksSchema(db);
  await migrateFilesSchema(db);
  const appStore = createAppStore(db);
  const org = createOrgStore(db, clock);
  const scope = createScopeProvider(org);
  const encryptionKey = opts.encryptionKey
    ? parseEncryptionKey(opts.encryptionKey)
    : opts.demo
      ? demoEncryptionKey(opts.dataDir, opts.jwtSecret)
      : null;
  const fieldCodec = encryptionKey ? createFieldCipher(encryptionKey) : undefined;
  const jobs = createJobQueue(db, { clock });
  const rulesHook = createRulesHook();
  const ctx: ServerContext = {
    db,
    clock,
    appStore,
    records: secureRecordService(
      createRecordService(db, appStore, {
        hooks: {
          onEvent: chainRecordHooks(
            enforceFlowLock,
            checkDirectoryValues,
            bindRecordFiles,
            rulesHook.onEvent,
          ),
        },
        scope,
        ...(fieldCodec ? { fieldCodec } : {}),
      }),
      appStore,
      scope,
    ),
    org,
    scope,
    ...(fieldCodec ? { fieldCodec } : {}),
    users: createUserStore(db, clock),
    refreshTokens: createRefreshTokenStore(db, clock),
    loginPolicy: { ...DEFAULT_LOGIN_POLICY, ...opts.loginPolicy },
    jobs,
    jobRunner: createJobRunner({ db, queue: jobs, clock, workerId: newWorkerId() }),
  };
  const flows = await setupFlows(ctx);
  const rules = await setupRules(ctx, rulesHook, { flows, ...(opts.http ? { http: opts.http } : {}) });
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array' } },
  });
  app.decorate('jobRunner', ctx.jobRunner);
  app.decorate('flows', flows);
  app.decorate('rules', rules);
  if (opts.runJobs) {
    const { intervalMs } = opts.runJobs;
    ctx.jobRunner.onError((error, job) => app.log.warn({ err: error, job: job?.id }, 'job failed'));
    app.addHook('onReady', async () => ctx.jobRunner.start(intervalMs));
    app.addHook('onClose', async () => ctx.jobRunner.stop());
  }
  if (opts.demo) {
    let closing = false;
    const result = await installDemo(ctx, opts.demoSources ?? [builtinDemoSource], {
      log: app.log,
      ...(opts.onDemoProgress ? { onProgress: opts.onDemoProgress } : {}),
      ...(opts.demoInBackground ? { background: { stopped: () => closing } } : {}),
    });
    const seeding = result.seeding.then(
      (r) => {
        if (result.installedApp) {
          app.log.warn(`demo data from ${result.origin}: ${r.records} records, ${r.skipped} skipped`);
        }
      },
      (error: unknown) => app.log.error({ err: error }, 'demo seeding failed'),
    );
    app.decorate('demoSeeded', seeding);
    await rules.engine.syncAllSchedules();
    app.addHook('onClose', async () => {
      closing = true;
      await seeding;
    });
  } else if (opts.adminPassword) await ensureAdminUser(ctx, opts.adminPassword);
  const staticDirs = opts.staticDirs ?? DEFAULT_STATIC_DIRS;
  registerErrorHandler(app, spaFallback(staticDirs));
  if (!fieldCodec) app.log.warn('LATTICE_ENCRYPTION_KEY is not set: sensitive fields are stored unencrypted');
  const apiKeys = createApiKeyStore(db, clock);
  app.decorate('latticeAuth', createAuthExtension(db, clock, apiKeys));

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'upgrade-insecure-requests': null,
      },
    },
  });
  await app.register(cors, {
    origin: opts.corsOrigins && opts.corsOrigins.length > 0 ? opts.corsOrigins : false,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new LatticeError('LATTICE_ERR_RATE_LIMITED'),
  });
  // Expiry is checked against the injected clock in requireAuth, not against the wall clock here.
  await app.register(jwt, {
    secret: opts.jwtSecret,
    sign: { algorithm: 'HS256' },
    verify: { algorithms: ['HS256'], ignoreExpiration: true, requiredClaims: ['sub', 'exp'] },
  });
  await registerDocs(app, ctx);

  await app.register(async (api) => healthRoutes(api, ctx), { prefix: '/api' });
  await app.register(async (api) => authRoutes(api, ctx), { prefix: '/api/auth' });
  await app.register(async (api) => appRoutes(api, ctx), { prefix: '/api/apps' });
  await app.register(async (api) => packRoutes(api, ctx), { prefix: '/api/packs' });
  await app.register(async (api) => recordRoutes(api, ctx), { prefix: '/api/apps' });
  await app.register(async (api) => securityRoutes(api, ctx), { prefix: '/api/apps' });
  await app.register(async (api) => adminRoutes(api, ctx, apiKeys), { prefix: '/api/admin' });
  await app.register(async (api) => directoryRoutes(api, ctx), { prefix: '/api/directory' });
  await app.register(async (api) => flowRoutes(api, ctx, flows), { prefix: '/api/apps' });
  await app.register(async (api) => ruleRoutes(api, ctx, rules), { prefix: '/api/apps' });
  await app.register(async (api) => notificationRoutes(api, ctx, rules), { prefix: '/api' });
  await registerImports(app, ctx, { dataDir: opts.dataDir, rules });
  await app.register(async (api) => reportRoutes(api, ctx), { prefix: '/api/apps' });
  const fileUrls = createFileUrlSigner(opts.jwtSecret, clock);
  await app.register(async (api) => fileRoutes(api, ctx, fileUrls), { prefix: '/api/apps' });
  await staticRoutes(app, staticDirs);
  return app;
}
