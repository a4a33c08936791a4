import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { formatDate, todayIso } from '../format';
import { keyOf, useApiMutation } from '../query';
import { texts } from '../texts';

const t = texts.followUp.lessons;
const PUPIL_LIMIT = 500;
type Lesson = Schemas['LessonDto'];

interface Fields {
  startTime: string;
  offeredMinutes: string;
  attendanceMinutes: string;
  validAbsenceMinutes: string;
  invalidAbsenceMinutes: string;
  reason: string;
}

type MinuteField = Exclude<keyof Fields, 'startTime' | 'reason'>;

const EMPTY: Fields = {
  startTime: '08:00',
  offeredMinutes: '60',
  attendanceMinutes: '',
  validAbsenceMinutes: '0',
  invalidAbsenceMinutes: '0',
  reason: '',
};

/** A number field's value as the API wants it: a number, or NaN (the server says what is wrong at the field). */
const minutes = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

function LessonForm({
  studentId,
  date,
  fields,
  setFields,
}: {
  studentId: string;
  date: string;
  fields: Fields;
  setFields(fields: Fields): void;
}) {
  const [saved, setSaved] = useState<string | null>(null);
  const record = useApiMutation({
    mutationFn: (body: Schemas['RecordLessonDto']) =>
      data(client.POST('/api/v1/students/{id}/attendance', { params: { path: { id: studentId } }, body })),
    invalidates: [`/api/v1/students/${studentId}`],
    onSuccess: (lesson) => setSaved(lesson.startTime),
  });
  const errors = formErrors(record.error);
  const set = (name: keyof Fields) => (e: { currentTarget: { value: string } }) => {
    setSaved(null);
    setFields({ ...fields, [name]: e.currentTarget.value });
  };
  // The four minute fields: a number between min and one school day's 600 minutes.
  const minutesInput = (
    name: MinuteField,
    label: string,
    { min = 0, required = false, description }: { min?: number; required?: boolean; description?: string },
  ) => (
    <TextInput
      label={label}
      description={description}
      type="number"
      min={min}
      max={600}
      value={fields[name]}
      onChange={set(name)}
      error={errors.errorOf(name)}
      required={required}
    />
  );
  const submit = () =>
    record.mutate({
      date,
      startTime: fields.startTime,
      offeredMinutes: minutes(fields.offeredMinutes),
      validAbsenceMinutes: minutes(fields.validAbsenceMinutes),
      invalidAbsenceMinutes: minutes(fields.invalidAbsenceMinutes),
      ...(fields.attendanceMinutes.trim() ? { attendanceMinutes: minutes(fields.attendanceMinutes) } : {}),
      ...(fields.reason.trim() ? { reason: fields.reason.trim() } : {}),
    });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3" mb="sm" id="lesson-form-title">
        {t.form.title}
      </Title>
      <ApiForm
        label={t.form.title}
        onSubmit={submit}
        pending={record.isPending}
        error={record.error}
        fields={[
          'date',
          'startTime',
          'offeredMinutes',
          'attendanceMinutes',
          'validAbsenceMinutes',
          'invalidAbsenceMinutes',
          'reason',
        ]}
        submitLabel={t.form.submit}
      >
        <Group align="start" grow>
          <TextInput
            label={t.form.startTime}
            type="time"
            value={fields.startTime}
            onChange={set('startTime')}
            error={errors.errorOf('startTime') ?? errors.errorOf('date')}
            required
          />
          {minutesInput('offeredMinutes', t.form.offered, { min: 1, required: true })}
          {minutesInput('attendanceMinutes', t.form.attended, { description: t.form.attendedHint })}
        </Group>
        <Group align="start" grow>
          {minutesInput('validAbsenceMinutes', t.form.valid, { required: true })}
          {minutesInput('invalidAbsenceMinutes', t.form.invalid, { required: true })}
        </Group>
        <TextInput
          label={t.form.reason}
          description={t.form.reasonHint}
          maxLength={200}
          value={fields.reason}
          onChange={set('reason')}
          error={errors.errorOf('reason')}
        />
      </ApiForm>
      {saved && (
        <Alert color="green" role="status" mt="sm" data-testid="lesson-saved">
          {t.form.saved(saved)}
        </Alert>
      )}
    </Paper>
  );
}

function DayLessons({
  studentId,
  name,
  date,
  onEdit,
}: {
  studentId: string;
  name: string;
  date: string;
  onEdit(lesson: Lesson): void;
}) {
  const lessons = useQuery({
    queryKey: keyOf(`/api/v1/students/${studentId}/attendance`, date),
    queryFn: () =>
      data(
        client.GET('/api/v1/students/{id}/attendance', {
          params: { path: { id: studentId }, query: { from: date, to: date, limit: 50 } },
        }),
      ),
  });
  // Newest first from the API; the day reads from morning on.
  const items = [...(lessons.data?.items ?? [])].reverse();
  return (
    <section aria-labelledby="day-lessons">
      <Title order={2} size="h3" mb="xs" id="day-lessons">
        {t.dayTitle(name, formatDate(date))}
      </Title>
      <QueryState query={lessons} empty={t.empty} isEmpty={items.length === 0}>
        <Table.ScrollContainer minWidth={700}>
          <Table striped data-testid="day-lessons">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.columns.start}</Table.Th>
                <Table.Th scope="col">{t.columns.offered}</Table.Th>
                <Table.Th scope="col">{t.columns.attended}</Table.Th>
                <Table.Th scope="col">{t.columns.valid}</Table.Th>
                <Table.Th scope="col">{t.columns.invalid}</Table.Th>
                <Table.Th scope="col">{t.columns.reason}</Table.Th>
                <Table.Th scope="col">{t.columns.source}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t.edit}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((lesson) => (
                <Table.Tr key={lesson.startTime}>
                  <Table.Th scope="row" fw={500}>
                    {lesson.startTime}
                  </Table.Th>
                  <Table.Td>{t.minutes(lesson.offeredMinutes)}</Table.Td>
                  {lesson.reported ? (
                    <>
                      <Table.Td>{t.minutes(lesson.attendanceMinutes)}</Table.Td>
                      <Table.Td>{t.minutes(lesson.validAbsenceMinutes)}</Table.Td>
                      <Table.Td>{t.minutes(lesson.invalidAbsenceMinutes)}</Table.Td>
                    </>
                  ) : (
                    <Table.Td colSpan={3}>{t.notReported}</Table.Td>
                  )}
                  <Table.Td>{lesson.reason ?? ''}</Table.Td>
                  <Table.Td>{t.sources[lesson.source] ?? lesson.source}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t.editLabel(lesson.startTime)}
                      onClick={() => onEdit(lesson)}
                    >
                      {t.edit}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </QueryState>
    </section>
  );
}

/** The mentor's and the principal's single lesson entry: a pupil of the school, a day, its lessons. */
export function LessonEntryPage() {
  const [className, setClassName] = useState('');
  const [studentId, setStudentId] = useState('');
  const [date, setDate] = useState(todayIso());
  const [fields, setFields] = useState<Fields>(EMPTY);
  const chosenClass = className.trim();
  const pupils = useQuery({
    queryKey: keyOf('/api/v1/students', chosenClass),
    queryFn: () =>
      data(
        client.GET('/api/v1/students', {
          params: { query: { limit: PUPIL_LIMIT, ...(chosenClass ? { className: chosenClass } : {}) } },
        }),
      ),
  });
  const items = pupils.data?.items ?? [];
  const pupil = items.find((p) => p.id === studentId);
  return (
    <Page title={t.title}>
      <Text>{t.intro}</Text>
      <Group align="start">
        <TextInput
          label={t.className}
          description={t.classHint}
          value={className}
          maxLength={20}
          onChange={(e) => {
            setClassName(e.currentTarget.value);
            setStudentId('');
          }}
          w={200}
        />
        <QueryState query={pupils} empty={t.noPupils} isEmpty={items.length === 0}>
          <NativeSelect
            label={t.pupil}
            description={pupils.data?.nextCursor ? t.morePupils(PUPIL_LIMIT) : undefined}
            data={[
              { value: '', label: t.choosePupil },
              ...items.map((p) => ({ value: p.id, label: `${p.lastName}, ${p.firstName} (${p.className})` })),
            ]}
            value={studentId}
            onChange={(e) => {
              setStudentId(e.currentTarget.value);
              setFields(EMPTY);
            }}
            w={320}
          />
        </QueryState>
        <TextInput
          label={t.date}
          type="date"
          max={todayIso()}
          value={date}
          onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)}
          w={180}
        />
      </Group>
      {pupil ? (
        <>
          <DayLessons
            studentId={pupil.id}
            name={`${pupil.firstName} ${pupil.lastName}`}
            date={date}
            onEdit={(lesson) =>
              setFields({
                startTime: lesson.startTime,
                offeredMinutes: String(lesson.offeredMinutes),
                attendanceMinutes: lesson.reported ? String(lesson.attendanceMinutes) : '',
                validAbsenceMinutes: String(lesson.validAbsenceMinutes),
                invalidAbsenceMinutes: String(lesson.invalidAbsenceMinutes),
                reason: lesson.reason ?? '',
              })
            }
          />
          <LessonForm
            key={`${pupil.id}/${date}`}
            studentId={pupil.id}
            date={date}
            fields={fields}
            setFields={setFields}
          />
        </>
      ) : (
        <Text data-testid="pick-pupil">{t.pickFirst}</Text>
      )}
    </Page>
  );
}
