import { useCallback, useEffect, useState } from 'react';
import { api, Page } from '../api';

export interface PagedList<T> {
  items: T[];
  error: unknown;
  loading: boolean;
  hasMore: boolean;
  loadMore(): void;
}

/** A list endpoint page by page: the first page of `path`, then `loadMore` appends the next. */
export function usePagedList<T>(path: string | null): PagedList<T> {
  const [state, setState] = useState<{ items: T[]; cursor: string | null; error: unknown; loading: boolean }>({
    items: [],
    cursor: null,
    error: null,
    loading: path !== null,
  });
  // Which page to fetch: a new path starts again from its first page.
  const [requested, setRequested] = useState<{ path: string | null; cursor: string | null }>({ path, cursor: null });
  const cursor = requested.path === path ? requested.cursor : null;

  useEffect(() => {
    if (path === null) return;
    let current = true;
    const separator = path.includes('?') ? '&' : '?';
    const url = cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path;
    setState((previous) => ({ ...previous, items: cursor ? previous.items : [], loading: true, error: null }));
    api.get<Page<T>>(url).then(
      (page) =>
        current &&
        setState((previous) => ({
          items: cursor ? [...previous.items, ...page.items] : page.items,
          cursor: page.nextCursor,
          error: null,
          loading: false,
        })),
      (error: unknown) => current && setState((previous) => ({ ...previous, error, loading: false })),
    );
    return () => {
      current = false;
    };
  }, [path, cursor]);

  const next = state.cursor;
  const loadMore = useCallback(() => {
    if (next) setRequested({ path, cursor: next });
  }, [path, next]);

  return { items: state.items, error: state.error, loading: state.loading, hasMore: !!next, loadMore };
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
