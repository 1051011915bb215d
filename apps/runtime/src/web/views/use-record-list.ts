import type { JsonLogic, SortSpec } from '@lattice/engine';
import { useCallback, useEffect, useState } from 'react';
import { type RecordData, recordsApi } from '../lib/records-api';

/** The state of a keyset-paged record list. */
export interface RecordListState {
  items: RecordData[];
  nextCursor: string | null;
  loading: boolean;
  error: unknown;
  /** Fetches the next page and appends it. */
  loadMore: () => void;
  /** Starts again from the first page. */
  reload: () => void;
}

/** Loads `entity` records page by page; a change of filter, sort or q restarts from the first page. */
export function useRecordList(
  app: string,
  entity: string,
  query: { filter: JsonLogic | null; sort: SortSpec[]; q: string; limit: number },
  /** Bump to reload from the first page (e.g. after a card moved into this column). */
  refresh = 0,
): RecordListState {
  const [items, setItems] = useState<RecordData[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(query);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for query; tick forces a reload
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    recordsApi
      .list(app, entity, query)
      .then((page) => {
        if (!live) return;
        setItems(page.items);
        setNextCursor(page.nextCursor);
      })
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [app, entity, key, tick, refresh]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for query
  const loadMore = useCallback(() => {
    if (!nextCursor) return;
    setLoading(true);
    recordsApi
      .list(app, entity, { ...query, cursor: nextCursor })
      .then((page) => {
        setItems((prev) => [...prev, ...page.items]);
        setNextCursor(page.nextCursor);
      })
      .catch((e: unknown) => setError(e))
      .finally(() => setLoading(false));
  }, [app, entity, key, nextCursor]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { items, nextCursor, loading, error, loadMore, reload };
}
