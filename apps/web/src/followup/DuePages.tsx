import { Anchor, Badge, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { client, data, Schemas } from '../client';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { formatDate, todayIso } from '../format';
import { keyOf, usePages } from '../query';
import { texts } from '../texts';
import { FollowUpForm } from './forms';

const t = texts.followUp;
/** Where a case's reviews and follow-ups are recorded: its tab "Uppföljning". */
const caseTab = (caseId: string) => `/arenden/${caseId}?flik=uppfoljning`;

function MorePages({ list }: { list: { hasMore: boolean; loadingMore: boolean; loadMore(): void } }) {
  return list.hasMore ? (
    <Group justify="center">
      <Button variant="default" loading={list.loadingMore} onClick={list.loadMore}>
        {texts.common.showMore}
      </Button>
    </Group>
  ) : null;
}

/** Elevhälsa's reviews due: plan review dates of the school's cases without a review yet. */
export function ReviewsDuePage() {
  const list = usePages(keyOf('/api/v1/reviews/due'), (cursor) =>
    data(client.GET('/api/v1/reviews/due', { params: { query: { cursor, limit: 100 } } })),
  );
  const today = todayIso();
  const c = t.reviews.columns;
  return (
    <Page title={t.reviews.dueTitle}>
      <Text>{t.reviews.dueIntro}</Text>
      <QueryState query={list} empty={t.reviews.dueEmpty} isEmpty={list.items.length === 0}>
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="reviews-due">
            <Table.Caption>{t.reviews.caption(list.items.length, list.hasMore)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{c.pupil}</Table.Th>
                <Table.Th scope="col">{c.className}</Table.Th>
                <Table.Th scope="col">{c.case}</Table.Th>
                <Table.Th scope="col">{c.date}</Table.Th>
                <Table.Th scope="col">{c.last}</Table.Th>
                <Table.Th scope="col">{c.coordinator}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((item) => (
                <Table.Tr key={`${item.caseId}/${item.reviewDate}`}>
                  <Table.Th scope="row" fw={500}>
                    {item.firstName} {item.lastName}
                  </Table.Th>
                  <Table.Td>{item.className}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={caseTab(item.caseId)}>
                      {item.reference}
                    </Anchor>{' '}
                    <Text span size="sm">
                      ({texts.common.caseStatus[item.status] ?? item.status})
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {formatDate(item.reviewDate)}{' '}
                    {item.reviewDate < today && (
                      <Badge color="red" variant="light">
                        {t.reviews.overdue}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{item.lastReviewedOn ? formatDate(item.lastReviewedOn) : t.reviews.none}</Table.Td>
                  <Table.Td>{item.coordinator}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <MorePages list={list} />
      </QueryState>
    </Page>
  );
}

/** Elevhälsa's follow-ups due 6 and 18 months after closure, and recording one with its outcome. */
export function FollowUpsDuePage() {
  const [recording, setRecording] = useState<Schemas['FollowUpDueDto'] | null>(null);
  const list = usePages(keyOf('/api/v1/follow-ups/due'), (cursor) =>
    data(client.GET('/api/v1/follow-ups/due', { params: { query: { cursor, limit: 100 } } })),
  );
  const today = todayIso();
  const c = t.followUps.columns;
  return (
    <Page title={t.followUps.dueTitle}>
      <Text>{t.followUps.dueIntro}</Text>
      <QueryState query={list} empty={t.followUps.dueEmpty} isEmpty={list.items.length === 0}>
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="follow-ups-due">
            <Table.Caption>{t.followUps.caption(list.items.length, list.hasMore)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{c.pupil}</Table.Th>
                <Table.Th scope="col">{c.case}</Table.Th>
                <Table.Th scope="col">{c.which}</Table.Th>
                <Table.Th scope="col">{c.due}</Table.Th>
                <Table.Th scope="col">{c.action}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((item) => {
                const pupil = `${item.firstName} ${item.lastName}`;
                return (
                  <Table.Tr key={item.followUpId}>
                    <Table.Th scope="row" fw={500}>
                      {pupil}{' '}
                      <Text span size="sm">
                        ({item.className})
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      <Anchor component={Link} to={caseTab(item.caseId)}>
                        {item.reference}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t.followUps.months(item.months)}</Table.Td>
                    <Table.Td>
                      {formatDate(item.dueOn)}{' '}
                      {item.dueOn < today && (
                        <Badge color="red" variant="light">
                          {t.followUps.overdue}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {item.recordableFrom <= today ? (
                        <Button
                          size="xs"
                          aria-label={t.followUps.recordLabel(item.months, pupil)}
                          onClick={() => setRecording(item)}
                        >
                          {t.followUps.record}
                        </Button>
                      ) : (
                        <Text size="sm">{t.followUps.notYet(formatDate(item.recordableFrom))}</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <MorePages list={list} />
      </QueryState>
      {recording && (
        <Modal
          opened
          onClose={() => setRecording(null)}
          closeButtonProps={{ 'aria-label': texts.common.close }}
          title={`${t.followUps.form.title(recording.months)} – ${recording.firstName} ${recording.lastName}`}
        >
          <FollowUpForm caseId={recording.caseId} months={recording.months} onSaved={() => setRecording(null)} />
        </Modal>
      )}
    </Page>
  );
}
