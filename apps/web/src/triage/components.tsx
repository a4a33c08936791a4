import { Badge, Center, Loader, Text } from '@mantine/core';
import { ReactNode } from 'react';
import { texts } from '../texts';
import type { CaseStatus } from '../api-types';

const t = texts.triage;

const STATUS_COLOURS: Record<CaseStatus, string> = {
  open: 'blue',
  mapping: 'violet',
  plan_active: 'teal',
  follow_up: 'orange',
  closed: 'gray',
};

/** A case's status in words (the colour only repeats it). */
export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  return (
    <Badge color={STATUS_COLOURS[status] ?? 'gray'} variant="light" data-testid="case-status">
      {t.caseStatus[status] ?? status}
    </Badge>
  );
}

export function Loading() {
  return (
    <Center py="md">
      <Loader size="sm" aria-label={texts.common.loading} />
    </Center>
  );
}

/** A labelled fact in a definition list: the label is read before the value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

export function Facts({ children }: { children: ReactNode }) {
  return (
    <dl
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
        gap: 'var(--mantine-spacing-sm)',
        margin: 0,
      }}
    >
      {children}
    </dl>
  );
}

/** A confirmation after a change, announced to screen readers. */
export function Saved({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Text role="status" c="green.9" size="sm">
      {message}
    </Text>
  );
}
