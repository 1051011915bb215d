/**
 * Worker-thread entry of {@link convertRowsInWorker}: opens the file, streams the sheet's rows, converts
 * them and posts them in runs, never more than `window` runs ahead of what the main thread has taken.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runConverter } from './convert-rows';
import type { ConvertRowsMessage, ConvertRowsRequest } from './convert-rows-protocol';
import { openTabularSource } from './open-tabular-source';

const port = parentPort!;
const request = workerData as ConvertRowsRequest;
let credit = request.window;
let wake: (() => void) | null = null;
port.on('message', () => {
  credit++;
  wake?.();
});

const post = (m: ConvertRowsMessage) => port.postMessage(m);

async function run(): Promise<void> {
  try {
    const source = await openTabularSource(request.path, request.fileName, request.limits);
    const convert = runConverter(request.conversion);
    for await (const run of source.rowChunks(request.sheet)) {
      const rows = convert(run);
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
