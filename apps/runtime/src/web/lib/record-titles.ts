import type { AppDefinition, EntityDoc } from '@lattice/engine';
import { findEntity } from '@lattice/engine';
import { useEffect, useState } from 'react';
import type { RecordData } from './records-api';
import { recordsApi } from './records-api';

const cache = new Map<string, string>();
const key = (entity: string, id: string) => `${entity}:${id}`;

/** The title of a record: its entity's `titleField`, else the id. */
export function recordTitle(entity: EntityDoc, record: RecordData): string {
  const value = record[entity.titleField];
  return value === null || value === undefined || value === '' ? record.id.slice(0, 8) : String(value);
}

/** A cached title (undefined when not loaded yet). */
export function cachedTitle(entity: string, id: string): string | undefined {
  return cache.get(key(entity, id));
}

/** Remembers titles already known (rows of a list), so lookups need no extra request. */
export function rememberTitles(entity: EntityDoc, records: RecordData[]): void {
  for (const r of records) cache.set(key(entity.name, r.id), recordTitle(entity, r));
}

/**
 * Loads the titles of referenced records: `refs` maps a target entity to ids. One list request per
 * entity (filter `id in [...]`); re-renders the caller when they arrive.
 */
export function useRecordTitles(
  app: string,
  definition: Pick<AppDefinition, 'documents'> | null,
  refs: Map<string, Set<string>>,
): number {
  const [tick, setTick] = useState(0);
  const wanted = [...refs.entries()]
    .map(([entity, ids]) => `${entity}=${[...ids].filter((id) => !cache.has(key(entity, id))).join(',')}`)
    .filter((s) => !s.endsWith('='))
    .join(';');
  useEffect(() => {
    if (!wanted || !definition) return;
    let live = true;
    const jobs = wanted.split(';').map(async (part) => {
      const [entityName, idList] = part.split('=') as [string, string];
      const entity = findEntity(definition, entityName);
      if (!entity) return;
      const ids = idList.split(',').slice(0, 200);
      try {
        const page = await recordsApi.list(app, entityName, {
          filter: { in: [{ var: 'id' }, ids] },
          limit: ids.length,
        });
        rememberTitles(entity, page.items);
      } catch {
        // No read right on the target: the id stays shown (shortened).
      }
      for (const id of ids)
        if (!cache.has(key(entityName, id))) cache.set(key(entityName, id), id.slice(0, 8));
    });
    Promise.all(jobs).then(() => live && setTick((n) => n + 1));
    return () => {
      live = false;
    };
  }, [app, definition, wanted]);
  return tick;
}

/** Collects the reference ids of `fields` in `rows`, by target entity. */
export function referencesIn(
  entity: EntityDoc,
  fieldNames: string[],
  rows: RecordData[],
): Map<string, Set<string>> {
  const refs = new Map<string, Set<string>>();
  for (const name of fieldNames) {
    const field = entity.fields.find((f) => f.name === name);
    if (field?.type !== 'reference') continue;
    const set = refs.get(field.target) ?? new Set<string>();
    for (const row of rows) {
      const v = row[name];
      if (typeof v === 'string' && v) set.add(v);
    }
    refs.set(field.target, set);
  }
  return refs;
}
