import {
  type AppDefinition,
  type Dataset,
  type EntityAccess,
  type EntityDoc,
  fieldVisibility,
  isLatticeError,
  type JsonLogic,
  NO_RECORDS,
  type RecordRight,
} from '@lattice/engine';
import type { LiveApp, RequestContext } from '@lattice/engine/storage';
import { type DatasetResult, datasetEntities, runDataset } from '@lattice/report-engine';
import type { ServerContext } from '../server-context';

/**
 * Runs a dataset as the requesting user: the base entity needs `right` (`read` to view, `export` to
 * download; 403 otherwise) and gets the user's record scope in WHERE; every joined entity gets its `read`
 * scope in the join's ON clause (no read right → its attributes read as empty). Fields the user may not
 * query (hidden, and private notes) are removed from the app the compiler sees, so using one is the same
 * "unknown field" error a missing field gives. One SQL query, executed on `ctx.db`.
 */
export async function runSecuredDataset(
  ctx: ServerContext,
  rc: RequestContext,
  live: LiveApp,
  dataset: Dataset,
  opts: { extraFilter?: JsonLogic; right?: RecordRight } = {},
): Promise<DatasetResult> {
  const extra = opts.extraFilter !== undefined ? { extraFilter: opts.extraFilter } : {};
  const entities = datasetEntities(live.definition, dataset, extra);
  const scopes = new Map<string, JsonLogic | null>();
  for (const [i, name] of entities.entries()) {
    if (i === 0) {
      scopes.set(name, await ctx.scope.filterFor(rc, live, name, opts.right ?? 'read'));
      continue;
    }
    scopes.set(name, await joinedScope(ctx, rc, live, name));
  }
  const app = rc.actor.system ? live.definition : queryableApp(ctx, rc, live);
  return runDataset(ctx.db.kysely, app, dataset, {
    now: ctx.clock.now(),
    scopeFilter: (entity) => (scopes.has(entity) ? scopes.get(entity)! : NO_RECORDS),
    ...extra,
  });
}

async function joinedScope(
  ctx: ServerContext,
  rc: RequestContext,
  live: LiveApp,
  entity: string,
): Promise<JsonLogic | null> {
  try {
    return await ctx.scope.filterFor(rc, live, entity, 'read');
  } catch (error) {
    if (isLatticeError(error) && error.code === 'LATTICE_ERR_FORBIDDEN') return NO_RECORDS;
    throw error;
  }
}

function withoutHiddenFields(entity: EntityDoc, access: EntityAccess): EntityDoc {
  // Private notes hold every author's notes: a report could count whose record has one.
  const fields = entity.fields.filter((f) => f.type !== 'notes' && fieldVisibility(access, f) !== 'hidden');
  return fields.length === entity.fields.length ? entity : { ...entity, fields };
}

/**
 * The live definition with every entity cut down to the fields the user may see. Sensitive fields stay:
 * the report compiler itself allows them only under `is_empty` (their column holds ciphertext).
 */
function queryableApp(ctx: ServerContext, rc: RequestContext, live: LiveApp): AppDefinition {
  return {
    ...live.definition,
    documents: live.definition.documents.map((doc) =>
      doc.kind === 'entity' ? withoutHiddenFields(doc, ctx.scope.accessFor(rc.actor, live, doc.name)) : doc,
    ),
  };
}
