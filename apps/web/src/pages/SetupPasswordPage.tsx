import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../api';
import { ProblemAlert } from '../components/ProblemAlert';
import { texts } from '../texts';

const t = texts.common.setup;
const MIN_LENGTH = 12;

/** A new user (or one given a new code) chooses their own password with the one-time setup code. */
export function SetupPasswordPage() {
  const [username, setUsername] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [mistake, setMistake] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  useEffect(() => {
    document.title = `${t.title} – ${texts.common.appName}`;
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setMistake(password.length < MIN_LENGTH ? t.tooShort : password !== repeat ? t.mismatch : null);
    if (password.length < MIN_LENGTH || password !== repeat) return;
    setBusy(true);
    try {
      await api.post('/auth/setup', { username: username.trim(), code: code.trim(), newPassword: password });
      setDone(true);
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
        ? t.tooMany
        : mistake;

  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder shadow="sm" p="xl" w={420} component="form" onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t.title}
          </Title>
          {done ? (
            <>
              <Alert color="green" role="status">
                {t.done}
              </Alert>
              <Anchor component={Link} to="/logga-in">
                {t.toLogin}
              </Anchor>
            </>
          ) : (
            <>
              <Text>{t.intro}</Text>
              <TextInput
                label={t.username}
                name="username"
                autoComplete="username"
                required
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
              />
              <TextInput
                label={t.code}
                name="code"
                autoComplete="one-time-code"
                required
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
              />
              <PasswordInput
                label={t.newPassword}
                name="new-password"
                autoComplete="new-password"
                required
                visibilityToggleButtonProps={{ 'aria-label': texts.common.login.showPassword }}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <PasswordInput
                label={t.repeatPassword}
                name="repeat-password"
                autoComplete="new-password"
                required
                visibilityToggleButtonProps={{ 'aria-label': texts.common.login.showPassword }}
                value={repeat}
                onChange={(e) => setRepeat(e.currentTarget.value)}
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
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
