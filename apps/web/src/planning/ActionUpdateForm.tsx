import { Alert, Button, NativeSelect, Stack, Textarea } from '@mantine/core';
import { FormEvent, useEffect, useState } from 'react';
import { api } from '../api';
import { ProblemAlert } from '../components/ProblemAlert';
import { fieldErrorProps } from '../problem-texts';
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
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Another version loaded (after a save or a conflict): start from its status; the note stays.
  useEffect(() => {
    setStatus(action.status);
    setError(null);
  }, [action.status, etag]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setMessage(null);
    const body: { status?: ActionStatus; progressNote?: string } = {};
    if (status !== action.status) body.status = status;
    if (note.trim()) body.progressNote = note.trim();
    if (!body.status && !body.progressNote) {
      setMessage(t.nothing);
      return;
    }
    setBusy(true);
    try {
      // The action's own ETag: a change elsewhere in the plan does not make it stale.
      const response = await api.send<Plan>('PATCH', `/cases/${caseId}/plan/actions/${action.id}`, body, {
        headers: { 'If-Match': action.etag },
      });
      clearNote();
      // The answer's ETag header is the action's; the plan's own is its version.
      onSaved(response.data, `"${response.data.version}"`);
      setMessage(t.saved);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <NativeSelect
          label={t.status}
          {...fieldErrorProps(error, 'status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as ActionStatus)}
          data={ACTION_STATUSES.map((value) => ({ value, label: texts.planning.actionStatus[value] }))}
        />
        <Textarea
          label={t.note}
          autosize
          minRows={2}
          maxLength={5000}
          {...fieldErrorProps(error, 'progressNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {isConflict(error) ? <ConflictAlert onReload={onReload} /> : <ProblemAlert error={error} />}
        {message && (
          <Alert color={message === t.saved ? 'green' : 'yellow'} role="status">
            {message}
          </Alert>
        )}
        <div>
          <Button type="submit" loading={busy}>
            {t.save}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
