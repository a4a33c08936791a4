import { Alert, Anchor, Center, Paper, Stack, Title } from '@mantine/core';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { texts } from '../texts';

const t = texts.signIn.error;

/** Where a sign-in through the organisation's provider ends when it fails: what happened and whom to contact. */
export function SignInErrorPage() {
  const [params] = useSearchParams();
  const reason = params.get('orsak') ?? 'failed';
  useEffect(() => {
    document.title = `${t.title} – ${texts.common.appName}`;
  }, []);
  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder shadow="sm" p="xl" w={460}>
        <Stack>
          <Title order={1} size="h2">
            {t.title}
          </Title>
          <Alert color="red" role="alert" data-testid="sign-in-error">
            {t.reasons[reason] ?? t.reasons.failed}
          </Alert>
          <Anchor component={Link} to="/logga-in">
            {t.toLogin}
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}
