import { Alert, Checkbox, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { ApiError } from '../problem';
import { useApiMutation } from '../query';
import { todayIso } from '../format';
import { useDraft } from '../session';
import { texts } from '../texts';
import { ConflictAlert } from './ConflictAlert';
import type { Plan } from './types';
import { isConflict } from './usePlan';
import type { AgencyRef } from '../api-types';

const t = texts.planning.plan.agree;

interface Props {
  caseId: string;
  etag: string;
  /** The plan version shown, the one the agreement is recorded for (the ETag says the same to the API). */
  version: number;
  agencies: AgencyRef[];
  onSaved(plan: Plan, etag: string | null): void;
  onReload(): Promise<void>;
}

/**
 * The coordinator records who agreed to the plan as it is now: the version shown, sent as If-Match.
 * A plan changed since answers 412, said in words with both versions.
 */
export function AgreeForm({ caseId, etag, version, agencies, onSaved, onReload }: Props) {
  // Nothing pre-filled: who agreed is what the coordinator says (no name, nobody ticked).
  const [pupil, setPupil] = useState(false);
  const [pupilName, setPupilName] = useDraft(`agree:${caseId}:pupil`);
  const [guardian, setGuardian] = useState(false);
  const [guardianName, setGuardianName] = useDraft(`agree:${caseId}:guardian`);
  const [chosen, setChosen] = useState<string[]>([]);
  const [date, setDate] = useState(todayIso());
  const [message, setMessage] = useState<string | null>(null);
  const agree = useApiMutation({
    mutationFn: (body: Schemas['AgreePlanDto']) =>
      data(
        client.POST('/api/v1/cases/{id}/plan/agreements', {
          // The version shown: a plan changed since answers 412.
          params: { path: { id: caseId }, header: { 'If-Match': etag } },
          body,
        }),
      ),
    invalidates: [`/api/v1/cases/${caseId}`],
    onSuccess: (plan) => {
      onSaved(plan, `"${plan.version}"`);
      setMessage(t.saved);
    },
  });
  const error = agree.error;
  const errors = formErrors(error);
  const pupilNameField = 'participants.0.name';
  const guardianNameField = `participants.${pupil ? 1 : 0}.name`;

  function submit() {
    agree.reset();
    setMessage(null);
    const participants: Schemas['AgreementParticipantInputDto'][] = [
      ...(pupil ? [{ participant: 'pupil' as const, name: pupilName.trim() }] : []),
      ...(guardian ? [{ participant: 'guardian' as const, name: guardianName.trim() }] : []),
      ...agencies
        .filter((a) => chosen.includes(a.id))
        .map((a) => ({ participant: 'agency' as const, agencyId: a.id, name: a.name })),
    ];
    if (!participants.length || participants.some((p) => !p.name) || !date) {
      setMessage(t.none);
      return;
    }
    // Today means now; an earlier day means midday of it (never a time in the future).
    const agreedAt = date === todayIso() ? new Date().toISOString() : new Date(`${date}T12:00:00`).toISOString();
    agree.mutate({ participants, agreedAt });
  }

  return (
    <ApiForm
      onSubmit={submit}
      pending={agree.isPending}
      // A stale version is said by the conflict alert, with both versions and the way to the current one.
      error={isConflict(error) ? null : error}
      fields={[pupilNameField, guardianNameField, 'agreedAt']}
      submitLabel={t.save}
    >
      <Fieldset legend={t.title(version)}>
        <Stack gap="xs">
          <Text size="sm">{t.versionNote(version)}</Text>
          <Checkbox label={t.pupil} checked={pupil} onChange={(e) => setPupil(e.currentTarget.checked)} />
          {pupil && (
            <TextInput
              label={t.pupilName}
              required
              error={errors.errorOf(pupilNameField)}
              value={pupilName}
              onChange={(e) => setPupilName(e.currentTarget.value)}
            />
          )}
          <Checkbox label={t.guardian} checked={guardian} onChange={(e) => setGuardian(e.currentTarget.checked)} />
          {guardian && (
            <TextInput
              label={t.guardianName}
              required
              error={errors.errorOf(guardianNameField)}
              value={guardianName}
              onChange={(e) => setGuardianName(e.currentTarget.value)}
            />
          )}
          <Checkbox.Group
            label={t.agencies}
            description={agencies.length ? undefined : t.noAgencies}
            value={chosen}
            onChange={setChosen}
          >
            <Group mt="xs">
              {agencies.map((a) => (
                <Checkbox key={a.id} value={a.id} label={a.name} />
              ))}
            </Group>
          </Checkbox.Group>
          <TextInput
            label={t.date}
            type="date"
            max={todayIso()}
            error={errors.errorOf('agreedAt')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
        </Stack>
      </Fieldset>
      {isConflict(error) && <ConflictAlert onReload={onReload} detail={t.stale(version, currentVersion(error))} />}
      {message && (
        <Alert color={message === t.saved ? 'green' : 'yellow'} role="status">
          {message}
        </Alert>
      )}
    </ApiForm>
  );
}

/** The version a 412 names as current (`currentVersion` of the problem details). */
function currentVersion(error: unknown): number | null {
  const value = error instanceof ApiError ? error.problem.currentVersion : null;
  return typeof value === 'number' ? value : null;
}
