import { Alert, List } from '@mantine/core';
import { ApiError } from '../problem';
import { problemCode, problemText as textOfCode } from '../problem-texts';
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
      // Never the server's English detail: the Swedish words for its code.
      return textOfCode(problemCode(error), t.conflict);
    default:
      return error.status >= 500 ? t.server : textOfCode(problemCode(error), t.server);
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
            // The field's Swedish words only: the API's field path and English message stay out of sight
            // (forms show the same words at the field itself).
            <List.Item key={f.field + f.message}>{textOfCode(f.code, t.invalidField)}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
