import { useEffect, useState } from 'react';
import { onInboxChanged, unreadCount } from './notifications-api';

/** How often the unread badge asks the server (new notifications come from rules and jobs). */
const POLL_MS = 30_000;

/**
 * The signed-in user's unread notification count for the sidebar badge: fetched at once, every 30 s,
 * and whenever the inbox marks something read. Errors leave the last count.
 */
export function useUnreadCount(): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () => {
      unreadCount().then(
        (n) => alive && setCount(n),
        () => undefined,
      );
    };
    load();
    const timer = setInterval(load, POLL_MS);
    const off = onInboxChanged(load);
    return () => {
      alive = false;
      clearInterval(timer);
      off();
    };
  }, []);
  return count;
}
