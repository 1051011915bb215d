import { sql } from 'kysely';
import type { AppDefinition } from '../../model/app';
import { documentsOfKind } from '../../model/app';
import type { EntityDoc } from '../../model/entity';
import type { Field } from '../../model/field';
import { appSchemaName } from '../../model/identifier';
import { columnTypeFor } from '../../records/column-type-for';
import type { DbExecutor } from '../contracts';
import { columnDataType } from './column-data-type';
import { convertColumnSql } from './convert-column';
import { createEntityTable } from './create-entity-table';
import type { StorageChange } from './diff-definitions';
import { isScopingColumn } from './entity-columns';
import { syncEntityIndexes } from './sync-entity-indexes';

/**
 * Applies storage changes inside the caller's transaction: creates tables, adds/drops/converts columns,
 * drops tables, then brings every entity's indexes in line with the draft. Renames move no data.
 */
export async function applyStorageMigration(
  trx: DbExecutor,
  appId: string,
  draft: AppDefinition,
  changes: StorageChange[],
): Promise<void> {
  const schema = appSchemaName(appId);
  await trx.schema.createSchema(schema).ifNotExists().execute();
  for (const c of changes) {
    switch (c.kind) {
      case 'add_entity':
        await createEntityTable(trx, appId, c.entity);
        break;
      case 'add_field':
        await addColumn(trx, schema, c.entity, c.field);
        break;
      case 'drop_field':
        await dropColumn(trx, schema, c.entity, c.field);
        break;
      case 'change_field':
        await changeColumn(trx, schema, c.entity, c.from, c.to);
        break;
      case 'drop_entity':
        await trx.schema.dropTable(`${schema}.${c.entity.name}`).ifExists().execute();
        break;
      case 'rename_field':
      case 'entity_meta':
      case 'document':
        break;
    }
  }
  for (const entity of documentsOfKind(draft, 'entity')) await syncEntityIndexes(trx, appId, entity);
}

async function addColumn(trx: DbExecutor, schema: string, entity: EntityDoc, field: Field): Promise<void> {
  const type = columnTypeFor(field);
  if (!type || isScopingColumn(field.id)) return;
  await trx.schema.alterTable(`${schema}.${entity.name}`).addColumn(field.id, columnDataType(type)).execute();
}

async function dropColumn(trx: DbExecutor, schema: string, entity: EntityDoc, field: Field): Promise<void> {
  if (!columnTypeFor(field) || isScopingColumn(field.id)) return;
  await trx.schema.alterTable(`${schema}.${entity.name}`).dropColumn(field.id).execute();
}

async function changeColumn(trx: DbExecutor, schema: string, entity: EntityDoc, from: Field, to: Field) {
  const a = columnTypeFor(from);
  const b = columnTypeFor(to);
  if (a === b || isScopingColumn(to.id)) return;
  if (!a) return addColumn(trx, schema, entity, to);
  if (!b) return dropColumn(trx, schema, entity, from);
  await sql`alter table ${sql.table(`${schema}.${entity.name}`)} alter column ${sql.ref(to.id)}
    type ${columnDataType(b)} using ${convertColumnSql(to.id, a, b)}`.execute(trx);
}
