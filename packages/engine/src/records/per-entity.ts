import type { EntityDoc } from '../model/entity';

/**
 * `compute` memoised per entity document: documents are immutable once loaded, and what is derived from
 * one (write plans, formula order) is asked for on every record written.
 */
export function perEntity<T>(compute: (entity: EntityDoc) => T): (entity: EntityDoc) => T {
  const cache = new WeakMap<EntityDoc, T>();
  return (entity) => {
    let value = cache.get(entity);
    if (value === undefined) {
      value = compute(entity);
      cache.set(entity, value);
    }
    return value;
  };
}
