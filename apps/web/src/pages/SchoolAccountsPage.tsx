import { Badge, Stack, Table, Text } from '@mantine/core';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/ProblemAlert';
import { ShowMore } from '../components/ShowMore';
import { formatDateTime } from '../format';
import { client, data } from '../client';
import { keyOf, usePages } from '../query';
import { useSession } from '../session';
import { texts } from '../texts';
import { Loading } from '../triage/components';

const t = texts.common.accounts;
const roleNames = (roles: string[]) => roles.map((role) => texts.common.roles[role] ?? role).join(', ');

/** The principal's view of who holds accounts at the school and who gave them their roles. */
export function SchoolAccountsPage() {
  const { me } = useSession();
  const schoolId = me?.agency.id ?? '';
  const accounts = usePages(
    keyOf(`/api/v1/schools/${schoolId}/accounts`),
    (cursor) =>
      data(
        client.GET('/api/v1/schools/{id}/accounts', {
          params: { path: { id: schoolId }, query: { limit: 100, cursor } },
        }),
      ),
    !!me,
  );

  return (
    <Page title={t.title}>
      <Text>{t.intro}</Text>
      <ProblemAlert error={accounts.error} />
      {accounts.loading ? (
        <Loading />
      ) : accounts.items.length === 0 && !accounts.error ? (
        <Text>{t.empty}</Text>
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={720}>
            <Table striped data-testid="accounts-table">
              <Table.Caption>{t.caption(accounts.items.length, accounts.hasMore)}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.columns.name}</Table.Th>
                  <Table.Th scope="col">{t.columns.username}</Table.Th>
                  <Table.Th scope="col">{t.columns.roles}</Table.Th>
                  <Table.Th scope="col">{t.columns.active}</Table.Th>
                  <Table.Th scope="col">{t.columns.latestGrant}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {accounts.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Th scope="row" fw={500}>
                      {a.displayName}
                    </Table.Th>
                    <Table.Td>{a.username}</Table.Td>
                    <Table.Td>{roleNames(a.roles)}</Table.Td>
                    <Table.Td>
                      {a.active ? (
                        texts.common.yes
                      ) : (
                        <Badge color="gray.7" variant="outline">
                          {t.inactive}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {a.latestGrant
                        ? t.grant(
                            formatDateTime(a.latestGrant.at),
                            a.latestGrant.byDisplayName ?? t.unknownAdmin,
                            roleNames(a.latestGrant.rolesBefore),
                            roleNames(a.latestGrant.rolesAfter),
                          )
                        : t.noGrant}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ShowMore list={accounts} justify="center" />
        </Stack>
      )}
    </Page>
  );
}
