import type { RowInput } from '@lattice/engine/import';
import type { RowConversion } from './convert-rows';
import type { SourceLimits } from './tabular-source';

/** What the converting worker is asked to read and convert (see `convertRowsInWorker`). */
export interface ConvertRowsRequest {
  path: string;
  fileName: string;
  sheet: string | null;
  limits: SourceLimits;
  conversion: RowConversion;
  /** Runs the worker may post before the main thread has taken one. */
  window: number;
}

/** Worker → main thread. The main thread answers each `rows` message it consumes with a credit. */
export type ConvertRowsMessage =
  | { type: 'rows'; rows: RowInput[] }
  | { type: 'end' }
  | { type: 'error'; name: string; message: string; code?: string; details?: unknown };
