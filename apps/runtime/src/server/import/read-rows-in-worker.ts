import { Worker } from 'node:worker_threads';
import { type ErrorCode, type ErrorDetail, LatticeError } from '@lattice/engine';
import type { SourceRow } from '@lattice/engine/import';
import type { ReadRowsMessage, ReadRowsRequest } from './read-rows-protocol';
import { CHUNK_ROWS, type SourceLimits } from './tabular-source';

const WINDOW = 8;

/**
 * The rows of a sheet in runs, read and parsed on a worker thread: unzipping and parsing an .xlsx (or decoding
 * a CSV) then runs on one core while this thread converts, validates and writes the rows on another.
 * Same rows and same errors as `openTabularSource(…).rowChunks(sheet)`, with backpressure: the worker stays
 * at most a few chunks ahead, so memory does not grow with the file. Stopping early ends the worker.
 */
export async function* readRowChunksInWorker(
  path: string,
  fileName: string,
  sheet: string | null,
  limits: SourceLimits,
): AsyncIterable<SourceRow[]> {
  const request: ReadRowsRequest = { path, fileName, sheet, limits, chunkRows: CHUNK_ROWS, window: WINDOW };
  const worker = new Worker(new URL('./read-rows-worker-entry.mjs', import.meta.url), {
    workerData: request,
  });
  const inbox: ReadRowsMessage[] = [];
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: ReadRowsMessage) => {
    inbox.push(m);
    notify();
  });
  worker.on('error', (e) => {
    failure = e;
    notify();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`the reading worker stopped (exit code ${code})`);
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

function rebuildError(m: Extract<ReadRowsMessage, { type: 'error' }>): Error {
  if (m.name === 'LatticeError' && m.code) {
    return new LatticeError(m.code as ErrorCode, (m.details ?? []) as ErrorDetail[]);
  }
  const e = new Error(m.message);
  e.name = m.name;
  return e;
}
