/**
 * `compute` memoised per document object: documents (entities, fields, option lists) are immutable once
 * loaded, and what is derived from one (write plans, formula order, allowed choice values) is asked for
 * on every record or cell written.
 */
export function perDocument<D extends object, T>(compute: (doc: D) => T): (doc: D) => T {
  const cache = new WeakMap<D, T>();
  return (doc) => {
    let value = cache.get(doc);
    if (value === undefined) {
      value = compute(doc);
      cache.set(doc, value);
    }
    return value;
  };
}
