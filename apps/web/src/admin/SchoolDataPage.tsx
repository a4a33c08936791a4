import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/ProblemAlert';
import { QueryState } from '../components/QueryState';
import { formatDateTime } from '../format';
import { keyOf, useApiMutation } from '../query';
import { texts } from '../texts';
import { useAgencies } from './AdminUsersPage';

const t = texts.schoolData;

type SyncRun = Schemas['SyncRunDto'];
type Source = Schemas['SourceDto'];
type AuthType = Schemas['SourceAuthInput']['type'];
const SOURCES = '/api/v1/ss12000/sources';

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
            {Object.entries(run.counts as unknown as Record<string, number>).map(([key, n]) => (
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

/**
 * Create or edit a source: name, address, auth (secrets are write-only: typed, sent, never shown
 * again; on edit the stored one is kept unless a new one is typed), schools by SS 12000 id, schedule.
 */
function SourceForm({ source, onDone }: { source?: Source; onDone(message: string): void }) {
  const f = t.form;
  const agencies = useAgencies();
  const schools = agencies.items.filter((a) => a.type === 'school');
  const [name, setName] = useState(source?.name ?? '');
  const [baseUrl, setBaseUrl] = useState(source?.baseUrl ?? '');
  const [authType, setAuthType] = useState<AuthType>((source?.auth.type as AuthType) ?? 'none');
  const [token, setToken] = useState('');
  const [tokenUrl, setTokenUrl] = useState(source?.auth.tokenUrl ?? '');
  const [clientId, setClientId] = useState(source?.auth.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [scope, setScope] = useState(source?.auth.scope ?? '');
  const [mapped, setMapped] = useState(
    source?.schools.map((s) => ({ organisationId: s.organisationId, agencyId: s.agencyId })) ?? [],
  );
  const [syncFrom, setSyncFrom] = useState(source?.syncFrom ?? '');
  const [every, setEvery] = useState<number | string>(source?.syncEveryMinutes ?? '');
  const save = useApiMutation({
    mutationFn: (body: Schemas['CreateSourceDto']) =>
      source
        ? data(client.PATCH('/api/v1/ss12000/sources/{id}', { params: { path: { id: source.id } }, body }))
        : data(client.POST('/api/v1/ss12000/sources', { body })),
    invalidates: [SOURCES],
    onSuccess: (saved) => onDone(source ? f.saved : f.created(saved.name)),
  });
  const errors = formErrors(save.error);
  const auth = (): Schemas['SourceAuthInput'] | undefined => {
    const same = source && source.auth.type === authType;
    if (authType === 'none') return same ? undefined : { type: 'none' };
    if (authType === 'bearer') return same && !token ? undefined : { type: 'bearer', token };
    const unchanged =
      same &&
      !clientSecret &&
      tokenUrl === (source.auth.tokenUrl ?? '') &&
      clientId === (source.auth.clientId ?? '') &&
      scope === (source.auth.scope ?? '');
    if (unchanged) return undefined;
    return { type: 'oauth2_client_credentials', tokenUrl, clientId, clientSecret, ...(scope ? { scope } : {}) };
  };
  const submit = () => {
    const body = {
      name: name.trim(),
      baseUrl: baseUrl.trim(),
      auth: auth(),
      schools: mapped.map((m) => ({ organisationId: m.organisationId.trim(), agencyId: m.agencyId })),
      syncFrom: syncFrom.trim() || (source ? null : undefined),
      syncEveryMinutes: every === '' ? (source ? null : undefined) : Number(every),
    };
    save.mutate(body as Schemas['CreateSourceDto']);
  };
  const secretHint = source?.auth.secretStored && source.auth.type === authType ? f.secretKept : f.secretHint;
  const titleId = source ? `edit-${source.id}` : 'create-source-title';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h3" id={titleId} mb="sm">
        {source ? f.editTitle(source.name) : f.createTitle}
      </Title>
      <ApiForm
        onSubmit={submit}
        pending={save.isPending}
        error={save.error}
        fields={[
          'name',
          'baseUrl',
          'auth.type',
          'auth.token',
          'auth.tokenUrl',
          'auth.clientId',
          'auth.clientSecret',
          'auth.scope',
          'syncFrom',
          'syncEveryMinutes',
          ...mapped.flatMap((_, i) => [`schools.${i}.organisationId`, `schools.${i}.agencyId`]),
        ]}
        submitLabel={source ? f.save : f.create}
        label={source ? f.editTitle(source.name) : f.createTitle}
        extraActions={
          source ? (
            <Button variant="default" onClick={() => onDone('')}>
              {f.cancel}
            </Button>
          ) : undefined
        }
      >
        <TextInput
          label={f.name}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.errorOf('name')}
          required
          maxLength={200}
        />
        <TextInput
          label={f.baseUrl}
          description={f.baseUrlHint}
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.currentTarget.value)}
          error={errors.errorOf('baseUrl')}
          required
          type="url"
        />
        <NativeSelect
          label={f.authType}
          data={(['none', 'bearer', 'oauth2_client_credentials'] as const).map((value) => ({
            value,
            label: t.authTypes[value],
          }))}
          value={authType}
          onChange={(e) => setAuthType(e.currentTarget.value as AuthType)}
          error={errors.errorOf('auth.type')}
        />
        {authType === 'bearer' && (
          <PasswordInput
            label={f.token}
            description={secretHint}
            value={token}
            onChange={(e) => setToken(e.currentTarget.value)}
            error={errors.errorOf('auth.token')}
            autoComplete="off"
          />
        )}
        {authType === 'oauth2_client_credentials' && (
          <>
            <TextInput
              label={f.tokenUrl}
              value={tokenUrl}
              onChange={(e) => setTokenUrl(e.currentTarget.value)}
              error={errors.errorOf('auth.tokenUrl')}
              type="url"
              required
            />
            <TextInput
              label={f.clientId}
              value={clientId}
              onChange={(e) => setClientId(e.currentTarget.value)}
              error={errors.errorOf('auth.clientId')}
              required
            />
            <PasswordInput
              label={f.clientSecret}
              description={secretHint}
              value={clientSecret}
              onChange={(e) => setClientSecret(e.currentTarget.value)}
              error={errors.errorOf('auth.clientSecret')}
              autoComplete="off"
            />
            <TextInput
              label={f.scope}
              value={scope}
              onChange={(e) => setScope(e.currentTarget.value)}
              error={errors.errorOf('auth.scope')}
            />
          </>
        )}
        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={500} size="sm">
            {f.schools}
          </Text>
          <Text size="sm">{f.schoolsHint}</Text>
          {mapped.map((m, i) => (
            <Group key={i} align="start">
              <TextInput
                label={f.organisationId(i + 1)}
                value={m.organisationId}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setMapped((all) => all.map((x, j) => (j === i ? { ...x, organisationId: value } : x)));
                }}
                error={errors.errorOf(`schools.${i}.organisationId`)}
                w={340}
              />
              <NativeSelect
                label={f.agency(i + 1)}
                data={[{ value: '', label: f.chooseSchool }, ...schools.map((a) => ({ value: a.id, label: a.name }))]}
                value={m.agencyId}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setMapped((all) => all.map((x, j) => (j === i ? { ...x, agencyId: value } : x)));
                }}
                error={errors.errorOf(`schools.${i}.agencyId`)}
              />
              <ActionIcon
                variant="default"
                mt={26}
                aria-label={f.removeSchool(i + 1)}
                onClick={() => setMapped((all) => all.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              onClick={() => setMapped((all) => [...all, { organisationId: '', agencyId: '' }])}
            >
              {f.addSchool}
            </Button>
          </Group>
        </Stack>
        <TextInput
          label={f.syncFromLabel}
          value={syncFrom}
          onChange={(e) => setSyncFrom(e.currentTarget.value)}
          error={errors.errorOf('syncFrom')}
          placeholder="2026-08-15"
        />
        <NumberInput
          label={f.everyLabel}
          value={every}
          onChange={setEvery}
          min={5}
          max={10080}
          clampBehavior="none"
          error={errors.errorOf('syncEveryMinutes')}
        />
      </ApiForm>
    </Paper>
  );
}

function SourceCard({ source, onMessage }: { source: Source; onMessage(message: string): void }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [started, setStarted] = useState(false);
  const syncNow = useApiMutation({
    mutationFn: () => data(client.POST('/api/v1/ss12000/sources/{id}/runs', { params: { path: { id: source.id } } })),
    invalidates: [SOURCES],
    onSuccess: () => setStarted(true),
  });
  const remove = useApiMutation({
    mutationFn: () => data(client.DELETE('/api/v1/ss12000/sources/{id}', { params: { path: { id: source.id } } })),
    invalidates: [SOURCES],
    onSuccess: () => onMessage(t.removed(source.name)),
  });
  if (editing) {
    return (
      <SourceForm
        source={source}
        onDone={(message) => {
          setEditing(false);
          if (message) onMessage(message);
        }}
      />
    );
  }
  return (
    <Card withBorder component="section" aria-labelledby={`source-${source.id}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id={`source-${source.id}`}>
            {source.name}
          </Title>
          <Group gap="xs">
            <Button onClick={() => syncNow.mutate()} loading={syncNow.isPending}>
              {t.syncNow}
            </Button>
            <Button variant="default" onClick={() => setEditing(true)}>
              {t.edit}
            </Button>
            {confirming ? (
              <Button color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
                {t.confirmRemove}
              </Button>
            ) : (
              <Button variant="default" color="red" onClick={() => setConfirming(true)}>
                {t.remove}
              </Button>
            )}
          </Group>
        </Group>
        <ProblemAlert error={syncNow.error ?? remove.error} />
        {started && !syncNow.error && (
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

/** The administrator's SS 12000 sources: connect, edit, remove; mapped schools, last run, "Synka nu", the schedule. */
export function SchoolDataPage() {
  const sources = useQuery({ queryKey: keyOf(SOURCES), queryFn: () => data(client.GET('/api/v1/ss12000/sources')) });
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Page title={t.title}>
      <Text>{t.intro}</Text>
      <SourceForm key={message ?? ''} onDone={setMessage} />
      {message && (
        <Alert color="green" role="status">
          {message}
        </Alert>
      )}
      <QueryState query={sources} empty={t.empty} isEmpty={(sources.data ?? []).length === 0}>
        <Stack gap="lg">
          {(sources.data ?? []).map((source) => (
            <SourceCard key={source.id} source={source} onMessage={setMessage} />
          ))}
        </Stack>
      </QueryState>
    </Page>
  );
}
