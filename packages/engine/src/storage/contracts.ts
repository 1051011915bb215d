/**
 * The storage layer's public contract (types only). `apps/runtime` codes against these; the
 * implementations live beside this file. Everything here is I/O-bound and node-only: import it through
 * `@lattice/engine/storage`, never from browser code.
 */

import type { Kysely, Transaction } from 'kysely';
import type { ErrorDetail } from '../errors';
import type { AppDefinition } from '../model/app';
import type { I18nText, Locale } from '../model/i18n-text';
import type { JsonLogic } from '../model/json-logic';
import type { RecordRight } from '../model/role';

export type DialectName = 'pglite' | 'postgres';

/** Who is acting. Records API, rules and imports all pass one. */
export interface Actor {
  id: string;
  username: string;
  roles: string[];
  department?: string | null;
  region?: string | null;
  /** System actors (rules, jobs, seeding) bypass record permissions. */
  system?: boolean;
}

/** Time comes from here, never from `Date.now()` directly, so tests can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Per-call context. */
export interface RequestContext {
  actor: Actor;
  clock: Clock;
  locale?: Locale;
  /** Client IP for the audit log. */
  ip?: string;
}

/** A record as the API sees it: field names → values, plus system fields. */
export interface RecordData {
  id: string;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  owner: string | null;
  region: string | null;
  department: string | null;
  [field: string]: unknown;
}

export interface ListQuery {
  /** JsonLogic subset: ==, !=, <, <=, >, >=, in, and, or, !, contains, starts_with, between, is_empty. */
  filter?: JsonLogic;
  sort?: { field: string; dir: 'asc' | 'desc' }[];
  limit?: number;
  /** Opaque keyset cursor from a previous page's `nextCursor`. */
  cursor?: string;
  /** Free-text search over the entity's search fields. */
  q?: string;
  includeDeleted?: boolean;
}

export interface ListResult {
  items: RecordData[];
  nextCursor: string | null;
}

export interface HistoryEntry {
  id: string;
  recordId: string;
  entity: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  changedBy: string | null;
  changedAt: string;
  /** Why it changed: 'api', 'rule:<name>', 'import', 'flow'… */
  source: string;
}

/** One change a publish would make, shown in the preview. */
export interface PublishChange {
  kind:
    | 'add_entity'
    | 'drop_entity'
    | 'add_field'
    | 'drop_field'
    | 'change_field'
    | 'rename_field'
    | 'document';
  entity?: string;
  field?: string;
  /** Human summary in both languages. */
  summary: { zh: string; en: string };
  /** The change loses data (field has values, type narrows). */
  lossy: boolean;
  /** Why it is lossy, e.g. "1,204 records have a value". */
  lossReason?: { zh: string; en: string };
}

export interface PublishPreview {
  appId: string;
  fromVersion: number | null;
  changes: PublishChange[];
  lossy: boolean;
  errors: ErrorDetail[];
}

export interface AppVersionInfo {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  note?: string | null;
  live: boolean;
}

/** Events the record service emits inside the write's transaction (rules hook in here). */
export type RecordEvent =
  | { type: 'created'; entity: string; record: RecordData }
  | { type: 'updated'; entity: string; record: RecordData; previous: RecordData; changed: string[] }
  | { type: 'deleted'; entity: string; record: RecordData };

/** The app-level definition that storage holds. */
export type { AppDefinition };

// ---------------------------------------------------------------------------------------------------------
// Service contracts (added by the storage work; additive only).
// ---------------------------------------------------------------------------------------------------------

/**
 * The database shape as kysely sees it. Entity tables are created from metadata at run time, so tables
 * are addressed by name (`'lattice.apps'`, `'app_mfg_crm.customer'`) and rows are loose records.
 */
export type LatticeTables = Record<string, Record<string, unknown>>;

/** Anything that runs queries: the database or an open transaction. */
export type DbExecutor = Kysely<LatticeTables>;
/** An open transaction; hooks receive it so their writes commit or roll back with the record write. */
export type DbTransaction = Transaction<LatticeTables>;

/** An open database: kysely over PGlite or a pg Pool. */
export interface LatticeDb {
  kysely: Kysely<LatticeTables>;
  dialect: DialectName;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres:// URL; falls back to env DATABASE_URL. When neither is set PGlite is used. */
  url?: string;
  /** PGlite data directory (file-backed); in-memory when omitted. */
  dataDir?: string;
}

/** One row of `GET /api/apps`. */
export interface AppSummary {
  id: string;
  label: I18nText;
  liveVersion: number | null;
  createdAt: string;
  updatedAt: string;
}

/** The published definition currently serving records. */
export interface LiveApp {
  appId: string;
  version: number;
  definition: AppDefinition;
}

export interface PublishOptions {
  /** Required when the preview is lossy. */
  confirmLossy?: boolean;
  note?: string;
  /** Run inside a caller's transaction (pack install); otherwise publish opens its own. */
  trx?: DbTransaction;
}

export interface AppStoreOptions {
  /** How long plain reads may reuse the live-version pointer; 0 reads it on every call. Default 1000 ms. */
  livePointerTtlMs?: number;
}

/** Versioned app metadata: drafts, publish (validate + diff + migrate in one transaction), rollback. */
export interface AppStore {
  /** Creates an app whose draft is `definition` (nothing published yet). Refuses a duplicate id. */
  createApp(ctx: RequestContext, definition: AppDefinition, opts?: { trx?: DbTransaction }): Promise<void>;
  listApps(): Promise<AppSummary[]>;
  /** The draft; LATTICE_ERR_UNKNOWN_APP when the app does not exist. */
  getDraft(appId: string): Promise<AppDefinition>;
  /** Validates (LATTICE_ERR_VALIDATION with all paths) and stores the draft (in `trx` when given: pack upgrades). */
  saveDraft(
    ctx: RequestContext,
    appId: string,
    definition: AppDefinition,
    opts?: { trx?: DbTransaction },
  ): Promise<void>;
  /** The live definition (cached per app+version); LATTICE_ERR_UNKNOWN_APP when never published. */
  getLive(appId: string, opts?: { trx?: DbExecutor }): Promise<LiveApp>;
  /** Drops this instance's remembered live pointer for `appId` (after a publish made elsewhere, e.g. by a pack install). */
  forgetLive(appId: string): void;
  /** Diff of draft vs live with lossy changes counted; never writes. */
  previewPublish(appId: string): Promise<PublishPreview>;
  /** Publishes the draft as a new version; LATTICE_ERR_LOSSY_CHANGE unless confirmed. */
  publish(appId: string, opts: PublishOptions, ctx: RequestContext): Promise<AppVersionInfo>;
  /** Publishes an old version's definition as a new version (same lossy rules); also resets the draft. */
  rollback(
    appId: string,
    toVersion: number,
    ctx: RequestContext,
    opts?: Omit<PublishOptions, 'note'>,
  ): Promise<AppVersionInfo>;
  listVersions(appId: string): Promise<AppVersionInfo[]>;
  /** A stored version's definition; LATTICE_ERR_NOT_FOUND when missing. */
  getVersion(appId: string, version: number): Promise<AppDefinition>;
}

/** Per-write options for the record service. */
export interface WriteOptions {
  /** Join a caller's transaction (rules acting inside a write); otherwise the service opens one. */
  trx?: DbTransaction;
  /** History/audit source: 'api' (default), 'rule:<name>', 'import', 'flow'… */
  source?: string;
}

export interface RecordHooks {
  /** Runs inside the write transaction after the row is written; throwing rolls the write back. */
  onEvent?(trx: DbTransaction, ctx: RequestContext, app: LiveApp, event: RecordEvent): Promise<void>;
}

export interface RecordScopeProvider {
  /**
   * An extra JsonLogic filter (query subset, field names) AND-ed into reads, updates and deletes;
   * `null` means unrestricted. Records outside it behave as not found.
   */
  filterFor(
    ctx: RequestContext,
    app: LiveApp,
    entityName: string,
    right: RecordRight,
  ): JsonLogic | null | Promise<JsonLogic | null>;
}

/**
 * Encryption at rest for sensitive text fields (AES-256-GCM in the runtime; the key never reaches the
 * engine). `decrypt` must pass values that are not ciphertext through unchanged (rows written before
 * encryption was configured).
 */
export interface FieldCodec {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

export interface RecordServiceOptions {
  hooks?: RecordHooks;
  scope?: RecordScopeProvider;
  /** Encrypts sensitive fields in the table and in `record_history`; filters/sorts on them are refused upstream. */
  fieldCodec?: FieldCodec;
}

/** Records CRUD over the live metadata of an app. */
export interface RecordService {
  create(
    ctx: RequestContext,
    appId: string,
    entity: string,
    values: Record<string, unknown>,
    opts?: WriteOptions,
  ): Promise<RecordData>;
  get(
    ctx: RequestContext,
    appId: string,
    entity: string,
    id: string,
    opts?: { trx?: DbExecutor; includeDeleted?: boolean },
  ): Promise<RecordData>;
  /** Optimistic locking: LATTICE_ERR_STALE_VERSION when `expectedVersion` is not the current version. */
  update(
    ctx: RequestContext,
    appId: string,
    entity: string,
    id: string,
    values: Record<string, unknown>,
    expectedVersion: number,
    opts?: WriteOptions,
  ): Promise<RecordData>;
  /** Soft delete honouring references' onDelete (restrict / cascade / set_null). */
  delete(ctx: RequestContext, appId: string, entity: string, id: string, opts?: WriteOptions): Promise<void>;
  list(
    ctx: RequestContext,
    appId: string,
    entity: string,
    query: ListQuery,
    opts?: { trx?: DbExecutor },
  ): Promise<ListResult>;
  history(ctx: RequestContext, appId: string, entity: string, id: string): Promise<HistoryEntry[]>;
}

/** One append-only audit row. */
export interface AuditEntry {
  appId: string | null;
  actor: string | null;
  /** 'record.create', 'app.publish', 'auth.login'… */
  action: string;
  entity?: string | null;
  recordId?: string | null;
  detail?: unknown;
  ip?: string | null;
}
