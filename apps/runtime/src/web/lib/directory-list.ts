import { useEffect, useState } from 'react';
import { api } from './api';

/** Loads `GET path` once per page load (empty on failure); `index` runs once on arrival, for synchronous lookups. */
export function directoryList<T>(path: string, index: (list: T[]) => void): () => Promise<T[]> {
  let loaded: Promise<T[]> | null = null;
  return () => {
    loaded ??= api<T[]>('GET', path).then(
      (list) => {
        index(list);
        return list;
      },
      () => [],
    );
    return loaded;
  };
}

/** The list `load` returns, empty until it arrives; re-renders the caller once it does. */
export function useDirectoryList<T>(load: () => Promise<T[]>): T[] {
  const [list, setList] = useState<T[]>([]);
  useEffect(() => {
    let live = true;
    load().then((l) => live && setList(l));
    return () => {
      live = false;
    };
  }, [load]);
  return list;
}
