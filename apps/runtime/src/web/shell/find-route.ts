import { matchPath, type RouteParams } from '../lib/router';
import type { RuntimeRoute } from '../routes';

/** The first registered route matching `path`, with its params; null when none does. */
export function findRoute(
  routes: readonly RuntimeRoute[],
  path: string,
): { route: RuntimeRoute; params: RouteParams } | null {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}
