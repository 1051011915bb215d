import {
  type AppDocument,
  documentsOfKind,
  type EntityDoc,
  fieldVisibility,
  hasRight,
  type RoleDoc,
} from '@lattice/engine';
import type { LiveApp } from '@lattice/engine/storage';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf } from '../auth/access-token';
import type { SecurityScope } from './create-scope-provider';

/**
 * The live apps as the OpenAPI document may describe them to this caller: with a valid bearer token,
 * only entities the user may read and no field hidden from the user; anonymously, no field that any
 * role hides (so the public document never lists a hidden field).
 */
export async function visibleAppsForDocs(
  app: FastifyInstance,
  request: FastifyRequest,
  scope: SecurityScope,
  apps: LiveApp[],
): Promise<LiveApp[]> {
  const actor = await callerOf(app, request);
  return apps.map((live) => {
    const documents = live.definition.documents.flatMap((doc): AppDocument[] => {
      if (doc.kind !== 'entity') return [doc];
      if (!actor) return [withoutFields(doc, hiddenByAnyRole(documentsOfKind(live.definition, 'role'), doc))];
      const access = scope.accessFor(actor, live, doc.name);
      if (!hasRight(access, 'read')) return [];
      const hidden = new Set(
        doc.fields.filter((f) => fieldVisibility(access, f) === 'hidden').map((f) => f.name),
      );
      return [withoutFields(doc, hidden)];
    });
    return { ...live, definition: { ...live.definition, documents } };
  });
}

async function callerOf(app: FastifyInstance, request: FastifyRequest) {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match) return null;
  try {
    request.user = app.jwt.verify(match[1]!);
    return actorOf(request);
  } catch {
    return null;
  }
}

function hiddenByAnyRole(roles: RoleDoc[], entity: EntityDoc): Set<string> {
  const out = new Set<string>();
  for (const r of roles) {
    for (const key of [entity.name, '*']) {
      for (const [name, how] of Object.entries(r.entities[key]?.fields ?? {}))
        if (how === 'hidden') out.add(name);
    }
  }
  return out;
}

function withoutFields(entity: EntityDoc, hidden: Set<string>): EntityDoc {
  return hidden.size ? { ...entity, fields: entity.fields.filter((f) => !hidden.has(f.name)) } : entity;
}
