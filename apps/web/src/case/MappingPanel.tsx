import { Alert, Button, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { api, ApiError } from '../api';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDateTime } from '../format';
import { useQuery } from '@tanstack/react-query';
import { client, data } from '../client';
import { keyOf } from '../query';
import type { Contribution, Mapping, MappingSection } from '../planning/types';
import { loaded, useCase } from '../triage/hooks';
import { useDraft, useSession } from '../session';
import { texts } from '../texts';
import type { PanelProps } from './CasePage';

const t = texts.planning.mapping;

/** One contribution, signed; its own agency may edit it in place. */
function ContributionView({
  caseId,
  contribution,
  onSaved,
}: {
  caseId: string;
  contribution: Contribution;
  onSaved(): void;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText, clearText] = useDraft(`mapping-edit:${contribution.id}`, contribution.text);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!text.trim()) {
      setError(new ApiError({ status: 422, detail: t.blank }));
      return;
    }
    setBusy(true);
    try {
      await api.patch(`/cases/${caseId}/mapping/${contribution.id}`, { text: text.trim() });
      clearText();
      setEditing(false);
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
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
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <Textarea
              label={t.editLabel}
              autosize
              minRows={3}
              maxLength={10000}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <ProblemAlert error={error} />
            <Group>
              <Button type="submit" size="xs" loading={busy}>
                {t.saveEdit}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  clearText();
                  setEditing(false);
                  setError(null);
                }}
              >
                {texts.common.cancel}
              </Button>
            </Group>
          </Stack>
        </form>
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
function AddContribution({ caseId, section, onSaved }: { caseId: string; section: MappingSection; onSaved(): void }) {
  const name = t.sections[section];
  const [text, setText, clearText] = useDraft(`mapping:${caseId}:${section}`);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(false);
    if (!text.trim()) {
      setError(new ApiError({ status: 422, detail: t.blank }));
      return;
    }
    setBusy(true);
    try {
      await api.post(`/cases/${caseId}/mapping`, { section, text: text.trim() });
      clearText();
      setDone(true);
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
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
        />
        <ProblemAlert error={error} />
        {done && (
          <Alert color="green" role="status">
            {t.added}
          </Alert>
        )}
        <div>
          <Button type="submit" size="xs" loading={busy}>
            {t.addButton(name)}
          </Button>
        </div>
      </Stack>
    </form>
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
      queryFn: async () =>
        (await data(client.GET('/api/v1/cases/{id}/mapping', { params: { path: { id: caseId } } }))) as Mapping,
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
                <ContributionView
                  key={`${c.id}-${c.updatedAt}`}
                  caseId={caseId}
                  contribution={c}
                  onSaved={mapping.reload}
                />
              ))
            ) : (
              <Text size="sm">{t.empty}</Text>
            )}
            {mayWrite && <AddContribution caseId={caseId} section={section} onSaved={mapping.reload} />}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}
