import { Text } from '@mantine/core';
import { ReactNode } from 'react';
import { Loading } from '../triage/components';
import { ProblemAlert } from './ProblemAlert';

/**
 * The three states every screen shows before its content: loading, an error in words, and
 * "nothing here" when the answer is empty.
 */
export function QueryState({
  query,
  empty,
  isEmpty,
  children,
}: {
  query: { isPending: boolean; error: unknown; isFetching?: boolean };
  empty: string;
  isEmpty: boolean;
  children: ReactNode;
}) {
  if (query.error) return <ProblemAlert error={query.error} />;
  if (query.isPending) return <Loading />;
  if (isEmpty) return <Text data-testid="empty">{empty}</Text>;
  return <>{children}</>;
}
