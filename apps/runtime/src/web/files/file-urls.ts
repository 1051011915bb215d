import { useEffect, useState } from 'react';
import { api } from '../lib/api';

/** Signed URLs live ≥ 15 min on the server; refetch well before that. */
const FRESH_MS = 10 * 60_000;
const cache = new Map<string, { url: string; at: number }>();
const listeners = new Set<() => void>();

/** Remembers a signed download URL (the upload response carries one). */
export function rememberFileUrl(id: string, url: string): void {
  cache.set(id, { url, at: Date.now() });
  for (const l of listeners) l();
}

/** The cached signed URL of a file, if fresh. */
export function fileUrl(id: string): string | undefined {
  const hit = cache.get(id);
  return hit && Date.now() - hit.at < FRESH_MS ? hit.url : undefined;
}

const pending = new Map<string, Promise<void>>();
let queued: { app: string; ids: Set<string>; done: Promise<void> } | null = null;

/**
 * Fetches signed URLs for the ids not cached yet. Calls in the same tick (every cell of a list) are batched
 * into one `POST …/files/urls`. Ids the user may not read get no URL (the server treats them as missing).
 */
export async function loadFileUrls(app: string, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const missing = unique.filter((id) => !fileUrl(id) && !pending.has(id));
  if (missing.length > 0) {
    if (!queued || queued.app !== app) {
      const batch = { app, ids: new Set<string>(), done: Promise.resolve() };
      batch.done = new Promise<void>((resolve) => queueMicrotask(resolve)).then(async () => {
        if (queued === batch) queued = null;
        const all = [...batch.ids];
        try {
          for (let i = 0; i < all.length; i += 200) {
            const r = await api<{ urls: Record<string, string> }>('POST', `/api/apps/${app}/files/urls`, {
              ids: all.slice(i, i + 200),
            });
            for (const [id, url] of Object.entries(r.urls)) rememberFileUrl(id, url);
          }
        } finally {
          for (const id of all) pending.delete(id);
        }
      });
      queued = batch;
    }
    for (const id of missing) {
      queued.ids.add(id);
      pending.set(id, queued.done);
    }
  }
  await Promise.all(unique.map((id) => pending.get(id)).filter((x) => x !== undefined));
}

/** Signed URLs for `ids` (loaded on demand); re-renders when they arrive. */
export function useFileUrls(app: string, ids: string[]): Record<string, string | undefined> {
  const [, setTick] = useState(0);
  const key = ids.join(',');
  useEffect(() => {
    const l = () => setTick((n) => n + 1);
    listeners.add(l);
    if (key) void loadFileUrls(app, key.split(',')).catch(() => {});
    return () => {
      listeners.delete(l);
    };
  }, [app, key]);
  return Object.fromEntries(ids.map((id) => [id, fileUrl(id)]));
}
