import type { AppDefinition, AppDocument, DocumentKind } from '../model/app';
import type { EntityDoc } from '../model/entity';
import type { Field } from '../model/field';
import { canonicalJson } from './canonical-json';

/** One step of an upgrade plan; `op` discriminates. Paths name the document (`entity:customer`). */
export type PackUpgradeChange =
  | { op: 'add_document'; doc: string }
  | { op: 'update_document'; doc: string; keys: string[] }
  | { op: 'remove_document'; doc: string }
  | { op: 'add_field'; doc: string; field: string }
  | { op: 'update_field'; doc: string; field: string; keys: string[] }
  | { op: 'remove_field'; doc: string; field: string }
  /** The user changed something the new pack also changed or removed: the user's version is kept. */
  | { op: 'keep_user'; doc: string; field?: string; key?: string; reason: 'user_changed' | 'user_added' };

/** The result of {@link diffPackVersions}: the merged app to publish and what the merge did. */
export interface PackUpgradePlan {
  merged: AppDefinition;
  changes: PackUpgradeChange[];
}

type Json = unknown;
const docKey = (d: Pick<AppDocument, 'kind' | 'name'>) => `${d.kind}:${d.name}`;
const same = (a: Json, b: Json) => canonicalJson(a) === canonicalJson(b);

/**
 * Three-way merge for `lattice pack upgrade`: `oldApp` is the pack version installed, `newApp` the pack
 * version offered, `userDraft` the app as the user has it now (their customisations on top of oldApp).
 * Upstream changes apply where the user did not touch the same thing; user customisations — added fields
 * and documents, changed labels or other properties — are kept. Field ids are the identity of fields, so
 * a renamed field stays one field. Pure: no storage, no I/O.
 *
 * @example
 * const { merged, changes } = diffPackVersions(pack010.app, pack020.app, liveApp);
 * // show `changes` as the upgrade preview, then publish `merged`
 */
export function diffPackVersions(
  oldApp: AppDefinition,
  newApp: AppDefinition,
  userDraft: AppDefinition,
): PackUpgradePlan {
  const changes: PackUpgradeChange[] = [];
  const base = new Map(oldApp.documents.map((d) => [docKey(d), d]));
  const theirs = new Map(newApp.documents.map((d) => [docKey(d), d]));
  const documents: AppDocument[] = [];
  for (const mine of userDraft.documents) {
    const key = docKey(mine);
    const b = base.get(key);
    const t = theirs.get(key);
    if (!b) {
      documents.push(mine);
      if (t && !same(t, mine)) changes.push({ op: 'keep_user', doc: key, reason: 'user_added' });
      continue;
    }
    if (!t) {
      if (same(b, mine)) changes.push({ op: 'remove_document', doc: key });
      else {
        documents.push(mine);
        changes.push({ op: 'keep_user', doc: key, reason: 'user_changed' });
      }
      continue;
    }
    documents.push(mergeDocument(key, b, t, mine, changes));
  }
  const present = new Set(userDraft.documents.map(docKey));
  for (const t of newApp.documents) {
    const key = docKey(t);
    if (present.has(key)) continue;
    // Deleted by the user on purpose when it existed in the old version: respect that.
    if (base.has(key)) changes.push({ op: 'keep_user', doc: key, reason: 'user_changed' });
    else {
      documents.push(t);
      changes.push({ op: 'add_document', doc: key });
    }
  }
  const meta = mergeObject(stripDocs(oldApp), stripDocs(newApp), stripDocs(userDraft));
  return { merged: { ...(meta.value as Omit<AppDefinition, 'documents'>), documents }, changes };
}

function stripDocs(app: AppDefinition): Omit<AppDefinition, 'documents'> {
  const { documents: _documents, ...rest } = app;
  return rest;
}

function mergeDocument(
  key: string,
  b: AppDocument,
  t: AppDocument,
  mine: AppDocument,
  changes: PackUpgradeChange[],
) {
  const kind: DocumentKind = mine.kind;
  if (kind === 'entity') return mergeEntity(key, b as EntityDoc, t as EntityDoc, mine as EntityDoc, changes);
  const merged = mergeObject(b, t, mine);
  if (merged.applied.length > 0) changes.push({ op: 'update_document', doc: key, keys: merged.applied });
  for (const k of merged.kept) changes.push({ op: 'keep_user', doc: key, key: k, reason: 'user_changed' });
  return merged.value as unknown as AppDocument;
}

function mergeEntity(
  key: string,
  b: EntityDoc,
  t: EntityDoc,
  mine: EntityDoc,
  changes: PackUpgradeChange[],
): EntityDoc {
  const { fields: _bf, ...bRest } = b;
  const { fields: _tf, ...tRest } = t;
  const { fields: _mf, ...mRest } = mine;
  const top = mergeObject(bRest, tRest, mRest);
  if (top.applied.length > 0) changes.push({ op: 'update_document', doc: key, keys: top.applied });
  for (const k of top.kept) changes.push({ op: 'keep_user', doc: key, key: k, reason: 'user_changed' });
  const baseF = new Map(b.fields.map((f) => [f.id, f]));
  const theirF = new Map(t.fields.map((f) => [f.id, f]));
  const fields: Field[] = [];
  for (const f of mine.fields) {
    const bf = baseF.get(f.id);
    const tf = theirF.get(f.id);
    if (!bf) fields.push(f);
    else if (!tf) {
      if (same(bf, f)) changes.push({ op: 'remove_field', doc: key, field: f.id });
      else {
        fields.push(f);
        changes.push({ op: 'keep_user', doc: key, field: f.id, reason: 'user_changed' });
      }
    } else {
      const m = mergeObject(bf, tf, f);
      fields.push(m.value as unknown as Field);
      if (m.applied.length > 0) changes.push({ op: 'update_field', doc: key, field: f.id, keys: m.applied });
      for (const k of m.kept)
        changes.push({ op: 'keep_user', doc: key, field: f.id, key: k, reason: 'user_changed' });
    }
  }
  const mineIds = new Set(mine.fields.map((f) => f.id));
  for (const tf of t.fields) {
    if (mineIds.has(tf.id) || baseF.has(tf.id)) continue;
    fields.push(tf);
    changes.push({ op: 'add_field', doc: key, field: tf.id });
  }
  return { ...(top.value as Omit<EntityDoc, 'fields'>), fields } as EntityDoc;
}

/**
 * Key-level three-way merge of plain objects: a key the user left as in `base` takes the new value;
 * a key the user changed keeps the user's value (`kept` when upstream changed it too).
 */
function mergeObject(base: object, theirs: object, mine: object) {
  const b = base as Record<string, Json>;
  const t = theirs as Record<string, Json>;
  const m = mine as Record<string, Json>;
  const value: Record<string, Json> = {};
  const applied: string[] = [];
  const kept: string[] = [];
  for (const k of new Set([...Object.keys(m), ...Object.keys(t)])) {
    const userChanged = !same(b[k], m[k]);
    const upstreamChanged = !same(b[k], t[k]);
    if (userChanged) {
      if (k in m) value[k] = m[k];
      if (upstreamChanged && !same(t[k], m[k])) kept.push(k);
    } else if (upstreamChanged) {
      if (k in t) value[k] = t[k];
      applied.push(k);
    } else if (k in m) value[k] = m[k];
  }
  return { value, applied, kept };
}
