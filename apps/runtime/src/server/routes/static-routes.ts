import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where the built SPAs are; either may be missing (then nothing is served there). */
export interface StaticDirs {
  /** apps/studio/dist, served at /studio/. */
  studio: string;
  /** apps/runtime/dist/web, served at /. */
  web: string;
}

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

/** The default build output folders, resolved from the repository root. */
export const DEFAULT_STATIC_DIRS: StaticDirs = {
  studio: join(repoRoot, 'apps/studio/dist'),
  web: join(repoRoot, 'apps/runtime/dist/web'),
};

/** Serves the studio at /studio/ and the runtime UI at / when their build folders exist. */
export async function staticRoutes(app: FastifyInstance, dirs: StaticDirs): Promise<void> {
  if (existsSync(dirs.studio)) {
    await app.register(fastifyStatic, { root: dirs.studio, prefix: '/studio/', wildcard: false });
  }
  if (existsSync(dirs.web)) {
    await app.register(fastifyStatic, {
      root: dirs.web,
      prefix: '/',
      wildcard: false,
      decorateReply: !existsSync(dirs.studio),
    });
  }
}

/**
 * The single-page-app fallback used by the not-found handler: a GET for a non-API path that wants HTML
 * gets the matching SPA's index.html (client-side routing). Returns false when it did not answer.
 */
export function spaFallback(dirs: StaticDirs) {
  return (request: FastifyRequest, reply: FastifyReply): boolean => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) return false;
    const root = path === '/studio' || path.startsWith('/studio/') ? dirs.studio : dirs.web;
    if (!existsSync(join(root, 'index.html'))) return false;
    void reply.type('text/html; charset=utf-8').sendFile('index.html', root);
    return true;
  };
}
