import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { FormEvent, ReactNode } from 'react';
import { fieldErrorProps, fieldProblem } from '../problem-texts';
import { texts } from '../texts';
import { ActionForm, emptyAction, emptyGoal, GoalForm, PlanForm, reviewDateIndex } from './planForm';
import { ACTION_STATUSES, ActionStatus } from './types';
import type { AgencyRef, PersonRef } from '../api-types';

const t = texts.planning.plan.editor;

interface Props {
  form: PlanForm;
  onChange(form: PlanForm): void;
  /** The agencies an action may belong to: the school and those mobilised into the case. */
  agencies: AgencyRef[];
  /** The people known per agency (coordinator, representatives, those already responsible). */
  people: Map<string, PersonRef[]>;
  busy: boolean;
  onSave(): void;
  onCancel(): void;
  /** Alerts (errors, a conflict) shown above the buttons. */
  feedback?: ReactNode;
  /**
   * The refused save (ApiError) or the fields left empty: each field error is shown at its own
   * field by its path in the problem details (`goals.1.text`, `actions.0.dueDate`, `reviewDates.2`).
   */
  error?: unknown;
}

/** The coordinator's editor of the whole plan: goals, actions per agency, views, review dates. */
export function PlanEditor({ form, onChange, agencies, people, busy, onSave, onCancel, feedback, error }: Props) {
  const at = (field: string) => fieldErrorProps(error, field);
  /** A field's own error, else one about its whole item that belongs nowhere else (`goals.0.id`). */
  const atFirst = (...fields: string[]) => {
    for (const field of fields) {
      const text = fieldProblem(error, field);
      if (text) return { error: text };
    }
    return {};
  };
  const setGoal = (i: number, patch: Partial<GoalForm>) =>
    onChange({ ...form, goals: form.goals.map((g, j) => (j === i ? { ...g, ...patch } : g)) });
  const setAction = (i: number, patch: Partial<ActionForm>) =>
    onChange({ ...form, actions: form.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)) });

  function submit(event: FormEvent) {
    event.preventDefault();
    onSave();
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t.title}>
      <Stack gap="md">
        <Title order={2} size="h3">
          {t.title}
        </Title>

        <Title order={3} size="h4">
          {texts.planning.plan.goals}
        </Title>
        {form.goals.map((goal, i) => (
          <Fieldset key={goal.id ?? `new-goal-${i}`} legend={t.goal(i + 1)}>
            <Stack gap="xs">
              <Textarea
                label={t.goalText}
                required
                autosize
                minRows={2}
                maxLength={2000}
                {...atFirst(`goals.${i}.text`, `goals.${i}.id`)}
                value={goal.text}
                onChange={(e) => setGoal(i, { text: e.currentTarget.value })}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  label={t.goalPercent}
                  inputMode="decimal"
                  {...atFirst(`goals.${i}.target.attendancePercent`, `goals.${i}.target`)}
                  value={goal.percent}
                  onChange={(e) => setGoal(i, { percent: e.currentTarget.value })}
                />
                <TextInput
                  label={t.goalBy}
                  type="date"
                  {...at(`goals.${i}.target.byDate`)}
                  value={goal.byDate}
                  onChange={(e) => setGoal(i, { byDate: e.currentTarget.value })}
                />
                <TextInput
                  label={t.goalTargetText}
                  maxLength={500}
                  {...at(`goals.${i}.target.text`)}
                  value={goal.targetText}
                  onChange={(e) => setGoal(i, { targetText: e.currentTarget.value })}
                />
              </SimpleGrid>
              <div>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => onChange({ ...form, goals: form.goals.filter((_, j) => j !== i) })}
                >
                  {t.removeGoal(i + 1)}
                </Button>
              </div>
            </Stack>
          </Fieldset>
        ))}
        <div>
          <Button variant="default" onClick={() => onChange({ ...form, goals: [...form.goals, emptyGoal()] })}>
            {t.addGoal}
          </Button>
        </div>

        <Title order={3} size="h4">
          {texts.planning.plan.actions}
        </Title>
        {form.actions.map((action, i) => {
          const known = people.get(action.agencyId) ?? [];
          return (
            <Fieldset key={action.id ?? `new-action-${i}`} legend={t.action(i + 1)}>
              <Stack gap="xs">
                <Textarea
                  label={t.actionText}
                  required
                  autosize
                  minRows={2}
                  maxLength={2000}
                  {...atFirst(`actions.${i}.description`, `actions.${i}.id`, `actions.${i}.interventionId`)}
                  value={action.description}
                  onChange={(e) => setAction(i, { description: e.currentTarget.value })}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <NativeSelect
                    label={t.agency}
                    required
                    {...at(`actions.${i}.agencyId`)}
                    value={action.agencyId}
                    onChange={(e) => setAction(i, { agencyId: e.currentTarget.value, responsibleUserId: '' })}
                    data={[{ value: '', label: '–' }, ...agencies.map((a) => ({ value: a.id, label: a.name }))]}
                  />
                  <NativeSelect
                    label={t.person}
                    {...at(`actions.${i}.responsibleUserId`)}
                    value={action.responsibleUserId}
                    onChange={(e) => setAction(i, { responsibleUserId: e.currentTarget.value })}
                    data={[
                      { value: '', label: t.personNone },
                      ...known.map((u) => ({ value: u.id, label: u.displayName })),
                    ]}
                  />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    label={t.start}
                    type="date"
                    {...at(`actions.${i}.startDate`)}
                    value={action.startDate}
                    onChange={(e) => setAction(i, { startDate: e.currentTarget.value })}
                  />
                  <TextInput
                    label={t.due}
                    type="date"
                    required
                    {...at(`actions.${i}.dueDate`)}
                    value={action.dueDate}
                    onChange={(e) => setAction(i, { dueDate: e.currentTarget.value })}
                  />
                  <NativeSelect
                    label={t.status}
                    {...at(`actions.${i}.status`)}
                    value={action.status}
                    onChange={(e) => setAction(i, { status: e.currentTarget.value as ActionStatus })}
                    data={ACTION_STATUSES.map((value) => ({ value, label: texts.planning.actionStatus[value] }))}
                  />
                </SimpleGrid>
                <div>
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() => onChange({ ...form, actions: form.actions.filter((_, j) => j !== i) })}
                  >
                    {t.removeAction(i + 1)}
                  </Button>
                </div>
              </Stack>
            </Fieldset>
          );
        })}
        <div>
          <Button variant="default" onClick={() => onChange({ ...form, actions: [...form.actions, emptyAction()] })}>
            {t.addAction}
          </Button>
        </div>

        <Title order={3} size="h4">
          {texts.planning.plan.participation}
        </Title>
        <Textarea
          label={t.pupilView}
          autosize
          minRows={2}
          maxLength={10000}
          {...at('pupilView')}
          value={form.pupilView}
          onChange={(e) => onChange({ ...form, pupilView: e.currentTarget.value })}
        />
        <Textarea
          label={t.guardianView}
          autosize
          minRows={2}
          maxLength={10000}
          {...at('guardianView')}
          value={form.guardianView}
          onChange={(e) => onChange({ ...form, guardianView: e.currentTarget.value })}
        />

        <Title order={3} size="h4">
          {t.reviewDates}
        </Title>
        {form.reviewDates.map((date, i) => (
          <Group key={`review-${i}`} align="end">
            <TextInput
              label={t.reviewDate(i + 1)}
              type="date"
              {...(reviewDateIndex(form, i) === null ? {} : at(`reviewDates.${reviewDateIndex(form, i)}`))}
              value={date}
              onChange={(e) =>
                onChange({
                  ...form,
                  reviewDates: form.reviewDates.map((d, j) => (j === i ? e.currentTarget.value : d)),
                })
              }
            />
            <Button
              variant="default"
              size="xs"
              onClick={() => onChange({ ...form, reviewDates: form.reviewDates.filter((_, j) => j !== i) })}
            >
              {t.removeReviewDate(i + 1)}
            </Button>
          </Group>
        ))}
        <div>
          <Button variant="default" onClick={() => onChange({ ...form, reviewDates: [...form.reviewDates, ''] })}>
            {t.addReviewDate}
          </Button>
        </div>

        {feedback}
        <Group>
          <Button type="submit" loading={busy}>
            {t.save}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
