import { useCallback, useEffect, useState } from 'react';
import { api, Page } from '../api';

export interface Paged<T> {
  items: T[];
  error: unknown;
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
}

/** A list endpoint page by page: the first page on load, the next ones on "Visa fler". */
export function usePaged<T>(path: string | null): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(path !== null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (path === null) return;
    let current = true;
    setLoading(true);
    api.get<Page<T>>(path).then(
      (page) => {
        if (!current) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setItems([]);
        setCursor(null);
        setError(failure);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [path, round]);

  const loadMore = useCallback(() => {
    if (!path || !cursor) return;
    setLoadingMore(true);
    const separator = path.includes('?') ? '&' : '?';
    api.get<Page<T>>(`${path}${separator}cursor=${encodeURIComponent(cursor)}`).then(
      (page) => {
        setItems((previous) => [...previous, ...page.items]);
        setCursor(page.nextCursor);
        setLoadingMore(false);
      },
      (failure: unknown) => {
        setError(failure);
        setLoadingMore(false);
      },
    );
  }, [path, cursor]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { items, error, loading, loadingMore, hasMore: cursor !== null, loadMore, reload };
}
