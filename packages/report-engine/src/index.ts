/**
 * @lattice/report-engine — datasets compiled to ONE SQL query through kysely (pure: builds queries, never
 * opens a connection). Charts live in `@lattice/report-engine/react`.
 */

export type { SharedFilterValue, SharedFilterValues } from './dashboard/shared-filter';
export { hasSharedFilterValues, sharedFilterFor } from './dashboard/shared-filter';
export type { CompiledDataset, RawReportRow, ReportDb } from './dataset/compile-dataset';
export { compileDataset } from './dataset/compile-dataset';
export { datasetEntities } from './dataset/dataset-entities';
export type { DatasetResult, ResultColumn, ResultColumnType, ResultRow } from './dataset/dataset-result';
export { RESULT_COLUMN_TYPES } from './dataset/dataset-result';
export { DATE_BUCKETS, dateBucketRange } from './dataset/date-bucket';
export { drillDownFilter } from './dataset/drill-down-filter';
export type { ValueKind } from './dataset/field-kind';
export { fieldValueKind } from './dataset/field-kind';
export { normalizeRows } from './dataset/normalize-rows';
export type { CompileDatasetOptions } from './dataset/plan-dataset';
export { defaultDimensionAlias, MAX_DATASET_LIMIT } from './dataset/plan-dataset';
export { runDataset } from './dataset/run-dataset';
export { validateDataset } from './dataset/validate-dataset';
export { toCsv, toSheetRows } from './export/to-csv';

export const REPORT_ENGINE_VERSION = '0.1.0';
