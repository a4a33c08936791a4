import { Anchor, Badge, Select, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router-dom';
import { Page } from '../components/Page';
import { PagedTable } from '../components/PagedTable';
import { formatDate, formatPercent } from '../format';
import { texts } from '../texts';
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
      <PagedTable
        list={flags}
        empty={filter === 'new' ? t.flags.emptyNew : t.flags.empty}
        caption={t.flags.caption(flags.items.length, flags.hasMore)}
        testId="flags-table"
        minWidth={720}
        rowKey={(flag) => flag.id}
        columns={[
          {
            header: t.flags.columns.pupil,
            cell: (flag) => (
              <Anchor component={Link} to={`/anmalningar/${flag.id}`} aria-label={t.flags.open(pupilName(flag))}>
                {pupilName(flag)}
              </Anchor>
            ),
          },
          { header: t.flags.columns.className, cell: (flag) => flag.className },
          { header: t.flags.columns.createdAt, cell: (flag) => formatDate(flag.createdAt) },
          { header: t.flags.columns.createdBy, cell: (flag) => flag.createdBy.displayName },
          {
            header: t.flags.columns.absence,
            cell: (flag) => formatPercent(snapshotOf(flag).figures.absencePercent, true),
          },
          { header: t.flags.columns.rules, cell: (flag) => snapshotOf(flag).rulesHit.length },
          {
            header: t.flags.columns.status,
            cell: (flag) => (
              <Badge variant="light" color={flag.status === 'new' ? 'blue' : 'gray'}>
                {t.flagStatus[flag.status]}
              </Badge>
            ),
          },
        ]}
      />
    </Page>
  );
}
