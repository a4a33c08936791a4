import { Alert, Badge, Checkbox, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { keyOf, useApiMutation } from '../query';
import { texts } from '../texts';

const t = texts.screens.rules;
type Rule = Schemas['AbsenceRuleDto'];

function RuleForm({ rule }: { rule: Rule }) {
  const [enabled, setEnabled] = useState(rule.enabled);
  const [params, setParams] = useState<Record<string, number | string>>(rule.params);
  const [saved, setSaved] = useState(false);
  const save = useApiMutation({
    mutationFn: (body: Schemas['UpdateAbsenceRuleDto']) =>
      data(client.PUT('/api/v1/absence-rules/{kind}', { params: { path: { kind: rule.kind } }, body })),
    invalidates: ['/api/v1/absence-rules', '/api/v1/schools'],
    onSuccess: () => setSaved(true),
  });
  const errors = formErrors(save.error);
  const titleId = `rule-${rule.kind}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Group gap="xs" mb="xs">
        <Title order={2} size="h3" id={titleId}>
          {t.kinds[rule.kind] ?? rule.kind}
        </Title>
        {rule.isDefault && <Badge variant="light">{t.isDefault}</Badge>}
      </Group>
      <Text size="sm" mb="sm">
        {t.describe(rule.kind, rule.params) ?? rule.description.replace(/`/g, '')}
      </Text>
      <ApiForm
        onSubmit={() => {
          setSaved(false);
          save.mutate({ enabled, params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Number(v)])) });
        }}
        pending={save.isPending}
        error={save.error}
        fields={['enabled', ...Object.keys(rule.params).map((k) => `params.${k}`)]}
        submitLabel={t.submit}
        label={t.kinds[rule.kind] ?? rule.kind}
      >
        <Checkbox label={t.enabled} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
        <Group align="start">
          {Object.keys(rule.params).map((name) => {
            const bounds = rule.bounds[name];
            return (
              <NumberInput
                key={name}
                label={t.params[`${rule.kind}.${name}`] ?? name}
                description={bounds ? t.bounds(bounds.min, bounds.max) : undefined}
                value={params[name]}
                onChange={(v) => setParams((p) => ({ ...p, [name]: v }))}
                min={bounds?.min}
                max={bounds?.max}
                clampBehavior="none"
                error={errors.errorOf(`params.${name}`)}
                w={260}
              />
            );
          })}
        </Group>
      </ApiForm>
      {saved && (
        <Alert color="green" role="status" mt="sm">
          {t.saved}
        </Alert>
      )}
    </Paper>
  );
}

/** The principal's absence rules of the organisation, editable within their bounds. */
export function AbsenceRulesPage() {
  const rules = useQuery({
    queryKey: keyOf('/api/v1/absence-rules'),
    queryFn: () => data(client.GET('/api/v1/absence-rules')),
  });
  const items = rules.data?.items ?? [];
  return (
    <Page title={t.title}>
      <Text>{t.intro}</Text>
      <QueryState query={rules} empty={t.empty} isEmpty={items.length === 0}>
        <Stack>
          {items.map((rule) => (
            <RuleForm key={rule.kind} rule={rule} />
          ))}
        </Stack>
      </QueryState>
    </Page>
  );
}
