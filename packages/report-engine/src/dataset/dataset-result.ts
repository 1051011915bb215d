import type { DateBucket, I18nText } from '@lattice/engine';

/** Value types of result columns. */
export const RESULT_COLUMN_TYPES = ['string', 'number', 'date', 'datetime', 'boolean'] as const;
export type ResultColumnType = (typeof RESULT_COLUMN_TYPES)[number];

/** One output column of a dataset, in SELECT order: dimensions first, then measures. */
export interface ResultColumn {
  /** The alias: row key and SQL output name. */
  key: string;
  label: I18nText;
  type: ResultColumnType;
  role: 'dimension' | 'measure';
  /** Dimensions: the field path grouped by (`customer.region`). */
  field?: string;
  /** Dimensions grouped by a date bucket: values are labels like `2026-Q3`. */
  bucket?: DateBucket;
  /** Dimensions over option fields (select, stage): display labels by stored value (`east` → 华东). */
  valueLabels?: Record<string, I18nText>;
}

export type ResultRow = Record<string, string | number | boolean | null>;

/** What a dataset returns: columns and plain JSON rows (numbers as JS numbers, dates as strings). */
export interface DatasetResult {
  columns: ResultColumn[];
  rows: ResultRow[];
}
