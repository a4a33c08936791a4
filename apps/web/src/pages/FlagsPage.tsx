import { Anchor, Badge, Select, Stack, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router-dom';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/ProblemAlert';
import { ShowMore } from '../components/ShowMore';
import { formatDate, formatPercent } from '../format';
import { texts } from '../texts';
import { Loading } from '../triage/components';
import { pupilName } from '../triage/hooks';
import { snapshotOf } from '../triage/types';
import { client, data } from '../client';
import { keyOf, usePages } from '../query';

const t = texts.triage;
const FILTERS = ['new', 'accepted', 'dismissed', 'all'] as const;

/** Elevhälsa's inbox: the school's flags, new ones first in the default view. */
export function FlagsPage() {
  const [params, setParams] = useSearchParams();
  const filter = FILTERS.find((f) => f === params.get('visa')) ?? 'new';
  const flags = usePages(keyOf('/api/v1/flags', filter), (cursor) =>
    data(client.GET('/api/v1/flags', { params: { query: { status: filter === 'all' ? undefined : filter, cursor } } })),
  );

  return (
    <Page title={t.flags.title}>
      <Text>{t.flags.intro}</Text>
      <Select
        label={t.flags.filterLabel}
        data={FILTERS.map((value) => ({ value, label: t.flags.filters[value] }))}
        value={filter}
        onChange={(value) => setParams(value && value !== 'new' ? { visa: value } : {}, { replace: true })}
        allowDeselect={false}
        w={260}
      />
      <ProblemAlert error={flags.error} />
      {flags.loading ? (
        <Loading />
      ) : flags.items.length === 0 && !flags.error ? (
        <Text>{filter === 'new' ? t.flags.emptyNew : t.flags.empty}</Text>
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover data-testid="flags-table">
              <Table.Caption>{t.flags.caption(flags.items.length, flags.hasMore)}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.flags.columns.pupil}</Table.Th>
                  <Table.Th scope="col">{t.flags.columns.className}</Table.Th>
                  <Table.Th scope="col">{t.flags.columns.createdAt}</Table.Th>
                  <Table.Th scope="col">{t.flags.columns.createdBy}</Table.Th>
                  <Table.Th scope="col">{t.flags.columns.absence}</Table.Th>
                  <Table.Th scope="col">{t.flags.columns.rules}</Table.Th>
                  <Table.Th scope="col">{t.flags.columns.status}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {flags.items.map((flag) => (
                  <Table.Tr key={flag.id}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor
                        component={Link}
                        to={`/anmalningar/${flag.id}`}
                        aria-label={t.flags.open(pupilName(flag))}
                      >
                        {pupilName(flag)}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{flag.className}</Table.Td>
                    <Table.Td>{formatDate(flag.createdAt)}</Table.Td>
                    <Table.Td>{flag.createdBy.displayName}</Table.Td>
                    <Table.Td>{formatPercent(snapshotOf(flag).figures.absencePercent, true)}</Table.Td>
                    <Table.Td>{snapshotOf(flag).rulesHit.length}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={flag.status === 'new' ? 'blue' : 'gray'}>
                        {t.flagStatus[flag.status]}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ShowMore list={flags} justify="center" />
        </Stack>
      )}
    </Page>
  );
}
