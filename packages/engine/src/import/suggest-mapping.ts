import type { EntityDoc } from '../model/entity';
import type { Field } from '../model/field';
import type { ColumnMapping } from './import-types';

/** Fields a file may feed: everything stored and not computed or system-managed. */
export function importableFields(entity: EntityDoc): Field[] {
  return entity.fields.filter(
    (f) =>
      !['formula', 'rollup', 'autonumber', 'notes'].includes(f.type) &&
      !('readonly' in f && f.readonly === true),
  );
}

/** Lower-case, no spaces, no punctuation or brackets: `客户名称 (Name)` and `客户名称（name）` compare equal. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-:：*·.()（）[\]【】]/g, '');
}

/**
 * Matches header texts to fields: by API name, zh label or en label (normalized), else by a header that
 * contains a label (`客户名称(必填)`). Each field is used at most once; unmatched columns map to null.
 * A saved mapping (`previous`) wins for headers it knows.
 *
 * @example suggestMapping(customer, ['统一社会信用代码', 'Customer name', 'x'])
 * // → [{column:0, field:'credit_code'}, {column:1, field:'name'}, {column:2, field:null}]
 */
export function suggestMapping(
  entity: EntityDoc,
  headers: readonly string[],
  previous: readonly ColumnMapping[] = [],
): ColumnMapping[] {
  const fields = importableFields(entity);
  const keys = new Map<string, string>();
  for (const f of fields) {
    for (const k of [f.name, f.label.zh, f.label.en]) {
      const n = normalizeHeader(k);
      if (n && !keys.has(n)) keys.set(n, f.name);
    }
  }
  const saved = new Map(previous.map((m) => [normalizeHeader(m.header), m.field]));
  const used = new Set<string>();
  const out: ColumnMapping[] = headers.map((header, column) => {
    const n = normalizeHeader(header);
    const pick = saved.has(n) ? (saved.get(n) ?? null) : (keys.get(n) ?? null);
    const field = pick && fields.some((f) => f.name === pick) && !used.has(pick) ? pick : null;
    if (field) used.add(field);
    return { column, header, field };
  });
  for (const m of out) {
    if (m.field !== null || saved.has(normalizeHeader(m.header))) continue;
    const n = normalizeHeader(m.header);
    if (n.length < 2) continue;
    const hit = fields.find(
      (f) =>
        !used.has(f.name) &&
        [f.label.zh, f.label.en].some(
          (l) => normalizeHeader(l).length >= 2 && n.includes(normalizeHeader(l)),
        ),
    );
    if (hit) {
      m.field = hit.name;
      used.add(hit.name);
    }
  }
  return out;
}
