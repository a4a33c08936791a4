import { Stack, Title } from '@mantine/core';
import { ReactNode, useEffect } from 'react';
import { texts } from '../texts';

/** A page: its heading is the one h1, and the browser tab says where you are. */
export function Page({
  title,
  children,
  actions,
  documentTitle,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  /** The browser tab's words when they differ from the heading (e.g. the case page's tab). */
  documentTitle?: string;
}) {
  useEffect(() => {
    document.title = `${documentTitle ?? title} – ${texts.common.appName}`;
  }, [title, documentTitle]);
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
