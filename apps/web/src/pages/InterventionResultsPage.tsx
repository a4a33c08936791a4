import { Badge, Button, Group, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { client, data as dataOf, Schemas } from '../client';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDate, formatPercent } from '../format';
import { keyOf } from '../query';
import { useSession } from '../session';
import { texts } from '../texts';

const t = texts.interventions.results;
const behaviourNames = texts.interventions.behaviours;

type CountShare = Schemas['CountShareDto'];
type Result = Schemas['InterventionResultDto'];
type Term = Schemas['TermDto'];

/** A figure, or "visas inte" where the API suppressed it. */
function Figure({ value }: { value: string | null }) {
  if (value !== null) return <>{value}</>;
  return (
    <Text span fs="italic" title={t.suppressedNote} data-suppressed="true">
      {t.suppressed}
    </Text>
  );
}
const share = (v: CountShare) => (v.share === null ? null : formatPercent(v.share));
const percent = (v: number | null) => (v === null ? null : formatPercent(v, true));

/** Opens the printable report (fetched with the session's token) in a new tab, or saves the CSV. */
async function openReport(id: string, term: string, kind: 'html' | 'csv') {
  const options = { params: { path: { id }, query: { term } }, parseAs: 'text' as const };
  const body = await dataOf(
    kind === 'csv'
      ? client.GET('/api/v1/stats/interventions/{id}/report.csv', options)
      : client.GET('/api/v1/stats/interventions/{id}/report.html', options),
  );
  const blob = new Blob([body], { type: kind === 'csv' ? 'text/csv;charset=utf-8' : 'text/html;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  if (kind === 'csv') {
    const a = document.createElement('a');
    a.href = url;
    a.download = `resultat-${term}.csv`;
    a.click();
  } else {
    window.open(url, '_blank', 'noopener');
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** /resultat-per-insats — results per intervention for principals, elevhälsa and administrators. */
export function InterventionResultsPage() {
  const { hasRole } = useSession();
  const [term, setTerm] = useState<string | null>(null);
  const [terms, setTerms] = useState<Term[]>([]);
  const [error, setError] = useState<unknown>(null);
  const allowed = hasRole('principal', 'elevhalsa', 'admin');
  const results = useQuery({
    queryKey: keyOf('/api/v1/stats/interventions', term),
    queryFn: () => dataOf(client.GET('/api/v1/stats/interventions', { params: { query: term ? { term } : {} } })),
    enabled: allowed,
  });
  const { data, error: loadError } = results;
  const loading = allowed && results.isPending;
  if (data && terms.length === 0 && data.terms.length > 0) setTerms(data.terms);
  if (!allowed)
    return (
      <Page title={t.title}>
        <Text>{texts.common.errors.forbidden}</Text>
      </Page>
    );

  const report = (r: Result, kind: 'html' | 'csv') => {
    setError(null);
    openReport(r.intervention.id, data!.term, kind).catch(setError);
  };

  return (
    <Page title={t.title}>
      {terms.length > 0 && (
        <NativeSelect
          label={t.term}
          maw={420}
          value={term ?? terms[0].term}
          onChange={(e) => setTerm(e.currentTarget.value)}
          data={terms.map((option) => ({
            value: option.term,
            label: t.termOption(t.termName(option.term), formatDate(option.from), formatDate(option.to)),
          }))}
        />
      )}
      <ProblemAlert error={loadError ?? error} />
      {loading && !data && <Loader aria-label={texts.common.loading} />}
      {data && (
        <Stack gap="lg">
          <Text size="sm">{t.intro(t.termName(data.term), formatDate(data.from), formatDate(data.to))}</Text>
          {data.interventions.length === 0 && <Text>{t.empty}</Text>}
          {data.interventions.map((r) => (
            <Stack key={r.intervention.id} gap="xs" component="section" aria-labelledby={`result-${r.intervention.id}`}>
              <Group justify="space-between">
                <Title order={2} size="h3" id={`result-${r.intervention.id}`}>
                  {r.intervention.name}{' '}
                  {!r.intervention.active && (
                    <Badge color="gray.7" variant="outline">
                      {t.retired}
                    </Badge>
                  )}
                </Title>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t.reportFor(r.intervention.name)}
                    onClick={() => report(r, 'html')}
                  >
                    {t.report}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t.csvFor(r.intervention.name)}
                    onClick={() => report(r, 'csv')}
                  >
                    {t.csv}
                  </Button>
                </Group>
              </Group>
              <Table withTableBorder captionSide="top" striped data-testid={`results-${r.intervention.id}`}>
                <Table.Caption c="gray.8">{t.caption(r.intervention.name)}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t.figure}</Table.Th>
                    <Table.Th scope="col">{t.value}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th scope="row">{t.coursesEnded}</Table.Th>
                    <Table.Td>
                      <Figure value={r.coursesEnded === null ? null : String(r.coursesEnded)} />
                    </Table.Td>
                  </Table.Tr>
                  {(
                    [
                      [t.completed, r.endReasons.completed],
                      [t.placement, r.endReasons.placement],
                      [t.lackOfEngagement, r.endReasons.lack_of_engagement],
                      ...['6', '18'].map((m) => [t.followedUp(m), r.followUps[m].followedUp] as const),
                      ...['6', '18'].map((m) => [t.schoolOrWork(m), r.followUps[m].schoolOrWork20h] as const),
                    ] as const
                  ).map(([label, value]) => (
                    <Table.Tr key={label}>
                      <Table.Th scope="row">{label}</Table.Th>
                      <Table.Td>
                        <Figure value={share(value)} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr>
                    <Table.Th scope="row">{t.medianBeforeStart}</Table.Th>
                    <Table.Td>
                      <Figure value={percent(r.medianAttendanceBeforeStart)} />
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">{t.medianBeforeEnd}</Table.Th>
                    <Table.Td>
                      <Figure value={percent(r.medianAttendanceBeforeEnd)} />
                    </Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
              <Table.ScrollContainer minWidth={560}>
                <Table withTableBorder captionSide="top" striped>
                  <Table.Caption c="gray.8">{t.behaviourCaption}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t.behaviour}</Table.Th>
                      <Table.Th scope="col">{t.atStart}</Table.Th>
                      <Table.Th scope="col">{t.newAt('6')}</Table.Th>
                      <Table.Th scope="col">{t.newAt('18')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {Object.entries(r.behaviours).map(([b, v]) => (
                      <Table.Tr key={b}>
                        <Table.Th scope="row">{behaviourNames[b] ?? b}</Table.Th>
                        <Table.Td>
                          <Figure value={share(v.atStart)} />
                        </Table.Td>
                        <Table.Td>
                          <Figure value={share(v.newIntervention['6'])} />
                        </Table.Td>
                        <Table.Td>
                          <Figure value={share(v.newIntervention['18'])} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          ))}
        </Stack>
      )}
    </Page>
  );
}
