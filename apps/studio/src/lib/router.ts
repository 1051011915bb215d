import { useSyncExternalStore } from 'react';

/** The studio is served under this prefix; routes are written without it. */
export const BASE = '/studio';

const listeners = new Set<() => void>();

function currentPath(): string {
  const path = globalThis.location?.pathname ?? '/';
  const inner = path.startsWith(BASE) ? path.slice(BASE.length) : path;
  return inner === '' ? '/' : inner;
}

globalThis.addEventListener?.('popstate', () => {
  for (const l of listeners) l();
});

let leaveGuard: ((to: string) => boolean) | null = null;

/**
 * Installs a check run before every `navigate` (e.g. "unsaved draft — leave?"); returning false cancels the
 * navigation. Returns the uninstaller.
 */
export function setLeaveGuard(guard: (to: string) => boolean): () => void {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = null;
  };
}

/** Moves to `path` (studio-relative, e.g. `/apps/mfg-crm/entities`) without reloading. */
export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  if (leaveGuard && !leaveGuard(path)) return;
  const url = BASE + (path.startsWith('/') ? path : `/${path}`);
  if (opts.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  for (const l of listeners) l();
}

/** The studio-relative path; re-renders on navigation. */
export function usePath(): string {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    currentPath,
    currentPath,
  );
}

/** Path parameters by name (`:app` → `params.app`). */
export type RouteParams = Readonly<Record<string, string>>;

/**
 * Matches a pattern like `/apps/:app/entities/:entity` against a path; returns the decoded params or
 * null. Segments must match one to one (no wildcards).
 *
 * @example matchPath('/apps/:app', '/apps/mfg-crm') // { app: 'mfg-crm' }
 */
export function matchPath(pattern: string, path: string): RouteParams | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(g);
    else if (w !== g) return null;
  }
  return params;
}

/** Fills a pattern's params (`/apps/:app` + {app:'x'} → `/apps/x`). */
export function fillPath(pattern: string, params: RouteParams): string {
  return pattern.replace(/:([a-zA-Z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
