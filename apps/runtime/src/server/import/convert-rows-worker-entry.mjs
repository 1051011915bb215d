// The worker thread starts from plain JavaScript: Node's loader flags (tsx's) do not carry over to
// workers reliably, so this entry registers tsx itself, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./convert-rows-worker.ts');
