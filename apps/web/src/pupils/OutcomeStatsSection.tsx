import { Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDate, formatDays, formatNumber, formatPercent } from '../format';
import { useQuery } from '@tanstack/react-query';
import { client, data as dataOf } from '../client';
import { keyOf } from '../query';
import { texts } from '../texts';
import { CHART_COLOURS, ChartFigure } from './ChartFigure';
import { OutcomeStats, Term } from './types';
import { CASE_STATUSES } from '../api-types';

const t = texts.pupils.overview;
const o = t.outcomes;

/** A cell of the statistics: the value, or "färre än 5" where the API suppressed it. */
function Cell({ stats, name, value }: { stats: OutcomeStats; name: string; value: string | null }) {
  if (value !== null) return <>{value}</>;
  if (stats.suppressed.includes(name))
    return (
      <Text span fs="italic" title={o.suppressedNote} data-suppressed={name}>
        {o.suppressed}
      </Text>
    );
  return <>–</>;
}

const count = (value: number | null | undefined) =>
  value === null || value === undefined ? null : formatNumber(value);

/**
 * Outcome statistics of the school for one term (GET /stats/outcomes): the current term first,
 * earlier ones by choice; small cells come suppressed from the API.
 */
export function OutcomeStatsSection({ schoolId }: { schoolId: string }) {
  // Null: the API's default, the current term. The choosable terms come with the first answer.
  const [term, setTerm] = useState<string | null>(null);
  const [terms, setTerms] = useState<Term[]>([]);
  const {
    data,
    error,
    isPending: loading,
  } = useQuery({
    queryKey: keyOf('/api/v1/stats/outcomes', schoolId, term),
    queryFn: async () =>
      (await dataOf(
        client.GET('/api/v1/stats/outcomes', { params: { query: { schoolId, ...(term ? { term } : {}) } } }),
      )) as OutcomeStats,
  });
  if (data && terms.length === 0 && data.terms.length > 0) setTerms(data.terms);

  return (
    <Stack gap="sm" component="section" aria-labelledby="outcomes">
      <Title order={2} size="h3" id="outcomes">
        {o.title}
      </Title>
      {terms.length > 0 && (
        <NativeSelect
          label={o.term}
          maw={420}
          value={term ?? terms[0].term}
          onChange={(e) => setTerm(e.currentTarget.value)}
          data={terms.map((option) => ({
            value: option.term,
            label: o.termOption(o.termName(option.term), formatDate(option.from), formatDate(option.to)),
          }))}
        />
      )}
      <ProblemAlert error={error} />
      {loading && !data && <Loader aria-label={texts.common.loading} />}
      {data && <Outcomes stats={data} />}
    </Stack>
  );
}

function Outcomes({ stats }: { stats: OutcomeStats }) {
  const statusRows = CASE_STATUSES.map((status) => ({
    status,
    label: texts.common.caseStatus[status],
    count: stats.casesByStatus[status] ?? null,
  }));
  const shown = statusRows.filter((r) => r.count !== null);
  const goal = stats.plansWithAttendanceGoal;
  const months = Object.keys(stats.followUps).sort((a, b) => Number(a) - Number(b));
  const kinds = Object.keys(stats.followUps[months[0]]?.newInterventions ?? {});

  return (
    <>
      <Text size="sm">{o.intro(o.termName(stats.term), formatDate(stats.from), formatDate(stats.to))}</Text>
      {shown.length > 0 && (
        <ChartFigure
          label={o.chartLabel(
            statusRows
              .map((r) => o.summaryPart(r.label, r.count === null ? o.suppressed : formatNumber(r.count)))
              .join(', ') + '.',
          )}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart accessibilityLayer={false} data={statusRows} margin={{ top: 20, right: 8, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLOURS.grid} vertical={false} />
              <XAxis dataKey="label" />
              <YAxis allowDecimals={false} />
              <Bar isAnimationActive={false} dataKey="count" name={o.count} fill={CHART_COLOURS.primary}>
                <LabelList dataKey="count" position="top" />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </ChartFigure>
      )}
      <Table withTableBorder captionSide="top" striped data-testid="outcomes-by-status">
        <Table.Caption c="gray.8">{o.byStatusCaption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{o.status}</Table.Th>
            <Table.Th scope="col">{o.count}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {statusRows.map((r) => (
            <Table.Tr key={r.status} data-status={r.status}>
              <Table.Th scope="row">{r.label}</Table.Th>
              <Table.Td>
                <Cell stats={stats} name={`casesByStatus.${r.status}`} value={count(r.count)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Table withTableBorder captionSide="top" striped data-testid="outcomes-key-figures">
        <Table.Caption c="gray.8">{o.keyFiguresCaption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{o.figure}</Table.Th>
            <Table.Th scope="col">{o.value}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{o.medianDaysToPlan}</Table.Th>
            <Table.Td>
              <Cell
                stats={stats}
                name="medianDaysToPlan"
                value={stats.medianDaysToPlan === null ? null : formatDays(stats.medianDaysToPlan)}
              />
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{o.plansWithGoal}</Table.Th>
            <Table.Td>
              <Cell stats={stats} name="plansWithAttendanceGoal" value={count(goal?.count)} />
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{o.goalReached}</Table.Th>
            <Table.Td>
              <Cell
                stats={stats}
                name={goal ? 'plansWithAttendanceGoal.reached' : 'plansWithAttendanceGoal'}
                value={count(goal?.reached)}
              />
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{o.goalShare}</Table.Th>
            <Table.Td>
              <Cell
                stats={stats}
                name={goal ? 'plansWithAttendanceGoal.share' : 'plansWithAttendanceGoal'}
                value={goal?.share === null || goal?.share === undefined ? null : formatPercent(goal.share)}
              />
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>

      {months.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder captionSide="top" striped data-testid="outcomes-follow-ups">
            <Table.Caption c="gray.8">{o.followUpsCaption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{o.followUpMeasure}</Table.Th>
                {months.map((m) => (
                  <Table.Th scope="col" key={m}>
                    {o.followUpMonths(m)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{o.recorded}</Table.Th>
                {months.map((m) => (
                  <Table.Td key={m}>
                    <Cell stats={stats} name={`followUps.${m}.recorded`} value={count(stats.followUps[m].recorded)} />
                  </Table.Td>
                ))}
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{o.backInSchool}</Table.Th>
                {months.map((m) => (
                  <Table.Td key={m}>
                    <Cell
                      stats={stats}
                      name={`followUps.${m}.backInSchoolOrWork20h`}
                      value={count(stats.followUps[m].backInSchoolOrWork20h)}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
              {kinds.map((kind) => (
                <Table.Tr key={kind}>
                  <Table.Th scope="row">{o.newIntervention(o.interventions[kind] ?? kind)}</Table.Th>
                  {months.map((m) => (
                    <Table.Td key={m}>
                      <Cell
                        stats={stats}
                        name={`followUps.${m}.newInterventions.${kind}`}
                        value={count(stats.followUps[m].newInterventions[kind])}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">{o.medianAttendance}</Table.Th>
                {months.map((m) => {
                  const median = stats.followUps[m].medianAttendancePercent;
                  return (
                    <Table.Td key={m}>
                      <Cell
                        stats={stats}
                        name={`followUps.${m}.medianAttendancePercent`}
                        value={median === null ? null : formatPercent(median, true)}
                      />
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
