import {
  Badge,
  Button,
  CloseButton,
  Group,
  Paper,
  NativeSelect,
  SimpleGrid,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/ProblemAlert';
import { QueryState } from '../components/QueryState';
import { formatDateTime } from '../format';
import { keyOf, useApiMutation, usePages } from '../query';
import { texts } from '../texts';

const t = texts.screens.accessLog;
type Search = Schemas['AccessLogSearchDto'];
type Item = Schemas['AccessLogSearchItem'];

/** A date (åååå-mm-dd) as the instant its day starts in the browser's time zone; `nextDay` for "to and with". */
function dayStart(date: string, nextDay = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d + (nextDay ? 1 : 0)).toISOString();
}

interface Picked {
  id: string;
  name: string;
}

/** The auditor's access log: filters (a pupil by personnummer, sent in the body), pages, CSV export. */
export function AccessLogPage() {
  const [personnummer, setPersonnummer] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const [user, setUser] = useState<Picked | null>(null);
  const [agency, setAgency] = useState<Picked | null>(null);
  const [search, setSearch] = useState<Search>({ limit: 50 });

  const filter = (over: { user?: Picked | null; agency?: Picked | null } = {}): Search => {
    const u = over.user !== undefined ? over.user : user;
    const a = over.agency !== undefined ? over.agency : agency;
    return {
      limit: 50,
      ...(personnummer.trim() ? { personnummer: personnummer.trim() } : {}),
      ...(action.trim() ? { action: action.trim() } : {}),
      ...(dayStart(from) ? { from: dayStart(from) } : {}),
      ...(dayStart(to, true) ? { to: dayStart(to, true) } : {}),
      ...(outcome ? { outcome: outcome as Search['outcome'] } : {}),
      ...(u ? { userId: u.id } : {}),
      ...(a ? { agencyId: a.id } : {}),
    };
  };

  const log = usePages<Item>(keyOf('/api/v1/access-log/search', search), (cursor) =>
    data(client.POST('/api/v1/access-log/search', { body: { ...search, ...(cursor ? { cursor } : {}) } })),
  );
  const items = log.items;
  const errors = formErrors(log.error);

  const pick = (next: { user?: Picked | null; agency?: Picked | null }) => {
    if (next.user !== undefined) setUser(next.user);
    if (next.agency !== undefined) setAgency(next.agency);
    setSearch(filter(next));
  };

  // The filtered selection as CSV (the same search, every page), saved as a file.
  const exporting = useApiMutation({
    // The CSV is the whole selection (at most 10 000 entries): the page size does not apply to it.
    mutationFn: async (body: Search) => {
      const csv = await data(
        client.POST('/api/v1/access-log/search', { body, headers: { Accept: 'text/csv' }, parseAs: 'blob' }),
      );
      const url = URL.createObjectURL(csv);
      const link = document.createElement('a');
      link.href = url;
      link.download = 'atkomstlogg.csv';
      document.body.appendChild(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
    },
  });

  return (
    <Page title={t.title}>
      <Text>{t.intro}</Text>
      <Paper withBorder p="md" component="section" aria-labelledby="filter-title">
        <Title order={2} size="h3" id="filter-title" mb="sm">
          {t.filters}
        </Title>
        <ApiForm
          onSubmit={() => setSearch(filter())}
          pending={log.isPending}
          error={null}
          fields={[]}
          submitLabel={t.search}
          extraActions={
            <Button variant="default" loading={exporting.isPending} onClick={() => exporting.mutate(search)}>
              {t.exportCsv}
            </Button>
          }
        >
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <TextInput
              label={t.personnummer}
              description={t.personnummerHint}
              value={personnummer}
              onChange={(e) => setPersonnummer(e.currentTarget.value)}
              error={errors.errorOf('personnummer')}
              autoComplete="off"
              maxLength={20}
            />
            <TextInput
              label={t.action}
              description={t.actionHint}
              value={action}
              onChange={(e) => setAction(e.currentTarget.value)}
              error={errors.errorOf('action')}
              maxLength={100}
            />
            <NativeSelect
              label={t.outcome}
              data={[
                { value: '', label: t.anyOutcome },
                { value: 'allowed', label: t.outcomes.allowed },
                { value: 'denied', label: t.outcomes.denied },
              ]}
              value={outcome ?? ''}
              onChange={(e) => setOutcome(e.currentTarget.value || null)}
            />
            <TextInput
              label={t.from}
              type="date"
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              error={errors.errorOf('from')}
            />
            <TextInput
              label={t.to}
              type="date"
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              error={errors.errorOf('to')}
            />
          </SimpleGrid>
          {(user || agency) && (
            <Group gap="xs">
              {user && (
                <Badge
                  variant="outline"
                  rightSection={
                    <CloseButton
                      size="xs"
                      aria-label={`${t.user}: ${user.name} – ta bort`}
                      onClick={() => pick({ user: null })}
                    />
                  }
                >
                  {t.user}: {user.name}
                </Badge>
              )}
              {agency && (
                <Badge
                  variant="outline"
                  rightSection={
                    <CloseButton
                      size="xs"
                      aria-label={`${t.agency}: ${agency.name} – ta bort`}
                      onClick={() => pick({ agency: null })}
                    />
                  }
                >
                  {t.agency}: {agency.name}
                </Badge>
              )}
            </Group>
          )}
        </ApiForm>
        {exporting.isSuccess && (
          <Text role="status" mt="xs">
            {t.exported}
          </Text>
        )}
        <ProblemAlert error={exporting.error} />
      </Paper>
      <QueryState query={log} empty={t.empty} isEmpty={items.length === 0}>
        <Table.ScrollContainer minWidth={900}>
          <Table striped data-testid="access-log-table">
            <Table.Caption>{t.caption(items.length, log.hasMore)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.columns.at}</Table.Th>
                <Table.Th scope="col">{t.columns.user}</Table.Th>
                <Table.Th scope="col">{t.columns.agency}</Table.Th>
                <Table.Th scope="col">{t.columns.action}</Table.Th>
                <Table.Th scope="col">{t.columns.subject}</Table.Th>
                <Table.Th scope="col">{t.columns.outcome}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item: Item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{formatDateTime(item.at)}</Table.Td>
                  <Table.Td>
                    {item.userId ? (
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        onClick={() => pick({ user: { id: item.userId!, name: item.userDisplayName ?? item.userId! } })}
                      >
                        {item.userDisplayName ?? t.unknownUser}
                      </Button>
                    ) : (
                      t.unknownUser
                    )}
                  </Table.Td>
                  <Table.Td>
                    {item.agencyId ? (
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        onClick={() =>
                          pick({ agency: { id: item.agencyId!, name: item.agencyName ?? item.agencyId! } })
                        }
                      >
                        {item.agencyName ?? '–'}
                      </Button>
                    ) : (
                      '–'
                    )}
                  </Table.Td>
                  <Table.Td>{item.action}</Table.Td>
                  <Table.Td>{t.subject(item.subjectType, item.subjectIds.length)}</Table.Td>
                  <Table.Td>
                    {item.outcome === 'denied' ? (
                      <Badge color="red" variant="light">
                        {t.outcomes.denied}
                      </Badge>
                    ) : (
                      t.outcomes.allowed
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {log.hasMore && (
          <Group justify="center">
            <Button variant="default" loading={log.loadingMore} onClick={log.loadMore}>
              {texts.common.showMore}
            </Button>
          </Group>
        )}
      </QueryState>
    </Page>
  );
}
