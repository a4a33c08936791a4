import { Alert, Button, Checkbox, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { api, ApiError } from '../api';
import { ProblemAlert } from '../components/ProblemAlert';
import { fieldErrorProps } from '../problem-texts';
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
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setMessage(null);
    const participants = [
      ...(pupil ? [{ participant: 'pupil', name: pupilName.trim() }] : []),
      ...(guardian ? [{ participant: 'guardian', name: guardianName.trim() }] : []),
      ...agencies
        .filter((a) => chosen.includes(a.id))
        .map((a) => ({ participant: 'agency', agencyId: a.id, name: a.name })),
    ];
    if (!participants.length || participants.some((p) => !p.name) || !date) {
      setMessage(t.none);
      return;
    }
    // Today means now; an earlier day means midday of it (never a time in the future).
    const agreedAt = date === todayIso() ? new Date().toISOString() : new Date(`${date}T12:00:00`).toISOString();
    setBusy(true);
    try {
      const response = await api.send<Plan>(
        'POST',
        `/cases/${caseId}/plan/agreements`,
        { participants, agreedAt },
        { headers: { 'If-Match': etag } },
      );
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
        <Fieldset legend={t.title(version)}>
          <Stack gap="xs">
            <Text size="sm">{t.versionNote(version)}</Text>
            <Checkbox label={t.pupil} checked={pupil} onChange={(e) => setPupil(e.currentTarget.checked)} />
            {pupil && (
              <TextInput
                label={t.pupilName}
                required
                {...fieldErrorProps(error, 'participants.0.name')}
                value={pupilName}
                onChange={(e) => setPupilName(e.currentTarget.value)}
              />
            )}
            <Checkbox label={t.guardian} checked={guardian} onChange={(e) => setGuardian(e.currentTarget.checked)} />
            {guardian && (
              <TextInput
                label={t.guardianName}
                required
                {...fieldErrorProps(error, `participants.${pupil ? 1 : 0}.name`)}
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
              {...fieldErrorProps(error, 'agreedAt')}
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
            />
          </Stack>
        </Fieldset>
        {isConflict(error) ? (
          <ConflictAlert onReload={onReload} detail={t.stale(version, currentVersion(error))} />
        ) : (
          <ProblemAlert error={error} />
        )}
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

/** The version a 412 names as current (`currentVersion` of the problem details). */
function currentVersion(error: unknown): number | null {
  const value = error instanceof ApiError ? error.problem.currentVersion : null;
  return typeof value === 'number' ? value : null;
}
