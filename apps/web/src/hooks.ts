import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from './api';
import { keyOf } from './query';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * GETs `path` (null = not yet) through the query cache (query.ts); `reload` fetches again after a
 * change. New screens use `useQuery` with the generated client (client.ts) directly.
 */
export function useApi<T>(path: string | null): Loaded<T> {
  const query = useQuery({
    queryKey: keyOf(path ?? '', 'get'),
    queryFn: () => api.get<T>(path!),
    enabled: path !== null,
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return {
    data: query.data,
    error: query.error,
    loading: path !== null && (query.isPending || (query.isFetching && query.isError)),
    reload,
  };
}
