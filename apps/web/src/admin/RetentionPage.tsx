import { Alert, Badge, Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/ProblemAlert';
import { PagedTable } from '../components/PagedTable';
import { formatDate, formatDateTime, formatNumber } from '../format';
import { keyOf, useApiMutation, usePages } from '../query';
import { useSession } from '../session';
import { texts } from '../texts';

const t = texts.retention;
type Rule = Schemas['RetentionRuleDto'];
type Run = Schemas['RetentionRunDto'];

const className = (dataClass: string) => t.classes[dataClass] ?? dataClass;

/** One rule's period, editable within its bounds (the rule's row keeps its state). */
function RulePeriod({ rule }: { rule: Rule }) {
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
    <>
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
    </>
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
      <PagedTable
        bordered
        list={{ items, isPending: rules.isPending, error: rules.error }}
        empty={t.rules.empty}
        caption={t.rules.caption}
        rowKey={(rule) => rule.dataClass}
        columns={[
          { header: t.rules.columns.dataClass, cell: (rule) => className(rule.dataClass) },
          { header: t.rules.columns.legalBasis, cell: (rule) => rule.legalBasis },
          { header: t.rules.columns.period, cell: (rule) => <RulePeriod rule={rule} /> },
        ]}
      />
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
      <PagedTable
        bordered
        list={{ items: classes, isPending: preview.isPending, error: preview.error }}
        caption={t.preview.caption}
        rowKey={(c) => c.dataClass}
        columns={[
          { header: t.preview.columns.dataClass, cell: (c) => className(c.dataClass) },
          { header: t.preview.columns.due, cell: (c) => formatNumber(c.due) },
          { header: t.preview.columns.cutoff, cell: (c) => formatDate(c.cutoff) },
        ]}
      />
      {preview.data && (
        <>
          <Title order={3} size="h4">
            {t.preview.holdsTitle}
          </Title>
          {holds.length === 0 ? (
            <Text>{t.preview.noHolds}</Text>
          ) : (
            <PagedTable
              bordered
              list={{ items: holds, isPending: false, error: null }}
              caption={t.preview.holdsCaption}
              rowKey={(h) => h.id}
              columns={[
                { header: t.preview.holdColumns.item, cell: (h) => className(h.dataClass) },
                { header: t.preview.holdColumns.reference, cell: (h) => h.reference },
                { header: t.preview.holdColumns.since, cell: (h) => formatDate(h.since) },
                { header: t.preview.holdColumns.reason, cell: (h) => t.preview.reasons[h.reason] ?? h.reason },
              ]}
            />
          )}
        </>
      )}
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
      <PagedTable
        bordered
        list={runs}
        empty={t.runs.empty}
        caption={t.runs.caption}
        moreLabel={t.runs.more}
        rowKey={(run) => run.id}
        columns={[
          { header: t.runs.columns.startedAt, cell: (run) => formatDateTime(run.startedAt) },
          { header: t.runs.columns.trigger, cell: (run) => t.runs.triggers[run.trigger] ?? run.trigger },
          {
            header: t.runs.columns.status,
            cell: (run) => (
              <Badge
                variant="light"
                color={run.status === 'failed' ? 'red' : run.status === 'running' ? 'blue' : 'green'}
              >
                {t.runs.statuses[run.status] ?? run.status}
              </Badge>
            ),
          },
          { header: t.runs.columns.erased, cell: (run) => erased(run) },
        ]}
      />
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
