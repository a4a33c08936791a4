import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { client, data } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDate, formatDateTime } from '../format';
import { keyOf, useApiMutation } from '../query';
import { useDraft, useSession } from '../session';
import { texts } from '../texts';
import { Fact, Facts, Loading } from '../triage/components';
import { FlagSnapshot } from '../triage/FlagSnapshot';
import { loaded, pupilName } from '../triage/hooks';
import { snapshotOf, type Flag } from '../triage/types';

const t = texts.triage.flag;

/** One flag: what the staff member saw, the absence at that moment, and its triage. */
export function FlagPage() {
  const { id = '' } = useParams();
  const flag = loaded(
    useQuery({
      queryKey: keyOf(`/api/v1/flags/${id}`),
      queryFn: () => data(client.GET('/api/v1/flags/{id}', { params: { path: { id } } })),
      enabled: !!id,
    }),
  );
  const title = flag.data ? t.titleFor(pupilName(flag.data)) : t.title;

  return (
    <Page title={title}>
      <Anchor component={Link} to="/anmalningar">
        {t.back}
      </Anchor>
      {flag.loading && !flag.data ? <Loading /> : <ProblemAlert error={flag.error} />}
      {flag.data && <FlagDetails flag={flag.data} />}
    </Page>
  );
}

function FlagDetails({ flag }: { flag: Flag }) {
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
      {flag.status === 'new' ? <Triage flag={flag} /> : <Triaged flag={flag} />}
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

function Triage({ flag }: { flag: Flag }) {
  const { hasRole } = useSession();
  const navigate = useNavigate();
  const [reason, setReason, clearReason] = useDraft(`flag-dismiss-${flag.id}`);
  const [missingReason, setMissingReason] = useState(false);
  const canOpen = hasRole('elevhalsa');
  // The flag, the lists of flags and cases, and the pupil's page show the opened case.
  const accept = useApiMutation({
    mutationFn: () => data(client.POST('/api/v1/flags/{id}/accept', { params: { path: { id: flag.id } }, body: {} })),
    invalidates: ['/api/v1/flags', '/api/v1/cases', `/api/v1/students/${flag.studentId}`],
    onSuccess: (opened) => void navigate(`/arenden/${opened.id}`),
  });
  // The flag (now closed), the lists of flags and the pupil's page load anew.
  const dismiss = useApiMutation({
    mutationFn: (body: { reason: string }) =>
      data(client.POST('/api/v1/flags/{id}/dismiss', { params: { path: { id: flag.id } }, body })),
    invalidates: ['/api/v1/flags', `/api/v1/students/${flag.studentId}`],
    onSuccess: () => clearReason(),
  });
  const busy = accept.isPending || dismiss.isPending;
  const errors = formErrors(dismiss.error);

  return (
    <Card withBorder component="section" aria-labelledby="triage-heading">
      <Stack gap="md">
        <Title order={2} size="h4" id="triage-heading">
          {t.triage}
        </Title>
        {canOpen ? (
          <Group align="center">
            <Button onClick={() => accept.mutate()} loading={accept.isPending} disabled={busy}>
              {t.accept}
            </Button>
            <Text size="sm">{t.acceptHelp}</Text>
          </Group>
        ) : (
          <Text size="sm">{t.principalAcceptNote}</Text>
        )}
        <ProblemAlert error={accept.error} />
        <ApiForm
          onSubmit={() => {
            setMissingReason(!reason.trim());
            if (reason.trim()) dismiss.mutate({ reason: reason.trim() });
          }}
          pending={dismiss.isPending}
          error={dismiss.error}
          fields={['reason']}
          submitLabel={t.dismiss}
        >
          <Textarea
            label={t.dismissReason}
            description={t.dismissHelp}
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            error={missingReason && !reason.trim() ? t.reasonRequired : errors.errorOf('reason')}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        </ApiForm>
      </Stack>
    </Card>
  );
}
