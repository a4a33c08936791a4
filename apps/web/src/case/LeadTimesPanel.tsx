import { Box, Group, Stack, Table, Text, Title } from '@mantine/core';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDate, formatDays, formatNumber } from '../format';
import { useQuery } from '@tanstack/react-query';
import { client, data } from '../client';
import { keyOf } from '../query';
import { texts } from '../texts';
import { Loading } from '../triage/components';
import type { LeadTimes } from '../triage/types';
import type { PanelProps } from './CasePage';

const t = texts.triage.leadTimes;

type Step = keyof typeof t.steps;

/** Days from the first signal (and from the opening) to each step: what the team measures itself by. */
export function LeadTimesPanel({ caseId }: PanelProps) {
  const found = useQuery({
    queryKey: keyOf(`/api/v1/cases/${caseId}/lead-times`),
    // The day counts are a free JSON object in the OpenAPI document.
    queryFn: async () =>
      (await data(client.GET('/api/v1/cases/{id}/lead-times', { params: { path: { id: caseId } } }))) as LeadTimes,
  });
  if (found.isPending) return <Loading />;
  if (!found.data) return <ProblemAlert error={found.error} />;
  const l = found.data;

  const rows: { step: Step; date: string | null; fromSignal: number | null; fromOpening: number | null }[] = [
    { step: 'firstSignal', date: l.firstSignalOn, fromSignal: l.firstSignalOn ? 0 : null, fromOpening: null },
    { step: 'flag', date: l.flaggedAt, fromSignal: l.daysFromSignal.flag, fromOpening: null },
    { step: 'caseOpened', date: l.openedAt, fromSignal: l.daysFromSignal.caseOpened, fromOpening: 0 },
    {
      step: 'firstAgencyAccepted',
      date: l.firstAgencyAcceptedAt,
      fromSignal: l.daysFromSignal.firstAgencyAccepted,
      fromOpening: l.daysFromOpening.firstAgencyAccepted,
    },
    {
      step: 'firstMeeting',
      date: l.firstMeetingAt,
      fromSignal: l.daysFromSignal.firstMeeting,
      fromOpening: l.daysFromOpening.firstMeeting,
    },
    {
      step: 'planAgreed',
      date: l.planAgreedAt,
      fromSignal: l.daysFromSignal.planAgreed,
      fromOpening: l.daysFromOpening.planAgreed,
    },
  ];
  const days = (value: number | null, happened: boolean) => (happened ? formatNumber(value) : t.notYet);
  const longest = Math.max(1, ...rows.map((r) => r.fromSignal ?? 0));
  const toPlan = l.daysFromSignal.planAgreed;
  const toOpening = l.daysFromSignal.caseOpened;

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t.heading}
      </Title>
      <Text size="sm">{t.intro}</Text>
      <Stack gap={4} data-testid="lead-times-summary">
        {!l.firstSignalOn && <Text>{t.noSignal}</Text>}
        {toOpening !== null && toOpening !== undefined && <Text>{t.signalToOpening(formatDays(toOpening))}</Text>}
        {toPlan !== null && toPlan !== undefined ? (
          <Text fw={600}>{t.signalToPlan(formatDays(toPlan))}</Text>
        ) : (
          <Text>{t.noPlanYet}</Text>
        )}
      </Stack>
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="lead-times-table">
          <Table.Caption>{t.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.columns.step}</Table.Th>
              <Table.Th scope="col">{t.columns.date}</Table.Th>
              <Table.Th scope="col">{t.columns.fromSignal}</Table.Th>
              <Table.Th scope="col">{t.columns.fromOpening}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.step}>
                <Table.Th scope="row" fw={500}>
                  {t.steps[r.step]}
                </Table.Th>
                <Table.Td>
                  {!r.date
                    ? t.notYet
                    : new Date(r.date) > new Date()
                      ? t.booked(formatDate(r.date))
                      : formatDate(r.date)}
                </Table.Td>
                <Table.Td>
                  {r.step === 'firstSignal' && !r.date ? '–' : days(r.fromSignal, !!r.date && !!l.firstSignalOn)}
                </Table.Td>
                <Table.Td>
                  {r.step === 'firstSignal' || r.step === 'flag' ? '–' : days(r.fromOpening, !!r.date)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {l.firstSignalOn && (
        // The same numbers as the table, drawn: hidden from screen readers, which read the table.
        <Stack gap={6} aria-hidden="true">
          <Text size="sm" c="dimmed">
            {t.chartLabel}
          </Text>
          {rows
            .filter((r) => r.fromSignal !== null && r.date)
            .map((r) => (
              <Group key={r.step} gap="sm" wrap="nowrap">
                <Text size="sm" w={240}>
                  {t.steps[r.step]}
                </Text>
                <Box
                  h={14}
                  bg="blue.7"
                  style={{ borderRadius: 3, width: `${Math.max(2, ((r.fromSignal ?? 0) / longest) * 100) * 0.5}%` }}
                />
                <Text size="sm">{formatDays(r.fromSignal)}</Text>
              </Group>
            ))}
        </Stack>
      )}
    </Stack>
  );
}
