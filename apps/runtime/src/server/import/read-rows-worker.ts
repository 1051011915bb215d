/**
 * Worker-thread entry of {@link readRowChunksInWorker}: opens the file, streams the sheet's rows and posts
 * them in chunks, never more than `window` chunks ahead of what the main thread has taken.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openTabularSource } from './open-tabular-source';
import type { ReadRowsMessage, ReadRowsRequest } from './read-rows-protocol';
import { chunkRows } from './tabular-source';

const port = parentPort!;
const request = workerData as ReadRowsRequest;
let credit = request.window;
let wake: (() => void) | null = null;
port.on('message', () => {
  credit++;
  wake?.();
});

const post = (m: ReadRowsMessage) => port.postMessage(m);

async function run(): Promise<void> {
  try {
    const source = await openTabularSource(request.path, request.fileName, request.limits);
    for await (const rows of chunkRows(source.rows(request.sheet), request.chunkRows)) {
      while (credit === 0) await new Promise<void>((r) => (wake = r));
      credit--;
      post({ type: 'rows', rows });
    }
    post({ type: 'end' });
  } catch (error) {
    const e = error as { name?: string; message?: string; code?: string; details?: unknown };
    post({
      type: 'error',
      name: e?.name ?? 'Error',
      message: e?.message ?? String(error),
      ...(e?.name === 'LatticeError' ? { code: e.code, details: e.details } : {}),
    });
  }
}

void run();
