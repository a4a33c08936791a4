import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { ApiError } from '../problem';
import { useSession } from '../session';
import { texts } from '../texts';
import { signInApi } from './signInApi';

const t = texts.signIn.code;

/** The second step of a sign-in: a code from the authenticator app, or a recovery code. */
export function SecondFactorStep({ mfaToken, onRestart }: { mfaToken: string; onRestart(): void }) {
  const { completeSignIn } = useSession();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<'wrong' | 'voided' | 'expired' | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await completeSignIn(await signInApi.verify(mfaToken, code.trim()));
    } catch (failure) {
      const type = failure instanceof ApiError ? failure.problem.type : undefined;
      setProblem(
        type === '/problems/mfa-token-invalid'
          ? 'expired'
          : failure instanceof ApiError && failure.problem.tokenVoid
            ? 'voided'
            : 'wrong',
      );
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  const ended = problem === 'voided' || problem === 'expired';
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={1} size="h2">
          {t.title}
        </Title>
        <Text size="sm">{t.intro}</Text>
        <TextInput
          label={t.label}
          name="code"
          autoComplete="one-time-code"
          inputMode="text"
          required
          autoFocus
          disabled={ended}
          value={code}
          error={problem === 'wrong' ? t.wrong : undefined}
          aria-invalid={problem === 'wrong'}
          onChange={(e) => setCode(e.currentTarget.value)}
        />
        {ended ? (
          <>
            <Alert color="red" role="alert">
              {problem === 'voided' ? t.voided : t.expired}
            </Alert>
            <Button variant="default" onClick={onRestart}>
              {t.restart}
            </Button>
          </>
        ) : (
          <Button type="submit" loading={busy} disabled={!code.trim()}>
            {t.submit}
          </Button>
        )}
      </Stack>
    </form>
  );
}
