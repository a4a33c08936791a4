import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api';
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
  /** After a change: the API answers with the new plan and its ETag. */
  replace(plan: Plan, etag: string | null): void;
}

/** The plan of a case with its ETag (null path = not yet). A 404 means "no plan yet" once the case loaded. */
export function usePlan(caseId: string | null): LoadedPlan {
  const [state, setState] = useState<{
    plan: Plan | null;
    etag: string | null;
    missing: boolean;
    error: unknown;
    loading: boolean;
  }>({ plan: null, etag: null, missing: false, error: null, loading: caseId !== null });

  const load = useCallback(async (): Promise<{ plan: Plan; etag: string } | null> => {
    if (caseId === null) return null;
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const response = await api.send<Plan>('GET', `/cases/${caseId}/plan`);
      const etag = response.etag ?? `"${response.data.version}"`;
      setState({ plan: response.data, etag, missing: false, error: null, loading: false });
      return { plan: response.data, etag };
    } catch (error) {
      const missing = error instanceof ApiError && error.status === 404;
      setState({ plan: null, etag: null, missing, error: missing ? null : error, loading: false });
      return null;
    }
  }, [caseId]);

  useEffect(() => {
    void load();
  }, [load]);

  const replace = useCallback((plan: Plan, etag: string | null) => {
    setState({ plan, etag: etag ?? `"${plan.version}"`, missing: false, error: null, loading: false });
  }, []);

  return { ...state, reload: load, replace };
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}
