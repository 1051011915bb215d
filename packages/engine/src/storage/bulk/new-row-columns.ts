import type { EntityDoc } from '../../model/entity';
import type { Field } from '../../model/field';
import { columnTypeFor } from '../../records/column-type-for';
import type { Actor } from '../contracts';
import type { BulkColumn } from './unnest-rows';

/** The primary key, for bulk writers that choose a new row's id themselves. */
export const ID_COLUMN: BulkColumn = { name: 'id', type: 'uuid' };

const SCOPING: BulkColumn[] = [
  { name: 'owner', type: 'text' },
  { name: 'region', type: 'text' },
  { name: 'department', type: 'text' },
];
const WRITE_STAMPS: BulkColumn[] = [
  { name: 'app_id', type: 'text' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'created_by', type: 'text' },
  { name: 'updated_at', type: 'timestamptz' },
  { name: 'updated_by', type: 'text' },
  { name: 'version', type: 'integer' },
];

/** The column of a stored field (its id), or null for fields computed on read. */
export function fieldColumn(f: Field): BulkColumn | null {
  const type = columnTypeFor(f);
  return type ? { name: f.id, type } : null;
}

/**
 * The columns a bulk writer sets on a new row of `entity`, id aside: one per stored field, the scoping
 * columns (owner, region, department) unless a field already is one, then the write stamps.
 */
export function newRowColumns(entity: EntityDoc): BulkColumn[] {
  const fields = entity.fields.map(fieldColumn).filter((c): c is BulkColumn => c !== null);
  const taken = new Set(fields.map((c) => c.name));
  return [...fields, ...SCOPING.filter((c) => !taken.has(c.name)), ...WRITE_STAMPS];
}

/**
 * What a bulk writer puts in a new row's non-field columns: the actor as owner, region and department (a
 * scoping field left empty falls back to these too) and the write stamps. Field ids never name a stamp
 * column (the app validation refuses them), so field values may be spread over these.
 */
export function newRowStamps(
  actor: Pick<Actor, 'id' | 'region' | 'department'>,
  appId: string,
  createdAt: string,
  updatedAt = createdAt,
): Record<string, unknown> {
  return {
    owner: actor.id,
    region: actor.region ?? null,
    department: actor.department ?? null,
    app_id: appId,
    created_at: createdAt,
    created_by: actor.id,
    updated_at: updatedAt,
    updated_by: actor.id,
    version: 1,
  };
}
