import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { client, dataWithEtag } from '../client';
import { ApiError } from '../problem';
import { keyOf } from '../query';
import type { Plan } from './types';

export interface LoadedPlan {
  plan: Plan | null;
  /** The ETag of the version shown: every change sends it as If-Match. */
  etag: string | null;
  /** True when the case has no plan yet (the case itself is known to exist). */
  missing: boolean;
  error: unknown;
  loading: boolean;
  /** Loads the plan again; resolves to what was loaded (null: none, or an error shown instead). */
  reload(): Promise<{ plan: Plan; etag: string } | null>;
  /** After a change: the API answers with the new plan and its ETag, put into the cache. */
  replace(plan: Plan, etag: string | null): void;
}

type Cached = { plan: Plan; etag: string } | { plan: null; etag: null };

/** The cache key of a case's plan (a change to it invalidates this path). */
export const planPath = (caseId: string) => `/api/v1/cases/${caseId}/plan`;

/** The plan of a case with its ETag (null = not yet), from the query cache. A 404 means "no plan yet" once the case loaded. */
export function usePlan(caseId: string | null): LoadedPlan {
  const cache = useQueryClient();
  const key = keyOf(planPath(caseId ?? ''));
  const query = useQuery({
    queryKey: key,
    enabled: caseId !== null,
    queryFn: async (): Promise<Cached> => {
      try {
        const { data: plan, etag } = await dataWithEtag(
          client.GET('/api/v1/cases/{id}/plan', { params: { path: { id: caseId! } } }),
        );
        return { plan, etag: etag ?? `"${plan.version}"` };
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return { plan: null, etag: null };
        throw error;
      }
    },
  });
  const { refetch } = query;

  const reload = useCallback(async () => {
    const result = await refetch();
    return !result.isError && result.data?.plan ? result.data : null;
  }, [refetch]);

  const keyText = JSON.stringify(key);
  const replace = useCallback(
    (plan: Plan, etag: string | null) =>
      cache.setQueryData<Cached>(JSON.parse(keyText) as unknown[], { plan, etag: etag ?? `"${plan.version}"` }),
    [cache, keyText],
  );

  const cached = query.isError ? undefined : query.data;
  return {
    plan: cached?.plan ?? null,
    etag: cached?.etag ?? null,
    missing: !!cached && cached.plan === null,
    error: query.error,
    loading: caseId !== null && (query.isPending || query.isFetching),
    reload,
    replace,
  };
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}
