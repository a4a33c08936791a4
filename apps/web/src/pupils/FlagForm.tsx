import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { client, data } from '../client';
import { ApiForm, formErrors } from '../components/Form';
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
  const send = useApiMutation({
    mutationFn: (body: { text: string }) =>
      data(client.POST('/api/v1/students/{id}/flags', { params: { path: { id: studentId } }, body })),
    invalidates: ['/api/v1/flags', `/api/v1/students/${studentId}`],
    onSuccess: (flag) => {
      setSent(flag as unknown as Flag);
      clearText();
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

  return (
    <Stack gap="sm" component="section" aria-labelledby="flag-title">
      <Title order={2} size="h3" id="flag-title">
        {t.title}
      </Title>
      {sent ? (
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
