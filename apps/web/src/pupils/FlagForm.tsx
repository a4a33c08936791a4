import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../problem';
import { client, data } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { ProblemAlert } from '../components/ProblemAlert';
import { useApiMutation } from '../query';
import { formatDateTime, formatPercent } from '../format';
import { useDraft } from '../session';
import { texts } from '../texts';
import { ruleHitText } from './ruleWords';
import type { Flag } from './types';

const t = texts.pupils.flag;

/** "Anmäl till elevhälsan": a text (kept as a draft across a session expiry) and, once sent, the new flag. */
export function FlagForm({ studentId }: { studentId: string }) {
  const [text, setText, clearText] = useDraft(`flag:${studentId}`);
  const [missing, setMissing] = useState(false);
  const [sent, setSent] = useState<Flag | null>(null);
  // One flag per worry: the pupil's flag awaiting triage (to add to), or their open case.
  const [existingFlag, setExistingFlag] = useState<Flag | null>(null);
  const [existingCase, setExistingCase] = useState<string | null>(null);
  const [noteAdded, setNoteAdded] = useState(false);

  /** A 409 naming the pupil's existing flag or case: show that instead of an error. */
  async function showExisting(failure: unknown): Promise<boolean> {
    if (!(failure instanceof ApiError) || failure.status !== 409) return false;
    const existing = failure.problem.existing as { type: string; id: string; reference: string | null } | undefined;
    if (!existing) return false;
    if (existing.type === 'case') {
      setExistingCase(existing.reference ?? '');
      return true;
    }
    const flag = await data(client.GET('/api/v1/flags/{id}', { params: { path: { id: existing.id } } }));
    setExistingFlag(flag);
    return true;
  }

  const send = useApiMutation({
    mutationFn: async (body: { text: string }) => {
      try {
        return await data(client.POST('/api/v1/students/{id}/flags', { params: { path: { id: studentId } }, body }));
      } catch (failure) {
        if (await showExisting(failure).catch(() => false)) return null;
        throw failure;
      }
    },
    invalidates: ['/api/v1/flags', `/api/v1/students/${studentId}`],
    onSuccess: (flag) => {
      if (!flag) return;
      setSent(flag);
      clearText();
    },
  });
  const addNoteToFlag = useApiMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      data(client.POST('/api/v1/flags/{id}/notes', { params: { path: { id } }, body: { text: note } })),
    invalidates: ['/api/v1/flags'],
    onSuccess: (flag) => {
      setExistingFlag(flag);
      clearText();
      setNoteAdded(true);
    },
  });
  const errors = formErrors(send.error);

  function submit() {
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    send.mutate({ text: text.trim() });
  }

  function addNote() {
    if (!existingFlag || !text.trim()) {
      setMissing(true);
      return;
    }
    addNoteToFlag.mutate({ id: existingFlag.id, note: text.trim() });
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="flag-title">
      <Title order={2} size="h3" id="flag-title">
        {t.title}
      </Title>
      {existingCase !== null ? (
        <Alert color="yellow" role="status" data-testid="existing-case">
          {t.existingCase(existingCase)}
        </Alert>
      ) : existingFlag ? (
        <Paper withBorder p="md" data-testid="existing-flag">
          <Stack gap="xs">
            <Alert color="yellow" role="status">
              {t.existingFlag}
            </Alert>
            <Text size="sm">
              {t.existingFlagFrom(formatDateTime(existingFlag.createdAt), existingFlag.createdBy.displayName)}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{existingFlag.text}</Text>
            {(existingFlag.notes ?? []).length > 0 && (
              <>
                <Text size="sm" fw={600}>
                  {t.existingNotes}
                </Text>
                <List size="sm">
                  {(existingFlag.notes ?? []).map((n) => (
                    <List.Item key={n.id}>
                      {n.text} – {n.createdBy.displayName}, {formatDateTime(n.createdAt)}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
            {noteAdded ? (
              <Alert color="green" role="status">
                {t.noteAdded}
              </Alert>
            ) : (
              <>
                <Textarea
                  label={t.text}
                  value={text}
                  onChange={(event) => {
                    setText(event.currentTarget.value);
                    if (missing) setMissing(false);
                  }}
                  error={missing ? t.empty : undefined}
                  minRows={3}
                  autosize
                  maxLength={4000}
                  required
                />
                <Group>
                  <Button onClick={addNote} loading={addNoteToFlag.isPending}>
                    {t.addNote}
                  </Button>
                </Group>
              </>
            )}
            <ProblemAlert error={addNoteToFlag.error} />
          </Stack>
        </Paper>
      ) : sent ? (
        <>
          <Alert color="green" role="status" title={t.success} />
          <Paper withBorder p="md" data-testid="sent-flag">
            <Stack gap="xs">
              <Title order={3} size="h4">
                {t.sent}
              </Title>
              <Group gap="xs">
                <Text size="sm">
                  {t.sentAt}: {formatDateTime(sent.createdAt)} · {t.sentBy}: {sent.createdBy.displayName}
                </Text>
                <Badge variant="light">
                  {t.status}: {t.statuses[sent.status] ?? sent.status}
                </Badge>
              </Group>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{sent.text}</Text>
              <Text size="sm">
                {t.snapshot(
                  formatPercent(sent.snapshot.figures.absencePercent, true),
                  formatPercent(sent.snapshot.figures.invalidAbsencePercent, true),
                )}
              </Text>
              {sent.snapshot.rulesHit.length > 0 && (
                <>
                  <Text size="sm" fw={600}>
                    {t.snapshotReasons}
                  </Text>
                  <List size="sm">
                    {sent.snapshot.rulesHit.map((hit) => (
                      <List.Item key={hit.rule}>{ruleHitText(hit)}</List.Item>
                    ))}
                  </List>
                </>
              )}
            </Stack>
          </Paper>
          <Group>
            <Button
              variant="default"
              onClick={() => {
                setSent(null);
                send.reset();
              }}
            >
              {t.another}
            </Button>
          </Group>
        </>
      ) : (
        <ApiForm onSubmit={submit} pending={send.isPending} error={send.error} fields={['text']} submitLabel={t.submit}>
          <Text size="sm">{t.intro}</Text>
          <Textarea
            label={t.text}
            description={t.textHint}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              if (missing) setMissing(false);
            }}
            error={missing ? t.empty : errors.errorOf('text')}
            minRows={4}
            autosize
            maxLength={4000}
            required
          />
        </ApiForm>
      )}
    </Stack>
  );
}
