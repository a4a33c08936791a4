import { Alert, Badge, Button, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/ProblemAlert';
import { QueryState } from '../components/QueryState';
import { formatDate, formatDateTime, formatNumber } from '../format';
import { keyOf, useApiMutation, usePages } from '../query';
import { useSession } from '../session';
import { texts } from '../texts';

const t = texts.retention;
type Rule = Schemas['RetentionRuleDto'];
type Run = Schemas['RetentionRunDto'];

const className = (dataClass: string) => t.classes[dataClass] ?? dataClass;

/** One rule's period, editable within its bounds. */
function RuleRow({ rule }: { rule: Rule }) {
  const [period, setPeriod] = useState<number | string>(rule.period);
  const [saved, setSaved] = useState(false);
  const save = useApiMutation({
    mutationFn: (body: Schemas['UpdateRetentionRuleDto']) =>
      data(
        client.PATCH('/api/v1/retention/rules/{dataClass}', { params: { path: { dataClass: rule.dataClass } }, body }),
      ),
    invalidates: ['/api/v1/retention'],
    onSuccess: () => setSaved(true),
  });
  const errors = formErrors(save.error);
  const name = className(rule.dataClass);
  const unit = t.unitWords[rule.unit] ?? rule.unit;
  return (
    <Table.Tr>
      <Table.Th scope="row">{name}</Table.Th>
      <Table.Td>{rule.legalBasis}</Table.Td>
      <Table.Td>
        <ApiForm
          onSubmit={() => {
            setSaved(false);
            save.mutate({ period: Number(period) });
          }}
          pending={save.isPending}
          error={save.error}
          fields={['period']}
          submitLabel={t.rules.save}
          label={t.rules.saveLabel(name)}
        >
          <NumberInput
            label={t.rules.periodLabel(name)}
            description={t.rules.bounds(rule.minPeriod, rule.maxPeriod, unit)}
            value={period}
            onChange={setPeriod}
            min={rule.minPeriod}
            max={rule.maxPeriod}
            clampBehavior="none"
            allowDecimal={false}
            error={errors.errorOf('period')}
            w={220}
          />
        </ApiForm>
        {saved && (
          <Text size="sm" role="status" mt={4}>
            {t.rules.saved(name)}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function Rules() {
  const rules = useQuery({
    queryKey: keyOf('/api/v1/retention/rules'),
    queryFn: () => data(client.GET('/api/v1/retention/rules')),
  });
  const items = rules.data?.items ?? [];
  return (
    <Stack gap="xs" component="section" aria-labelledby="retention-rules">
      <Title order={2} size="h3" id="retention-rules">
        {t.rules.title}
      </Title>
      <QueryState query={rules} empty={t.rules.empty} isEmpty={items.length === 0}>
        <Table withTableBorder>
          <Table.Caption>{t.rules.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.rules.columns.dataClass}</Table.Th>
              <Table.Th scope="col">{t.rules.columns.legalBasis}</Table.Th>
              <Table.Th scope="col">{t.rules.columns.period}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((rule) => (
              <RuleRow key={rule.dataClass} rule={rule} />
            ))}
          </Table.Tbody>
        </Table>
      </QueryState>
    </Stack>
  );
}

function Preview() {
  const preview = useQuery({
    queryKey: keyOf('/api/v1/retention/preview'),
    queryFn: () => data(client.GET('/api/v1/retention/preview')),
  });
  const [started, setStarted] = useState(false);
  const start = useApiMutation({
    mutationFn: () => data(client.POST('/api/v1/retention/runs')),
    invalidates: ['/api/v1/retention'],
    onSuccess: () => setStarted(true),
  });
  const classes = preview.data?.classes ?? [];
  const holds = preview.data?.holds ?? [];
  return (
    <Stack gap="xs" component="section" aria-labelledby="retention-preview">
      <Group justify="space-between">
        <Title order={2} size="h3" id="retention-preview">
          {t.preview.title}
        </Title>
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          {t.preview.run}
        </Button>
      </Group>
      {start.error ? <ProblemAlert error={start.error} /> : null}
      {started && (
        <Alert color="green" role="status">
          {t.preview.started}
        </Alert>
      )}
      <QueryState query={preview} empty="" isEmpty={false}>
        <Table withTableBorder>
          <Table.Caption>{t.preview.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.preview.columns.dataClass}</Table.Th>
              <Table.Th scope="col">{t.preview.columns.due}</Table.Th>
              <Table.Th scope="col">{t.preview.columns.cutoff}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {classes.map((c) => (
              <Table.Tr key={c.dataClass}>
                <Table.Th scope="row">{className(c.dataClass)}</Table.Th>
                <Table.Td>{formatNumber(c.due)}</Table.Td>
                <Table.Td>{formatDate(c.cutoff)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Title order={3} size="h4">
          {t.preview.holdsTitle}
        </Title>
        {holds.length === 0 ? (
          <Text>{t.preview.noHolds}</Text>
        ) : (
          <Table withTableBorder>
            <Table.Caption>{t.preview.holdsCaption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.preview.holdColumns.reference}</Table.Th>
                <Table.Th scope="col">{t.preview.holdColumns.closedAt}</Table.Th>
                <Table.Th scope="col">{t.preview.holdColumns.reason}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {holds.map((h) => (
                <Table.Tr key={h.caseId}>
                  <Table.Th scope="row">{h.reference}</Table.Th>
                  <Table.Td>{formatDate(h.closedAt)}</Table.Td>
                  <Table.Td>{t.preview.reasons[h.reason] ?? h.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Stack>
  );
}

function erased(run: Run): string {
  const parts = run.counts
    .filter((c) => c.rows > 0 || c.held > 0)
    .map((c) => `${className(c.dataClass)}: ${formatNumber(c.rows)}${c.held ? ` (${t.runs.held(c.held)})` : ''}`);
  return parts.length ? parts.join(', ') : t.runs.nothing;
}

function Runs() {
  const runs = usePages<Run>(keyOf('/api/v1/retention/runs'), (cursor) =>
    data(client.GET('/api/v1/retention/runs', { params: { query: { cursor } } })),
  );
  return (
    <Stack gap="xs" component="section" aria-labelledby="retention-runs">
      <Title order={2} size="h3" id="retention-runs">
        {t.runs.title}
      </Title>
      <QueryState query={runs} empty={t.runs.empty} isEmpty={runs.items.length === 0}>
        <Table withTableBorder>
          <Table.Caption>{t.runs.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.runs.columns.startedAt}</Table.Th>
              <Table.Th scope="col">{t.runs.columns.trigger}</Table.Th>
              <Table.Th scope="col">{t.runs.columns.status}</Table.Th>
              <Table.Th scope="col">{t.runs.columns.erased}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.items.map((run) => (
              <Table.Tr key={run.id}>
                <Table.Th scope="row">{formatDateTime(run.startedAt)}</Table.Th>
                <Table.Td>{t.runs.triggers[run.trigger] ?? run.trigger}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={run.status === 'failed' ? 'red' : run.status === 'running' ? 'blue' : 'green'}
                  >
                    {t.runs.statuses[run.status] ?? run.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{erased(run)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {runs.hasMore && (
          <Button variant="default" onClick={runs.loadMore} loading={runs.loadingMore}>
            {t.runs.more}
          </Button>
        )}
      </QueryState>
    </Stack>
  );
}

/** Gallring: the admin's rules, preview and runs; the auditor sees the log of runs. */
export function RetentionPage() {
  const { hasRole } = useSession();
  const admin = hasRole('admin');
  return (
    <Page title={t.title}>
      <Text>{admin ? t.intro : t.auditorIntro}</Text>
      {admin && <Rules />}
      {admin && <Preview />}
      <Runs />
    </Page>
  );
}
