import { Alert, NativeSelect, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { client, data } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { useApiMutation } from '../query';
import { useDraft } from '../session';
import { texts } from '../texts';
import { ConflictAlert } from './ConflictAlert';
import { ACTION_STATUSES, ActionStatus, Plan, PlanAction } from './types';
import { isConflict } from './usePlan';

const t = texts.planning.plan.update;

interface Props {
  caseId: string;
  action: PlanAction;
  /** The ETag of the plan version the action was read from. */
  etag: string;
  onSaved(plan: Plan, etag: string | null): void;
  /** Loads the current plan after a conflict; the form then shows the action as it is now. */
  onReload(): Promise<void>;
}

/**
 * An agency's update of one of its own actions: the status and/or a progress note (PATCH with
 * If-Match). The note is a draft until it is saved, so neither an expired session nor a conflict loses it.
 */
export function ActionUpdateForm({ caseId, action, etag, onSaved, onReload }: Props) {
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [note, setNote, clearNote] = useDraft(`action-note:${action.id}`);
  const [message, setMessage] = useState<string | null>(null);
  const update = useApiMutation({
    mutationFn: (body: { status?: ActionStatus; progressNote?: string }) =>
      data(
        client.PATCH('/api/v1/cases/{id}/plan/actions/{actionId}', {
          // The action's own ETag: a change elsewhere in the plan does not make it stale.
          params: { path: { id: caseId, actionId: action.id }, header: { 'If-Match': action.etag } },
          body,
        }),
      ),
    // The case (its timeline, the plan's versions) and the work lists show the change.
    invalidates: [`/api/v1/cases/${caseId}`, '/api/v1/actions'],
    onSuccess: (plan) => {
      clearNote();
      // The answer's ETag header is the action's; the plan's own is its version.
      onSaved(plan, `"${plan.version}"`);
      setMessage(t.saved);
    },
  });
  const { reset } = update;
  // Another version loaded (after a save or a conflict): start from its status; the note stays.
  useEffect(() => {
    setStatus(action.status);
    reset();
  }, [action.status, etag, reset]);

  function submit() {
    setMessage(null);
    const body: { status?: ActionStatus; progressNote?: string } = {};
    if (status !== action.status) body.status = status;
    if (note.trim()) body.progressNote = note.trim();
    if (!body.status && !body.progressNote) {
      reset();
      setMessage(t.nothing);
      return;
    }
    update.mutate(body);
  }

  const error = update.error;
  const errors = formErrors(error);
  return (
    <ApiForm
      onSubmit={submit}
      pending={update.isPending}
      // A stale version is said by the conflict alert, with the way to the current one.
      error={isConflict(error) ? null : error}
      fields={['status', 'progressNote']}
      submitLabel={t.save}
    >
      <NativeSelect
        label={t.status}
        error={errors.errorOf('status')}
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value as ActionStatus)}
        data={ACTION_STATUSES.map((value) => ({ value, label: texts.planning.actionStatus[value] }))}
      />
      <Textarea
        label={t.note}
        autosize
        minRows={2}
        maxLength={5000}
        error={errors.errorOf('progressNote')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      {isConflict(error) && <ConflictAlert onReload={onReload} />}
      {message && (
        <Alert color={message === t.saved ? 'green' : 'yellow'} role="status">
          {message}
        </Alert>
      )}
    </ApiForm>
  );
}
