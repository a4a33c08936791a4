import { Badge, Button, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { client, data, Schemas } from '../client';
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
      <QueryState query={reviews} empty={t.reviews.empty} isEmpty={items.length === 0}>
        <Table.ScrollContainer minWidth={800}>
          <Table striped data-testid="reviews-table">
            <Table.Caption>{t.reviews.tableCaption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{c.date}</Table.Th>
                <Table.Th scope="col">{c.before}</Table.Th>
                <Table.Th scope="col">{c.after}</Table.Th>
                <Table.Th scope="col">{c.goal}</Table.Th>
                <Table.Th scope="col">{c.decisions}</Table.Th>
                <Table.Th scope="col">{c.by}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row" fw={500}>
                    {formatDate(r.reviewedOn)}
                  </Table.Th>
                  <Table.Td>
                    <Period period={r.before} />
                  </Table.Td>
                  <Table.Td>
                    <Period period={r.after} />
                  </Table.Td>
                  <Table.Td>{r.goalReached ? t.yes : t.no}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.decisions ?? ''}</Table.Td>
                  <Table.Td>{r.recordedBy.displayName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </QueryState>
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
      <QueryState query={followUps} empty={t.followUps.empty} isEmpty={items.length === 0}>
        <Table.ScrollContainer minWidth={900}>
          <Table striped data-testid="follow-ups-table">
            <Table.Caption>{t.followUps.tableCaption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{c.which}</Table.Th>
                <Table.Th scope="col">{c.due}</Table.Th>
                <Table.Th scope="col">{c.recorded}</Table.Th>
                <Table.Th scope="col">{c.attendance}</Table.Th>
                <Table.Th scope="col">{c.work}</Table.Th>
                <Table.Th scope="col">{c.interventions}</Table.Th>
                <Table.Th scope="col">{c.note}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((f) => {
                const recordable = canRecord && !f.recordedAt && f.recordableFrom <= today;
                return (
                  <Table.Tr key={f.id}>
                    <Table.Th scope="row" fw={500}>
                      {t.followUps.months(f.months)}
                    </Table.Th>
                    <Table.Td>{formatDate(f.dueOn)}</Table.Td>
                    <Table.Td>
                      {f.recordedAt ? (
                        t.followUps.recordedBy(formatDateTime(f.recordedAt), f.recordedBy?.displayName ?? '')
                      ) : recordable ? (
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
                      )}
                    </Table.Td>
                    <Table.Td>
                      {f.recordedAt
                        ? f.attendancePercent === null
                          ? t.reviews.noFigure
                          : formatPercent(f.attendancePercent, true)
                        : ''}
                    </Table.Td>
                    <Table.Td>{f.schoolOrWork20h === null ? '' : f.schoolOrWork20h ? t.yes : t.no}</Table.Td>
                    <Table.Td>
                      {f.newInterventions === null
                        ? ''
                        : f.newInterventions.length
                          ? f.newInterventions.map((k) => t.followUps.newInterventions[k] ?? k).join(', ')
                          : t.followUps.noInterventions}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{f.note ?? ''}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </QueryState>
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
