import { Stack, Title } from '@mantine/core';
import type { TokenPair } from '../session-fetch';
import { SignInStep, useSession } from '../session';
import { texts } from '../texts';
import { EnrolTotp } from './EnrolTotp';
import { SecondFactorStep } from './SecondFactorStep';

/** The step after the first factor: the code, or enrolling first. */
export function SignInStepView({ step, onRestart }: { step: SignInStep; onRestart(): void }) {
  const { completeSignIn } = useSession();
  if (step.kind === 'code') return <SecondFactorStep mfaToken={step.mfaToken} onRestart={onRestart} />;
  return (
    <Stack>
      <Title order={1} size="h2">
        {texts.signIn.enrol.title}
      </Title>
      <EnrolTotp enrolmentToken={step.enrolmentToken} onSession={(tokens: TokenPair) => completeSignIn(tokens)} />
    </Stack>
  );
}
