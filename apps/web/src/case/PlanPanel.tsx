import { Alert, Button, Code, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useMemo, useState } from 'react';
import { client, data, dataWithEtag } from '../client';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDate, formatDateTime, formatPercent } from '../format';
import { AgreeForm } from '../planning/AgreeForm';
import { ActionUpdateForm } from '../planning/ActionUpdateForm';
import { ConflictAlert } from '../planning/ConflictAlert';
import { PlanEditor } from '../planning/PlanEditor';
import { bodyOf, formOf, missingFields, parseDraft, PlanDraft, PlanForm, textsOf } from '../planning/planForm';
import { ProgressNotes } from '../planning/ProgressNotes';
import type { Goal } from '../planning/types';
import { useCase } from '../triage/hooks';
import { isConflict, usePlan } from '../planning/usePlan';
import { ApiError } from '../problem';
import { keyOf, useApiMutation } from '../query';
import { useDraft, useSession } from '../session';
import { texts } from '../texts';
import type { PanelProps } from './CasePage';
import type { AgencyRef, PersonRef } from '../api-types';

const t = texts.planning.plan;

function goalTarget(goal: Goal): string | null {
  const target = goal.target;
  if (!target) return null;
  return [
    target.attendancePercent !== null ? t.targetPercent(formatPercent(target.attendancePercent, true)) : null,
    target.byDate ? t.targetBy(formatDate(target.byDate)) : null,
    target.text,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * The shared action plan (SIP). Everyone in the case reads it; the coordinator edits it as a whole
 * (PUT with If-Match) and records agreement; each agency updates the status and progress of its
 * own actions (PATCH with If-Match). A stale version answers 412: the panel says so in words and
 * loads the current version, keeping what the user typed.
 */
export function PlanPanel({ caseId }: PanelProps) {
  const { me, hasRole } = useSession();
  const caseInfo = useCase(caseId);
  const info = caseInfo.data;
  const loaded = usePlan(info ? caseId : null);
  const coordinator = !!info && !!me && hasRole('elevhalsa') && me.agency.id === info.schoolId;
  const canEdit = coordinator && info?.status !== 'closed';
  const mobilisations = useQuery({
    queryKey: keyOf(`/api/v1/cases/${caseId}/mobilisations`),
    queryFn: () => data(client.GET('/api/v1/cases/{id}/mobilisations', { params: { path: { id: caseId } } })),
    enabled: canEdit,
  });

  const [draftText, setDraftText, clearDraft] = useDraft(`plan:${caseId}`);
  const draft = parseDraft(draftText);
  // What the user typed when a save met a newer version: shown until dismissed, kept in the session too.
  const [unsavedText, setUnsavedText, clearUnsaved] = useDraft(`plan:${caseId}:unsaved`);
  // The required fields left empty, shown at each field as the API's errors would be.
  const [incomplete, setIncomplete] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  // The whole plan, always from the version the edit started from: a plan changed since answers 412.
  const saving = useApiMutation({
    mutationFn: ({ form, etag }: PlanDraft) =>
      dataWithEtag(
        client.PUT('/api/v1/cases/{id}/plan', {
          params: { path: { id: caseId }, header: etag ? { 'If-Match': etag } : undefined },
          body: bodyOf(form),
        }),
      ),
    // The case (its status, timeline, the plan's versions) and the work lists show the change.
    invalidates: [`/api/v1/cases/${caseId}`, '/api/v1/actions'],
    onSuccess: (answer) => {
      loaded.replace(answer.data, answer.etag);
      clearDraft();
      clearUnsaved();
      setSaved(true);
    },
  });
  const saveError = saving.error;
  const resetSave = saving.reset;
  const [openAction, setOpenAction] = useState<string | null>(null);
  const [agreeing, setAgreeing] = useState(false);

  // The agencies an action may belong to, and the people known in each.
  const { agencies, people } = useMemo(() => {
    const agencies = new Map<string, AgencyRef>();
    const people = new Map<string, PersonRef[]>();
    const addPerson = (agencyId: string, user: PersonRef | null) => {
      if (!user) return;
      const list = people.get(agencyId) ?? [];
      if (!list.some((u) => u.id === user.id)) people.set(agencyId, [...list, user]);
    };
    if (info) {
      agencies.set(info.schoolId, { id: info.schoolId, name: info.schoolName, type: 'school' });
      addPerson(info.schoolId, info.coordinator);
    }
    for (const m of mobilisations.data?.items ?? []) {
      if (m.status === 'declined') continue;
      agencies.set(m.agency.id, m.agency);
      addPerson(m.agency.id, m.representative);
    }
    for (const a of loaded.plan?.actions ?? []) {
      if (!agencies.has(a.agency.id)) agencies.set(a.agency.id, a.agency);
      addPerson(a.agency.id, a.responsible);
    }
    return { agencies: [...agencies.values()], people };
  }, [info, mobilisations.data, loaded.plan]);
  // Who may be recorded as agreeing: the school and the agencies that accepted their invitation.
  const agreeAgencies = useMemo(() => {
    const accepted = (mobilisations.data?.items ?? []).filter((m) => m.status === 'accepted').map((m) => m.agency);
    return info ? [{ id: info.schoolId, name: info.schoolName, type: 'school' } as AgencyRef, ...accepted] : accepted;
  }, [info, mobilisations.data]);

  if (caseInfo.error) return <ProblemAlert error={caseInfo.error} />;
  if (!info || (loaded.loading && !loaded.plan)) return <Loader aria-label={texts.common.loading} />;
  if (loaded.error) {
    if (loaded.error instanceof ApiError && loaded.error.status === 403)
      return <Alert color="gray">{t.noConsent}</Alert>;
    return <ProblemAlert error={loaded.error} />;
  }
  if (!loaded.plan && !loaded.missing) return <Loader aria-label={texts.common.loading} />;

  const plan = loaded.plan;
  const editing = canEdit && draft !== null;

  function startEditing() {
    setSaved(false);
    resetSave();
    setDraftText(JSON.stringify({ etag: loaded.etag, form: formOf(plan) } satisfies PlanDraft));
  }

  function changeForm(form: PlanForm) {
    setDraftText(JSON.stringify({ etag: draft?.etag ?? null, form } satisfies PlanDraft));
  }

  function save() {
    if (!draft || saving.isPending) return;
    resetSave();
    setIncomplete(null);
    const missing = missingFields(draft.form);
    if (missing.length) {
      setIncomplete(new ApiError({ status: 400, errors: missing }));
      return;
    }
    saving.mutate(draft);
  }

  /** After a conflict: load the current version and start over from it, keeping the typed text visible. */
  async function reloadAfterConflict() {
    if (draft) setUnsavedText(textsOf(draft.form).join('\n\n'));
    const current = await loaded.reload();
    resetSave();
    if (current) setDraftText(JSON.stringify({ etag: current.etag, form: formOf(current.plan) } satisfies PlanDraft));
    else clearDraft();
  }

  const unsaved = unsavedText ? (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t.conflict.yourText}
      </Text>
      <Code block data-testid="plan-unsaved">
        {unsavedText}
      </Code>
      <div>
        <Button variant="subtle" size="xs" onClick={clearUnsaved}>
          {t.conflict.dismiss}
        </Button>
      </div>
    </Stack>
  ) : null;

  if (editing && draft) {
    return (
      <Stack>
        {unsaved && <Alert color="gray">{unsaved}</Alert>}
        <PlanEditor
          form={draft.form}
          onChange={changeForm}
          agencies={agencies}
          people={people}
          busy={saving.isPending}
          error={incomplete ?? saveError}
          onSave={save}
          onCancel={() => {
            clearDraft();
            resetSave();
          }}
          feedback={
            <>
              {incomplete && (
                <Alert color="yellow" role="alert">
                  {t.editor.required}
                </Alert>
              )}
              {isConflict(saveError) ? (
                <ConflictAlert onReload={reloadAfterConflict} />
              ) : (
                <ProblemAlert error={saveError} />
              )}
            </>
          }
        />
      </Stack>
    );
  }

  if (!plan) {
    return (
      <Stack align="flex-start">
        <Text>{coordinator ? t.none : t.noneAgency}</Text>
        {canEdit && <Button onClick={startEditing}>{t.create}</Button>}
      </Stack>
    );
  }

  const ownAgency = me?.agency.id;
  const mayUpdate = hasRole('elevhalsa', 'agency_worker') && info.status !== 'closed';

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <Text size="sm" c="dimmed" data-testid="plan-version">
          {t.version(plan.version, plan.updatedBy.displayName, formatDateTime(plan.updatedAt))}
        </Text>
        {canEdit && <Button onClick={startEditing}>{t.edit}</Button>}
      </Group>
      {saved && (
        <Alert color="green" role="status">
          {t.editor.saved}
        </Alert>
      )}
      {unsaved && <Alert color="gray">{unsaved}</Alert>}

      <section aria-labelledby="plan-goals">
        <Title order={2} size="h3" id="plan-goals" mb="xs">
          {t.goals}
        </Title>
        {plan.goals.length ? (
          <List spacing="xs">
            {plan.goals.map((goal) => (
              <List.Item key={goal.id}>
                <Text>{goal.text}</Text>
                {goalTarget(goal) && (
                  <Text size="sm" c="dimmed">
                    {t.target}: {goalTarget(goal)}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text>{t.noGoals}</Text>
        )}
      </section>

      <section aria-labelledby="plan-actions">
        <Title order={2} size="h3" id="plan-actions" mb="xs">
          {t.actions}
        </Title>
        {plan.actions.length ? (
          <Table.ScrollContainer minWidth={800}>
            <Table verticalSpacing="sm" striped>
              <Table.Caption>{t.actionsCaption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.columns.what}</Table.Th>
                  <Table.Th scope="col">{t.columns.agency}</Table.Th>
                  <Table.Th scope="col">{t.columns.person}</Table.Th>
                  <Table.Th scope="col">{t.columns.start}</Table.Th>
                  <Table.Th scope="col">{t.columns.due}</Table.Th>
                  <Table.Th scope="col">{t.columns.status}</Table.Th>
                  <Table.Th scope="col">{t.columns.progress}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.actions.map((action) => {
                  const own = mayUpdate && action.agency.id === ownAgency;
                  const open = openAction === action.id;
                  return (
                    <Fragment key={action.id}>
                      <Table.Tr>
                        <Table.Td>{action.description}</Table.Td>
                        <Table.Td>{action.agency.name}</Table.Td>
                        <Table.Td>{action.responsible?.displayName ?? t.noPerson}</Table.Td>
                        <Table.Td>{formatDate(action.startDate)}</Table.Td>
                        <Table.Td>{formatDate(action.dueDate)}</Table.Td>
                        <Table.Td>{texts.planning.actionStatus[action.status]}</Table.Td>
                        <Table.Td>
                          <ProgressNotes notes={action.progressNotes} />
                          {own && (
                            <Button
                              mt="xs"
                              size="xs"
                              variant={open ? 'filled' : 'light'}
                              aria-expanded={open}
                              aria-label={t.update.title(action.description)}
                              onClick={() => setOpenAction(open ? null : action.id)}
                            >
                              {t.update.button}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                      {own && open && (
                        <Table.Tr>
                          <Table.Td colSpan={7}>
                            <ActionUpdateForm
                              caseId={caseId}
                              action={action}
                              etag={loaded.etag!}
                              onSaved={loaded.replace}
                              onReload={async () => {
                                await loaded.reload();
                              }}
                            />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text>{t.noActions}</Text>
        )}
      </section>

      <section aria-labelledby="plan-participation">
        <Title order={2} size="h3" id="plan-participation" mb="xs">
          {t.participation}
        </Title>
        <Title order={3} size="h5">
          {t.pupilView}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }} mb="sm">
          {plan.pupilView || t.notWritten}
        </Text>
        <Title order={3} size="h5">
          {t.guardianView}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{plan.guardianView || t.notWritten}</Text>
      </section>

      <section aria-labelledby="plan-reviews">
        <Title order={2} size="h3" id="plan-reviews" mb="xs">
          {t.reviewDates}
        </Title>
        {plan.reviewDates.length ? (
          <List>
            {plan.reviewDates.map((date) => (
              <List.Item key={date}>{formatDate(date)}</List.Item>
            ))}
          </List>
        ) : (
          <Text>{t.noReviewDates}</Text>
        )}
      </section>

      <section aria-labelledby="plan-agreement">
        <Title order={2} size="h3" id="plan-agreement" mb="xs">
          {t.agreements}
        </Title>
        {plan.agreements.length ? (
          <List>
            {plan.agreements.map((a) => (
              <List.Item key={a.id}>
                {t.participant[a.participant]}: {t.agreement(a.name, formatDateTime(a.agreedAt), a.planVersion)}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text>{t.notAgreed}</Text>
        )}
        {plan.agreedVersion !== null &&
          (plan.changedSinceAgreement ? (
            <Alert color="yellow" mt="sm" data-testid="plan-changed-since-agreement">
              {t.changedSinceAgreement(plan.agreedVersion, plan.version)}
            </Alert>
          ) : (
            <Text size="sm" mt="xs" data-testid="plan-agreed-version">
              {plan.agreedVersion === plan.version
                ? t.agreedVersion(plan.agreedVersion)
                : t.progressSinceAgreement(plan.agreedVersion, plan.version)}
            </Text>
          ))}
        {canEdit && (
          <Stack mt="sm" gap="sm">
            <div>
              <Button variant="light" aria-expanded={agreeing} onClick={() => setAgreeing(!agreeing)}>
                {t.agree.button}
              </Button>
            </div>
            {agreeing && (
              <AgreeForm
                caseId={caseId}
                etag={loaded.etag!}
                version={plan.version}
                agencies={agreeAgencies}
                onSaved={loaded.replace}
                onReload={async () => {
                  await loaded.reload();
                }}
              />
            )}
          </Stack>
        )}
      </section>
    </Stack>
  );
}
