import { api } from '../lib/api';

/** One inbox entry (GET /api/notifications). */
export interface InboxNotification {
  id: string;
  appId: string;
  title: { zh: string; en: string };
  body: { zh: string; en: string } | null;
  url: string | null;
  entity: string | null;
  recordId: string | null;
  source: string;
  createdAt: string;
  readAt: string | null;
}

const CHANGED = 'lattice:notifications-changed';

/** Tells every unread badge to refresh (after marking read). */
export function notifyInboxChanged(): void {
  globalThis.dispatchEvent?.(new Event(CHANGED));
}

export function onInboxChanged(listener: () => void): () => void {
  globalThis.addEventListener?.(CHANGED, listener);
  return () => globalThis.removeEventListener?.(CHANGED, listener);
}

export async function listNotifications(opts: { unread?: boolean; before?: string; limit?: number }) {
  const q = new URLSearchParams();
  if (opts.unread) q.set('unread', 'true');
  if (opts.before) q.set('before', opts.before);
  q.set('limit', String(opts.limit ?? 30));
  return (await api<{ items: InboxNotification[] }>('GET', `/api/notifications?${q}`)).items;
}

export async function unreadCount(): Promise<number> {
  return (await api<{ count: number }>('GET', '/api/notifications/unread-count')).count;
}

/** Marks the given notifications (or all) read. */
export async function markRead(ids?: string[]): Promise<number> {
  const n = (await api<{ updated: number }>('POST', '/api/notifications/read', ids ? { ids } : {})).updated;
  notifyInboxChanged();
  return n;
}

/** Where a notification leads: its url, else its record page. */
export function notificationHref(n: InboxNotification): string | null {
  if (n.url) return n.url;
  if (n.entity && n.recordId) return `/apps/${n.appId}/e/${n.entity}/r/${n.recordId}`;
  return null;
}
