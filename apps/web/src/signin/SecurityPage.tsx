import { Stack, Title } from '@mantine/core';
import { useEffect } from 'react';
import { texts } from '../texts';
import { EnrolTotp } from './EnrolTotp';

const t = texts.signIn.enrol;

/** A signed-in user adds an authenticator app (second factor). */
export function SecurityPage() {
  useEffect(() => {
    document.title = `${t.title} – ${texts.common.appName}`;
  }, []);
  return (
    <Stack p="md" maw={640}>
      <Title order={1}>{t.title}</Title>
      <EnrolTotp />
    </Stack>
  );
}
