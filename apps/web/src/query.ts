import { QueryClient, useInfiniteQuery, useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ApiError } from './api';

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

/** A list endpoint (`{ items, nextCursor }`) page by page through the cache; `loadMore` appends the next page. */
export function usePages<T>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | null }>,
  enabled = true,
) {
  const query = useInfiniteQuery({
    queryKey,
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  return {
    items,
    isPending: enabled && query.isPending,
    error: query.error,
    hasMore: !!query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => {
      if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
    },
  };
}
