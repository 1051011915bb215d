import type { AppDefinition } from '../../model/app';
import { documentsOfKind } from '../../model/app';
import type { EntityDoc } from '../../model/entity';
import type { Field } from '../../model/field';
import { type ColumnType, columnTypeFor } from '../../records/column-type-for';

/** One storage-relevant difference between the live and the draft definition; `kind` discriminates. */
export type StorageChange =
  | { kind: 'add_entity'; entity: EntityDoc }
  | { kind: 'drop_entity'; entity: EntityDoc }
  | { kind: 'add_field'; entity: EntityDoc; field: Field }
  | { kind: 'drop_field'; entity: EntityDoc; field: Field }
  | { kind: 'rename_field'; entity: EntityDoc; from: Field; to: Field }
  | {
      kind: 'change_field';
      entity: EntityDoc;
      from: Field;
      to: Field;
      fromColumn: ColumnType | null;
      toColumn: ColumnType | null;
    }
  | { kind: 'entity_meta'; entity: EntityDoc; previous: EntityDoc }
  | { kind: 'document'; docKind: string; name: string; change: 'added' | 'removed' | 'changed' };

/**
 * Diffs two app definitions. Fields are matched by id (so a changed `name` is a rename that moves no
 * data); entities by name. `entity_meta` covers anything else in an entity (indexes, labels…).
 */
export function diffDefinitions(live: AppDefinition | null, draft: AppDefinition): StorageChange[] {
  const before = new Map((live ? documentsOfKind(live, 'entity') : []).map((e) => [e.name, e]));
  const after = new Map(documentsOfKind(draft, 'entity').map((e) => [e.name, e]));
  const out: StorageChange[] = [];
  for (const [name, entity] of after) {
    const prev = before.get(name);
    if (!prev) out.push({ kind: 'add_entity', entity });
    else out.push(...diffEntity(prev, entity));
  }
  for (const [name, entity] of before) if (!after.has(name)) out.push({ kind: 'drop_entity', entity });
  out.push(...diffOtherDocuments(live, draft));
  return out;
}

function diffEntity(prev: EntityDoc, next: EntityDoc): StorageChange[] {
  const out: StorageChange[] = [];
  const prevFields = new Map(prev.fields.map((f) => [f.id, f]));
  const nextIds = new Set(next.fields.map((f) => f.id));
  for (const field of next.fields) {
    const old = prevFields.get(field.id);
    if (!old) {
      out.push({ kind: 'add_field', entity: next, field });
      continue;
    }
    if (old.name !== field.name) out.push({ kind: 'rename_field', entity: next, from: old, to: field });
    const { name: _a, ...oldRest } = old;
    const { name: _b, ...newRest } = field;
    if (!sameJson(oldRest, newRest)) {
      out.push({
        kind: 'change_field',
        entity: next,
        from: old,
        to: field,
        fromColumn: columnTypeFor(old),
        toColumn: columnTypeFor(field),
      });
    }
  }
  for (const old of prev.fields)
    if (!nextIds.has(old.id)) out.push({ kind: 'drop_field', entity: next, field: old });
  const { fields: _pf, ...prevMeta } = prev;
  const { fields: _nf, ...nextMeta } = next;
  if (!sameJson(prevMeta, nextMeta)) {
    out.push({ kind: 'entity_meta', entity: next, previous: prev });
  }
  return out;
}

function diffOtherDocuments(live: AppDefinition | null, draft: AppDefinition): StorageChange[] {
  const key = (d: { kind: string; name?: string }) => `${d.kind}:${d.name ?? ''}`;
  const others = (a: AppDefinition | null) =>
    new Map(
      (a?.documents ?? [])
        .filter((d) => d.kind !== 'entity')
        .map((d) => [key(d as { kind: string; name?: string }), d]),
    );
  const before = others(live);
  const after = others(draft);
  const out: StorageChange[] = [];
  for (const [k, d] of after) {
    const [docKind = '', name = ''] = k.split(':');
    const prev = before.get(k);
    if (!prev) out.push({ kind: 'document', docKind, name, change: 'added' });
    else if (!sameJson(prev, d)) out.push({ kind: 'document', docKind, name, change: 'changed' });
  }
  for (const k of before.keys()) {
    if (after.has(k)) continue;
    const [docKind = '', name = ''] = k.split(':');
    out.push({ kind: 'document', docKind, name, change: 'removed' });
  }
  return out;
}

/** Structural equality of JSON documents, independent of key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
}

function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableStringify(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
