import { Alert, List } from '@mantine/core';
import { ApiError } from '../api';
import { texts } from '../texts';

const t = texts.common.errors;

/** What went wrong, in words: the API's problem details mapped to Swedish, with field errors listed. */
export function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) return t.server;
  switch (error.status) {
    case 0:
      return t.network;
    case 400:
      return t.validation;
    case 403:
      return t.forbidden;
    case 404:
      return t.notFound;
    case 409:
    case 412:
      return error.problem.detail ? `${t.conflict} ${error.problem.detail}` : t.conflict;
    default:
      return error.status >= 500 ? t.server : (error.problem.detail ?? t.server);
  }
}

export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const fields = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return (
    <Alert color="red" title={title} role="alert" mt="sm">
      {problemText(error)}
      {fields.length > 0 && (
        <List size="sm" mt="xs">
          {fields.map((f) => (
            <List.Item key={f.field + f.message}>{t.field(f.field, f.message)}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
