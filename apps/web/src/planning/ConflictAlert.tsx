import { Alert, Button, Stack, Text } from '@mantine/core';
import { ReactNode, useState } from 'react';
import { texts } from '../texts';

const t = texts.planning.plan.conflict;

/**
 * The plan changed under the user (412): say so in words and offer to load the current version.
 * What the user typed stays in their draft; `children` may show it beside the alert.
 */
export function ConflictAlert({
  onReload,
  children,
  detail = t.detail,
}: {
  onReload: () => Promise<void> | void;
  children?: ReactNode;
  /** What was not saved, when it is more than "your changes". */
  detail?: string;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Alert
      color="orange"
      role="alert"
      title={t.message}
      data-testid="plan-conflict"
      // Dark title text: orange on light orange is too faint to read (WCAG AA contrast).
      styles={{ title: { color: 'var(--mantine-color-black)' } }}
    >
      <Stack gap="xs">
        <Text size="sm">{detail}</Text>
        <div>
          <Button
            variant="filled"
            color="orange.9"
            loading={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await onReload();
              } finally {
                setBusy(false);
              }
            }}
          >
            {t.reload}
          </Button>
        </div>
        {children}
      </Stack>
    </Alert>
  );
}
