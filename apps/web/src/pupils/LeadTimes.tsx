import { Stack, Table, Text, Title } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatDays, formatNumber } from '../format';
import { texts } from '../texts';
import { CHART_COLOURS, ChartFigure } from './ChartFigure';
import { OutcomeStats, StatCell } from './OutcomeStatsSection';

const t = texts.pupils.overview.leadTimes;

/**
 * The lead times of the cases opened in the term: median and 90th percentile in whole days, from
 * the statistics (hidden where fewer than 5 pupils are behind them). No count of cases: with the
 * cases by status beside it, a count per step would give a hidden status back by subtraction.
 */
export function LeadTimes({ stats }: { stats: OutcomeStats }) {
  const label = (measure: string) => t.measures[measure] ?? measure;
  const days = (value: number | null) => (value === null ? null : formatDays(value));
  const withMedian = stats.leadTimes.filter((m) => m.medianDays !== null);

  return (
    <Stack gap="sm" component="section" aria-labelledby="lead-times">
      <Title order={2} size="h3" id="lead-times">
        {t.title}
      </Title>
      <Text size="sm">{t.intro}</Text>
      {withMedian.length > 0 && (
        <ChartFigure
          label={t.chartLabel(
            stats.leadTimes
              .map((m) =>
                t.summaryPart(label(m.measure), days(m.medianDays) ?? texts.pupils.overview.outcomes.suppressed),
              )
              .join(', ') + '.',
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
                <LabelList dataKey="median" position="right" formatter={(v) => formatNumber(Math.round(Number(v)))} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </ChartFigure>
      )}
      <Table.ScrollContainer minWidth={480}>
        <Table withTableBorder captionSide="top" striped data-testid="lead-times">
          <Table.Caption c="gray.8">{t.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.measure}</Table.Th>
              <Table.Th scope="col">{t.median}</Table.Th>
              <Table.Th scope="col">{t.p90}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stats.leadTimes.map((m) => (
              <Table.Tr key={m.measure} data-measure={m.measure}>
                <Table.Th scope="row">{label(m.measure)}</Table.Th>
                <Table.Td>
                  <StatCell stats={stats} name={`leadTimes.${m.measure}.median`} value={days(m.medianDays)} />
                </Table.Td>
                <Table.Td>
                  <StatCell stats={stats} name={`leadTimes.${m.measure}.p90`} value={days(m.p90Days)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
