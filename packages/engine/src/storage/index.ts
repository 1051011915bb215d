/** @lattice/engine/storage — PostgreSQL storage (PGlite or pg) through kysely. Node only. */

export { createAppStore } from './app-store/create-app-store';
export { appendAudit, PLATFORM_APP_ID } from './append-audit';
export { type DirectoryLookup, type DirectoryMatch, resolvedInBatch } from './bulk/directory-lookup';
export {
  type ImportBatchOptions,
  type ImportBatchResult,
  type ImportBatchRow,
  type ImportBatchState,
  importRecordBatch,
  newImportBatchState,
  rememberImportedRow,
} from './bulk/import-record-batch';
export {
  type InsertSeedOptions,
  type InsertSeedResult,
  insertSeedRecords,
  type SeedRow,
} from './bulk/insert-seed-records';
export type {
  Actor,
  AppDefinition,
  AppStore,
  AppStoreOptions,
  AppSummary,
  AppVersionInfo,
  AuditEntry,
  Clock,
  DbExecutor,
  DbTransaction,
  DialectName,
  FieldCodec,
  HistoryEntry,
  LatticeDb,
  LatticeTables,
  ListQuery,
  ListResult,
  LiveApp,
  OpenDatabaseOptions,
  PublishChange,
  PublishOptions,
  PublishPreview,
  RecordData,
  RecordEvent,
  RecordHooks,
  RecordScopeProvider,
  RecordService,
  RecordServiceOptions,
  RequestContext,
  WriteOptions,
} from './contracts';
export { systemClock } from './contracts';
export { pgliteDialect } from './dialects/pglite/dialect';
export { postgresDialect } from './dialects/postgres/dialect';
export { PG_TYPE_PARSERS } from './dialects/type-parsers';
export { migrateSystemSchema, SYSTEM_SCHEMA } from './migrate-system-schema';
export { openDatabase } from './open-database';
export { openTestDatabase, testDatabaseKinds } from './open-test-database';
export { createRecordService } from './record-service/create-record-service';
export {
  decodeSensitiveColumns,
  encodeSensitiveColumns,
  encryptedFields,
} from './record-service/sensitive-columns';
