import {
  InfiniteData,
  QueryClient,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { ApiError } from './problem';

/**
 * The one cache of server data. A query's key starts with the API path it reads (without its
 * query string, e.g. `/api/v1/users`), so a change invalidates every view of that path and the
 * paths under it at once: `useApiMutation({ invalidates: ['/api/v1/users'] })`.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // The server's answer is the truth: a refused or missing object is not asked for again.
      retry: (failures, error) => failures < 1 && (!(error instanceof ApiError) || error.status === 0),
      refetchOnWindowFocus: false,
      staleTime: 0,
    },
    mutations: { retry: false },
  },
});

/** The cache key of an API path (with or without the /api/v1 prefix and query string). */
export function keyOf(path: string, ...rest: unknown[]): QueryKey {
  const bare = path.split('?')[0];
  return [bare.startsWith('/api/') ? bare : `/api/v1${bare}`, path, ...rest];
}

/**
 * A change sent to the API: `mutate`/`mutateAsync`, `isPending` while it is on its way, `error`
 * (ApiError) when refused; on success the queries under `invalidates` (path prefixes) load anew.
 */
export function useApiMutation<TVariables, TData = unknown>(options: {
  mutationFn: (variables: TVariables) => Promise<TData>;
  invalidates?: string[];
  onSuccess?: (data: TData, variables: TVariables) => void;
}) {
  const cache = useQueryClient();
  return useMutation<TData, unknown, TVariables>({
    mutationFn: options.mutationFn,
    onSuccess: async (result, variables) => {
      await Promise.all(
        (options.invalidates ?? []).map((path) => {
          const prefix = keyOf(path)[0] as string;
          return cache.invalidateQueries({
            predicate: ({ queryKey: [first] }) =>
              typeof first === 'string' && (first === prefix || first.startsWith(`${prefix}/`)),
          });
        }),
      );
      options.onSuccess?.(result, variables);
    },
  });
}

/** A list endpoint read page by page (usePages). */
export interface Paged<T> {
  items: T[];
  error: unknown;
  /** The first page is on its way (a new key, or a reload after an error). */
  isPending: boolean;
  /** The same as isPending (older name). */
  loading: boolean;
  /** A next page is on its way. */
  loadingMore: boolean;
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
  /** Changes the loaded items in the cache, e.g. after one of them was answered or marked read. */
  update(change: (items: T[]) => T[]): void;
}

type PageOf<T> = { items: T[]; nextCursor?: string | null };

/**
 * A list endpoint (`{ items, nextCursor }`) page by page through the cache: the first page, then
 * `loadMore` appends the next. The items shown stay until a new first page replaces them; a
 * change that invalidates the key's path loads the list anew.
 */
export function usePages<T>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<PageOf<T>>,
  enabled = true,
): Paged<T> {
  const cache = useQueryClient();
  const query = useInfiniteQuery({
    queryKey,
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
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
      cache.setQueryData<InfiniteData<PageOf<T>, string | undefined>>(JSON.parse(key) as QueryKey, (data) => {
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
  const loading = enabled && (query.isPending || (query.isFetching && !isFetchingNextPage && query.isError));
  return {
    items: query.isError && !isFetchingNextPage && !query.data ? [] : items,
    error: query.error,
    isPending: loading,
    loading,
    loadingMore: isFetchingNextPage,
    hasMore: !!hasNextPage,
    loadMore,
    reload,
    update,
  };
}

/** Every page of a list endpoint (for counting), following nextCursor. */
export async function fetchAll<T>(fetchPage: (cursor: string | undefined) => Promise<PageOf<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
