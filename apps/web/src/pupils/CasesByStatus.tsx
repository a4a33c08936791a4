import { Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatNumber } from '../format';
import { texts } from '../texts';
import { CHART_COLOURS, ChartFigure } from './ChartFigure';
import { client, data } from '../client';
import { fetchAll, keyOf } from '../query';
import { CASE_STATUSES } from '../api-types';

const t = texts.pupils.overview;

/** Every case of the school the caller may see (all pages of GET /cases), counted by status. */
export function CasesByStatus() {
  const query = useQuery({
    queryKey: keyOf('/api/v1/cases', 'all'),
    queryFn: async () => {
      const cases = await fetchAll((cursor) =>
        data(client.GET('/api/v1/cases', { params: { query: { limit: 500, cursor } } })),
      );
      const byStatus: Record<string, number> = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0]));
      for (const c of cases) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
      return byStatus;
    },
  });
  const counts = query.data ?? null;
  const error = query.error;

  const rows = counts
    ? CASE_STATUSES.map((status) => ({ status, label: texts.common.caseStatus[status], count: counts[status] }))
    : [];
  const total = rows.reduce((sum, r) => sum + r.count, 0);

  return (
    <Stack gap="sm" component="section" aria-labelledby="cases-by-status">
      <Title order={2} size="h3" id="cases-by-status">
        {t.cases.title}
      </Title>
      <Text size="sm">{t.cases.intro}</Text>
      <ProblemAlert error={error} />
      {!counts && !error && <Loader aria-label={texts.common.loading} />}
      {counts && total === 0 && <Text>{t.cases.empty}</Text>}
      {counts && total > 0 && (
        <>
          <ChartFigure
            label={t.cases.chartLabel(rows.map((r) => t.cases.summaryPart(r.label, r.count)).join(', ') + '.')}
          >
            <ResponsiveContainer width="100%" height="100%">
              <BarChart accessibilityLayer={false} data={rows} margin={{ top: 20, right: 8, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLOURS.grid} vertical={false} />
                <XAxis dataKey="label" />
                <YAxis allowDecimals={false} />
                <Bar isAnimationActive={false} dataKey="count" name={t.cases.count} fill={CHART_COLOURS.primary}>
                  <LabelList dataKey="count" position="top" />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </ChartFigure>
          <Table withTableBorder captionSide="top" striped data-testid="cases-by-status">
            <Table.Caption c="gray.8">{t.cases.caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.cases.status}</Table.Th>
                <Table.Th scope="col">{t.cases.count}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.status} data-status={r.status}>
                  <Table.Th scope="row">{r.label}</Table.Th>
                  <Table.Td>{formatNumber(r.count)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t.cases.total}</Table.Th>
                <Table.Td>{formatNumber(total)}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </>
      )}
    </Stack>
  );
}
