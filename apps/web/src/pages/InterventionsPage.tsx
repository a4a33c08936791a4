import {
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { FormEvent, useState } from 'react';
import { api, ApiError } from '../api';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/ProblemAlert';
import { ShowMore } from '../components/ShowMore';
import { client, data, Schemas } from '../client';
import { keyOf, useApiMutation, usePages } from '../query';
import { useSession } from '../session';
import { texts } from '../texts';
import { Loading } from '../triage/components';

const t = texts.interventions.catalogue;
const providers = texts.interventions.providers;

export type Intervention = Schemas['InterventionDto'];

/** /insatser — the organisation's intervention catalogue; administrators add and retire entries. */
export function InterventionsPage() {
  const { hasRole } = useSession();
  const admin = hasRole('admin');
  const list = usePages(keyOf('/api/v1/interventions', 'catalogue'), (cursor) =>
    data(client.GET('/api/v1/interventions', { params: { query: { limit: 200, cursor } } })),
  );
  // The entry changes in place (the list keeps its order); other views of the catalogue load anew.
  const change = useApiMutation({
    mutationFn: (item: Intervention) =>
      data(
        client.PATCH('/api/v1/interventions/{id}', {
          params: { path: { id: item.id } },
          body: { active: !item.active },
        }),
      ),
    onSuccess: (updated) => list.update((items) => items.map((i) => (i.id === updated.id ? updated : i))),
  });
  const error = change.error;
  const toggle = (item: Intervention) => change.mutate(item);

  return (
    <Page title={t.title}>
      <Text>{t.intro}</Text>
      <ProblemAlert error={list.error ?? error} />
      {list.loading ? (
        <Loading />
      ) : list.items.length === 0 && !list.error ? (
        <Text>{t.empty}</Text>
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={720}>
            <Table striped data-testid="interventions-table">
              <Table.Caption>{t.caption(list.items.length)}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.columns.name}</Table.Th>
                  <Table.Th scope="col">{t.columns.provider}</Table.Th>
                  <Table.Th scope="col">{t.columns.evidence}</Table.Th>
                  <Table.Th scope="col">{t.columns.targetGroup}</Table.Th>
                  <Table.Th scope="col">{t.columns.status}</Table.Th>
                  {admin && <Table.Th scope="col">{t.columns.actions}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((i) => (
                  <Table.Tr key={i.id} data-intervention={i.id}>
                    <Table.Th scope="row" fw={500}>
                      {i.name}
                      {i.description && (
                        <Text size="sm" c="dimmed">
                          {i.description}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td>{providers[i.providerAgencyType] ?? i.providerAgencyType}</Table.Td>
                    <Table.Td>{i.evidenceBased ? texts.common.yes : texts.common.no}</Table.Td>
                    <Table.Td>{i.targetGroup ?? '–'}</Table.Td>
                    <Table.Td>
                      {i.active ? (
                        t.active
                      ) : (
                        <Badge color="gray.7" variant="outline">
                          {t.retired}
                        </Badge>
                      )}
                    </Table.Td>
                    {admin && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={i.active ? t.retire(i.name) : t.reactivate(i.name)}
                          onClick={() => void toggle(i)}
                        >
                          {i.active ? t.retireLabel : t.reactivateLabel}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ShowMore list={list} justify="center" />
        </Stack>
      )}
      {admin && <AddIntervention onAdded={list.reload} />}
    </Page>
  );
}

function AddIntervention({ onAdded }: { onAdded: () => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [provider, setProvider] = useState('social_services');
  const [targetGroup, setTargetGroup] = useState('');
  const [evidenceBased, setEvidenceBased] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setError(null);
    if (!name.trim()) {
      setNameError(t.nameRequired);
      return;
    }
    setNameError(null);
    setBusy(true);
    try {
      await api.post('/interventions', {
        name: name.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
        providerAgencyType: provider,
        evidenceBased,
        ...(targetGroup.trim() ? { targetGroup: targetGroup.trim() } : {}),
        active: true,
      });
      setSaved(t.saved(name.trim()));
      setName('');
      setDescription('');
      setTargetGroup('');
      setEvidenceBased(false);
      onAdded();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setNameError(t.exists);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack component="form" onSubmit={(e) => void submit(e)} gap="sm" maw={560} aria-labelledby="add-intervention">
      <Title order={2} size="h3" id="add-intervention">
        {t.add}
      </Title>
      <ProblemAlert error={error} />
      {saved && (
        <Text role="status" fw={600}>
          {saved}
        </Text>
      )}
      <TextInput
        label={t.name}
        withAsterisk
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={nameError}
        aria-invalid={nameError ? true : undefined}
        maxLength={200}
      />
      <Textarea
        label={t.description}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        maxLength={4000}
        autosize
        minRows={2}
      />
      <NativeSelect
        label={t.provider}
        value={provider}
        onChange={(e) => setProvider(e.currentTarget.value)}
        data={Object.entries(providers).map(([value, label]) => ({ value, label }))}
      />
      <TextInput
        label={t.targetGroup}
        value={targetGroup}
        onChange={(e) => setTargetGroup(e.currentTarget.value)}
        maxLength={500}
      />
      <Checkbox
        label={t.evidenceBased}
        checked={evidenceBased}
        onChange={(e) => setEvidenceBased(e.currentTarget.checked)}
      />
      <Group>
        <Button type="submit" loading={busy}>
          {t.save}
        </Button>
      </Group>
    </Stack>
  );
}
