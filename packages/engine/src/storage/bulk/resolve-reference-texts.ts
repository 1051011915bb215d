import { sql } from 'kysely';
import { findEntity } from '../../model/app';
import type { EntityDoc } from '../../model/entity';
import type { ReferenceField } from '../../model/field';
import type { I18nText } from '../../model/i18n-text';
import { appSchemaName } from '../../model/identifier';
import type { DbExecutor, LiveApp } from '../contracts';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a reference cell's text resolved to: the target id, or why not. */
export type ReferenceResolution = { ok: true; id: string } | { ok: false; reason: I18nText };

/** Resolutions cached per reference field and text for the whole import (targets rarely change mid-file). */
export type ReferenceCache = Map<string, Map<string, ReferenceResolution>>;

/**
 * Resolves reference cell texts to target record ids: a record id, a value of one of the target's
 * single-field unique keys (e.g. an order's customer by credit code), or the target's title — a title
 * shared by several live records is ambiguous and reported, not guessed. Looks each text up once per
 * cache; one query per field and batch.
 */
export async function resolveReferenceTexts(
  ex: DbExecutor,
  live: LiveApp,
  field: ReferenceField,
  texts: Iterable<string>,
  cache: ReferenceCache,
): Promise<Map<string, ReferenceResolution>> {
  let known = cache.get(field.name);
  if (!known) {
    known = new Map();
    cache.set(field.name, known);
  }
  const wanted = [...new Set(texts)].filter((t) => !known.has(t));
  const target = findEntity(live.definition, field.target);
  if (wanted.length && target) await lookUp(ex, live, target, wanted, known);
  for (const t of wanted) {
    if (!known.has(t)) {
      known.set(t, {
        ok: false,
        reason: {
          zh: `找不到${target?.label.zh ?? field.target}「${t}」（按名称、唯一键或 ID 查找）`,
          en: `No ${target?.label.en ?? field.target} "${t}" (looked up by title, unique key or id)`,
        },
      });
    }
  }
  return known;
}

async function lookUp(
  ex: DbExecutor,
  live: LiveApp,
  target: EntityDoc,
  texts: string[],
  known: Map<string, ReferenceResolution>,
): Promise<void> {
  const table = `${appSchemaName(live.appId)}.${target.name}`;
  const ids = texts.filter((t) => UUID_RE.test(t));
  if (ids.length) {
    const rows = await sql<{ id: string }>`select id::text as id from ${sql.table(table)}
      where deleted_at is null and id = any(${ids}::uuid[])`.execute(ex);
    for (const r of rows.rows) known.set(r.id, { ok: true, id: r.id });
  }
  const keyFields = target.fields.filter(
    (f) =>
      (f.unique || (target.uniqueKeys ?? []).some((k) => k.length === 1 && k[0] === f.name)) &&
      f.type !== 'reference',
  );
  for (const f of keyFields) {
    const rest = texts.filter((t) => !known.has(t));
    if (!rest.length) return;
    const rows = await sql<{ id: string; v: string }>`select id::text as id, ${sql.ref(f.id)}::text as v
      from ${sql.table(table)} where deleted_at is null and ${sql.ref(f.id)}::text = any(${rest}::text[])`.execute(
      ex,
    );
    for (const r of rows.rows) known.set(r.v, { ok: true, id: r.id });
  }
  const title = target.fields.find((f) => f.name === target.titleField);
  const rest = texts.filter((t) => !known.has(t));
  if (!title || !rest.length) return;
  const rows = await sql<{ id: string; v: string }>`select id::text as id, ${sql.ref(title.id)}::text as v
    from ${sql.table(table)} where deleted_at is null and ${sql.ref(title.id)}::text = any(${rest}::text[])`.execute(
    ex,
  );
  const byTitle = new Map<string, string[]>();
  for (const r of rows.rows) byTitle.set(r.v, [...(byTitle.get(r.v) ?? []), r.id]);
  for (const [t, hits] of byTitle) {
    known.set(
      t,
      hits.length === 1
        ? { ok: true, id: hits[0]! }
        : {
            ok: false,
            reason: {
              zh: `「${t}」匹配到 ${hits.length} 条${target.label.zh}记录，请改用唯一键（如编码）`,
              en: `"${t}" matches ${hits.length} ${target.label.en} records; use a unique key instead`,
            },
          },
    );
  }
}
