import { Stack, Table, Text, Title } from '@mantine/core';
import { ProblemAlert } from '../components/ProblemAlert';
import { ShowMore } from '../components/ShowMore';
import { formatDateTime } from '../format';
import { texts } from '../texts';
import { Loading } from '../triage/components';
import { useAgencyNames } from '../triage/hooks';
import { describeEvent } from '../triage/timelineText';
import type { TimelineEvent } from '../triage/types';
import { client, data } from '../client';
import { keyOf, usePages } from '../query';
import type { PanelProps } from './CasePage';

const t = texts.triage.timeline;

/** Everything that happened in the case, oldest first, in words. */
export function TimelinePanel({ caseId }: PanelProps) {
  const events = usePages(keyOf(`/api/v1/cases/${caseId}/timeline`), async (cursor) => {
    const page = await data(
      client.GET('/api/v1/cases/{id}/timeline', { params: { path: { id: caseId }, query: { limit: 100, cursor } } }),
    );
    // The events' data is a free JSON object in the OpenAPI document.
    return page as { items: TimelineEvent[]; nextCursor: string | null };
  });
  const agencyNames = useAgencyNames(caseId);

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t.heading}
      </Title>
      {events.loading ? (
        <Loading />
      ) : events.error ? (
        <ProblemAlert error={events.error} />
      ) : events.items.length === 0 ? (
        <Text>{t.empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="timeline-table">
            <Table.Caption>{t.caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={160}>
                  {t.columns.at}
                </Table.Th>
                <Table.Th scope="col">{t.columns.event}</Table.Th>
                <Table.Th scope="col">{t.columns.who}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.items.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td>
                    <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                  </Table.Td>
                  <Table.Td>{describeEvent(event, agencyNames)}</Table.Td>
                  <Table.Td>
                    {event.actor ? t.actor(event.actor.displayName, event.agency?.name ?? null) : t.system}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ShowMore list={events} justify="center" />
    </Stack>
  );
}
