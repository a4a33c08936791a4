import { Stack, Table, Text, Title } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Schemas } from '../client';
import { formatNumber, formatPercent } from '../format';
import { texts } from '../texts';
import { CHART_COLOURS, ChartFigure } from './ChartFigure';
import { CASE_STATUSES } from '../api-types';

const o = texts.pupils.overview.outcomes;

export type OutcomeStats = Schemas['OutcomeStatsDto'];

/**
 * A figure of the statistics: the value, or "visas inte" where the API suppressed it. Not "färre
 * än 5": a cell hidden so that another cannot be worked out may hold more, and a hidden share or
 * median is no count at all.
 */
export function StatCell({ stats, name, value }: { stats: OutcomeStats; name: string; value: string | null }) {
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
 * The outcome statistics of one term (GET /stats/outcomes), as the API gives them: `cases` is
 * the cases opened in the term by status now, `results` the key figures and the follow-ups.
 */
export function Outcomes({ stats, part }: { stats: OutcomeStats; part: 'cases' | 'results' }) {
  return part === 'cases' ? <CasesByStatus stats={stats} /> : <Results stats={stats} />;
}

function CasesByStatus({ stats }: { stats: OutcomeStats }) {
  const statusRows = CASE_STATUSES.map((status) => ({
    status,
    label: texts.common.caseStatus[status],
    count: stats.casesByStatus[status] ?? null,
  }));
  const shown = statusRows.filter((r) => r.count !== null);
  return (
    <Stack gap="sm" component="section" aria-labelledby="outcome-cases">
      <Title order={2} size="h3" id="outcome-cases">
        {o.casesTitle}
      </Title>
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
                <StatCell stats={stats} name={`casesByStatus.${r.status}`} value={count(r.count)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Results({ stats }: { stats: OutcomeStats }) {
  const goal = stats.plansWithAttendanceGoal;
  const months = Object.keys(stats.followUps).sort((a, b) => Number(a) - Number(b));
  const kinds = Object.keys(stats.followUps[months[0]]?.newInterventions ?? {});

  return (
    <Stack gap="sm" component="section" aria-labelledby="outcomes">
      <Title order={2} size="h3" id="outcomes">
        {o.title}
      </Title>
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
            <Table.Th scope="row">{o.plansWithGoal}</Table.Th>
            <Table.Td>
              <StatCell stats={stats} name="plansWithAttendanceGoal" value={count(goal?.count)} />
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{o.goalReached}</Table.Th>
            <Table.Td>
              <StatCell
                stats={stats}
                name={goal ? 'plansWithAttendanceGoal.reached' : 'plansWithAttendanceGoal'}
                value={count(goal?.reached)}
              />
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{o.goalShare}</Table.Th>
            <Table.Td>
              <StatCell
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
                    <StatCell
                      stats={stats}
                      name={`followUps.${m}.recorded`}
                      value={count(stats.followUps[m].recorded)}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{o.backInSchool}</Table.Th>
                {months.map((m) => (
                  <Table.Td key={m}>
                    <StatCell
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
                      <StatCell
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
                      <StatCell
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
    </Stack>
  );
}
