import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * Dexie's liveQuery as a Preact hook: re-renders when the queried tables change, in this page or
 * in any other page of the extension. `undefined` until the first result arrives.
 */
export function useLive<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (err: unknown) => console.error('Live query failed', err),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
