import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { EntityDoc } from '../../model/entity';
import { appSchemaName } from '../../model/identifier';
import type { DbExecutor } from '../contracts';
import { entityColumns } from './entity-columns';

/** An index the metadata asks for; unique ones ignore soft-deleted rows (partial on deleted_at IS NULL). */
export interface DesiredIndex {
  name: string;
  columns: string[];
  unique: boolean;
}

/**
 * The indexes an entity needs: unique fields, unique keys and declared indexes (field names → column
 * ids), reference columns (for onDelete checks and rollups) and the default keyset order. Names are a hash
 * of the definition, so a changed definition gets a new name.
 */
export function desiredIndexes(entity: EntityDoc): DesiredIndex[] {
  const byName = new Map(entity.fields.map((f) => [f.name, f.id]));
  const ids = (names: string[]) => names.map((n) => byName.get(n)).filter((x): x is string => !!x);
  const specs: { columns: string[]; unique: boolean }[] = [{ columns: ['created_at', 'id'], unique: false }];
  for (const col of entityColumns(entity)) {
    if (col.field.unique) specs.push({ columns: [col.column], unique: true });
    if (col.field.type === 'reference') specs.push({ columns: [col.column], unique: false });
  }
  for (const key of entity.uniqueKeys ?? []) specs.push({ columns: ids(key), unique: true });
  for (const ix of entity.indexes ?? []) specs.push({ columns: ids(ix.fields), unique: !!ix.unique });
  const out = new Map<string, DesiredIndex>();
  for (const s of specs) {
    if (s.columns.length === 0) continue;
    const name = indexName(entity.name, s.columns, s.unique);
    out.set(name, { name, ...s });
  }
  return [...out.values()];
}

function indexName(table: string, columns: string[], unique: boolean): string {
  const h = createHash('sha256')
    .update(`${table}|${unique ? 'u' : 'i'}|${columns.join(',')}`)
    .digest('hex');
  return `lx_${h.slice(0, 20)}`;
}

/** Drops managed indexes (`lx_*`) the entity no longer wants and creates the missing ones. */
export async function syncEntityIndexes(db: DbExecutor, appId: string, entity: EntityDoc): Promise<void> {
  const schema = appSchemaName(appId);
  const existing = await sql<{ indexname: string }>`
    select indexname from pg_indexes
    where schemaname = ${schema} and tablename = ${entity.name} and indexname like 'lx\\_%'`.execute(db);
  const want = desiredIndexes(entity);
  const wantNames = new Set(want.map((w) => w.name));
  const have = new Set(existing.rows.map((r) => r.indexname));
  for (const name of have) {
    if (!wantNames.has(name)) await db.schema.dropIndex(`${schema}.${name}`).ifExists().execute();
  }
  for (const ix of want) {
    if (have.has(ix.name)) continue;
    let b = db.schema.createIndex(ix.name).on(`${schema}.${entity.name}`).columns(ix.columns);
    if (ix.unique) b = b.unique().where(sql.ref('deleted_at'), 'is', null);
    await b.execute();
  }
}
