import { Anchor, Select, Stack, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router-dom';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/ProblemAlert';
import { ShowMore } from '../components/ShowMore';
import { formatDate } from '../format';
import { texts } from '../texts';
import { CaseStatusBadge, Loading } from '../triage/components';
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
      <ProblemAlert error={cases.error} />
      {cases.loading ? (
        <Loading />
      ) : cases.items.length === 0 && !cases.error ? (
        <Text>{t.cases.empty}</Text>
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover data-testid="cases-table">
              <Table.Caption>{t.cases.caption(cases.items.length, cases.hasMore)}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.cases.columns.reference}</Table.Th>
                  <Table.Th scope="col">{t.cases.columns.pupil}</Table.Th>
                  <Table.Th scope="col">{t.cases.columns.status}</Table.Th>
                  <Table.Th scope="col">{t.cases.columns.school}</Table.Th>
                  <Table.Th scope="col">{t.cases.columns.coordinator}</Table.Th>
                  <Table.Th scope="col">{t.cases.columns.openedAt}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cases.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} to={`/arenden/${c.id}`}>
                        {c.reference}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      {c.pupil ? (
                        `${pupilName(c.pupil)}, ${c.pupil.className}`
                      ) : (
                        <Text span c="dimmed" size="sm">
                          {t.cases.pupilHidden}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <CaseStatusBadge status={c.status} />
                    </Table.Td>
                    <Table.Td>{c.schoolName}</Table.Td>
                    <Table.Td>{c.coordinator.displayName}</Table.Td>
                    <Table.Td>{formatDate(c.openedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ShowMore list={cases} justify="center" />
        </Stack>
      )}
    </Page>
  );
}
