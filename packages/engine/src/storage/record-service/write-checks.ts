import { sql } from 'kysely';
import type { ErrorDetail } from '../../errors';
import { findEntity } from '../../model/app';
import type { EntityDoc } from '../../model/entity';
import { appSchemaName } from '../../model/identifier';
import { isEmptyValue as isEmpty } from '../../records/field-value-result';
import type { DbExecutor, LiveApp } from '../contracts';

/** Field names whose values (`merged`, by name) clash with another live row: unique fields and keys. */
export async function findUniqueClashes(
  ex: DbExecutor,
  live: LiveApp,
  entity: EntityDoc,
  merged: Record<string, unknown>,
  selfId: string | null,
  changed: ReadonlySet<string>,
): Promise<ErrorDetail[]> {
  const byName = new Map(entity.fields.map((f) => [f.name, f]));
  const groups: string[][] = entity.fields.filter((f) => f.unique).map((f) => [f.name]);
  for (const key of entity.uniqueKeys ?? []) groups.push(key);
  const out: ErrorDetail[] = [];
  for (const names of groups) {
    if (!names.some((n) => changed.has(n)) || names.some((n) => isEmpty(merged[n]))) continue;
    let q = ex
      .selectFrom(`${appSchemaName(live.appId)}.${entity.name}`)
      .select('id')
      .where('deleted_at', 'is', null);
    for (const n of names) q = q.where(byName.get(n)?.id ?? n, '=', merged[n]);
    if (selfId) q = q.where('id', '<>', selfId);
    if (await q.limit(1).executeTakeFirst()) {
      const path = names[names.length - 1]!;
      // The user sees field labels (序列号), not API names (serial).
      const labelsOf = (lang: 'zh' | 'en') => names.map((n) => byName.get(n)?.label[lang] ?? n).join('+');
      out.push({
        path,
        reason: 'LATTICE_ERR_UNIQUE',
        message: {
          zh: `${labelsOf('zh')} 的值已存在`,
          en: `${labelsOf('en')} already exists`,
        },
      });
    }
  }
  return out;
}

/** Reference fields whose target record is missing or soft-deleted. */
export async function findMissingReferences(
  ex: DbExecutor,
  live: LiveApp,
  entity: EntityDoc,
  values: Record<string, unknown>,
): Promise<ErrorDetail[]> {
  const out: ErrorDetail[] = [];
  for (const f of entity.fields) {
    if (f.type !== 'reference' || isEmpty(values[f.name])) continue;
    const target = findEntity(live.definition, f.target);
    const hit = target
      ? await ex
          .selectFrom(`${appSchemaName(live.appId)}.${target.name}`)
          .select(sql`1`.as('one'))
          .where('id', '=', String(values[f.name]))
          .where('deleted_at', 'is', null)
          .executeTakeFirst()
      : undefined;
    if (!hit) {
      out.push({
        path: f.name,
        reason: 'LATTICE_ERR_REFERENCE',
        message: {
          zh: `关联的${f.target}记录不存在`,
          en: `No ${f.target} record with id ${String(values[f.name])}`,
        },
      });
    }
  }
  return out;
}
