import { Anchor, Box, Group, List, Loader, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/ProblemAlert';
import { ShowMore } from '../components/ShowMore';
import { formatPercent } from '../format';
import { ruleHitText } from '../pupils/ruleWords';
import { client, data } from '../client';
import { keyOf, usePages } from '../query';
import { useSession } from '../session';
import { texts } from '../texts';

const t = texts.pupils.watchlist;
const SORTS = ['absence', 'rules', 'name'] as const;

/** /bevakning — the caller's school's watch list: who, how much absence, and why in words. */
export function WatchlistPage() {
  const { me } = useSession();
  const [sort, setSort] = useState<(typeof SORTS)[number]>('absence');
  const schoolId = me?.agency.type === 'school' ? me.agency.id : null;
  const list = usePages(
    keyOf(`/api/v1/schools/${schoolId}/watchlist`, sort),
    (cursor) =>
      data(
        client.GET('/api/v1/schools/{id}/watchlist', {
          params: { path: { id: schoolId! }, query: { sort, limit: 50, cursor } },
        }),
      ),
    schoolId !== null,
  );

  if (!schoolId)
    return (
      <Page title={t.title}>
        <Text>{texts.common.errors.forbidden}</Text>
      </Page>
    );
  return (
    <Page title={t.title}>
      <Text>{t.intro(me?.agency.name ?? '')}</Text>
      <Group align="end">
        <NativeSelect
          label={t.sort}
          value={sort}
          onChange={(event) => setSort(event.currentTarget.value as (typeof SORTS)[number])}
          data={SORTS.map((value) => ({ value, label: t.sortOptions[value] }))}
        />
      </Group>
      <ProblemAlert error={list.error} />
      {list.loading ? (
        <Loader aria-label={texts.common.loading} />
      ) : !list.error && list.items.length === 0 ? (
        <Text>{t.empty}</Text>
      ) : (
        list.items.length > 0 && (
          <Stack gap="sm">
            {/* No sideways scroll on a phone: below `sm` the class and the reasons go under the name. */}
            <Table.ScrollContainer minWidth={0} type="native">
              <Table
                striped
                withTableBorder
                captionSide="top"
                verticalSpacing="sm"
                data-testid="watchlist"
                // A long word ("Frånvaroutredning") breaks rather than widen the list past a phone's width.
                style={{ overflowWrap: 'anywhere' }}
              >
                <Table.Caption c="gray.8">{t.caption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t.columns.pupil}</Table.Th>
                    <Table.Th scope="col" visibleFrom="sm">
                      {t.columns.className}
                    </Table.Th>
                    <Table.Th scope="col">{t.columns.absence}</Table.Th>
                    <Table.Th scope="col" visibleFrom="sm">
                      {t.columns.reasons}
                    </Table.Th>
                    <Table.Th scope="col">{t.columns.status}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.items.map((pupil) => (
                    <Table.Tr key={pupil.studentId}>
                      <Table.Th scope="row" fw={400}>
                        <Anchor component={Link} to={`/elever/${pupil.studentId}`} fw={600}>
                          {pupil.firstName} {pupil.lastName}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {pupil.personnummerMasked}
                        </Text>
                        <Box hiddenFrom="sm" data-testid="watchlist-reasons-small">
                          <Text size="xs">{pupil.className}</Text>
                          <List size="sm" spacing={2}>
                            {pupil.rulesHit.map((hit) => (
                              <List.Item key={hit.rule}>{ruleHitText(hit)}</List.Item>
                            ))}
                          </List>
                        </Box>
                      </Table.Th>
                      <Table.Td visibleFrom="sm">{pupil.className}</Table.Td>
                      <Table.Td>
                        {t.absenceCell(
                          formatPercent(pupil.absencePercent, true),
                          formatPercent(pupil.invalidAbsencePercent, true),
                        )}
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        <List size="sm" spacing={2}>
                          {pupil.rulesHit.map((hit) => (
                            <List.Item key={hit.rule}>{ruleHitText(hit)}</List.Item>
                          ))}
                        </List>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={4} align="flex-start">
                          {pupil.case ? (
                            <Anchor component={Link} to={`/arenden/${pupil.case.id}`} size="sm" fw={600}>
                              {t.caseLink(pupil.case.reference, texts.common.caseStatus[pupil.case.status] ?? '')}
                            </Anchor>
                          ) : (
                            pupil.hasOpenCase && (
                              <Text size="sm" fw={600} c="teal.9">
                                {t.openCase}
                              </Text>
                            )
                          )}
                          {pupil.openFlag && (
                            <Text size="sm" fw={600} c="blue.9">
                              {t.openFlag}
                            </Text>
                          )}
                          {pupil.investigationStarted && (
                            <Text size="sm" fw={600} c="grape.9">
                              {t.investigation}
                            </Text>
                          )}
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="sm" aria-live="polite">
              {t.count(list.items.length, list.hasMore)}
            </Text>
            <ShowMore list={list} label={t.showMore} />
          </Stack>
        )
      )}
    </Page>
  );
}
