import type { SourceRow } from '@lattice/engine/import';

/** A readable import file: its sheets and a stream of its rows (header included, 1-based row numbers). */
export interface TabularSource {
  format: 'xlsx' | 'csv';
  sheetNames(): Promise<string[]>;
  /** Streams the rows of `sheet` (null = the first sheet); throws `LATTICE_ERR_IMPORT` for a missing sheet. */
  rows(sheet: string | null): AsyncIterable<SourceRow>;
}

/** Limits applied while reading. */
export interface SourceLimits {
  /** Refuse xlsx files that expand beyond this many bytes (zip-bomb guard). */
  maxUncompressedBytes: number;
  /** Longest CSV record in characters. */
  maxRecordChars: number;
}

export const DEFAULT_SOURCE_LIMITS: SourceLimits = {
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxRecordChars: 8 * 1024 * 1024,
};
