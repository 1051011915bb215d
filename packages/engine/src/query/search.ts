import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { EntityDoc } from '../model/entity';
import type { Field } from '../model/field';
import { TEXT_FIELD_TYPES } from '../model/field-types';
import { columnNameFor, columnTypeFor } from '../records/column-type-for';
import { escapeLike } from './escape-like';

const MAX_TERMS = 5;
const MAX_TERM_LENGTH = 100;

/**
 * Fields searched by `q`: the entity's `searchFields` when set, else its text fields. Only text and
 * list (multiselect/tags) columns qualify, and sensitive fields never do: they hold ciphertext and a
 * match would leak what they contain.
 */
export function searchFields(entity: EntityDoc): Field[] {
  const candidates = entity.searchFields
    ? entity.searchFields.map((n) => entity.fields.find((f) => f.name === n)).filter((f): f is Field => !!f)
    : entity.fields.filter((f) => TEXT_FIELD_TYPES.includes(f.type));
  return candidates.filter(
    (f) => !f.sensitive && (columnTypeFor(f) === 'text' || columnTypeFor(f) === 'text[]'),
  );
}

export interface CompileSearchOptions {
  tableAlias?: string;
}

/**
 * Full-text-ish search: `q` is split on whitespace (at most 5 terms of 100 characters) and EVERY term must
 * match SOME search field, case-insensitively, as a literal substring (`%` and `_` escaped). An empty `q`
 * matches everything; an entity without search fields matches nothing.
 *
 * @example .where((eb) => compileSearch(customer, '华东 机电', eb))
 */
export function compileSearch<DB, TB extends keyof DB>(
  entity: EntityDoc,
  q: string,
  _eb?: ExpressionBuilder<DB, TB>,
  opts: CompileSearchOptions = {},
): Expression<SqlBool> {
  const terms = q
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '')
    .slice(0, MAX_TERMS)
    .map((t) => t.slice(0, MAX_TERM_LENGTH));
  if (terms.length === 0) return sql<SqlBool>`true`;
  const fields = searchFields(entity);
  if (fields.length === 0) return sql<SqlBool>`false`;
  const ref = (f: Field) =>
    sql.ref(opts.tableAlias ? `${opts.tableAlias}.${columnNameFor(f)}` : columnNameFor(f));
  const perTerm = terms.map((t) => {
    const pattern = `%${escapeLike(t)}%`;
    const ors = fields.map((f) =>
      columnTypeFor(f) === 'text[]'
        ? sql`array_to_string(${ref(f)}, ' ') ilike ${pattern}`
        : sql`${ref(f)} ilike ${pattern}`,
    );
    return sql`(${sql.join(ors, sql` or `)})`;
  });
  return sql<SqlBool>`(${sql.join(perTerm, sql` and `)})`;
}
