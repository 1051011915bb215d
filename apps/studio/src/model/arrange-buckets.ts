/** Named lists of values (list columns, kanban card fields, record-page field groups). */
export type Buckets = Readonly<Record<string, readonly string[]>>;

/** Drag ids: `item:<bucket>:<value>` for a placed value, `pal:<value>` for the palette, `zone:<bucket>`. */
export const itemId = (bucket: string, value: string) => `item:${bucket}:${value}`;
export const paletteId = (value: string) => `pal:${value}`;
export const zoneId = (bucket: string) => `zone:${bucket}`;

type Parsed =
  | { kind: 'item'; bucket: string; value: string }
  | { kind: 'pal'; value: string }
  | { kind: 'zone'; bucket: string }
  | null;

/** Reads a drag id back; bucket ids and values must not contain ':'. */
export function parseArrangeId(id: string): Parsed {
  const [kind, a, b] = id.split(':');
  if (kind === 'item' && a !== undefined && b !== undefined) return { kind, bucket: a, value: b };
  if (kind === 'pal' && a !== undefined) return { kind, value: a };
  if (kind === 'zone' && a !== undefined) return { kind, bucket: a };
  return null;
}

/**
 * The buckets after dropping `activeId` on `overId`: a palette value is inserted before the item dropped on
 * (or appended to a zone); a placed value moves within or between buckets (a value lives in one bucket at a
 * time). Returns the same object when nothing changes.
 *
 * @example dropInBuckets({ a: ['x', 'y'] }, 'item:a:y', 'item:a:x') // { a: ['y', 'x'] }
 */
export function dropInBuckets(buckets: Buckets, activeId: string, overId: string | null): Buckets {
  const active = parseArrangeId(activeId);
  const over = overId ? parseArrangeId(overId) : null;
  if (!active || !over || active.kind === 'zone' || over.kind === 'pal') return buckets;
  const value = active.value;
  const target = over.bucket;
  if (!(target in buckets)) return buckets;
  const targetList = buckets[target]!;
  let index = over.kind === 'item' ? targetList.indexOf(over.value) : targetList.length;
  if (index < 0) index = targetList.length;
  if (active.kind === 'item' && active.bucket === target) {
    const from = targetList.indexOf(value);
    const unchanged = over.kind === 'zone' ? from === targetList.length - 1 : from === index;
    if (from < 0 || unchanged) return buckets;
    const list = [...targetList];
    list.splice(from, 1);
    list.splice(over.kind === 'zone' ? list.length : index, 0, value);
    return { ...buckets, [target]: list };
  }
  if (active.kind === 'pal' && targetList.includes(value)) return buckets;
  const next: Record<string, readonly string[]> = {};
  for (const [k, list] of Object.entries(buckets))
    next[k] = active.kind === 'item' && k === active.bucket ? list.filter((v) => v !== value) : list;
  const list = [...next[target]!];
  list.splice(Math.min(index, list.length), 0, value);
  next[target] = list;
  return next;
}
