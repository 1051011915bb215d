import { useEffect, useState } from 'react';
import { useCurrentApp } from '../lib/current-app';
import { inboxCounts, onApprovalsChanged } from './approvals-api';

const POLL_MS = 30_000;

/** The current app's "to do" approval count for the sidebar badge: at once, every 30 s and after actions. */
export function useApprovalCount(): number | null {
  const appId = useCurrentApp().appId;
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!appId) return;
    let alive = true;
    const load = () => {
      inboxCounts(appId).then(
        (c) => alive && setCount(c.todo),
        () => undefined,
      );
    };
    load();
    const timer = setInterval(load, POLL_MS);
    const off = onApprovalsChanged(load);
    return () => {
      alive = false;
      clearInterval(timer);
      off();
    };
  }, [appId]);
  return count;
}
