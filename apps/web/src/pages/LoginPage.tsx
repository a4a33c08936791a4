import { Alert, Anchor, Button, Center, Divider, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { FormEvent, useEffect, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { SignInStep, useSession } from '../session';
import { signInApi, SSO_LOGIN_URL } from '../signin/signInApi';
import { SignInStepView } from '../signin/SignInStepView';
import { texts } from '../texts';
import { fieldErrorProps } from '../problem-texts';

const t = texts.common.login;

/** Only paths inside this app: `next` comes from the address bar. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { status, login, expired } = useSession();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<SignInStep | null>(null);
  const [ssoEnabled, setSsoEnabled] = useState(false);
  useEffect(() => {
    document.title = `${t.title} – ${texts.common.appName}`;
    signInApi.ssoEnabled().then(setSsoEnabled, () => setSsoEnabled(false));
  }, []);

  if (status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setStep(await login(username.trim(), password));
      setPassword('');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const message =
    error instanceof ApiError && error.status === 401
      ? t.failed
      : error instanceof ApiError && error.status === 429
        ? t.locked
        : null;

  if (step) {
    return (
      <Center mih="100vh" p="md" component="main" id="main">
        <Paper withBorder shadow="sm" p="xl" w={420}>
          <SignInStepView step={step} onRestart={() => setStep(null)} />
        </Paper>
      </Center>
    );
  }

  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder shadow="sm" p="xl" w={380} component="form" onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {texts.common.appName}
          </Title>
          {expired && <Alert color="yellow">{t.expired}</Alert>}
          {ssoEnabled && (
            <>
              {/* A navigation, not a button: the API sends the browser on to the organisation's provider. */}
              <Button component="a" href={SSO_LOGIN_URL} variant="filled" data-testid="sso-login">
                {texts.signIn.sso}
              </Button>
              <Divider label={texts.signIn.or} labelPosition="center" />
            </>
          )}
          <TextInput
            label={t.username}
            name="username"
            autoComplete="username"
            required
            {...fieldErrorProps(error, 'username')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
          />
          <PasswordInput
            label={t.password}
            name="password"
            autoComplete="current-password"
            required
            visibilityToggleButtonProps={{ 'aria-label': t.showPassword }}
            {...fieldErrorProps(error, 'password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {message ? (
            <Alert color="red" role="alert">
              {message}
            </Alert>
          ) : (
            <ProblemAlert error={error} />
          )}
          <Button type="submit" loading={busy}>
            {t.submit}
          </Button>
          <Anchor component={Link} to="/valj-losenord" size="sm">
            {t.haveCode}
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}
