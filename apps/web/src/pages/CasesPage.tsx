import { Anchor, Select, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router-dom';
import { Page } from '../components/Page';
import { PagedTable } from '../components/PagedTable';
import { formatDate } from '../format';
import { texts } from '../texts';
import { CaseStatusBadge } from '../triage/components';
import { pupilName } from '../triage/hooks';
import { CASE_STATUSES } from '../api-types';
import { client, data } from '../client';
import { keyOf, usePages } from '../query';

const t = texts.triage;
const STATUSES = CASE_STATUSES;

/** The cases the caller may see: the API scopes the list (school, or agency with consent). */
export function CasesPage() {
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status')) ?? null;
  const cases = usePages(keyOf('/api/v1/cases', status), (cursor) =>
    data(client.GET('/api/v1/cases', { params: { query: { status: status ?? undefined, cursor } } })),
  );

  return (
    <Page title={t.cases.title}>
      <Text>{t.cases.intro}</Text>
      <Select
        label={t.cases.filterLabel}
        data={[
          { value: 'all', label: t.cases.allStatuses },
          ...STATUSES.map((value) => ({ value, label: t.caseStatus[value] })),
        ]}
        value={status ?? 'all'}
        onChange={(value) => setParams(value && value !== 'all' ? { status: value } : {}, { replace: true })}
        allowDeselect={false}
        w={220}
      />
      <PagedTable
        list={cases}
        empty={t.cases.empty}
        caption={t.cases.caption(cases.items.length, cases.hasMore)}
        testId="cases-table"
        minWidth={720}
        rowKey={(c) => c.id}
        columns={[
          {
            header: t.cases.columns.reference,
            cell: (c) => (
              <Anchor component={Link} to={`/arenden/${c.id}`}>
                {c.reference}
              </Anchor>
            ),
          },
          {
            header: t.cases.columns.pupil,
            cell: (c) =>
              c.pupil ? (
                `${pupilName(c.pupil)}, ${c.pupil.className}`
              ) : (
                <Text span c="dimmed" size="sm">
                  {t.cases.pupilHidden}
                </Text>
              ),
          },
          { header: t.cases.columns.status, cell: (c) => <CaseStatusBadge status={c.status} /> },
          { header: t.cases.columns.school, cell: (c) => c.schoolName },
          { header: t.cases.columns.coordinator, cell: (c) => c.coordinator.displayName },
          { header: t.cases.columns.openedAt, cell: (c) => formatDate(c.openedAt) },
        ]}
      />
    </Page>
  );
}
