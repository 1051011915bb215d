import type { SourceRow } from '@lattice/engine/import';
import type { SourceLimits } from './tabular-source';

/** What the reading worker is asked to stream (see `readRowsInWorker`). */
export interface ReadRowsRequest {
  path: string;
  fileName: string;
  sheet: string | null;
  limits: SourceLimits;
  chunkRows: number;
  /** Chunks the worker may post before the main thread has taken one. */
  window: number;
}

/** Worker → main thread. The main thread answers each `rows` message it consumes with a credit. */
export type ReadRowsMessage =
  | { type: 'rows'; rows: SourceRow[] }
  | { type: 'end' }
  | { type: 'error'; name: string; message: string; code?: string; details?: unknown };
