import { useCallback, useEffect, useRef, useState } from 'react';
import { api, Page } from './api';

export interface Paged<T> {
  items: T[];
  error: unknown;
  /** The first page is on its way (a new path, or a reload). */
  loading: boolean;
  /** A next page is on its way. */
  loadingMore: boolean;
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
  /** Changes the loaded items, e.g. after one of them was answered or marked read. */
  update(change: (items: T[]) => T[]): void;
}

interface State<T> {
  items: T[];
  cursor: string | null;
  error: unknown;
  loading: boolean;
  loadingMore: boolean;
}

/**
 * A list endpoint page by page: the first page of `path` (null = not yet), then `loadMore` appends
 * the next. The items shown stay until a new first page replaces them.
 */
export function usePaged<T>(path: string | null): Paged<T> {
  const [state, setState] = useState<State<T>>({
    items: [],
    cursor: null,
    error: null,
    loading: path !== null,
    loadingMore: false,
  });
  const [round, setRound] = useState(0);
  // Counts first-page loads, so an answer for an earlier path or round is dropped.
  const generation = useRef(0);
  // The next-page request on its way, if any (an object per request, so an old one cannot clear a new one).
  const moreInFlight = useRef<object | null>(null);

  useEffect(() => {
    const mine = ++generation.current;
    // A next page of the earlier list may still be on its way: it is dropped, and must not block this one.
    moreInFlight.current = null;
    if (path === null) {
      setState((previous) => ({ ...previous, loading: false, loadingMore: false }));
      return;
    }
    setState((previous) => ({ ...previous, error: null, loading: true, loadingMore: false }));
    api.get<Page<T>>(path).then(
      (page) =>
        mine === generation.current &&
        setState({ items: page.items, cursor: page.nextCursor, error: null, loading: false, loadingMore: false }),
      (error: unknown) =>
        mine === generation.current && setState({ items: [], cursor: null, error, loading: false, loadingMore: false }),
    );
  }, [path, round]);

  const { cursor } = state;
  const loadMore = useCallback(() => {
    // A page on its way: a second click before the button shows it must not append that page twice.
    if (path === null || cursor === null || moreInFlight.current) return;
    const request = {};
    moreInFlight.current = request;
    const mine = generation.current;
    const separator = path.includes('?') ? '&' : '?';
    setState((previous) => ({ ...previous, error: null, loadingMore: true }));
    api
      .get<Page<T>>(`${path}${separator}cursor=${encodeURIComponent(cursor)}`)
      .finally(() => {
        if (moreInFlight.current === request) moreInFlight.current = null;
      })
      .then(
        (page) =>
          mine === generation.current &&
          setState((previous) => ({
            ...previous,
            items: [...previous.items, ...page.items],
            cursor: page.nextCursor,
            loadingMore: false,
          })),
        (error: unknown) =>
          mine === generation.current && setState((previous) => ({ ...previous, error, loadingMore: false })),
      );
  }, [path, cursor]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  const update = useCallback(
    (change: (items: T[]) => T[]) => setState((previous) => ({ ...previous, items: change(previous.items) })),
    [],
  );

  return {
    items: state.items,
    error: state.error,
    loading: state.loading,
    loadingMore: state.loadingMore,
    hasMore: cursor !== null,
    loadMore,
    reload,
    update,
  };
}

/** Every page of a list endpoint (for counting), following nextCursor. */
export async function fetchAll<T>(path: string, limit = 500): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  const separator = path.includes('?') ? '&' : '?';
  do {
    const url: string = `${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: Page<T> = await api.get<Page<T>>(url);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
