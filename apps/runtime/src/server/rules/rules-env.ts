import type { AppStore, Clock, LatticeDb, RecordService } from '@lattice/engine/storage';
import type { JobQueue } from '../jobs/job-queue';
import type { NotificationStore } from './notification-store';

/** HTTP as rules use it (webhooks); injectable so tests record calls instead of sending them. */
export type HttpPost = (
  url: string,
  init: { method: 'POST' | 'PUT'; headers: Record<string, string>; body: string },
) => Promise<{ ok: boolean; status: number }>;

/** What the rules runtime works with. `records` is the hooked record service (rule writes chain). */
export interface RulesEnv {
  db: LatticeDb;
  clock: Clock;
  appStore: AppStore;
  records: RecordService;
  jobs: JobQueue;
  notifications: NotificationStore;
  http: HttpPost;
}

/** `fetch` with a 10 s timeout, as an {@link HttpPost}. */
export const fetchHttpPost: HttpPost = async (url, init) => {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  return { ok: res.ok, status: res.status };
};
