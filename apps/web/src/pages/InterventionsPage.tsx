import { Badge, Button, Checkbox, NativeSelect, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../problem';
import { ApiForm, formErrors } from '../components/Form';
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
type Provider = Schemas['CreateInterventionDto']['providerAgencyType'];

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
      {admin && <AddIntervention />}
    </Page>
  );
}

function AddIntervention() {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [provider, setProvider] = useState<Provider>('social_services');
  const [targetGroup, setTargetGroup] = useState('');
  const [evidenceBased, setEvidenceBased] = useState(false);
  const [nameMissing, setNameMissing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  // Every view of the catalogue (this list, the choice of intervention in a case) loads anew.
  const create = useApiMutation({
    mutationFn: (body: Schemas['CreateInterventionDto']) => data(client.POST('/api/v1/interventions', { body })),
    invalidates: ['/api/v1/interventions'],
    onSuccess: (created) => {
      setSaved(t.saved(created.name));
      setName('');
      setDescription('');
      setTargetGroup('');
      setEvidenceBased(false);
    },
  });
  // A name already in the catalogue is the name field's error.
  const exists = create.error instanceof ApiError && create.error.status === 409;
  const errors = formErrors(create.error);

  const submit = () => {
    setSaved(null);
    setNameMissing(!name.trim());
    if (!name.trim()) {
      create.reset();
      return;
    }
    create.mutate({
      name: name.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      providerAgencyType: provider,
      evidenceBased,
      ...(targetGroup.trim() ? { targetGroup: targetGroup.trim() } : {}),
      active: true,
    });
  };

  return (
    <Stack gap="sm" maw={560}>
      <Title order={2} size="h3">
        {t.add}
      </Title>
      {saved && (
        <Text role="status" fw={600}>
          {saved}
        </Text>
      )}
      <ApiForm
        label={t.add}
        onSubmit={submit}
        pending={create.isPending}
        error={exists ? null : create.error}
        fields={['name', 'description', 'providerAgencyType', 'targetGroup', 'evidenceBased']}
        submitLabel={t.save}
      >
        <TextInput
          label={t.name}
          withAsterisk
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={nameMissing ? t.nameRequired : exists ? t.exists : errors.errorOf('name')}
          maxLength={200}
        />
        <Textarea
          label={t.description}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.errorOf('description')}
          maxLength={4000}
          autosize
          minRows={2}
        />
        <NativeSelect
          label={t.provider}
          value={provider}
          onChange={(e) => setProvider(e.currentTarget.value as Provider)}
          error={errors.errorOf('providerAgencyType')}
          data={Object.entries(providers).map(([value, label]) => ({ value, label }))}
        />
        <TextInput
          label={t.targetGroup}
          value={targetGroup}
          onChange={(e) => setTargetGroup(e.currentTarget.value)}
          error={errors.errorOf('targetGroup')}
          maxLength={500}
        />
        <Checkbox
          label={t.evidenceBased}
          checked={evidenceBased}
          onChange={(e) => setEvidenceBased(e.currentTarget.checked)}
          error={errors.errorOf('evidenceBased')}
        />
      </ApiForm>
    </Stack>
  );
}
