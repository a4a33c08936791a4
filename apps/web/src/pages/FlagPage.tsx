import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDate, formatDateTime } from '../format';
import { useApi } from '../hooks';
import { useDraft, useSession } from '../session';
import { texts } from '../texts';
import { Fact, Facts, Loading } from '../triage/components';
import { FlagSnapshot } from '../triage/FlagSnapshot';
import { pupilName } from '../triage/hooks';
import { snapshotOf, type CaseDetail, type Flag } from '../triage/types';

const t = texts.triage.flag;

/** One flag: what the staff member saw, the absence at that moment, and its triage. */
export function FlagPage() {
  const { id = '' } = useParams();
  const flag = useApi<Flag>(`/flags/${id}`);
  const title = flag.data ? t.titleFor(pupilName(flag.data)) : t.title;

  return (
    <Page title={title}>
      <Anchor component={Link} to="/anmalningar">
        {t.back}
      </Anchor>
      {flag.loading && !flag.data ? <Loading /> : <ProblemAlert error={flag.error} />}
      {flag.data && <FlagDetails flag={flag.data} onChanged={flag.reload} />}
    </Page>
  );
}

function FlagDetails({ flag, onChanged }: { flag: Flag; onChanged(): void }) {
  return (
    <Stack gap="lg">
      <Card withBorder>
        <Stack gap="sm">
          <Facts>
            <Fact label={t.pupil}>{pupilName(flag)}</Fact>
            <Fact label={t.className}>{flag.className}</Fact>
            <Fact label={t.personnummer}>{flag.personnummerMasked}</Fact>
            <Fact label={t.createdBy}>{flag.createdBy.displayName}</Fact>
            <Fact label={t.createdAt}>{formatDateTime(flag.createdAt)}</Fact>
            <Fact label={t.status}>
              <Badge variant="light" color={flag.status === 'new' ? 'blue' : 'gray'} data-testid="flag-status">
                {texts.triage.flagStatus[flag.status]}
              </Badge>
            </Fact>
          </Facts>
          <Title order={2} size="h4">
            {t.text}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="flag-text">
            {flag.text}
          </Text>
        </Stack>
      </Card>
      <Card withBorder>
        <FlagSnapshot snapshot={snapshotOf(flag)} />
      </Card>
      {flag.status === 'new' ? <Triage flag={flag} onChanged={onChanged} /> : <Triaged flag={flag} />}
    </Stack>
  );
}

function Triaged({ flag }: { flag: Flag }) {
  return (
    <Alert color={flag.status === 'accepted' ? 'teal' : 'gray'} title={texts.triage.flagStatus[flag.status]}>
      <Stack gap={4}>
        {flag.triagedBy && <Text size="sm">{t.triagedBy(flag.triagedBy.displayName, formatDate(flag.triagedAt))}</Text>}
        {flag.status === 'dismissed' && flag.dismissReason && (
          <Text size="sm">
            {t.reason}: {flag.dismissReason}
          </Text>
        )}
        {flag.status === 'accepted' && (
          <Text size="sm">
            {t.acceptedNote}{' '}
            <Anchor component={Link} to="/arenden">
              {t.toCases}
            </Anchor>
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

function Triage({ flag, onChanged }: { flag: Flag; onChanged(): void }) {
  const { hasRole } = useSession();
  const navigate = useNavigate();
  const [reason, setReason, clearReason] = useDraft(`flag-dismiss-${flag.id}`);
  const [busy, setBusy] = useState<'accept' | 'dismiss' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [missingReason, setMissingReason] = useState(false);
  const canOpen = hasRole('elevhalsa');

  async function accept() {
    setBusy('accept');
    setError(null);
    try {
      const opened = await api.post<CaseDetail>(`/flags/${flag.id}/accept`, {});
      void navigate(`/arenden/${opened.id}`);
    } catch (failure) {
      setError(failure);
      setBusy(null);
    }
  }

  async function dismiss(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setMissingReason(true);
      return;
    }
    setBusy('dismiss');
    setError(null);
    try {
      await api.post(`/flags/${flag.id}/dismiss`, { reason: reason.trim() });
      clearReason();
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card withBorder component="section" aria-labelledby="triage-heading">
      <Stack gap="md">
        <Title order={2} size="h4" id="triage-heading">
          {t.triage}
        </Title>
        {canOpen ? (
          <Group align="center">
            <Button onClick={() => void accept()} loading={busy === 'accept'} disabled={busy !== null}>
              {t.accept}
            </Button>
            <Text size="sm">{t.acceptHelp}</Text>
          </Group>
        ) : (
          <Text size="sm">{t.principalAcceptNote}</Text>
        )}
        <form onSubmit={(e) => void dismiss(e)} noValidate>
          <Stack gap="sm">
            <Textarea
              label={t.dismissReason}
              description={t.dismissHelp}
              required
              autosize
              minRows={2}
              maxLength={2000}
              value={reason}
              error={missingReason && !reason.trim() ? t.reasonRequired : undefined}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Group>
              <Button
                type="submit"
                variant="outline"
                color="gray"
                loading={busy === 'dismiss'}
                disabled={busy !== null}
              >
                {t.dismiss}
              </Button>
            </Group>
          </Stack>
        </form>
        <ProblemAlert error={error} />
      </Stack>
    </Card>
  );
}
