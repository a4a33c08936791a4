import { Alert, Anchor, Center, Loader, Paper, Stack, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { SignInStep, useSession } from '../session';
import { texts } from '../texts';
import { signInApi } from './signInApi';
import { SignInStepView } from './SignInStepView';

const t = texts.signIn.landing;

/**
 * Where single sign-on returns: the one-time code is in the fragment (`#kod=…`), which no server
 * sees; it is removed from the address at once and exchanged for the session.
 */
export function SsoLandingPage() {
  const { status, completeSignIn } = useSession();
  const [step, setStep] = useState<SignInStep | null>(null);
  const [failed, setFailed] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    document.title = `${t.title} – ${texts.common.appName}`;
    if (started.current) return;
    started.current = true;
    const code = new URLSearchParams(window.location.hash.slice(1)).get('kod');
    window.history.replaceState(null, '', window.location.pathname);
    if (!code) {
      setFailed(true);
      return;
    }
    void (async () => {
      try {
        setStep(await completeSignIn(await signInApi.exchange(code)));
      } catch {
        setFailed(true);
      }
    })();
  }, []);

  if (status === 'signed-in') return <Navigate to="/" replace />;
  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder shadow="sm" p="xl" w={420}>
        {step ? (
          <SignInStepView step={step} onRestart={() => window.location.assign('/logga-in')} />
        ) : failed ? (
          <Stack>
            <Title order={1} size="h2">
              {texts.signIn.error.title}
            </Title>
            <Alert color="red" role="alert">
              {t.failed}
            </Alert>
            <Anchor component={Link} to="/logga-in">
              {t.retry}
            </Anchor>
          </Stack>
        ) : (
          <Stack align="center">
            <Title order={1} size="h2">
              {t.title}
            </Title>
            <Loader aria-label={texts.common.loading} />
          </Stack>
        )}
      </Paper>
    </Center>
  );
}
