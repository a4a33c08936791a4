import { Alert, Checkbox, NativeSelect, Radio, Group, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { todayIso } from '../format';
import { useApiMutation } from '../query';
import { texts } from '../texts';

const t = texts.followUp;
type NewIntervention = Schemas['RecordFollowUpDto']['newInterventions'][number];
const KINDS = Object.keys(t.followUps.newInterventions) as NewIntervention[];

/** A yes/no question as two radio buttons in a labelled group; nothing chosen until the user chooses. */
function YesNo({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: boolean | null;
  onChange(value: boolean): void;
  error?: string;
}) {
  return (
    <Radio.Group
      label={label}
      value={value === null ? '' : String(value)}
      onChange={(v) => onChange(v === 'true')}
      error={error}
      required
    >
      <Group mt="xs">
        <Radio value="true" label={t.yes} />
        <Radio value="false" label={t.no} />
      </Group>
    </Radio.Group>
  );
}

/** Elevhälsa records a review (avstämning); the attendance before and after is computed by the server. */
export function ReviewForm({ caseId, onSaved }: { caseId: string; onSaved?(): void }) {
  const f = t.reviews.form;
  const [reviewedOn, setReviewedOn] = useState(todayIso());
  const [goalReached, setGoalReached] = useState<boolean | null>(null);
  const [decisions, setDecisions] = useState('');
  const [weeks, setWeeks] = useState('4');
  const [saved, setSaved] = useState(false);
  const record = useApiMutation({
    mutationFn: (body: Schemas['RecordReviewDto']) =>
      data(client.POST('/api/v1/cases/{id}/reviews', { params: { path: { id: caseId } }, body })),
    invalidates: [`/api/v1/cases/${caseId}`, '/api/v1/reviews'],
    onSuccess: () => {
      setSaved(true);
      setGoalReached(null);
      setDecisions('');
      onSaved?.();
    },
  });
  const errors = formErrors(record.error);
  return (
    <>
      <ApiForm
        label={f.title}
        onSubmit={() => {
          setSaved(false);
          record.mutate({
            reviewedOn,
            // Unanswered: sent as null so the server names the field.
            goalReached: goalReached as boolean,
            periodWeeks: Number(weeks),
            ...(decisions.trim() ? { decisions: decisions.trim() } : {}),
          });
        }}
        pending={record.isPending}
        error={record.error}
        fields={['reviewedOn', 'goalReached', 'decisions', 'periodWeeks']}
        submitLabel={f.submit}
      >
        <Group align="start">
          <TextInput
            label={f.reviewedOn}
            type="date"
            max={todayIso()}
            value={reviewedOn}
            onChange={(e) => setReviewedOn(e.currentTarget.value)}
            error={errors.errorOf('reviewedOn')}
            required
          />
          <NativeSelect
            label={f.periodWeeks}
            description={f.periodHint}
            data={['2', '3', '4', '6', '8', '12']}
            value={weeks}
            onChange={(e) => setWeeks(e.currentTarget.value)}
            error={errors.errorOf('periodWeeks')}
          />
        </Group>
        <YesNo
          label={f.goalReached}
          value={goalReached}
          onChange={setGoalReached}
          error={errors.errorOf('goalReached')}
        />
        <Textarea
          label={f.decisions}
          autosize
          minRows={2}
          maxLength={4000}
          value={decisions}
          onChange={(e) => setDecisions(e.currentTarget.value)}
          error={errors.errorOf('decisions')}
        />
      </ApiForm>
      {saved && (
        <Alert color="green" role="status" mt="sm" data-testid="review-saved">
          {f.saved}
        </Alert>
      )}
    </>
  );
}

/** Elevhälsa records the 6- or 18-month follow-up of a closed case with the outcome categories. */
export function FollowUpForm({ caseId, months, onSaved }: { caseId: string; months: number; onSaved?(): void }) {
  const f = t.followUps.form;
  const [work, setWork] = useState<boolean | null>(null);
  const [kinds, setKinds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const record = useApiMutation({
    mutationFn: (body: Schemas['RecordFollowUpDto']) =>
      data(
        client.POST('/api/v1/cases/{id}/follow-ups/{months}', {
          params: { path: { id: caseId, months: months as 6 | 18 } },
          body,
        }),
      ),
    invalidates: [`/api/v1/cases/${caseId}`, '/api/v1/follow-ups'],
    onSuccess: () => onSaved?.(),
  });
  const errors = formErrors(record.error);
  return (
    <ApiForm
      label={f.title(months)}
      onSubmit={() =>
        record.mutate({
          schoolOrWork20h: work as boolean,
          newInterventions: kinds as NewIntervention[],
          ...(note.trim() ? { note: note.trim() } : {}),
        })
      }
      pending={record.isPending}
      error={record.error}
      fields={['schoolOrWork20h', 'newInterventions', 'note']}
      submitLabel={f.submit}
    >
      <YesNo label={f.work} value={work} onChange={setWork} error={errors.errorOf('schoolOrWork20h')} />
      <Checkbox.Group
        label={f.interventions}
        description={f.interventionsHint}
        value={kinds}
        onChange={setKinds}
        error={errors.errorOf('newInterventions')}
      >
        <Group mt="xs">
          {KINDS.map((kind) => (
            <Checkbox key={kind} value={kind} label={t.followUps.newInterventions[kind]} />
          ))}
        </Group>
      </Checkbox.Group>
      <Textarea
        label={f.note}
        autosize
        minRows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.errorOf('note')}
      />
    </ApiForm>
  );
}
