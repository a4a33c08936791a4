import { InfiniteData, QueryKey, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { api, Page } from './api';
import { keyOf } from './query';

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

/**
 * A list endpoint page by page, through the query cache (query.ts): the first page of `path`
 * (null = not yet), then `loadMore` appends the next. The items shown stay until a new first page
 * replaces them; a change elsewhere that invalidates the path loads the list anew.
 */
export function usePaged<T>(path: string | null): Paged<T> {
  const cache = useQueryClient();
  const queryKey = keyOf(path ?? '', 'paged');
  const query = useInfiniteQuery({
    queryKey,
    enabled: path !== null,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const separator = path!.includes('?') ? '&' : '?';
      return api.get<Page<T>>(pageParam ? `${path}${separator}cursor=${encodeURIComponent(pageParam)}` : path!);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
  const { fetchNextPage, refetch, hasNextPage, isFetchingNextPage } = query;
  const loadMore = useCallback(() => {
    // A page on its way: a second click before the button shows it must not append that page twice.
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [fetchNextPage, hasNextPage, isFetchingNextPage]);
  const reload = useCallback(() => void refetch(), [refetch]);
  const key = JSON.stringify(queryKey);
  const update = useCallback(
    (change: (items: T[]) => T[]) =>
      cache.setQueryData<InfiniteData<Page<T>, string | null>>(JSON.parse(key) as QueryKey, (data) => {
        if (!data) return data;
        // The change is made on all items at once, then they are put back page by page.
        const all = change(data.pages.flatMap((p) => p.items));
        let offset = 0;
        const pages = data.pages.map((p, i) => {
          const size = i === data.pages.length - 1 ? all.length - offset : p.items.length;
          const items = all.slice(offset, offset + size);
          offset += size;
          return { ...p, items };
        });
        return { ...data, pages };
      }),
    [cache, key],
  );
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);

  return {
    items: query.isError && !isFetchingNextPage && !query.data ? [] : items,
    error: query.error,
    loading: path !== null && (query.isPending || (query.isFetching && !isFetchingNextPage && query.isError)),
    loadingMore: isFetchingNextPage,
    hasMore: !!hasNextPage,
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
