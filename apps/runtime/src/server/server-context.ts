import type { Locale } from '@lattice/engine';
import type {
  AppStore,
  Clock,
  FieldCodec,
  LatticeDb,
  RecordService,
  RequestContext,
} from '@lattice/engine/storage';
import type { FastifyRequest } from 'fastify';
import { actorOf } from './auth/access-token';
import type { RefreshTokenStore } from './auth/refresh-token-store';
import type { UserStore } from './auth/user-store';
import type { FlowService } from './flows/flow-service';
import { pickLocale } from './http/pick-locale';
import type { JobQueue } from './jobs/job-queue';
import type { JobRunner } from './jobs/job-runner';
import type { SecurityScope } from './security/create-scope-provider';
import type { OrgStore } from './security/org-store';

/** Login throttling and lockout; tests shrink these. */
export interface LoginPolicy {
  /** Login attempts per IP per window (@fastify/rate-limit). */
  rateLimitMax: number;
  rateLimitWindowMs: number;
  /** Consecutive failures that lock an account, and for how long. */
  maxFailures: number;
  lockMs: number;
}

export const DEFAULT_LOGIN_POLICY: LoginPolicy = {
  rateLimitMax: 10,
  rateLimitWindowMs: 60_000,
  maxFailures: 5,
  lockMs: 15 * 60_000,
};

/** What every route plugin gets: the database and the services built over it. */
export interface ServerContext {
  db: LatticeDb;
  clock: Clock;
  appStore: AppStore;
  records: RecordService;
  users: UserStore;
  refreshTokens: RefreshTokenStore;
  loginPolicy: LoginPolicy;
  /** The durable job table (enqueue in your write's transaction). */
  jobs: JobQueue;
  /** This instance's worker: register handlers per job kind (`ctx.jobRunner.register(kind, handler)`). */
  jobRunner: JobRunner;
  /** Approval flows (set by `setupFlows`); rules subscribe with `flows.onOutcome`. */
  flows?: FlowService;
  /** Departments (tree) and regions. */
  org: OrgStore;
  /** Role-based record scopes and access lookup (`filterFor` for reports/exports, `accessFor`). */
  scope: SecurityScope;
  /** Encryption at rest for sensitive fields (bulk writers pass it to `insertSeedRecords`/imports). */
  fieldCodec?: FieldCodec;
}

/** The storage {@link RequestContext} for an authenticated request. */
export function requestContext(ctx: ServerContext, request: FastifyRequest): RequestContext {
  return { actor: actorOf(request), clock: ctx.clock, locale: localeOf(request), ip: request.ip };
}

export function localeOf(request: FastifyRequest): Locale {
  return pickLocale(request.headers['accept-language']);
}
