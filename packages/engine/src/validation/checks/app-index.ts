import type { DocumentKind } from '../../model/app';
import { DOCUMENT_KINDS } from '../../model/app';

/** What reference checks need to know about one field. */
export interface IndexedField {
  type: string;
  /** Target entity of a `reference` field. */
  target?: string;
  /** Result type of a `formula` field. */
  resultType?: string;
  /** Stage values of a `stage` field. */
  stages?: readonly string[];
}

/** What reference checks need to know about one entity: its fields (declared and system) by name. */
export interface IndexedEntity {
  name: string;
  fields: ReadonlyMap<string, IndexedField>;
}

/** Names of every document in an app, by kind, plus entities with their fields. */
export interface AppIndex {
  entities: ReadonlyMap<string, IndexedEntity>;
  names: Readonly<Record<DocumentKind, ReadonlySet<string>>>;
}

/**
 * Columns every entity table has that views, filters and sorts may name even though no field declares
 * them (`app_id` and `deleted_at` are internal). Types let date/user checks accept them.
 */
export const SYSTEM_FIELD_TYPES: ReadonlyMap<string, IndexedField> = new Map<string, IndexedField>([
  ['id', { type: 'text' }],
  ['created_at', { type: 'datetime' }],
  ['created_by', { type: 'user' }],
  ['updated_at', { type: 'datetime' }],
  ['updated_by', { type: 'user' }],
  ['version', { type: 'integer' }],
  ['owner', { type: 'user' }],
  ['region', { type: 'select' }],
  ['department', { type: 'department' }],
]);

/**
 * Indexes an app's documents defensively: it runs before we know every document passed its schema, so
 * anything malformed is skipped rather than trusted (a broken entity must not make every view that names
 * it report "unknown entity" on top of its own errors).
 */
export function buildAppIndex(documents: readonly unknown[]): AppIndex {
  const names = Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, new Set<string>()])) as Record<
    DocumentKind,
    Set<string>
  >;
  const entities = new Map<string, IndexedEntity>();
  for (const doc of documents) {
    if (!isRecord(doc) || typeof doc.name !== 'string') continue;
    const kind = doc.kind as DocumentKind;
    if (!(kind in names)) continue;
    names[kind].add(doc.name);
    if (kind === 'entity' && !entities.has(doc.name))
      entities.set(doc.name, indexEntity(doc.name, doc.fields));
  }
  return { entities, names };
}

/** Indexes one entity's fields (used for the lone-document check of an entity against itself too). */
export function indexEntity(name: string, fields: unknown): IndexedEntity {
  const map = new Map<string, IndexedField>(SYSTEM_FIELD_TYPES);
  if (Array.isArray(fields))
    for (const f of fields) {
      if (isRecord(f) && typeof f.name === 'string' && typeof f.type === 'string')
        map.set(f.name, indexField(f));
    }
  return { name, fields: map };
}

function indexField(f: Record<string, unknown>): IndexedField {
  const field: IndexedField = { type: String(f.type) };
  if (typeof f.target === 'string') field.target = f.target;
  if (typeof f.resultType === 'string') field.resultType = f.resultType;
  if (Array.isArray(f.stages))
    field.stages = f.stages.flatMap((s) => (isRecord(s) && typeof s.value === 'string' ? [s.value] : []));
  return field;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
