import type { RouteParams } from '../lib/router';
import { matchPath } from '../lib/router';
import type { StudioRoute } from '../routes';

/** The first registered route matching `path`, with its params; null when none does. */
export function findRoute(
  routes: readonly StudioRoute[],
  path: string,
): { route: StudioRoute; params: RouteParams } | null {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}
