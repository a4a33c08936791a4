import { Loader, Stack, Table, Text, Title } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDate, formatDays, formatNumber } from '../format';
import { useQuery } from '@tanstack/react-query';
import { client, data as dataOf } from '../client';
import { keyOf } from '../query';
import { texts } from '../texts';
import { CHART_COLOURS, ChartFigure } from './ChartFigure';

const t = texts.pupils.overview.leadTimes;

/** The school's lead-time medians (and 90th percentiles) for cases opened in the API's default year. */
export function LeadTimes({ schoolId }: { schoolId: string }) {
  const {
    data,
    error,
    isPending: loading,
  } = useQuery({
    queryKey: keyOf(`/api/v1/schools/${schoolId}/lead-times`),
    queryFn: () => dataOf(client.GET('/api/v1/schools/{id}/lead-times', { params: { path: { id: schoolId } } })),
  });
  const measures = data?.measures ?? [];
  const label = (measure: string) => t.measures[measure] ?? measure;
  const withMedian = measures.filter((m) => m.medianDays !== null);
  const days = (value: number | null) => (value === null ? t.noData : formatDays(value));

  return (
    <Stack gap="sm" component="section" aria-labelledby="lead-times">
      <Title order={2} size="h3" id="lead-times">
        {t.title}
      </Title>
      {data && <Text size="sm">{t.intro(formatDate(data.from), formatDate(data.to))}</Text>}
      <ProblemAlert error={error} />
      {loading && !data && <Loader aria-label={texts.common.loading} />}
      {data && measures.every((m) => m.cases === 0) && <Text>{t.empty}</Text>}
      {data && measures.some((m) => m.cases > 0) && (
        <>
          {withMedian.length > 0 && (
            <ChartFigure
              label={t.chartLabel(
                measures.map((m) => t.summaryPart(label(m.measure), days(m.medianDays))).join(', ') + '.',
              )}
              height={40 + 44 * withMedian.length}
            >
              <ResponsiveContainer width="100%" height="100%">
                <BarChart
                  accessibilityLayer={false}
                  data={withMedian.map((m) => ({ label: label(m.measure), median: m.medianDays }))}
                  layout="vertical"
                  margin={{ top: 8, right: 48, bottom: 8, left: 8 }}
                >
                  <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLOURS.grid} horizontal={false} />
                  <XAxis type="number" allowDecimals={false} unit={texts.common.units.days} />
                  <YAxis type="category" dataKey="label" width={260} />
                  <Bar isAnimationActive={false} dataKey="median" name={t.median} fill={CHART_COLOURS.primary}>
                    <LabelList dataKey="median" position="right" formatter={(v) => formatNumber(Number(v))} />
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </ChartFigure>
          )}
          <Table.ScrollContainer minWidth={560}>
            <Table withTableBorder captionSide="top" striped data-testid="lead-times">
              <Table.Caption c="gray.8">{t.caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.measure}</Table.Th>
                  <Table.Th scope="col">{t.cases}</Table.Th>
                  <Table.Th scope="col">{t.median}</Table.Th>
                  <Table.Th scope="col">{t.p90}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {measures.map((m) => (
                  <Table.Tr key={m.measure} data-measure={m.measure}>
                    <Table.Th scope="row">{label(m.measure)}</Table.Th>
                    <Table.Td>{formatNumber(m.cases)}</Table.Td>
                    <Table.Td>{days(m.medianDays)}</Table.Td>
                    <Table.Td>{days(m.p90Days)}</Table.Td>
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
