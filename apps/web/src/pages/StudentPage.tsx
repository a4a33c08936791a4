import { Alert, Anchor, Divider, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../problem';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/ProblemAlert';
import { AttendanceByWeek } from '../pupils/AttendanceByWeek';
import { ErasePupil } from '../pupils/ErasePupil';
import { FlagForm } from '../pupils/FlagForm';
import { RegisterExtractLink } from '../pupils/RegisterExtractLink';
import { client, data } from '../client';
import { keyOf } from '../query';
import { useSession } from '../session';
import { texts } from '../texts';

const t = texts.pupils.student;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {value}
      </Text>
    </div>
  );
}

/** /elever/:id — one pupil: who (personnummer masked), absence by week, and flagging to elevhälsa. */
export function StudentPage() {
  const { id = '' } = useParams();
  const { hasRole } = useSession();
  const valid = UUID.test(id);
  const [erased, setErased] = useState<string | null>(null);
  const query = useQuery({
    queryKey: keyOf(`/api/v1/students/${id}`),
    queryFn: () => data(client.GET('/api/v1/students/{id}', { params: { path: { id } } })),
    enabled: valid,
  });
  const { data: student, error: loadError } = query;
  const loading = query.isPending;
  // Not an id at all: the same words as for a pupil one may not see.
  const error = valid ? loadError : new ApiError({ status: 404 });

  if (erased)
    return (
      <Page title={t.title}>
        <Alert color="green" role="status">
          {t.erase.done(erased)}
        </Alert>
        <Anchor component={Link} to="/bevakning" mt="md" display="inline-block">
          {t.backToWatchlist}
        </Anchor>
      </Page>
    );
  if (error)
    // A pupil of another school is a 404 from the API: the page says no more than that.
    return (
      <Page title={t.title}>
        <ProblemAlert error={error} />
      </Page>
    );
  if (loading || !student)
    return (
      <Page title={t.title}>
        <Loader aria-label={t.loading} />
      </Page>
    );

  return (
    <Page
      title={`${student.firstName} ${student.lastName}`}
      actions={
        <Anchor component={Link} to="/bevakning">
          {t.backToWatchlist}
        </Anchor>
      }
    >
      <Stack gap="lg">
        <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} m={0} aria-label={t.facts}>
          <Fact
            label={student.coordinationNumber ? t.coordinationNumber : t.personnummer}
            value={student.personnummerMasked}
          />
          <Fact label={t.className} value={student.className} />
          <Fact label={t.grade} value={String(student.grade)} />
          <Fact label={t.school} value={student.schoolName} />
        </SimpleGrid>
        {student.protectedIdentity && (
          <Alert color="yellow" variant="light">
            {t.protectedIdentity}
          </Alert>
        )}
        <AttendanceByWeek studentId={student.id} />
        {hasRole('school_staff', 'principal', 'elevhalsa') && (
          <>
            <Divider />
            <FlagForm studentId={student.id} />
          </>
        )}
        {hasRole('principal') && (
          <>
            <Divider />
            <RegisterExtractLink studentId={student.id} />
            <ErasePupil
              studentId={student.id}
              name={`${student.firstName} ${student.lastName}`}
              onErased={() => setErased(`${student.firstName} ${student.lastName}`)}
            />
          </>
        )}
      </Stack>
    </Page>
  );
}
