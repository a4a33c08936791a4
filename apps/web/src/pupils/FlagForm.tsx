import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { api, ApiError } from '../api';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDateTime, formatPercent } from '../format';
import { useDraft } from '../session';
import { texts } from '../texts';
import { ruleHitText } from './ruleWords';
import type { Flag } from './types';

const t = texts.pupils.flag;

/** "Anmäl till elevhälsan": a text (kept as a draft across a session expiry) and, once sent, the new flag. */
export function FlagForm({ studentId }: { studentId: string }) {
  const [text, setText, clearText] = useDraft(`flag:${studentId}`);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [sent, setSent] = useState<Flag | null>(null);
  // One flag per worry: the pupil's flag awaiting triage (to add to), or their open case.
  const [existingFlag, setExistingFlag] = useState<Flag | null>(null);
  const [existingCase, setExistingCase] = useState<string | null>(null);
  const [noteAdded, setNoteAdded] = useState(false);

  async function showExisting(failure: unknown): Promise<boolean> {
    if (!(failure instanceof ApiError) || failure.status !== 409) return false;
    const existing = failure.problem.existing as { type: string; id: string; reference: string | null } | undefined;
    if (!existing) return false;
    if (existing.type === 'case') {
      setExistingCase(existing.reference ?? '');
      return true;
    }
    setExistingFlag(await api.get<Flag>(`/flags/${existing.id}`));
    return true;
  }

  async function addNote() {
    if (!existingFlag || !text.trim()) {
      setMissing(true);
      return;
    }
    setSending(true);
    setError(null);
    try {
      setExistingFlag(await api.post<Flag>(`/flags/${existingFlag.id}/notes`, { text: text.trim() }));
      clearText();
      setNoteAdded(true);
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    setSending(true);
    setError(null);
    try {
      const flag = await api.post<Flag>(`/students/${studentId}/flags`, { text: text.trim() });
      setSent(flag);
      clearText();
    } catch (e) {
      if (!(await showExisting(e).catch(() => false))) setError(e);
    } finally {
      setSending(false);
    }
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
                  <Button onClick={() => void addNote()} loading={sending}>
                    {t.addNote}
                  </Button>
                </Group>
              </>
            )}
            <ProblemAlert error={error} />
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
            <Button variant="default" onClick={() => setSent(null)}>
              {t.another}
            </Button>
          </Group>
        </>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t.intro}</Text>
            <Textarea
              label={t.text}
              description={t.textHint}
              value={text}
              onChange={(event) => {
                setText(event.currentTarget.value);
                if (missing) setMissing(false);
              }}
              error={missing ? t.empty : undefined}
              minRows={4}
              autosize
              maxLength={4000}
              required
            />
            <Group>
              <Button type="submit" loading={sending}>
                {t.submit}
              </Button>
            </Group>
            <ProblemAlert error={error} />
          </Stack>
        </form>
      )}
    </Stack>
  );
}
