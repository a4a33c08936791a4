import { Alert, Badge, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDateTime } from '../format';
import { useApi } from '../hooks';
import { texts } from '../texts';
import { Loading } from '../triage/components';

const t = texts.schoolData;

interface SyncRun {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  startedAt: string | null;
  finishedAt: string | null;
  counts: Record<string, number>;
  errors: { entity: string; id: string | null; field: string; reason: string }[];
  failure: string | null;
}

interface Source {
  id: string;
  name: string;
  baseUrl: string;
  auth: { type: string };
  schools: { organisationId: string; agencyId: string; agencyName: string }[];
  syncFrom: string | null;
  syncEveryMinutes: number | null;
  lastRun: SyncRun | null;
}

const STATUS_COLOR: Record<string, string> = {
  queued: 'gray.7',
  running: 'blue.8',
  succeeded: 'green.9',
  failed: 'red.8',
};

function RunReport({ run }: { run: SyncRun }) {
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Badge color={STATUS_COLOR[run.status]} variant="outline">
          {t.status[run.status] ?? run.status}
        </Badge>
        {run.startedAt && (
          <Text size="sm">
            {t.times(formatDateTime(run.startedAt), run.finishedAt ? formatDateTime(run.finishedAt) : '–')}
          </Text>
        )}
      </Group>
      {run.failure && (
        <Alert color="red" title={t.failure}>
          {run.failure}
        </Alert>
      )}
      <Table withTableBorder>
        <Table.Caption>{t.counts.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {Object.keys(run.counts).map((key) => (
              <Table.Th key={key} scope="col">
                {t.counts[key] ?? key}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            {Object.entries(run.counts).map(([key, n]) => (
              <Table.Td key={key}>{n.toLocaleString('sv-SE')}</Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {run.errors.length === 0 ? (
        <Text size="sm">{t.errors.none}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Caption>{t.errors.title(run.errors.length)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.errors.entity}</Table.Th>
                <Table.Th scope="col">{t.errors.id}</Table.Th>
                <Table.Th scope="col">{t.errors.field}</Table.Th>
                <Table.Th scope="col">{t.errors.reason}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {run.errors.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{t.errors.entities[e.entity] ?? e.entity}</Table.Td>
                  <Table.Td>{e.id ?? '–'}</Table.Td>
                  <Table.Td>{e.field}</Table.Td>
                  <Table.Td>{e.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function SourceCard({ source, onChange }: { source: Source; onChange: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [started, setStarted] = useState(false);
  const syncNow = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/ss12000/sources/${source.id}/runs`);
      setStarted(true);
      onChange();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder component="section" aria-labelledby={`source-${source.id}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id={`source-${source.id}`}>
            {source.name}
          </Title>
          <Button onClick={() => void syncNow()} loading={busy}>
            {t.syncNow}
          </Button>
        </Group>
        <ProblemAlert error={error} />
        {started && !error && (
          <Text role="status" size="sm">
            {t.started}
          </Text>
        )}
        <Table variant="vertical" withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">{t.address}</Table.Th>
              <Table.Td>{source.baseUrl}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t.auth}</Table.Th>
              <Table.Td>{t.authTypes[source.auth.type] ?? source.auth.type}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t.schools}</Table.Th>
              <Table.Td>
                {source.schools.length ? (
                  <List size="sm">
                    {source.schools.map((s) => (
                      <List.Item key={s.organisationId}>{s.agencyName}</List.Item>
                    ))}
                  </List>
                ) : (
                  t.noSchools
                )}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t.schedule}</Table.Th>
              <Table.Td>{source.syncEveryMinutes ? t.every(source.syncEveryMinutes) : t.noSchedule}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t.syncFrom}</Table.Th>
              <Table.Td>{source.syncFrom ?? t.syncFromDefault}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Title order={3} size="h4">
          {t.lastRun}
        </Title>
        {source.lastRun ? <RunReport run={source.lastRun} /> : <Text>{t.never}</Text>}
      </Stack>
    </Card>
  );
}

/** The administrator's SS 12000 sources: mapped schools, last run with counts and errors, "Synka nu", the schedule. */
export function SchoolDataPage() {
  const sources = useApi<Source[]>('/ss12000/sources');
  return (
    <Page title={t.title}>
      <Text>{t.intro}</Text>
      <ProblemAlert error={sources.error} />
      {sources.loading && !sources.data ? (
        <Loading />
      ) : sources.data && sources.data.length === 0 ? (
        <Text>{t.empty}</Text>
      ) : (
        <Stack gap="lg">
          {(sources.data ?? []).map((source) => (
            <SourceCard key={source.id} source={source} onChange={sources.reload} />
          ))}
        </Stack>
      )}
    </Page>
  );
}
