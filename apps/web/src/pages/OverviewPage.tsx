import { Anchor, Divider, NativeSelect, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { client, data } from '../client';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { formatDate } from '../format';
import { LeadTimes } from '../pupils/LeadTimes';
import { Outcomes } from '../pupils/OutcomeStatsSection';
import { keyOf } from '../query';
import { useSession } from '../session';
import { texts } from '../texts';

const t = texts.pupils.overview;

/**
 * /oversikt — for the principal and elevhälsa: the school's figures for one term, all from the
 * statistics (GET /stats/outcomes), suppressed once by the server. No figure here is counted in
 * the browser: a count the page hid in one table must not come back exact (or by subtraction)
 * in another, so the page shows nothing beside the suppressed figures but a link to the cases.
 */
export function OverviewPage() {
  const { me, hasRole } = useSession();
  const schoolId = me?.agency.type === 'school' ? me.agency.id : null;
  const allowed = !!schoolId && hasRole('principal', 'elevhalsa');
  // Null: the API's default, the current term.
  const [term, setTerm] = useState<string | null>(null);
  const query = { schoolId: schoolId ?? undefined, ...(term ? { term } : {}) };
  const stats = useQuery({
    queryKey: keyOf('/api/v1/stats/outcomes', query),
    queryFn: () => data(client.GET('/api/v1/stats/outcomes', { params: { query } })),
    enabled: allowed,
    placeholderData: (previous) => previous,
  });
  if (!allowed)
    return (
      <Page title={t.title}>
        <Text>{texts.common.errors.forbidden}</Text>
      </Page>
    );
  const s = stats.data;
  return (
    <Page title={t.title}>
      <Text>{t.intro(me?.agency.name ?? '')}</Text>
      <Text size="sm">
        {t.casesLinkBefore}
        <Anchor component={Link} to="/arenden">
          {t.casesLink}
        </Anchor>
        .
      </Text>
      {s && (
        <NativeSelect
          label={t.outcomes.term}
          maw={420}
          value={s.term}
          onChange={(e) => setTerm(e.currentTarget.value)}
          data={s.terms.map((option) => ({
            value: option.term,
            label: t.outcomes.termOption(
              t.outcomes.termName(option.term),
              formatDate(option.from),
              formatDate(option.to),
            ),
          }))}
        />
      )}
      <QueryState query={stats} empty="" isEmpty={false}>
        {s && (
          <>
            <Text size="sm" data-testid="overview-term">
              {t.outcomes.intro(t.outcomes.termName(s.term), formatDate(s.from), formatDate(s.to))}
            </Text>
            <Outcomes stats={s} part="cases" />
            <Divider />
            <LeadTimes stats={s} />
            <Divider />
            <Outcomes stats={s} part="results" />
          </>
        )}
      </QueryState>
    </Page>
  );
}
