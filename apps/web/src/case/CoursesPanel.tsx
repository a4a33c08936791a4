import { Button, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { api } from '../api';
import { useQuery } from '@tanstack/react-query';
import { client, data } from '../client';
import { keyOf } from '../query';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDate } from '../format';
import { todayIso } from '../format';
import { texts } from '../texts';
import { loaded, useCanCoordinate } from '../triage/hooks';
import type { Schemas } from '../client';
import { Loading } from '../triage/components';
import type { PanelProps } from './CasePage';

const t = texts.interventions.courses;
const behaviourNames = texts.interventions.behaviours;
const reasonNames = texts.interventions.endReasons;

type Course = Schemas['CourseDto'];

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
                    {!c.endedOn && coordinator && <EndCourse caseId={caseId} course={c} onDone={courses.reload} />}
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
      {coordinator && <StartCourse caseId={caseId} onDone={courses.reload} />}
    </Stack>
  );
}

function StartCourse({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const catalogue = loaded(
    useQuery({
      queryKey: keyOf('/api/v1/interventions', 'active'),
      queryFn: () => data(client.GET('/api/v1/interventions', { params: { query: { active: 'true', limit: 200 } } })),
    }),
  );
  const [interventionId, setInterventionId] = useState('');
  const [startedOn, setStartedOn] = useState(todayIso());
  const [behaviours, setBehaviours] = useState<string[]>([]);
  const [problems, setProblems] = useState<{ intervention?: string; behaviours?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const found = {
      intervention: interventionId ? undefined : t.interventionRequired,
      behaviours: behaviours.length ? undefined : t.behavioursRequired,
    };
    setProblems(found);
    if (found.intervention || found.behaviours) return;
    setError(null);
    try {
      await api.post(`/cases/${caseId}/interventions`, { interventionId, startedOn, referredBehaviours: behaviours });
      setSaved(true);
      setInterventionId('');
      setBehaviours([]);
      onDone();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Stack component="form" gap="sm" maw={560} onSubmit={(e) => void submit(e)} aria-labelledby="start-course">
      <Title order={3} size="h4" id="start-course">
        {t.start}
      </Title>
      <ProblemAlert error={error ?? catalogue.error} />
      {saved && (
        <Text role="status" fw={600}>
          {t.saved}
        </Text>
      )}
      <NativeSelect
        label={t.intervention}
        withAsterisk
        value={interventionId}
        onChange={(e) => setInterventionId(e.currentTarget.value)}
        error={problems.intervention}
        aria-invalid={problems.intervention ? true : undefined}
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
      />
      <Checkbox.Group
        label={t.behaviours}
        withAsterisk
        value={behaviours}
        onChange={setBehaviours}
        error={problems.behaviours}
      >
        <Group gap="sm" mt={4}>
          {Object.entries(behaviourNames).map(([value, label]) => (
            <Checkbox key={value} value={value} label={label} />
          ))}
        </Group>
      </Checkbox.Group>
      <Group>
        <Button type="submit">{t.save}</Button>
      </Group>
    </Stack>
  );
}

function EndCourse({ caseId, course, onDone }: { caseId: string; course: Course; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [endedOn, setEndedOn] = useState(todayIso());
  const [reason, setReason] = useState('completed');
  const [error, setError] = useState<unknown>(null);
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
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await api.post(`/cases/${caseId}/interventions/${course.id}/end`, { endedOn, reason });
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack
      component="form"
      gap="xs"
      mt="xs"
      onSubmit={(e) => void submit(e)}
      aria-label={t.endFor(course.intervention.name)}
    >
      <ProblemAlert error={error} />
      <TextInput
        type="date"
        label={t.endedOn}
        withAsterisk
        value={endedOn}
        min={course.startedOn}
        max={todayIso()}
        onChange={(e) => setEndedOn(e.currentTarget.value)}
      />
      <NativeSelect
        label={t.reason}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        data={Object.entries(reasonNames).map(([value, label]) => ({ value, label }))}
      />
      <Group>
        <Button type="submit" size="xs">
          {t.saveEnd}
        </Button>
      </Group>
    </Stack>
  );
}
