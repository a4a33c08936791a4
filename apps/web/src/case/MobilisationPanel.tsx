import { Badge, Card, Group, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDate, todayIso } from '../format';
import { useApiMutation } from '../query';
import { useDraft } from '../session';
import { texts } from '../texts';
import { AgencySelect } from '../triage/AgencySelect';
import { Loading, Saved } from '../triage/components';
import { useCanCoordinate, useCase, useCaseMobilisations, usePartnerAgencies } from '../triage/hooks';
import type { PanelProps } from './CasePage';

const t = texts.triage.mobilisation;
const STATUS_COLOURS: Record<string, string> = { pending: 'blue', accepted: 'teal', declined: 'gray' };

/** Who was invited, who answered, who represents each agency, and what is overdue. */
export function MobilisationPanel({ caseId }: PanelProps) {
  const list = useCaseMobilisations(caseId);
  const found = useCase(caseId);
  const canCoordinate = useCanCoordinate();
  const [saved, setSaved] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const active = found.data ? found.data.status !== 'closed' : false;
  const pending = items.filter((m) => m.status === 'pending').length;
  const overdue = items.filter((m) => m.overdue).length;

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t.heading}
      </Title>
      <Text size="sm">{t.intro}</Text>
      {list.loading && !list.data ? (
        <Loading />
      ) : list.error ? (
        <ProblemAlert error={list.error} />
      ) : items.length === 0 ? (
        <Text>{t.empty}</Text>
      ) : (
        <>
          <Text data-testid="mobilisation-summary">
            {t.summary(items.length, items.length - pending, pending, overdue)}
          </Text>
          <Table.ScrollContainer minWidth={860}>
            <Table striped data-testid="mobilisations-table">
              <Table.Caption>{t.caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.columns.agency}</Table.Th>
                  <Table.Th scope="col">{t.columns.status}</Table.Th>
                  <Table.Th scope="col">{t.columns.representative}</Table.Th>
                  <Table.Th scope="col">{t.columns.deadline}</Table.Th>
                  <Table.Th scope="col">{t.columns.invited}</Table.Th>
                  <Table.Th scope="col">{t.columns.respondedAt}</Table.Th>
                  <Table.Th scope="col">{t.columns.note}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => (
                  <Table.Tr key={m.id} data-overdue={m.overdue || undefined}>
                    <Table.Th scope="row" fw={500}>
                      {m.agency.name}
                    </Table.Th>
                    <Table.Td>
                      <Group gap={6}>
                        <Badge variant="light" color={STATUS_COLOURS[m.status]}>
                          {t.status[m.status]}
                        </Badge>
                        {m.overdue && (
                          <Badge color="red" variant="filled" title={t.overdueHelp}>
                            {t.overdue}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{m.representative?.displayName ?? '–'}</Table.Td>
                    <Table.Td>
                      <Text
                        span
                        c={m.overdue ? 'red.9' : undefined}
                        fw={m.overdue ? 700 : undefined}
                        style={{ whiteSpace: 'nowrap' }}
                      >
                        {formatDate(m.deadline)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t.invitedBy(formatDate(m.invitedAt), m.invitedBy.displayName)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {m.respondedAt ? formatDate(m.respondedAt) : '–'}
                    </Table.Td>
                    <Table.Td>{m.declineReason ? t.declineReason(m.declineReason) : (m.message ?? '–')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      <Saved message={saved} />
      {canCoordinate && found.data && !active && <Text size="sm">{t.closed}</Text>}
      {canCoordinate && active && list.data && (
        <InviteForm
          caseId={caseId}
          invited={new Set(items.filter((m) => m.status !== 'declined').map((m) => m.agency.id))}
          onSaved={(agency) => setSaved(t.saved(agency))}
        />
      )}
    </Stack>
  );
}

function InviteForm({
  caseId,
  invited,
  onSaved,
}: {
  caseId: string;
  invited: Set<string>;
  onSaved(agencyName: string): void;
}) {
  const partners = usePartnerAgencies(true);
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [message, setMessage, clearMessage] = useDraft(`invite-message-${caseId}`);
  const [deadline, setDeadline] = useState('');
  const open = (partners.data?.items ?? []).filter((a) => !invited.has(a.id));
  // The case's invitations, its timeline and lead times, and the agencies' inboxes load anew.
  const invite = useApiMutation({
    mutationFn: (body: Schemas['InviteAgencyDto']) =>
      data(client.POST('/api/v1/cases/{id}/mobilisations', { params: { path: { id: caseId } }, body })),
    invalidates: [`/api/v1/cases/${caseId}`, '/api/v1/mobilisations'],
    onSuccess: (created: Schemas['MobilisationDto']) => {
      clearMessage();
      setAgencyId(null);
      setDeadline('');
      onSaved(created.agency.name);
    },
  });
  const errors = formErrors(invite.error);

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t.form}
        </Title>
        <ProblemAlert error={partners.error} />
        {partners.data && open.length === 0 ? (
          <Text size="sm">{t.noAgencies}</Text>
        ) : (
          <ApiForm
            label={t.form}
            onSubmit={() =>
              invite.mutate({
                // Not chosen: sent as null so the server names the field.
                agencyId: agencyId as string,
                ...(message.trim() ? { message: message.trim() } : {}),
                ...(deadline ? { deadline } : {}),
              })
            }
            pending={invite.isPending}
            error={invite.error}
            fields={['agencyId', 'message', 'deadline']}
            submitLabel={t.submit}
          >
            <AgencySelect
              label={t.agency}
              placeholder={t.agencyPlaceholder}
              agencies={open}
              loading={partners.loading}
              value={agencyId}
              onChange={setAgencyId}
              error={errors.errorOf('agencyId')}
            />
            <Textarea
              label={t.message}
              description={t.messageHelp}
              autosize
              minRows={2}
              maxLength={2000}
              maw={620}
              error={errors.errorOf('message')}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t.deadline}
              description={t.deadlineHelp}
              min={todayIso()}
              maw={260}
              error={errors.errorOf('deadline')}
              value={deadline}
              onChange={(e) => setDeadline(e.currentTarget.value)}
            />
          </ApiForm>
        )}
      </Stack>
    </Card>
  );
}
