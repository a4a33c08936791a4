import { Divider, Text } from '@mantine/core';
import { Page } from '../components/Page';
import { CasesByStatus } from '../pupils/CasesByStatus';
import { LeadTimes } from '../pupils/LeadTimes';
import { OutcomeStatsSection } from '../pupils/OutcomeStatsSection';
import { useSession } from '../session';
import { texts } from '../texts';

const t = texts.pupils.overview;

/** /oversikt — for the principal and elevhälsa: the school's cases by status, lead times and outcomes. */
export function OverviewPage() {
  const { me, hasRole } = useSession();
  const schoolId = me?.agency.type === 'school' ? me.agency.id : null;
  if (!schoolId || !hasRole('principal', 'elevhalsa'))
    return (
      <Page title={t.title}>
        <Text>{texts.common.errors.forbidden}</Text>
      </Page>
    );
  return (
    <Page title={t.title}>
      <Text>{t.intro(me?.agency.name ?? '')}</Text>
      <CasesByStatus />
      <Divider />
      <LeadTimes schoolId={schoolId} />
      <Divider />
      <OutcomeStatsSection schoolId={schoolId} />
    </Page>
  );
}
