import { sql } from 'kysely';
import type { EntityDoc } from '../../model/entity';
import { appSchemaName } from '../../model/identifier';
import type { DbExecutor } from '../contracts';
import { columnDataType } from './column-data-type';
import { entityColumns } from './entity-columns';
import { syncEntityIndexes } from './sync-entity-indexes';

/**
 * Creates an entity's table (system columns + one typed column per field) and its indexes in the app's
 * schema. Identifiers must already be validated (see `checkStorageIdentifiers`).
 */
export async function createEntityTable(db: DbExecutor, appId: string, entity: EntityDoc): Promise<void> {
  const schema = appSchemaName(appId);
  await db.schema.createSchema(schema).ifNotExists().execute();
  let builder = db.schema
    .createTable(`${schema}.${entity.name}`)
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('owner', 'text')
    .addColumn('region', 'text')
    .addColumn('department', 'text')
    .addColumn('deleted_at', 'timestamptz');
  for (const col of entityColumns(entity)) {
    if (col.system) continue;
    builder = builder.addColumn(col.column, columnDataType(col.type));
  }
  await builder.execute();
  await syncEntityIndexes(db, appId, entity);
}
