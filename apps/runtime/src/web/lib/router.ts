import { type MouseEvent, useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function currentPath(): string {
  return globalThis.location?.pathname || '/';
}

function currentSearch(): string {
  return globalThis.location?.search ?? '';
}

globalThis.addEventListener?.('popstate', () => {
  for (const l of listeners) l();
});

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/** Moves to `path` (e.g. `/apps/mfg-crm/e/customer`, may carry `?query`) without reloading. */
export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  const url = path.startsWith('/') ? path : `/${path}`;
  if (opts.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  for (const l of listeners) l();
}

/** The current path; re-renders on navigation. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath, currentPath);
}

/** The current query string's parameters; re-renders on navigation. */
export function useSearchParams(): URLSearchParams {
  const search = useSyncExternalStore(subscribe, currentSearch, currentSearch);
  return new URLSearchParams(search);
}

/** Path parameters by name (`:app` → `params.app`). */
export type RouteParams = Readonly<Record<string, string>>;

/**
 * Matches a pattern like `/apps/:app/e/:entity` against a path; returns the decoded params or null.
 * Segments must match one to one (no wildcards).
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

/** An `onClick` for `<a href>` that navigates in-app (plain left clicks only; ctrl/⌘-click opens a tab). */
export function linkClick(to: string) {
  return (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
}
