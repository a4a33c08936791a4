import { Anchor, Badge, Button, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { client, data, Schemas } from '../client';
import { Page } from '../components/Page';
import { PagedTable } from '../components/PagedTable';
import { formatDate, todayIso } from '../format';
import { keyOf, usePages } from '../query';
import { texts } from '../texts';
import { FollowUpForm } from './forms';

const t = texts.followUp;
/** Where a case's reviews and follow-ups are recorded: its tab "Uppföljning". */
const caseTab = (caseId: string) => `/arenden/${caseId}?flik=uppfoljning`;

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
      <PagedTable
        list={list}
        empty={t.reviews.dueEmpty}
        caption={t.reviews.caption(list.items.length, list.hasMore)}
        testId="reviews-due"
        minWidth={760}
        rowKey={(item) => `${item.caseId}/${item.reviewDate}`}
        columns={[
          { header: c.pupil, cell: (item) => `${item.firstName} ${item.lastName}` },
          { header: c.className, cell: (item) => item.className },
          {
            header: c.case,
            cell: (item) => (
              <>
                <Anchor component={Link} to={caseTab(item.caseId)}>
                  {item.reference}
                </Anchor>{' '}
                <Text span size="sm">
                  ({texts.common.caseStatus[item.status] ?? item.status})
                </Text>
              </>
            ),
          },
          {
            header: c.date,
            cell: (item) => (
              <>
                {formatDate(item.reviewDate)}{' '}
                {item.reviewDate < today && (
                  <Badge color="red" variant="light">
                    {t.reviews.overdue}
                  </Badge>
                )}
              </>
            ),
          },
          {
            header: c.last,
            cell: (item) => (item.lastReviewedOn ? formatDate(item.lastReviewedOn) : t.reviews.none),
          },
          { header: c.coordinator, cell: (item) => item.coordinator },
        ]}
      />
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
      <PagedTable
        list={list}
        empty={t.followUps.dueEmpty}
        caption={t.followUps.caption(list.items.length, list.hasMore)}
        testId="follow-ups-due"
        minWidth={760}
        rowKey={(item) => item.followUpId}
        columns={[
          {
            header: c.pupil,
            cell: (item) => (
              <>
                {item.firstName} {item.lastName}{' '}
                <Text span size="sm">
                  ({item.className})
                </Text>
              </>
            ),
          },
          {
            header: c.case,
            cell: (item) => (
              <Anchor component={Link} to={caseTab(item.caseId)}>
                {item.reference}
              </Anchor>
            ),
          },
          { header: c.which, cell: (item) => t.followUps.months(item.months) },
          {
            header: c.due,
            cell: (item) => (
              <>
                {formatDate(item.dueOn)}{' '}
                {item.dueOn < today && (
                  <Badge color="red" variant="light">
                    {t.followUps.overdue}
                  </Badge>
                )}
              </>
            ),
          },
          {
            header: c.action,
            cell: (item) =>
              item.recordableFrom <= today ? (
                <Button
                  size="xs"
                  aria-label={t.followUps.recordLabel(item.months, `${item.firstName} ${item.lastName}`)}
                  onClick={() => setRecording(item)}
                >
                  {t.followUps.record}
                </Button>
              ) : (
                <Text size="sm">{t.followUps.notYet(formatDate(item.recordableFrom))}</Text>
              ),
          },
        ]}
      />
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
