import { Alert, Button, Loader, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../problem';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDateTime } from '../format';
import { keyOf, useApiMutation } from '../query';
import { loaded, useCase } from '../triage/hooks';
import { useDraft, useSession } from '../session';
import { texts } from '../texts';
import type { PanelProps } from './CasePage';

const t = texts.planning.mapping;
type Contribution = Schemas['ContributionDto'];
type MappingSection = Contribution['section'];

/** One contribution, signed; its own agency may edit it in place. */
function ContributionView({ caseId, contribution }: { caseId: string; contribution: Contribution }) {
  const [editing, setEditing] = useState(false);
  const [text, setText, clearText] = useDraft(`mapping-edit:${contribution.id}`, contribution.text);
  const [blank, setBlank] = useState(false);
  // The mapping and the case's timeline load anew.
  const edit = useApiMutation({
    mutationFn: (body: Schemas['EditContributionDto']) =>
      data(
        client.PATCH('/api/v1/cases/{id}/mapping/{contributionId}', {
          params: { path: { id: caseId, contributionId: contribution.id } },
          body,
        }),
      ),
    invalidates: [`/api/v1/cases/${caseId}`],
    onSuccess: () => {
      clearText();
      setEditing(false);
    },
  });
  const errors = formErrors(edit.error);

  function submit() {
    setBlank(!text.trim());
    if (text.trim()) edit.mutate({ text: text.trim() });
  }

  const signed = t.signed(
    contribution.author.displayName,
    contribution.agency.name,
    formatDateTime(contribution.createdAt),
  );
  const edited =
    contribution.updatedAt !== contribution.createdAt ? ` (${t.edited(formatDateTime(contribution.updatedAt))})` : '';

  return (
    <Paper withBorder p="sm" component="article" data-testid="mapping-contribution">
      {editing ? (
        <ApiForm
          onSubmit={submit}
          pending={edit.isPending}
          error={edit.error}
          fields={['text']}
          submitLabel={t.saveEdit}
          extraActions={
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                clearText();
                setEditing(false);
                setBlank(false);
                edit.reset();
              }}
            >
              {texts.common.cancel}
            </Button>
          }
        >
          <Textarea
            label={t.editLabel}
            autosize
            minRows={3}
            maxLength={10000}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={blank ? t.blank : errors.errorOf('text')}
          />
        </ApiForm>
      ) : (
        <Text style={{ whiteSpace: 'pre-wrap' }}>{contribution.text}</Text>
      )}
      <Group justify="space-between" mt="xs">
        <Text size="xs" c="dimmed">
          {signed}
          {edited}
        </Text>
        {contribution.editable && !editing && (
          <Button
            size="xs"
            variant="subtle"
            aria-label={`${t.editButton}: ${contribution.text.slice(0, 40)}`}
            onClick={() => {
              setText(contribution.text);
              setEditing(true);
            }}
          >
            {t.editButton}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** The form under a section: a new contribution, kept as a draft until it is saved. */
function AddContribution({ caseId, section }: { caseId: string; section: MappingSection }) {
  const name = t.sections[section];
  const [text, setText, clearText] = useDraft(`mapping:${caseId}:${section}`);
  const [blank, setBlank] = useState(false);
  const [done, setDone] = useState(false);
  // The mapping and the case's timeline load anew.
  const add = useApiMutation({
    mutationFn: (body: Schemas['AddContributionDto']) =>
      data(client.POST('/api/v1/cases/{id}/mapping', { params: { path: { id: caseId } }, body })),
    invalidates: [`/api/v1/cases/${caseId}`],
    onSuccess: () => {
      clearText();
      setDone(true);
    },
  });
  const errors = formErrors(add.error);

  function submit() {
    setDone(false);
    setBlank(!text.trim());
    if (text.trim()) add.mutate({ section, text: text.trim() });
  }

  return (
    <ApiForm
      onSubmit={submit}
      pending={add.isPending}
      error={add.error}
      fields={['text']}
      submitLabel={t.addButton(name)}
    >
      <Textarea
        label={t.addLabel(name)}
        autosize
        minRows={2}
        maxLength={10000}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setDone(false);
        }}
        error={blank ? t.blank : errors.errorOf('text')}
      />
      {done && (
        <Alert color="green" role="status">
          {t.added}
        </Alert>
      )}
    </ApiForm>
  );
}

/**
 * The mapping (kartläggning) section by section: every contribution signed with author and agency.
 * Each agency adds its own and edits only its own; consent decides which sections an agency reads.
 */
export function MappingPanel({ caseId }: PanelProps) {
  const { hasRole } = useSession();
  const caseInfo = useCase(caseId);
  const mapping = loaded(
    useQuery({
      queryKey: keyOf(`/api/v1/cases/${caseId}/mapping`),
      queryFn: () => data(client.GET('/api/v1/cases/{id}/mapping', { params: { path: { id: caseId } } })),
      enabled: !!caseInfo.data,
    }),
  );

  if (caseInfo.error) return <ProblemAlert error={caseInfo.error} />;
  if (mapping.error) {
    if (mapping.error instanceof ApiError && mapping.error.status === 403)
      return <Alert color="gray">{t.noConsent}</Alert>;
    return <ProblemAlert error={mapping.error} />;
  }
  if (!caseInfo.data || !mapping.data) return <Loader aria-label={texts.common.loading} />;

  const closed = caseInfo.data.status === 'closed';
  const mayWrite = hasRole('elevhalsa', 'agency_worker') && !closed;

  return (
    <Stack gap="lg">
      <Text size="sm">{t.intro}</Text>
      {closed && <Alert color="gray">{t.closed}</Alert>}
      {mapping.data.sections.map(({ section, visible, contributions }) => (
        <section key={section} aria-labelledby={`mapping-${section}`} data-testid={`mapping-section-${section}`}>
          <Title order={2} size="h3" id={`mapping-${section}`} mb="xs">
            {t.sections[section]}
          </Title>
          <Stack gap="sm">
            {!visible && (
              <Text size="sm" c="dimmed">
                {t.hiddenSection}
              </Text>
            )}
            {contributions.length ? (
              contributions.map((c) => (
                <ContributionView key={`${c.id}-${c.updatedAt}`} caseId={caseId} contribution={c} />
              ))
            ) : (
              <Text size="sm">{t.empty}</Text>
            )}
            {mayWrite && <AddContribution caseId={caseId} section={section} />}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}
