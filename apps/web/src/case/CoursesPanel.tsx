import { Button, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDate, todayIso } from '../format';
import { keyOf, useApiMutation } from '../query';
import { texts } from '../texts';
import { Loading } from '../triage/components';
import { loaded, useCanCoordinate } from '../triage/hooks';
import type { PanelProps } from './CasePage';

const t = texts.interventions.courses;
const behaviourNames = texts.interventions.behaviours;
const reasonNames = texts.interventions.endReasons;

type Course = Schemas['CourseDto'];
type Behaviour = Schemas['StartCourseDto']['referredBehaviours'][number];
type EndReason = Schemas['EndCourseDto']['reason'];

/** The pupil's courses of interventions (insatser); elevhälsa records new ones and their end. */
export function CoursesPanel({ caseId }: PanelProps) {
  const courses = loaded(
    useQuery({
      queryKey: keyOf(`/api/v1/cases/${caseId}/interventions`),
      queryFn: () => data(client.GET('/api/v1/cases/{id}/interventions', { params: { path: { id: caseId } } })),
    }),
  );
  const coordinator = useCanCoordinate();
  if (courses.loading && !courses.data) return <Loading />;
  if (!courses.data) return <ProblemAlert error={courses.error} />;
  const items = courses.data.items;

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t.heading}
      </Title>
      <Text size="sm">{t.intro}</Text>
      {items.length === 0 ? (
        <Text>{t.empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder captionSide="top" data-testid="courses-table">
            <Table.Caption c="gray.8">{t.caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.columns.intervention}</Table.Th>
                <Table.Th scope="col">{t.columns.started}</Table.Th>
                <Table.Th scope="col">{t.columns.behaviours}</Table.Th>
                <Table.Th scope="col">{t.columns.ended}</Table.Th>
                <Table.Th scope="col">{t.columns.followUps}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row">{c.intervention.name}</Table.Th>
                  <Table.Td>{formatDate(c.startedOn)}</Table.Td>
                  <Table.Td>{c.referredBehaviours.map((b) => behaviourNames[b] ?? b).join(', ')}</Table.Td>
                  <Table.Td>
                    {c.endedOn ? t.ended(formatDate(c.endedOn), reasonNames[c.endReason!] ?? '') : t.running}
                    {!c.endedOn && coordinator && <EndCourse caseId={caseId} course={c} />}
                  </Table.Td>
                  <Table.Td>
                    {c.followUps.map((f) => (
                      <Text size="sm" key={f.months}>
                        {t.followUp(f.months, f.recordedAt !== null, formatDate(f.recordableFrom))}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {coordinator && <StartCourse caseId={caseId} />}
    </Stack>
  );
}

function StartCourse({ caseId }: { caseId: string }) {
  const catalogue = loaded(
    useQuery({
      queryKey: keyOf('/api/v1/interventions', 'active'),
      queryFn: () => data(client.GET('/api/v1/interventions', { params: { query: { active: 'true', limit: 200 } } })),
    }),
  );
  const [interventionId, setInterventionId] = useState('');
  const [startedOn, setStartedOn] = useState(todayIso());
  const [behaviours, setBehaviours] = useState<Behaviour[]>([]);
  const [problems, setProblems] = useState<{ intervention?: string; behaviours?: string }>({});
  const [saved, setSaved] = useState(false);
  // The case's courses and its timeline load anew.
  const start = useApiMutation({
    mutationFn: (body: Schemas['StartCourseDto']) =>
      data(client.POST('/api/v1/cases/{id}/interventions', { params: { path: { id: caseId } }, body })),
    invalidates: [`/api/v1/cases/${caseId}`],
    onSuccess: () => {
      setSaved(true);
      setInterventionId('');
      setBehaviours([]);
    },
  });
  const errors = formErrors(start.error);

  const submit = () => {
    setSaved(false);
    const found = {
      intervention: interventionId ? undefined : t.interventionRequired,
      behaviours: behaviours.length ? undefined : t.behavioursRequired,
    };
    setProblems(found);
    if (found.intervention || found.behaviours) return;
    start.mutate({ interventionId, startedOn, referredBehaviours: behaviours });
  };

  return (
    <Stack gap="sm" maw={560}>
      <Title order={3} size="h4">
        {t.start}
      </Title>
      <ProblemAlert error={catalogue.error} />
      {saved && (
        <Text role="status" fw={600}>
          {t.saved}
        </Text>
      )}
      <ApiForm
        label={t.start}
        onSubmit={submit}
        pending={start.isPending}
        error={start.error}
        fields={['interventionId', 'startedOn', 'referredBehaviours']}
        submitLabel={t.save}
      >
        <NativeSelect
          label={t.intervention}
          withAsterisk
          value={interventionId}
          onChange={(e) => setInterventionId(e.currentTarget.value)}
          error={problems.intervention ?? errors.errorOf('interventionId')}
          data={[
            { value: '', label: '–' },
            ...(catalogue.data?.items ?? []).map((i) => ({ value: i.id, label: i.name })),
          ]}
        />
        <TextInput
          type="date"
          label={t.startedOn}
          withAsterisk
          value={startedOn}
          max={todayIso()}
          onChange={(e) => setStartedOn(e.currentTarget.value)}
          error={errors.errorOf('startedOn')}
        />
        <Checkbox.Group
          label={t.behaviours}
          withAsterisk
          value={behaviours}
          onChange={(value) => setBehaviours(value as Behaviour[])}
          error={problems.behaviours ?? errors.errorOf('referredBehaviours')}
        >
          <Group gap="sm" mt={4}>
            {Object.entries(behaviourNames).map(([value, label]) => (
              <Checkbox key={value} value={value} label={label} />
            ))}
          </Group>
        </Checkbox.Group>
      </ApiForm>
    </Stack>
  );
}

function EndCourse({ caseId, course }: { caseId: string; course: Course }) {
  const [open, setOpen] = useState(false);
  const [endedOn, setEndedOn] = useState(todayIso());
  const [reason, setReason] = useState<EndReason>('completed');
  // The case's courses, its timeline and the results per intervention load anew.
  const end = useApiMutation({
    mutationFn: (body: Schemas['EndCourseDto']) =>
      data(
        client.POST('/api/v1/cases/{id}/interventions/{courseId}/end', {
          params: { path: { id: caseId, courseId: course.id } },
          body,
        }),
      ),
    invalidates: [`/api/v1/cases/${caseId}`, '/api/v1/stats/interventions'],
  });
  const errors = formErrors(end.error);
  if (!open)
    return (
      <Button
        size="xs"
        variant="default"
        ml="sm"
        aria-label={t.endFor(course.intervention.name)}
        onClick={() => setOpen(true)}
      >
        {t.end}
      </Button>
    );
  return (
    <Stack gap="xs" mt="xs">
      <ApiForm
        label={t.endFor(course.intervention.name)}
        onSubmit={() => end.mutate({ endedOn, reason })}
        pending={end.isPending}
        error={end.error}
        fields={['endedOn', 'reason']}
        submitLabel={t.saveEnd}
      >
        <TextInput
          type="date"
          label={t.endedOn}
          withAsterisk
          value={endedOn}
          min={course.startedOn}
          max={todayIso()}
          onChange={(e) => setEndedOn(e.currentTarget.value)}
          error={errors.errorOf('endedOn')}
        />
        <NativeSelect
          label={t.reason}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value as EndReason)}
          data={Object.entries(reasonNames).map(([value, label]) => ({ value, label }))}
          error={errors.errorOf('reason')}
        />
      </ApiForm>
    </Stack>
  );
}
