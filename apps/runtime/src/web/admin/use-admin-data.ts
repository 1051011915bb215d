import { useCallback, useEffect, useState } from 'react';

/** Loads admin data, with the error and a reload for after each change. */
export function useAdminData<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the loader is a stable module function
  const reload = useCallback(() => {
    load().then(
      (d) => {
        setData(d);
        setError(null);
      },
      (e: unknown) => setError(e),
    );
  }, []);
  useEffect(() => reload(), [reload]);
  return { data, error, setError, reload };
}
