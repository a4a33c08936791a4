import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { client, data } from '../client';
import { keyOf } from '../query';
import { useSession } from '../session';

/** A query's answer as the case panels read it: `loading` until the first answer, `reload` to ask again. */
export function loaded<T>(query: UseQueryResult<T>) {
  return {
    data: query.data,
    error: query.error,
    loading: (query.isPending && query.fetchStatus !== 'idle') || (query.isFetching && query.isError),
    reload: () => void query.refetch(),
  };
}

/** The case as the caller may see it (status, allowed transitions, visible scopes). */
export function useCase(caseId: string) {
  return loaded(
    useQuery({
      queryKey: keyOf(`/api/v1/cases/${caseId}`),
      queryFn: () => data(client.GET('/api/v1/cases/{id}', { params: { path: { id: caseId } } })),
      enabled: !!caseId,
    }),
  );
}

/** True when the caller coordinates cases (elevhälsa): the API still decides each change. */
export function useCanCoordinate(): boolean {
  return useSession().hasRole('elevhalsa');
}

/** The agencies elevhälsa may invite or record consent for (`GET /partner-agencies`). */
export function usePartnerAgencies(enabled: boolean) {
  const query = useQuery({
    queryKey: keyOf('/api/v1/partner-agencies'),
    queryFn: () => data(client.GET('/api/v1/partner-agencies', { params: { query: { limit: 500 } } })),
    enabled,
  });
  return { ...loaded(query), loading: enabled && query.isPending };
}

/** The case's invitations (mobiliseringar) as the caller may see them. */
export function useCaseMobilisations(caseId: string) {
  return loaded(
    useQuery({
      queryKey: keyOf(`/api/v1/cases/${caseId}/mobilisations`),
      queryFn: () => data(client.GET('/api/v1/cases/{id}/mobilisations', { params: { path: { id: caseId } } })),
    }),
  );
}

/**
 * Names of the agencies a case's events speak of, from what the caller may read: the case's
 * invitations and, for elevhälsa, every partner agency.
 */
export function useAgencyNames(caseId: string): Map<string, string> {
  const coordinator = useCanCoordinate();
  const mobilisations = useCaseMobilisations(caseId);
  const partners = usePartnerAgencies(coordinator);
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const agency of partners.data?.items ?? []) names.set(agency.id, agency.name);
    for (const m of mobilisations.data?.items ?? []) {
      names.set(m.agency.id, m.agency.name);
      names.set(m.school.id, m.school.name);
    }
    return names;
  }, [mobilisations.data, partners.data]);
}

export const pupilName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;
