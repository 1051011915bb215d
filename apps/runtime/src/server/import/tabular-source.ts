import type { SourceRow } from '@lattice/engine/import';

/** A readable import file: its sheets and a stream of its rows (header included, 1-based row numbers). */
export interface TabularSource {
  format: 'xlsx' | 'csv';
  sheetNames(): Promise<string[]>;
  /** Streams the rows of `sheet` (null = the first sheet); throws `LATTICE_ERR_IMPORT` for a missing sheet. */
  rows(sheet: string | null): AsyncIterable<SourceRow>;
  /**
   * The same rows in runs of consecutive rows, for readers of whole files: one await per run instead of
   * one per row (an async generator's every step is a round of promise jobs).
   */
  rowChunks(sheet: string | null): AsyncIterable<SourceRow[]>;
}

/** Rows per run when a row-by-row source is read in runs. */
export const CHUNK_ROWS = 500;

/** Rows grouped into runs of up to `size` (for sources that read row by row). */
export async function* chunkRows(
  rows: AsyncIterable<SourceRow>,
  size = CHUNK_ROWS,
): AsyncIterable<SourceRow[]> {
  let chunk: SourceRow[] = [];
  for await (const row of rows) {
    chunk.push(row);
    if (chunk.length < size) continue;
    yield chunk;
    chunk = [];
  }
  if (chunk.length) yield chunk;
}

/** The rows of runs of rows, one by one (for sources that read in runs). */
export async function* flattenChunks(chunks: AsyncIterable<SourceRow[]>): AsyncIterable<SourceRow> {
  for await (const chunk of chunks) yield* chunk;
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
