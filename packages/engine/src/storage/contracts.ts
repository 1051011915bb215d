/**
 * The storage layer's public contract (types only). `apps/runtime` codes against these; the
 * implementations live beside this file. Everything here is I/O-bound and node-only: import it through
 * `@lattice/engine/storage`, never from browser code.
 */

import type { ErrorDetail } from '../errors';
import type { AppDefinition } from '../model/app';
import type { Locale } from '../model/i18n-text';
import type { JsonLogic } from '../model/json-logic';

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
