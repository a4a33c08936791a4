import { Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { client, data as dataOf } from '../client';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDate, formatNumber, formatPercent, formatWeek } from '../format';
import { keyOf } from '../query';
import { texts } from '../texts';
import { CHART_COLOURS, ChartFigure } from './ChartFigure';

const t = texts.pupils.absence;

const attendedPercent = (w: { offeredMinutes: number; absentMinutes: number }) =>
  w.offeredMinutes > 0 ? Math.round(((w.offeredMinutes - w.absentMinutes) / w.offeredMinutes) * 1000) / 10 : null;

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Paper>
  );
}

/** The pupil's absence over the API's default period (12 weeks): key figures, a bar chart per ISO week, and the table. */
export function AttendanceByWeek({ studentId }: { studentId: string }) {
  const { data, error, isPending } = useQuery({
    queryKey: keyOf(`/api/v1/students/${studentId}/absence`),
    queryFn: () => dataOf(client.GET('/api/v1/students/{id}/absence', { params: { path: { id: studentId } } })),
  });
  if (isPending && !error) return <Loader aria-label={texts.common.loading} />;
  if (error) return <ProblemAlert error={error} />;
  if (!data) return null;
  const from = formatDate(data.from);
  const to = formatDate(data.to);
  const weeks = data.weeks.filter((w) => w.offeredMinutes > 0);
  const rows = weeks.map((w) => ({
    label: formatWeek(w.week),
    valid: w.validAbsencePercent,
    invalid: w.invalidAbsencePercent,
  }));

  return (
    <Stack gap="sm" component="section" aria-labelledby="absence-title">
      <Title order={2} size="h3" id="absence-title">
        {t.title}
      </Title>
      <Text size="sm">{t.period(from, to)}</Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} aria-label={t.totals}>
        <Figure label={t.total} value={formatPercent(data.absencePercent, true)} />
        <Figure label={t.valid} value={formatPercent(data.validAbsencePercent, true)} />
        <Figure label={t.invalid} value={formatPercent(data.invalidAbsencePercent, true)} />
        <Figure label={t.offered} value={t.minutes(formatNumber(data.offeredMinutes))} />
      </SimpleGrid>
      {weeks.length === 0 ? (
        <Text>{t.empty}</Text>
      ) : (
        <>
          <ChartFigure label={t.chartLabel(from, to)} height={280}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLOURS.grid} vertical={false} />
                <XAxis dataKey="label" />
                <YAxis unit={texts.common.units.percent} allowDecimals={false} />
                <Tooltip
                  formatter={(value) => formatPercent(Number(value), true)}
                  itemStyle={{ color: CHART_COLOURS.text }}
                />
                <Legend />
                {(['valid', 'invalid'] as const).map((kind) => (
                  <Bar
                    key={kind}
                    isAnimationActive={false}
                    dataKey={kind}
                    name={t[kind]}
                    stackId="absence"
                    fill={CHART_COLOURS[kind]}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </ChartFigure>
          <Table.ScrollContainer minWidth={520}>
            <Table striped withTableBorder captionSide="top" data-testid="absence-table">
              <Table.Caption c="gray.8">{t.tableCaption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.week}</Table.Th>
                  <Table.Th scope="col">{t.offered}</Table.Th>
                  <Table.Th scope="col">{t.attended}</Table.Th>
                  <Table.Th scope="col">{t.valid}</Table.Th>
                  <Table.Th scope="col">{t.invalid}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {weeks.map((w) => (
                  <Table.Tr key={w.week}>
                    <Table.Th scope="row">
                      <Group gap={4}>
                        {formatWeek(w.week)}
                        <Text span size="xs" c="dimmed">
                          ({formatDate(w.weekStart)})
                        </Text>
                      </Group>
                    </Table.Th>
                    <Table.Td>{t.minutes(formatNumber(w.offeredMinutes))}</Table.Td>
                    <Table.Td>{formatPercent(attendedPercent(w), true)}</Table.Td>
                    <Table.Td>{formatPercent(w.validAbsencePercent, true)}</Table.Td>
                    <Table.Td>{formatPercent(w.invalidAbsencePercent, true)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
