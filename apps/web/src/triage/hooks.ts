import { useMemo } from 'react';
import { Page } from '../api';
import { useApi } from '../hooks';
import { useSession } from '../session';
import type { CaseDetail } from './types';
import type { AgencyRef, Mobilisation } from '../api-types';

/** The case as the caller may see it (status, allowed transitions, visible scopes). */
export function useCase(caseId: string) {
  return useApi<CaseDetail>(`/cases/${caseId}`);
}

/** True when the caller coordinates cases (elevhälsa): the API still decides each change. */
export function useCanCoordinate(): boolean {
  return useSession().hasRole('elevhalsa');
}

/** The agencies elevhälsa may invite or record consent for (`GET /partner-agencies`). */
export function usePartnerAgencies(enabled: boolean) {
  return useApi<Page<AgencyRef>>(enabled ? '/partner-agencies?limit=500' : null);
}

/**
 * Names of the agencies a case's events speak of, from what the caller may read: the case's
 * invitations and, for elevhälsa, every partner agency.
 */
export function useAgencyNames(caseId: string): Map<string, string> {
  const coordinator = useCanCoordinate();
  const mobilisations = useApi<Page<Mobilisation>>(`/cases/${caseId}/mobilisations`);
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
