import { type Field, fileRefsOf, findEntity, hasRight, LatticeError, latticeError } from '@lattice/engine';
import type { RequestContext } from '@lattice/engine/storage';
import { instancesOfRecord } from '../flows/flow-store';
import type { ServerContext } from '../server-context';
import { COMMENT_FIELD, type StoredFile } from './file-store';

/**
 * May `rc.actor` download `file`? Unattached uploads: only their uploader. Field files: the user can read
 * the record (scopes + field permissions through `ctx.records`, so hidden fields are gone) and its value
 * still references the file. Flow comment attachments: the user can read the record or takes part in one
 * of its flows. Everything else is "not found" to the caller.
 */
export async function canReadFile(
  ctx: ServerContext,
  rc: RequestContext,
  file: StoredFile,
): Promise<boolean> {
  if (file.recordId === null) return file.createdBy === rc.actor.id;
  if (file.field === COMMENT_FIELD) return canSeeFlowRecord(ctx, rc, file.appId, file.entity, file.recordId);
  const record = await readableRecord(ctx, rc, file.appId, file.entity, file.recordId);
  return record !== null && fileRefsOf(record[file.field]).some((r) => r.id === file.id);
}

/** The user can read the record, or submitted / holds a task in one of its flows. */
export async function canSeeFlowRecord(
  ctx: ServerContext,
  rc: RequestContext,
  appId: string,
  entity: string,
  recordId: string,
): Promise<boolean> {
  if ((await readableRecord(ctx, rc, appId, entity, recordId)) !== null) return true;
  const me = rc.actor.id;
  const flows = await instancesOfRecord(ctx.db.kysely, appId, entity, recordId);
  return flows.some((f) => f.submitter === me || f.state.tasks.some((t) => t.assignee === me));
}

async function readableRecord(
  ctx: ServerContext,
  rc: RequestContext,
  appId: string,
  entity: string,
  recordId: string,
): Promise<Record<string, unknown> | null> {
  try {
    return await ctx.records.get(rc, appId, entity, recordId);
  } catch (error) {
    if (error instanceof LatticeError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
}

/**
 * The file/image field a user may upload into: it exists, is visible and writable for the user's role,
 * and the role may create or update the entity. Throws `LATTICE_ERR_UNKNOWN_FIELD` (missing or hidden,
 * path `field`) or `LATTICE_ERR_FORBIDDEN`.
 */
export async function uploadField(
  ctx: ServerContext,
  rc: RequestContext,
  appId: string,
  entityName: string,
  fieldName: string,
): Promise<Field & { type: 'file' | 'image' }> {
  const live = await ctx.appStore.getLive(appId);
  const entity = findEntity(live.definition, entityName);
  if (!entity) {
    throw latticeError('LATTICE_ERR_UNKNOWN_ENTITY', 'entity', {
      zh: `实体 ${entityName} 不存在`,
      en: `Unknown entity ${entityName}`,
    });
  }
  const access = ctx.scope.accessFor(rc.actor, live, entityName);
  const field = entity.fields.find((f) => f.name === fieldName);
  if (!field || access.fields[fieldName] === 'hidden' || (field.type !== 'file' && field.type !== 'image')) {
    throw latticeError('LATTICE_ERR_UNKNOWN_FIELD', 'field', {
      zh: `${entityName} 没有文件字段 ${fieldName}`,
      en: `${entityName} has no file field ${fieldName}`,
    });
  }
  if (!hasRight(access, 'create') && !hasRight(access, 'update')) {
    throw latticeError('LATTICE_ERR_FORBIDDEN', 'entity', {
      zh: `您的角色不能新建或修改 ${entityName}`,
      en: `Your role may neither create nor update ${entityName}`,
    });
  }
  if (access.fields[fieldName] === 'readonly') {
    throw latticeError('LATTICE_ERR_FORBIDDEN', 'field', {
      zh: `字段 ${fieldName} 对您只读`,
      en: `Field ${fieldName} is read-only for you`,
    });
  }
  return field;
}
