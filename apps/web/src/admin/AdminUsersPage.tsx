import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { ReactNode, useState } from 'react';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { formatDateTime } from '../format';
import { keyOf, useApiMutation, usePages } from '../query';
import { texts } from '../texts';

const t = texts.screens.users;
const ROLES = ['school_staff', 'principal', 'elevhalsa', 'agency_worker', 'admin', 'auditor'] as const;
type Role = (typeof ROLES)[number];
type User = Schemas['UserDto'];
const roleNames = (roles: string[]) => roles.map((role) => texts.common.roles[role] ?? role).join(', ');

export function useAgencies() {
  return usePages(keyOf('/api/v1/agencies'), (cursor) =>
    data(client.GET('/api/v1/agencies', { params: { query: { limit: 500, cursor } } })),
  );
}

function RolesField({ value, onChange, error }: { value: Role[]; onChange(v: Role[]): void; error?: string }) {
  return (
    <Checkbox.Group
      label={t.create.roles}
      description={t.create.rolesHint}
      value={value}
      onChange={(v) => onChange(v as Role[])}
      error={error}
      required
    >
      <Group mt="xs">
        {ROLES.map((role) => (
          <Checkbox key={role} value={role} label={texts.common.roles[role]} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

/** What the server answered with a setup code: shown once, or mailed. */
function SetupCodeNotice({ name, setup }: { name: string; setup: Schemas['SetupCodeDto'] }) {
  return (
    <Alert color="green" role="status" title={t.code.shownTitle(name)} data-testid="setup-code">
      {setup.delivered === 'shown' && setup.setupCode
        ? t.code.shown(setup.setupCode, formatDateTime(setup.expiresAt))
        : t.code.mailed(name)}
    </Alert>
  );
}

function CreateUserForm({ onCreated }: { onCreated(user: Schemas['CreatedUserDto']): void }) {
  const agencies = useAgencies();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [roles, setRoles] = useState<Role[]>([]);
  const create = useApiMutation({
    mutationFn: (body: Schemas['CreateUserDto']) => data(client.POST('/api/v1/users', { body })),
    invalidates: ['/api/v1/users'],
    onSuccess: (user) => {
      setUsername('');
      setDisplayName('');
      setRoles([]);
      onCreated(user);
    },
  });
  const errors = formErrors(create.error);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="create-user-title">
      <Title order={2} size="h3" id="create-user-title" mb="sm">
        {t.create.title}
      </Title>
      <ApiForm
        onSubmit={() =>
          create.mutate({ username: username.trim(), displayName: displayName.trim(), agencyId: agencyId ?? '', roles })
        }
        pending={create.isPending}
        error={create.error}
        fields={['username', 'displayName', 'agencyId', 'roles']}
        submitLabel={t.create.submit}
      >
        <TextInput
          label={t.create.username}
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          error={errors.errorOf('username')}
          required
          type="email"
          maxLength={254}
        />
        <TextInput
          label={t.create.displayName}
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={errors.errorOf('displayName')}
          required
          maxLength={200}
        />
        <NativeSelect
          label={t.create.agency}
          data={[
            { value: '', label: t.create.chooseAgency },
            ...agencies.items.map((a) => ({
              value: a.id,
              label: `${a.name} (${texts.screens.agencyTypes[a.type] ?? a.type})`,
            })),
          ]}
          value={agencyId ?? ''}
          onChange={(e) => setAgencyId(e.currentTarget.value || null)}
          error={errors.errorOf('agencyId')}
          required
        />
        <RolesField value={roles} onChange={setRoles} error={errors.errorOf('roles')} />
      </ApiForm>
    </Paper>
  );
}

function EditUserModal({ user, onClose }: { user: User; onClose(): void }) {
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<Role[]>(user.roles as Role[]);
  const update = useApiMutation({
    mutationFn: (body: Schemas['UpdateUserDto']) =>
      data(client.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body })),
    invalidates: ['/api/v1/users'],
    onSuccess: onClose,
  });
  const errors = formErrors(update.error);
  return (
    <Modal
      opened
      closeButtonProps={{ 'aria-label': texts.common.close }}
      onClose={onClose}
      title={t.edit.title(user.displayName)}
    >
      <ApiForm
        onSubmit={() => update.mutate({ displayName: displayName.trim(), roles })}
        pending={update.isPending}
        error={update.error}
        fields={['displayName', 'roles']}
        submitLabel={t.edit.submit}
        extraActions={
          <Button variant="default" onClick={onClose}>
            {texts.common.cancel}
          </Button>
        }
      >
        <TextInput
          label={t.create.displayName}
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={errors.errorOf('displayName')}
          required
          maxLength={200}
        />
        <RolesField value={roles} onChange={setRoles} error={errors.errorOf('roles')} />
      </ApiForm>
    </Modal>
  );
}

function UserActions({ user, onNotice }: { user: User; onNotice(notice: ReactNode): void }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const issue = useApiMutation({
    mutationFn: () => data(client.POST('/api/v1/users/{id}/setup-code', { params: { path: { id: user.id } } })),
    onSuccess: (setup) => onNotice(<SetupCodeNotice name={user.displayName} setup={setup} />),
  });
  const deactivate = useApiMutation({
    mutationFn: () => data(client.POST('/api/v1/users/{id}/deactivate', { params: { path: { id: user.id } } })),
    invalidates: ['/api/v1/users'],
    onSuccess: () => {
      setConfirming(false);
      onNotice(
        <Alert color="green" role="status">
          {t.deactivate.done(user.displayName)}
        </Alert>,
      );
    },
  });
  const failed = issue.error ?? deactivate.error;
  if (!user.active) return null;
  return (
    <Group gap="xs" role="group" aria-label={t.actionsFor(user.displayName)}>
      <Button size="xs" variant="default" onClick={() => setEditing(true)}>
        {t.edit.open}
      </Button>
      <Button size="xs" variant="default" loading={issue.isPending} onClick={() => issue.mutate(undefined)}>
        {t.code.issue}
      </Button>
      <Button size="xs" color="red" variant="outline" onClick={() => setConfirming(true)}>
        {t.deactivate.open}
      </Button>
      {failed ? <FailedInline error={failed} /> : null}
      {editing && <EditUserModal user={user} onClose={() => setEditing(false)} />}
      <Modal
        opened={confirming}
        closeButtonProps={{ 'aria-label': texts.common.close }}
        onClose={() => setConfirming(false)}
        title={t.deactivate.open}
      >
        <Stack>
          <Text>{t.deactivate.confirm(user.displayName)}</Text>
          <Group>
            <Button color="red" loading={deactivate.isPending} onClick={() => deactivate.mutate(undefined)}>
              {t.deactivate.submit}
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              {texts.common.cancel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}

function FailedInline({ error }: { error: unknown }) {
  return (
    <Text size="sm" c="red.9" role="alert">
      {error instanceof Error ? error.message : texts.common.errors.server}
    </Text>
  );
}

/** The administrator's users of the organisation: create with a one-time code, edit roles, deactivate. */
export function AdminUsersPage() {
  const users = usePages(keyOf('/api/v1/users'), (cursor) =>
    data(client.GET('/api/v1/users', { params: { query: { limit: 100, cursor } } })),
  );
  const [notice, setNotice] = useState<ReactNode>(null);
  return (
    <Page title={t.title}>
      <Text>{t.intro}</Text>
      <CreateUserForm onCreated={(user) => setNotice(<SetupCodeNotice name={user.displayName} setup={user.setup} />)} />
      {notice}
      <QueryState query={users} empty={t.empty} isEmpty={users.items.length === 0}>
        <Table.ScrollContainer minWidth={800}>
          <Table striped data-testid="users-table">
            <Table.Caption>{t.caption(users.items.length, users.hasMore)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.columns.name}</Table.Th>
                <Table.Th scope="col">{t.columns.username}</Table.Th>
                <Table.Th scope="col">{t.columns.agency}</Table.Th>
                <Table.Th scope="col">{t.columns.roles}</Table.Th>
                <Table.Th scope="col">{t.columns.status}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t.edit.open}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Th scope="row" fw={500}>
                    {u.displayName}
                  </Table.Th>
                  <Table.Td>{u.username}</Table.Td>
                  <Table.Td>{u.agencyName}</Table.Td>
                  <Table.Td>{roleNames(u.roles)}</Table.Td>
                  <Table.Td>
                    {u.active ? (
                      t.active
                    ) : (
                      <Badge color="gray.7" variant="outline">
                        {t.inactive}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <UserActions user={u} onNotice={setNotice} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {users.hasMore && (
          <Group justify="center">
            <Button variant="default" loading={users.loadingMore} onClick={users.loadMore}>
              {texts.common.showMore}
            </Button>
          </Group>
        )}
      </QueryState>
    </Page>
  );
}
