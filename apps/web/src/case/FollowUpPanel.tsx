import { Badge, Button, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { client, data, Schemas } from '../client';
import { PagedTable } from '../components/PagedTable';
import { QueryState } from '../components/QueryState';
import { FollowUpForm, ReviewForm } from '../followup/forms';
import { formatDate, formatDateTime, formatPercent, todayIso } from '../format';
import { keyOf } from '../query';
import { useSession } from '../session';
import { texts } from '../texts';
import type { PanelProps } from './CasePage';

const t = texts.followUp;

function Period({ period }: { period: Schemas['AttendancePeriodDto'] }) {
  return (
    <>
      {t.reviews.period(
        period.attendancePercent === null ? t.reviews.noFigure : formatPercent(period.attendancePercent, true),
        formatDate(period.from),
        formatDate(period.to),
      )}
    </>
  );
}

function Reviews({ caseId, canRecord, closed }: { caseId: string; canRecord: boolean; closed: boolean }) {
  const reviews = useQuery({
    queryKey: keyOf(`/api/v1/cases/${caseId}/reviews`),
    queryFn: () => data(client.GET('/api/v1/cases/{id}/reviews', { params: { path: { id: caseId } } })),
  });
  const items = reviews.data?.items ?? [];
  const c = t.reviews.listColumns;
  return (
    <section aria-labelledby="reviews-title">
      <Title order={2} size="h3" id="reviews-title" mb="xs">
        {t.reviews.sectionTitle}
      </Title>
      <Text size="sm" mb="sm">
        {t.reviews.sectionIntro}
      </Text>
      <PagedTable
        list={{ items, isPending: reviews.isPending, error: reviews.error }}
        empty={t.reviews.empty}
        caption={t.reviews.tableCaption}
        testId="reviews-table"
        minWidth={800}
        rowKey={(r) => r.id}
        columns={[
          { header: c.date, cell: (r) => formatDate(r.reviewedOn) },
          { header: c.before, cell: (r) => <Period period={r.before} /> },
          { header: c.after, cell: (r) => <Period period={r.after} /> },
          { header: c.goal, cell: (r) => (r.goalReached ? t.yes : t.no) },
          { header: c.decisions, cell: (r) => r.decisions ?? '', style: { whiteSpace: 'pre-wrap' } },
          { header: c.by, cell: (r) => r.recordedBy.displayName },
        ]}
      />
      {canRecord &&
        (closed ? (
          <Text mt="sm">{t.reviews.closed}</Text>
        ) : (
          <Paper withBorder p="md" mt="sm">
            <Title order={3} size="h4" mb="sm">
              {t.reviews.form.title}
            </Title>
            <ReviewForm caseId={caseId} />
          </Paper>
        ))}
    </section>
  );
}

function FollowUps({ caseId, canRecord, pupil }: { caseId: string; canRecord: boolean; pupil: string }) {
  const [recording, setRecording] = useState<number | null>(null);
  const followUps = useQuery({
    queryKey: keyOf(`/api/v1/cases/${caseId}/follow-ups`),
    queryFn: () => data(client.GET('/api/v1/cases/{id}/follow-ups', { params: { path: { id: caseId } } })),
  });
  const items = followUps.data?.items ?? [];
  const c = t.followUps.listColumns;
  const today = todayIso();
  return (
    <section aria-labelledby="follow-ups-title">
      <Title order={2} size="h3" id="follow-ups-title" mb="xs">
        {t.followUps.sectionTitle}
      </Title>
      <Text size="sm" mb="sm">
        {t.followUps.sectionIntro}
      </Text>
      <PagedTable
        list={{ items, isPending: followUps.isPending, error: followUps.error }}
        empty={t.followUps.empty}
        caption={t.followUps.tableCaption}
        testId="follow-ups-table"
        minWidth={900}
        rowKey={(f) => f.id}
        columns={[
          { header: c.which, cell: (f) => t.followUps.months(f.months) },
          { header: c.due, cell: (f) => formatDate(f.dueOn) },
          {
            header: c.recorded,
            cell: (f) =>
              f.recordedAt ? (
                t.followUps.recordedBy(formatDateTime(f.recordedAt), f.recordedBy?.displayName ?? '')
              ) : canRecord && f.recordableFrom <= today ? (
                <Button
                  size="xs"
                  aria-label={t.followUps.recordLabel(f.months, pupil)}
                  onClick={() => setRecording(f.months)}
                >
                  {t.followUps.record}
                </Button>
              ) : (
                <Text size="sm">
                  {t.followUps.notRecorded} · {t.followUps.notYet(formatDate(f.recordableFrom))}
                </Text>
              ),
          },
          {
            header: c.attendance,
            cell: (f) =>
              f.recordedAt
                ? f.attendancePercent === null
                  ? t.reviews.noFigure
                  : formatPercent(f.attendancePercent, true)
                : '',
          },
          { header: c.work, cell: (f) => (f.schoolOrWork20h === null ? '' : f.schoolOrWork20h ? t.yes : t.no) },
          {
            header: c.interventions,
            cell: (f) =>
              f.newInterventions === null
                ? ''
                : f.newInterventions.length
                  ? f.newInterventions.map((k) => t.followUps.newInterventions[k] ?? k).join(', ')
                  : t.followUps.noInterventions,
          },
          { header: c.note, cell: (f) => f.note ?? '', style: { whiteSpace: 'pre-wrap' } },
        ]}
      />
      {recording !== null && (
        <Modal
          opened
          onClose={() => setRecording(null)}
          closeButtonProps={{ 'aria-label': texts.common.close }}
          title={t.followUps.form.title(recording)}
        >
          <FollowUpForm caseId={caseId} months={recording} onSaved={() => setRecording(null)} />
        </Modal>
      )}
    </section>
  );
}

/** The case's reviews (attendance before/after) and its follow-ups after closure; elevhälsa of the school records them. */
export function FollowUpPanel({ caseId }: PanelProps) {
  const { me, hasRole } = useSession();
  const detail = useQuery({
    queryKey: keyOf(`/api/v1/cases/${caseId}`),
    queryFn: () => data(client.GET('/api/v1/cases/{id}', { params: { path: { id: caseId } } })),
  });
  const kase = detail.data;
  // The API decides (only the school's elevhälsa coordinates); the forms show where it would allow them.
  const canRecord = !!kase && hasRole('elevhalsa') && me?.agency.id === kase.schoolId;
  const pupil = kase?.pupil ? `${kase.pupil.firstName} ${kase.pupil.lastName}` : (kase?.reference ?? '');
  return (
    <QueryState query={detail} empty="" isEmpty={false}>
      {kase && (
        <Stack gap="xl">
          {kase.status === 'closed' && (
            <Badge variant="light" color="gray">
              {texts.common.caseStatus.closed}
            </Badge>
          )}
          <Reviews caseId={caseId} canRecord={canRecord} closed={kase.status === 'closed'} />
          <FollowUps caseId={caseId} canRecord={canRecord && kase.status === 'closed'} pupil={pupil} />
        </Stack>
      )}
    </QueryState>
  );
}
