import { Alert, Button, Group, Paper, NativeSelect, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { useApiMutation } from '../query';
import { texts } from '../texts';
import { useAgencies } from './AdminUsersPage';

const t = texts.screens.agencies;
const TYPES = ['school', 'social_services', 'bup', 'habilitation', 'other'] as const;

function CreateAgencyForm({ onCreated }: { onCreated(name: string): void }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<(typeof TYPES)[number] | null>(null);
  const [code, setCode] = useState('');
  const create = useApiMutation({
    mutationFn: (body: Schemas['CreateAgencyDto']) => data(client.POST('/api/v1/agencies', { body })),
    invalidates: ['/api/v1/agencies'],
    onSuccess: (agency) => {
      setName('');
      setCode('');
      setType(null);
      onCreated(agency.name);
    },
  });
  const errors = formErrors(create.error);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="create-agency-title">
      <Title order={2} size="h3" id="create-agency-title" mb="sm">
        {t.create.title}
      </Title>
      <ApiForm
        onSubmit={() =>
          create.mutate({
            name: name.trim(),
            type: type ?? ('' as 'school'),
            ...(type === 'school' ? { schoolUnitCode: code.trim() } : {}),
          })
        }
        pending={create.isPending}
        error={create.error}
        fields={['name', 'type', 'schoolUnitCode']}
        submitLabel={t.create.submit}
      >
        <TextInput
          label={t.create.name}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.errorOf('name')}
          required
          maxLength={200}
        />
        <NativeSelect
          label={t.create.type}
          data={[
            { value: '', label: t.create.chooseType },
            ...TYPES.map((value) => ({ value, label: texts.screens.agencyTypes[value] })),
          ]}
          value={type ?? ''}
          onChange={(e) => setType((e.currentTarget.value || null) as (typeof TYPES)[number] | null)}
          error={errors.errorOf('type')}
          required
        />
        {type === 'school' && (
          <TextInput
            label={t.create.schoolUnitCode}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={errors.errorOf('schoolUnitCode')}
            inputMode="numeric"
            required
            maxLength={8}
          />
        )}
      </ApiForm>
    </Paper>
  );
}

/** The administrator's agencies of the organisation, with their type and, for schools, skolenhetskod. */
export function AdminAgenciesPage() {
  const agencies = useAgencies();
  const [created, setCreated] = useState<string | null>(null);
  return (
    <Page title={t.title}>
      <Text>{t.intro}</Text>
      <CreateAgencyForm onCreated={setCreated} />
      {created && (
        <Alert color="green" role="status">
          {t.create.done(created)}
        </Alert>
      )}
      <QueryState query={agencies} empty={t.empty} isEmpty={agencies.items.length === 0}>
        <Table striped data-testid="agencies-table">
          <Table.Caption>{t.caption(agencies.items.length, agencies.hasMore)}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.columns.name}</Table.Th>
              <Table.Th scope="col">{t.columns.type}</Table.Th>
              <Table.Th scope="col">{t.columns.schoolUnitCode}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agencies.items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Th scope="row" fw={500}>
                  {a.name}
                </Table.Th>
                <Table.Td>{texts.screens.agencyTypes[a.type] ?? a.type}</Table.Td>
                <Table.Td>{a.schoolUnitCode ?? '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {agencies.hasMore && (
          <Group justify="center">
            <Button variant="default" loading={agencies.loadingMore} onClick={agencies.loadMore}>
              {texts.common.showMore}
            </Button>
          </Group>
        )}
      </QueryState>
    </Page>
  );
}
