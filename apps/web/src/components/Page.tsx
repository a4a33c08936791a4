import { Stack, Title } from '@mantine/core';
import { ReactNode, useEffect } from 'react';
import { texts } from '../texts';

/** A page: its heading is the one h1, and the browser tab says where you are. */
export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} – ${texts.common.appName}`;
  }, [title]);
  return (
    <Stack gap="md">
      <Stack gap={4} style={{ flexDirection: 'row', justifyContent: 'space-between', alignItems: 'center' }}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {actions}
      </Stack>
      {children}
    </Stack>
  );
}
