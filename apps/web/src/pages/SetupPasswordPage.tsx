import { Alert, Anchor, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../problem';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { useApiMutation } from '../query';
import { texts } from '../texts';

const t = texts.common.setup;
const MIN_LENGTH = 12;

/** A new user (or one given a new code) chooses their own password with the one-time setup code. */
export function SetupPasswordPage() {
  const [username, setUsername] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mistake, setMistake] = useState<string | null>(null);
  useEffect(() => {
    document.title = `${t.title} – ${texts.common.appName}`;
  }, []);
  const setup = useApiMutation({
    mutationFn: (body: Schemas['SetupDto']) => data(client.POST('/api/v1/auth/setup', { body })),
  });
  const errors = formErrors(setup.error);

  function submit() {
    const found = password.length < MIN_LENGTH ? t.tooShort : password !== repeat ? t.mismatch : null;
    setMistake(found);
    if (found) {
      setup.reset();
      return;
    }
    setup.mutate({ username: username.trim(), code: code.trim(), newPassword: password });
  }

  // A wrong username or code, or too many tries: said in words of their own, never which of the two was wrong.
  const refusal =
    setup.error instanceof ApiError && setup.error.status === 401
      ? t.failed
      : setup.error instanceof ApiError && setup.error.status === 429
        ? t.tooMany
        : null;
  const message = refusal ?? mistake;

  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder shadow="sm" p="xl" w={420}>
        <Stack>
          <Title order={1} size="h2">
            {t.title}
          </Title>
          {setup.isSuccess ? (
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
              <ApiForm
                label={t.title}
                onSubmit={submit}
                pending={setup.isPending}
                error={refusal ? null : setup.error}
                fields={['username', 'code', 'newPassword']}
                submitLabel={t.submit}
              >
                <TextInput
                  label={t.username}
                  name="username"
                  autoComplete="username"
                  required
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                  error={errors.errorOf('username')}
                />
                <TextInput
                  label={t.code}
                  name="code"
                  autoComplete="one-time-code"
                  required
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  error={errors.errorOf('code')}
                />
                <PasswordInput
                  label={t.newPassword}
                  name="new-password"
                  autoComplete="new-password"
                  required
                  visibilityToggleButtonProps={{ 'aria-label': texts.common.login.showPassword }}
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={errors.errorOf('newPassword')}
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
                {message && (
                  <Alert color="red" role="alert">
                    {message}
                  </Alert>
                )}
              </ApiForm>
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
