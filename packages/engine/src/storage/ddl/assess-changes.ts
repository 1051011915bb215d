import { type RawBuilder, sql } from 'kysely';
import { assertNever } from '../../model/assert-never';
import type { Field } from '../../model/field';
import { appSchemaName } from '../../model/identifier';
import { columnTypeFor } from '../../records/column-type-for';
import type { DbExecutor, PublishChange } from '../contracts';
import { convertColumnSql } from './convert-column';
import type { StorageChange } from './diff-definitions';
import { isScopingColumn } from './entity-columns';

/**
 * Turns storage changes into preview entries, counting the values each lossy change would destroy:
 * rows of a dropped entity, non-null values of a dropped field, values that do not convert to a new type.
 * Reads only aggregates, never rows.
 */
export async function assessChanges(
  db: DbExecutor,
  appId: string,
  changes: StorageChange[],
): Promise<PublishChange[]> {
  const out: PublishChange[] = [];
  for (const c of changes) out.push(await assessOne(db, appId, c));
  return out;
}

async function assessOne(db: DbExecutor, appId: string, c: StorageChange): Promise<PublishChange> {
  switch (c.kind) {
    case 'add_entity':
      return plain(
        c.kind,
        c.entity.name,
        undefined,
        `新增实体 ${c.entity.name}`,
        `Add entity ${c.entity.name}`,
      );
    case 'drop_entity': {
      const n = await countWhere(db, appId, c.entity.name, sql`true`);
      return lossy(
        plain(c.kind, c.entity.name, undefined, `删除实体 ${c.entity.name}`, `Drop entity ${c.entity.name}`),
        n,
        `${n} 条记录将被删除`,
        `${n} records would be deleted`,
      );
    }
    case 'add_field':
      return plain(
        c.kind,
        c.entity.name,
        c.field.name,
        `新增字段 ${c.field.name}`,
        `Add field ${c.field.name}`,
      );
    case 'drop_field': {
      const col = columnTypeFor(c.field);
      const n =
        col && !isScopingColumn(c.field.id)
          ? await countWhere(db, appId, c.entity.name, sql`${sql.ref(c.field.id)} is not null`)
          : 0;
      return lossy(
        plain(c.kind, c.entity.name, c.field.name, `删除字段 ${c.field.name}`, `Drop field ${c.field.name}`),
        n,
        `${n} 条记录在该字段有值`,
        `${n} records have a value in this field`,
      );
    }
    case 'rename_field':
      return plain(
        c.kind,
        c.entity.name,
        c.to.name,
        `字段 ${c.from.name} 改名为 ${c.to.name}`,
        `Rename field ${c.from.name} to ${c.to.name}`,
      );
    case 'change_field': {
      const base = await noteNewlyRequired(
        db,
        appId,
        c,
        plain(
          c.kind,
          c.entity.name,
          c.to.name,
          `修改字段 ${c.to.name}（${c.from.type} → ${c.to.type}）`,
          `Change field ${c.to.name} (${c.from.type} → ${c.to.type})`,
        ),
      );
      if (!c.fromColumn || isScopingColumn(c.to.id)) return base;
      const col = sql.ref(c.to.id);
      if (c.fromColumn === c.toColumn) {
        const removed = removedOptions(c.from, c.to);
        if (!removed.length) return base;
        const hit =
          c.toColumn === 'text[]'
            ? sql`${col} && ${sql.val(removed)}::text[]`
            : sql`${col} in (${sql.join(removed)})`;
        const n = await countWhere(db, appId, c.entity.name, hit);
        return lossy(base, n, `${n} 条记录使用了被删除的选项`, `${n} records use a removed option`);
      }
      const lost: RawBuilder<unknown> = c.toColumn
        ? sql`${col} is not null and (${convertColumnSql(c.to.id, c.fromColumn, c.toColumn)}) is null`
        : sql`${col} is not null`;
      const n = await countWhere(db, appId, c.entity.name, lost);
      return lossy(base, n, `${n} 条记录的值无法转换`, `${n} records have values that do not convert`);
    }
    case 'entity_meta':
      return plain(
        'document',
        c.entity.name,
        undefined,
        `修改实体 ${c.entity.name} 设置`,
        `Change entity ${c.entity.name} settings`,
      );
    case 'document':
      return plain(
        'document',
        undefined,
        undefined,
        `${docChangeZh[c.change]} ${c.docKind} ${c.name}`,
        `${c.change === 'added' ? 'Add' : c.change === 'removed' ? 'Remove' : 'Change'} ${c.docKind} ${c.name}`,
      );
    default:
      return assertNever(c);
  }
}

/**
 * A field that becomes required is not lossy, but records that are empty in it will refuse the next
 * update until filled: the summary says how many.
 */
async function noteNewlyRequired(
  db: DbExecutor,
  appId: string,
  c: Extract<StorageChange, { kind: 'change_field' }>,
  change: PublishChange,
): Promise<PublishChange> {
  if (!c.to.required || c.from.required || !c.fromColumn || isScopingColumn(c.to.id)) return change;
  const col = sql.ref(c.to.id);
  const empty = c.fromColumn === 'text' ? sql`(${col} is null or ${col} = '')` : sql`${col} is null`;
  const n = await countWhere(db, appId, c.entity.name, sql`deleted_at is null and ${empty}`);
  if (n === 0) return change;
  return {
    ...change,
    summary: {
      zh: `${change.summary.zh}；设为必填，${n} 条记录当前为空`,
      en: `${change.summary.en}; now required, ${n} records are empty`,
    },
  };
}

/** Option values `from` allowed that `to` no longer allows (select, multiselect, stage, tags). */
function removedOptions(from: Field, to: Field): string[] {
  const before = optionValues(from);
  const after = optionValues(to);
  if (!before || !after) return [];
  return before.filter((v) => !after.includes(v));
}

function optionValues(f: Field): string[] | null {
  switch (f.type) {
    case 'select':
    case 'multiselect':
      return f.options.map((o) => o.value);
    case 'stage':
      return f.stages.map((o) => o.value);
    default:
      return null;
  }
}

const docChangeZh = { added: '新增', removed: '删除', changed: '修改' } as const;

function plain(
  kind: PublishChange['kind'],
  entity: string | undefined,
  field: string | undefined,
  zh: string,
  en: string,
): PublishChange {
  return {
    kind,
    ...(entity !== undefined ? { entity } : {}),
    ...(field !== undefined ? { field } : {}),
    summary: { zh, en },
    lossy: false,
  };
}

function lossy(change: PublishChange, n: number, zh: string, en: string): PublishChange {
  return n > 0 ? { ...change, lossy: true, lossReason: { zh, en } } : change;
}

async function countWhere(
  db: DbExecutor,
  appId: string,
  table: string,
  where: RawBuilder<unknown>,
): Promise<number> {
  const r = await db
    .selectFrom(`${appSchemaName(appId)}.${table}`)
    .select(sql<number>`count(*) filter (where ${where})::int`.as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
