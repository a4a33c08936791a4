import { Alert, Button, Group, List, Stack } from '@mantine/core';
import { FormEvent, ReactNode } from 'react';
import { ApiError, FieldProblem } from '../problem';
import { texts } from '../texts';
import { problemText as textOfCode } from '../problem-texts';
import { problemText } from './ProblemAlert';

const t = texts.common.errors;

/** A field error's words: the Swedish text of its machine-readable `code`, never the server's English. */
export function fieldProblemText(problem: FieldProblem): string {
  return textOfCode(problem.code, t.invalidField);
}

/** The field errors of a refused change (RFC 9457 `errors`), by field name. */
export function fieldErrors(error: unknown): Map<string, string> {
  const byField = new Map<string, string>();
  if (error instanceof ApiError)
    for (const problem of error.problem.errors ?? [])
      if (!byField.has(problem.field)) byField.set(problem.field, fieldProblemText(problem));
  return byField;
}

/**
 * The form pattern every form uses: the fields, a submit button that shows the change on its
 * way, each field's error from the server's problem details at the field itself (pass
 * `error={form.errorOf('name')}` to a Mantine input: it sets aria-invalid and links the message
 * with aria-describedby), and above the button what went wrong that no field shows.
 */
export function ApiForm({
  onSubmit,
  pending,
  error,
  fields,
  submitLabel,
  children,
  extraActions,
  label,
}: {
  onSubmit(): void;
  pending: boolean;
  error: unknown;
  /** The fields this form shows an error at; errors of other fields are listed above the button. */
  fields: string[];
  submitLabel: string;
  children: ReactNode;
  extraActions?: ReactNode;
  /** The form's accessible name. */
  label?: string;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) onSubmit();
  };
  const errors = fieldErrors(error);
  const elsewhere = [...errors].filter(([field]) => !fields.includes(field));
  const shownAtFields = errors.size - elsewhere.length;
  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="sm">
        {children}
        {error ? (
          <Alert color="red" role="alert" data-testid="form-problem">
            {shownAtFields > 0 && elsewhere.length === 0 ? t.validation : problemText(error)}
            {elsewhere.length > 0 && (
              <List size="sm" mt="xs">
                {elsewhere.map(([field, message]) => (
                  <List.Item key={field}>{t.field(field, message)}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {extraActions}
        </Group>
      </Stack>
    </form>
  );
}

/** `errorOf(field)` for a form's inputs, from the last refused change. */
export function formErrors(error: unknown): { errorOf(field: string): string | undefined } {
  const errors = fieldErrors(error);
  return { errorOf: (field) => errors.get(field) };
}
