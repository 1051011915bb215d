import { Worker } from 'node:worker_threads';
import { type ErrorCode, type ErrorDetail, LatticeError } from '@lattice/engine';
import type { RowInput } from '@lattice/engine/import';
import type { RowConversion } from './convert-rows';
import type { ConvertRowsMessage, ConvertRowsRequest } from './convert-rows-protocol';
import type { SourceLimits } from './tabular-source';

/** Runs the worker may hold ready: 4 is as fast as 8 and keeps less in memory (8 once took the bench to 494 MB). */
const WINDOW = 4;

/**
 * The rows of a sheet in runs, read, parsed and converted to record inputs on a worker thread: unzipping
 * and parsing an .xlsx or decoding a CSV, and converting its cells, then run on one core while this thread
 * validates and writes the rows on another. Same runs and same errors as `convertRuns` over
 * `openTabularSource(…).rowChunks(sheet)`, with backpressure: the worker stays at most a few runs ahead,
 * so memory does not grow with the file. Stopping early ends the worker.
 */
export async function* convertRowsInWorker(
  path: string,
  fileName: string,
  sheet: string | null,
  limits: SourceLimits,
  conversion: RowConversion,
): AsyncIterable<RowInput[]> {
  const request: ConvertRowsRequest = { path, fileName, sheet, limits, conversion, window: WINDOW };
  const worker = new Worker(new URL('./convert-rows-worker-entry.mjs', import.meta.url), {
    workerData: request,
  });
  const inbox: ConvertRowsMessage[] = [];
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: ConvertRowsMessage) => {
    inbox.push(m);
    notify();
  });
  worker.on('error', (e) => {
    failure = e;
    notify();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`the import worker stopped (exit code ${code})`);
    notify();
  });
  try {
    for (;;) {
      const m = inbox.shift();
      if (!m) {
        if (failure) throw failure;
        await new Promise<void>((r) => (wake = r));
        continue;
      }
      if (m.type === 'end') return;
      if (m.type === 'error') throw rebuildError(m);
      worker.postMessage(1);
      yield m.rows;
    }
  } finally {
    await worker.terminate();
  }
}

function rebuildError(m: Extract<ConvertRowsMessage, { type: 'error' }>): Error {
  if (m.name === 'LatticeError' && m.code) {
    return new LatticeError(m.code as ErrorCode, (m.details ?? []) as ErrorDetail[]);
  }
  const e = new Error(m.message);
  e.name = m.name;
  return e;
}
