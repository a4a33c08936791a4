import { Alert, Button, Code, List, Stack, Text, TextInput } from '@mantine/core';
import { FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../problem';
import type { TokenPair } from '../session-fetch';
import { ProblemAlert } from '../components/ProblemAlert';
import { texts } from '../texts';
import { QrCode } from './QrCode';
import { RecoveryCodes, signInApi, TotpEnrolment } from './signInApi';

const t = texts.signIn.enrol;

/**
 * Enrolling an authenticator app: the QR code (and the key to type), the first code, then the
 * recovery codes, shown once. With an enrolment token (a role that requires a second factor, at
 * sign-in) it starts at once and ends in the session (`onSession`).
 */
export function EnrolTotp({
  enrolmentToken,
  onSession,
}: {
  enrolmentToken?: string;
  onSession?(tokens: TokenPair): Promise<unknown>;
}) {
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [done, setDone] = useState<RecoveryCodes | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function start() {
    setBusy(true);
    setError(null);
    try {
      setEnrolment(await signInApi.startTotp(enrolmentToken));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (enrolmentToken) void start();
  }, [enrolmentToken]);

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setWrong(false);
    setError(null);
    try {
      setDone(await signInApi.confirmTotp(code.trim(), enrolmentToken));
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 422) setWrong(true);
      else setError(failure);
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  const already = error instanceof ApiError && error.status === 409;

  if (done) {
    return (
      <Stack>
        <Alert color="green" role="status">
          {t.done}
        </Alert>
        <Text fw={700} component="h2" size="lg">
          {t.recoveryTitle}
        </Text>
        <Text size="sm">{t.recoveryIntro}</Text>
        <List aria-label={t.recoveryLabel} data-testid="recovery-codes" listStyleType="none" spacing={4}>
          {done.recoveryCodes.map((recovery) => (
            <List.Item key={recovery}>
              <Code fz="md">{recovery}</Code>
            </List.Item>
          ))}
        </List>
        {done.session && onSession && <Button onClick={() => void onSession(done.session!)}>{t.continue}</Button>}
      </Stack>
    );
  }

  return (
    <Stack>
      {enrolmentToken && <Alert color="blue">{t.required}</Alert>}
      {!enrolment && !enrolmentToken && !already && (
        <Button onClick={() => void start()} loading={busy} w="fit-content">
          {t.start}
        </Button>
      )}
      {already ? (
        <Alert color="yellow" role="status">
          {t.already}
        </Alert>
      ) : (
        <ProblemAlert error={error} />
      )}
      {enrolment && (
        <form onSubmit={confirm} noValidate>
          <Stack>
            <Text size="sm">{t.intro}</Text>
            <QrCode value={enrolment.otpauthUri} label={t.qrLabel} />
            <Text size="sm">
              {t.manual} <Code data-testid="totp-secret">{enrolment.secret}</Code>
            </Text>
            <TextInput
              label={t.codeLabel}
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              value={code}
              error={wrong ? t.wrong : undefined}
              aria-invalid={wrong}
              onChange={(e) => setCode(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy} disabled={!code.trim()} w="fit-content">
              {t.confirm}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
