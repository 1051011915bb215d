import type { AppDefinition, Field } from '@lattice/engine';
import { appSchemaName, documentsOfKind, SYSTEM_COLUMNS } from '@lattice/engine';
import { type Kysely, sql } from 'kysely';
import type { ReportDb } from '../dataset/compile-dataset';
import { crmSeed } from './crm-fixture';

/** Column type per the storage conventions (test-local; storage owns the real mapping). */
function columnType(field: Field): string | null {
  switch (field.type) {
    case 'number':
    case 'currency':
    case 'percent':
      return 'numeric';
    case 'integer':
    case 'rating':
      return 'integer';
    case 'date':
      return 'date';
    case 'datetime':
      return 'timestamptz';
    case 'boolean':
      return 'boolean';
    case 'multiselect':
    case 'tags':
      return 'text[]';
    case 'reference':
      return 'uuid';
    case 'file':
    case 'image':
    case 'geo':
    case 'json':
    case 'notes':
      return 'jsonb';
    case 'rollup':
      return null;
    default:
      return 'text';
  }
}

/** Creates the app schema and one table per entity with the system columns, like storage does. */
export async function createCrmTables(db: Kysely<ReportDb>, app: AppDefinition): Promise<void> {
  const schema = appSchemaName(app.id);
  await db.schema.createSchema(schema).ifNotExists().execute();
  for (const entity of documentsOfKind(app, 'entity')) {
    let table = db.schema
      .withSchema(schema)
      .createTable(entity.name)
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('created_by', 'text')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_by', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('owner', 'text')
      .addColumn('region', 'text')
      .addColumn('department', 'text')
      .addColumn('deleted_at', 'timestamptz');
    for (const field of entity.fields) {
      const type = columnType(field);
      if (type === null || (SYSTEM_COLUMNS as readonly string[]).includes(field.id)) continue;
      table = table.addColumn(field.id, sql.raw(type));
    }
    await table.execute();
  }
}

/** Loads {@link crmSeed} into the tables. */
export async function seedCrm(db: Kysely<ReportDb>, app: AppDefinition): Promise<void> {
  const { customers, orders, lines } = crmSeed();
  const s = db.withSchema(appSchemaName(app.id));
  await s
    .insertInto('customers')
    .values(
      customers.map((c) => ({
        id: c.id,
        app_id: app.id,
        f_name: c.name,
        region: c.region,
        f_level: c.level,
        f_parent: c.parent,
        f_phone: 'ciphertext',
        owner: c.owner,
      })),
    )
    .execute();
  await s
    .insertInto('orders')
    .values(
      orders.map((o) => ({
        id: o.id,
        app_id: app.id,
        f_no: `SO-${o.id.slice(-4)}`,
        f_customer: o.customer,
        f_date: o.order_date,
        f_amount: o.amount,
        f_qty: o.quantity,
        f_status: o.status,
        f_closed: o.closed_at,
        f_repeat: o.is_repeat,
        owner: o.owner,
        deleted_at: o.deleted ? '2026-01-01T00:00:00Z' : null,
      })),
    )
    .execute();
  await s
    .insertInto('order_lines')
    .values(
      lines.map((l) => ({
        id: l.id,
        app_id: app.id,
        f_order: l.order,
        f_product: l.product,
        f_line_qty: l.qty,
      })),
    )
    .execute();
}
