import type { AppDefinition } from '@lattice/engine';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api } from './api';
import type { AppAccess } from './entity-access';

/** An app as `GET /api/apps` lists it. */
export interface AppSummary {
  id: string;
  label: { zh: string; en: string };
  liveVersion: number | null;
}

/** The app the user is working in, with its live (published) definition. */
export interface CurrentApp {
  apps: AppSummary[];
  appId: string | null;
  definition: AppDefinition | null;
  version: number | null;
  /** What the user may do per entity (null until loaded, or when the server does not say). */
  access: AppAccess;
  loading: boolean;
  error: unknown;
  /** Re-reads the app list and the live definition (after a publish, say). */
  reload: () => void;
}

const LAST_APP_KEY = 'lattice.app';
const Ctx = createContext<CurrentApp | null>(null);

/** The app to show when the URL names none: the last one used, else the first published one. */
export function pickDefaultApp(apps: AppSummary[], last: string | null): string | null {
  const live = apps.filter((a) => a.liveVersion !== null);
  if (last && live.some((a) => a.id === last)) return last;
  return live[0]?.id ?? null;
}

/** Loads the app list and the live definition of `appId` (or the default app) for the pages below. */
export function CurrentAppProvider(p: { appId: string | undefined; children: ReactNode }) {
  const [apps, setApps] = useState<AppSummary[]>([]);
  const [state, setState] = useState<Pick<CurrentApp, 'definition' | 'version' | 'loading' | 'error'>>({
    definition: null,
    version: null,
    loading: true,
    error: null,
  });
  const [access, setAccess] = useState<AppAccess>(null);
  const [tick, setTick] = useState(0);
  const [listed, setListed] = useState(false);
  const appId = p.appId ?? (listed ? pickDefaultApp(apps, localStorage.getItem(LAST_APP_KEY)) : null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick forces a reload
  useEffect(() => {
    api<AppSummary[]>('GET', '/api/apps')
      .then((list) => {
        setApps(list);
        setListed(true);
      })
      .catch((error: unknown) => setState((s) => ({ ...s, loading: false, error })));
  }, [tick]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick forces a reload
  useEffect(() => {
    if (!appId) {
      if (listed) setState({ definition: null, version: null, loading: false, error: null });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    api<{ version: number; definition: AppDefinition }>('GET', `/api/apps/${encodeURIComponent(appId)}`)
      .then((r) => {
        if (!live) return;
        localStorage.setItem(LAST_APP_KEY, appId);
        setState({ definition: r.definition, version: r.version, loading: false, error: null });
      })
      .catch(
        (error: unknown) => live && setState({ definition: null, version: null, loading: false, error }),
      );
    api<NonNullable<AppAccess>>('GET', `/api/apps/${encodeURIComponent(appId)}/access`).then(
      (a) => live && setAccess(a),
      () => live && setAccess(null),
    );
    return () => {
      live = false;
    };
  }, [appId, listed, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return <Ctx.Provider value={{ apps, appId, ...state, access, reload }}>{p.children}</Ctx.Provider>;
}

/** The current app; pages use it for metadata (entities, views, forms, reports). */
export function useCurrentApp(): CurrentApp {
  const value = useContext(Ctx);
  if (!value) throw new Error('useCurrentApp outside CurrentAppProvider');
  return value;
}
