import { Alert, Anchor, Badge, Button, Group, Loader, Modal, NativeSelect, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiForm, formErrors } from '../components/Form';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/ProblemAlert';
import { ShowMore } from '../components/ShowMore';
import { formatDate } from '../format';
import { client, data, Schemas } from '../client';
import { keyOf, useApiMutation, usePages } from '../query';
import { useDraft, useSession } from '../session';
import { texts } from '../texts';

type Mobilisation = Schemas['MobilisationDto'];

const t = texts.agency.invitations;
const FILTERS = ['all', 'pending', 'overdue', 'accepted', 'declined'] as const;
type Filter = (typeof FILTERS)[number];

/** Accepting names the agency's representative: an active agency worker of the agency (the API checks). */
function AcceptDialog({
  invitation,
  onDone,
  onClose,
}: {
  invitation: Mobilisation;
  onDone(m: Mobilisation): void;
  onClose(): void;
}) {
  const { me } = useSession();
  // The API offers agency workers no list of colleagues, so the one known to be valid is the caller.
  const candidates = me ? [{ value: me.id, label: t.me(me.displayName) }] : [];
  const [representative, setRepresentative] = useState(me?.id ?? '');
  // The case (its invitations, timeline, and what the agency may read) loads anew.
  const answer = useApiMutation({
    mutationFn: (body: Schemas['AcceptMobilisationDto']) =>
      data(client.POST('/api/v1/mobilisations/{id}/accept', { params: { path: { id: invitation.id } }, body })),
    invalidates: [`/api/v1/cases/${invitation.caseId}`],
    onSuccess: onDone,
  });
  const errors = formErrors(answer.error);

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': texts.common.close }}
      title={t.acceptTitle(invitation.caseReference)}
    >
      <ApiForm
        onSubmit={() => answer.mutate({ representativeUserId: representative })}
        pending={answer.isPending}
        error={answer.error}
        fields={['representativeUserId']}
        submitLabel={t.confirmAccept}
        extraActions={
          <Button variant="default" onClick={onClose}>
            {texts.common.cancel}
          </Button>
        }
      >
        <NativeSelect
          label={t.representativeLabel}
          description={t.representativeHelp}
          required
          value={representative}
          onChange={(e) => setRepresentative(e.currentTarget.value)}
          data={candidates}
          error={errors.errorOf('representativeUserId')}
        />
      </ApiForm>
    </Modal>
  );
}

function DeclineDialog({
  invitation,
  onDone,
  onClose,
}: {
  invitation: Mobilisation;
  onDone(m: Mobilisation): void;
  onClose(): void;
}) {
  const [reason, setReason, clearReason] = useDraft(`decline:${invitation.id}`);
  const [missing, setMissing] = useState(false);
  // The case (its invitations and timeline) loads anew.
  const answer = useApiMutation({
    mutationFn: (body: Schemas['DeclineMobilisationDto']) =>
      data(client.POST('/api/v1/mobilisations/{id}/decline', { params: { path: { id: invitation.id } }, body })),
    invalidates: [`/api/v1/cases/${invitation.caseId}`],
    onSuccess: (answered) => {
      clearReason();
      onDone(answered);
    },
  });
  const errors = formErrors(answer.error);

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': texts.common.close }}
      title={t.declineTitle(invitation.caseReference)}
    >
      <ApiForm
        onSubmit={() => {
          setMissing(!reason.trim());
          if (reason.trim()) answer.mutate({ reason: reason.trim() });
        }}
        pending={answer.isPending}
        error={answer.error}
        fields={['reason']}
        submitLabel={t.confirmDecline}
        extraActions={
          <Button variant="default" onClick={onClose}>
            {texts.common.cancel}
          </Button>
        }
      >
        <Textarea
          label={t.reasonLabel}
          description={t.reasonHelp}
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={reason}
          error={missing && !reason.trim() ? t.reasonRequired : errors.errorOf('reason')}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      </ApiForm>
    </Modal>
  );
}

/** The agency's inbox of invitations (mobiliseringar), by deadline: accept naming a representative, or decline. */
export function InvitationsPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const list = usePages(keyOf('/api/v1/mobilisations', filter), (cursor) =>
    data(
      client.GET('/api/v1/mobilisations', {
        params: { query: { limit: 50, status: filter === 'all' ? undefined : filter, cursor } },
      }),
    ),
  );
  const { items } = list;
  const [answering, setAnswering] = useState<{ invitation: Mobilisation; how: 'accept' | 'decline' } | null>(null);
  const [answered, setAnswered] = useState<string | null>(null);

  // The answered invitation changes in place: it stays in sight under the chosen filter until the list is loaded anew.
  function done(result: Mobilisation) {
    setAnswering(null);
    setAnswered(result.status === 'accepted' ? t.accepted(result.caseReference) : t.declined(result.caseReference));
    list.update((previous) => previous.map((m) => (m.id === result.id ? result : m)));
  }

  return (
    <Page title={t.title}>
      <Text>{t.intro}</Text>
      <NativeSelect
        label={t.filter}
        w={240}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value as Filter)}
        data={FILTERS.map((value) => ({ value, label: t.filters[value] }))}
      />
      {answered && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel={texts.common.close}
          onClose={() => setAnswered(null)}
        >
          {answered}
        </Alert>
      )}
      <ProblemAlert error={list.error} />
      {list.loading && !items.length ? (
        <Loader aria-label={texts.common.loading} />
      ) : !items.length && !list.error ? (
        <Text>{t.empty}</Text>
      ) : (
        items.length > 0 && (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" striped>
              <Table.Caption>{t.caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.columns.reference}</Table.Th>
                  <Table.Th scope="col">{t.columns.pupil}</Table.Th>
                  <Table.Th scope="col">{t.columns.school}</Table.Th>
                  <Table.Th scope="col">{t.columns.invitedBy}</Table.Th>
                  <Table.Th scope="col">{t.columns.deadline}</Table.Th>
                  <Table.Th scope="col">{t.columns.status}</Table.Th>
                  <Table.Th scope="col">{t.columns.message}</Table.Th>
                  <Table.Th scope="col">{t.columns.answer}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => (
                  <Table.Tr key={m.id} data-testid={`invitation-${m.caseReference}`}>
                    {/* A reference or a date is read whole: never broken at its hyphens in a narrow column. */}
                    <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
                      {m.caseReference}
                    </Table.Th>
                    <Table.Td>
                      {m.pupil ? (
                        t.pupil(m.pupil.firstName, m.pupil.lastName, m.pupil.className)
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t.pupilHidden}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{m.school.name}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{m.invitedBy.displayName}</Text>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(m.invitedAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text span inherit style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(m.deadline)}
                      </Text>{' '}
                      {m.overdue && (
                        <Badge color="red.9" variant="filled">
                          {t.overdue}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t.status[m.status]}</Text>
                      {m.representative && (
                        <Text size="xs" c="dimmed">
                          {t.representative(m.representative.displayName)}
                        </Text>
                      )}
                      {m.declineReason && (
                        <Text size="xs" c="dimmed">
                          {t.declineReason(m.declineReason)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {m.message ?? '–'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {m.status === 'pending' ? (
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            aria-label={t.acceptFor(m.caseReference)}
                            onClick={() => setAnswering({ invitation: m, how: 'accept' })}
                          >
                            {t.accept}
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={t.declineFor(m.caseReference)}
                            onClick={() => setAnswering({ invitation: m, how: 'decline' })}
                          >
                            {t.decline}
                          </Button>
                        </Group>
                      ) : m.status === 'accepted' && m.caseReadable === false ? (
                        <Text size="sm" fw={600} title={t.noConsentHelp} data-testid="no-consent">
                          {t.noConsent}
                        </Text>
                      ) : m.status === 'accepted' ? (
                        <Anchor
                          component={Link}
                          to={`/arenden/${m.caseId}`}
                          aria-label={t.openCaseFor(m.caseReference)}
                        >
                          {t.openCase}
                        </Anchor>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      )}
      <ShowMore list={list} />
      {answering?.how === 'accept' && (
        <AcceptDialog invitation={answering.invitation} onDone={done} onClose={() => setAnswering(null)} />
      )}
      {answering?.how === 'decline' && (
        <DeclineDialog invitation={answering.invitation} onDone={done} onClose={() => setAnswering(null)} />
      )}
    </Page>
  );
}
