import { Anchor, Badge, Card, Checkbox, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { ProblemAlert } from '../components/ProblemAlert';
import { keyOf, useApiMutation } from '../query';
import { formatDateTime, stockholmDateTime } from '../format';
import { useDraft } from '../session';
import { texts } from '../texts';
import { Fact, Facts, Loading, Saved } from '../triage/components';
import { loaded, useCanCoordinate, useCase, useCaseMobilisations } from '../triage/hooks';
import type { CaseDetail, Meeting } from '../triage/types';
import type { PanelProps } from './CasePage';

const t = texts.triage.meetings;

/** The joint meetings: book one, and write the minutes and decisions once it has begun. */
export function MeetingsPanel({ caseId }: PanelProps) {
  const meetings = loaded(
    useQuery({
      queryKey: keyOf(`/api/v1/cases/${caseId}/meetings`),
      queryFn: () =>
        data(client.GET('/api/v1/cases/{id}/meetings', { params: { path: { id: caseId }, query: { limit: 200 } } })),
    }),
  );
  const found = useCase(caseId);
  const canCoordinate = useCanCoordinate();
  const [saved, setSaved] = useState<string | null>(null);
  const items = meetings.data?.items ?? [];
  const active = found.data ? found.data.status !== 'closed' : false;

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t.heading}
      </Title>
      {meetings.loading && !meetings.data ? (
        <Loading />
      ) : meetings.error ? (
        <ProblemAlert error={meetings.error} />
      ) : items.length === 0 ? (
        <Text>{t.empty}</Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((m) => (
            <li key={m.id}>
              <MeetingCard meeting={m} canRecord={canCoordinate && active} onSaved={() => setSaved(t.minutesSaved)} />
            </li>
          ))}
        </Stack>
      )}
      <Saved message={saved} />
      {canCoordinate && found.data && !active && <Text size="sm">{t.closed}</Text>}
      {canCoordinate && active && found.data && <ScheduleForm c={found.data} onSaved={() => setSaved(t.saved)} />}
    </Stack>
  );
}

function MeetingCard({ meeting, canRecord, onSaved }: { meeting: Meeting; canRecord: boolean; onSaved(): void }) {
  const begun = new Date(meeting.startsAt).getTime() <= Date.now();
  const when = formatDateTime(meeting.startsAt);
  return (
    <Card withBorder component="article" aria-label={t.meetingTitle(when)} data-testid="meeting">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t.meetingTitle(when)}
          </Title>
          <Badge variant="light" color={begun ? 'gray' : 'blue'}>
            {begun ? t.past : t.upcoming}
          </Badge>
        </Group>
        <Facts>
          {meeting.place && <Fact label={t.place}>{meeting.place}</Fact>}
          {meeting.videoLink && (
            <Fact label={t.videoLink}>
              <Anchor href={meeting.videoLink} target="_blank" rel="noreferrer">
                {meeting.videoLink}
              </Anchor>
            </Fact>
          )}
          <Fact label={t.participants}>{meeting.agencies.map((a) => a.name).join(', ')}</Fact>
          <Fact label={t.pupilPresent}>{t.yesNo(meeting.pupilPresent)}</Fact>
          <Fact label={t.guardiansPresent}>{t.yesNo(meeting.guardiansPresent)}</Fact>
        </Facts>
        <Text size="sm" c="dimmed">
          {t.bookedBy(meeting.createdBy.displayName)}
        </Text>
        {canRecord && begun ? (
          <MinutesForm key={meeting.updatedAt} meeting={meeting} onSaved={onSaved} />
        ) : (
          <>
            {meeting.minutes || meeting.decisions ? (
              <Facts>
                {meeting.minutes && <Fact label={t.minutes}>{meeting.minutes}</Fact>}
                {meeting.decisions && <Fact label={t.decisions}>{meeting.decisions}</Fact>}
              </Facts>
            ) : (
              <Text size="sm">{begun ? t.noMinutes : t.minutesLater}</Text>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

function MinutesForm({ meeting, onSaved }: { meeting: Meeting; onSaved(): void }) {
  const [minutes, setMinutes, clearMinutes] = useDraft(`meeting-minutes-${meeting.id}`, meeting.minutes ?? '');
  const [decisions, setDecisions, clearDecisions] = useDraft(
    `meeting-decisions-${meeting.id}`,
    meeting.decisions ?? '',
  );
  // The case's meetings, its timeline and lead times load anew.
  const record = useApiMutation({
    mutationFn: (body: Schemas['RecordMinutesDto']) =>
      data(
        client.PATCH('/api/v1/cases/{id}/meetings/{meetingId}', {
          params: { path: { id: meeting.caseId, meetingId: meeting.id } },
          body,
        }),
      ),
    invalidates: [`/api/v1/cases/${meeting.caseId}`],
    onSuccess: () => {
      clearMinutes();
      clearDecisions();
      onSaved();
    },
  });
  const errors = formErrors(record.error);

  return (
    <ApiForm
      onSubmit={() => record.mutate({ minutes, decisions })}
      pending={record.isPending}
      error={record.error}
      fields={['minutes', 'decisions']}
      submitLabel={t.saveMinutes}
    >
      <Textarea
        label={t.minutes}
        autosize
        minRows={3}
        maxLength={10000}
        value={minutes}
        onChange={(e) => setMinutes(e.currentTarget.value)}
        error={errors.errorOf('minutes')}
      />
      <Textarea
        label={t.decisions}
        autosize
        minRows={2}
        maxLength={10000}
        value={decisions}
        onChange={(e) => setDecisions(e.currentTarget.value)}
        error={errors.errorOf('decisions')}
      />
    </ApiForm>
  );
}

function ScheduleForm({ c, onSaved }: { c: CaseDetail; onSaved(): void }) {
  const mobilisations = useCaseMobilisations(c.id);
  const school: Schemas['AgencyRefDto'] = { id: c.schoolId, name: c.schoolName, type: 'school' };
  const candidates = [
    school,
    ...(mobilisations.data?.items ?? []).filter((m) => m.status !== 'declined').map((m) => m.agency),
  ];
  const [startsAt, setStartsAt] = useState('');
  const [place, setPlace, clearPlace] = useDraft(`meeting-place-${c.id}`);
  const [videoLink, setVideoLink, clearVideoLink] = useDraft(`meeting-link-${c.id}`);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [pupilPresent, setPupilPresent] = useState(true);
  const [guardiansPresent, setGuardiansPresent] = useState(true);
  // Everyone in the case takes part unless the coordinator says otherwise.
  const agencyIds = chosen ?? candidates.map((a) => a.id);
  // The case's meetings, its timeline and lead times load anew.
  const schedule = useApiMutation({
    mutationFn: (body: Schemas['ScheduleMeetingDto']) =>
      data(client.POST('/api/v1/cases/{id}/meetings', { params: { path: { id: c.id } }, body })),
    invalidates: [`/api/v1/cases/${c.id}`],
    onSuccess: () => {
      clearPlace();
      clearVideoLink();
      setStartsAt('');
      setChosen(null);
      onSaved();
    },
  });
  const errors = formErrors(schedule.error);

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t.form}
        </Title>
        <ApiForm
          label={t.form}
          onSubmit={() =>
            schedule.mutate({
              // Swedish time whatever the browser's zone: the typed wall clock with Stockholm's offset.
              startsAt: stockholmDateTime(startsAt) ?? startsAt,
              ...(place.trim() ? { place: place.trim() } : {}),
              ...(videoLink.trim() ? { videoLink: videoLink.trim() } : {}),
              agencyIds,
              pupilPresent,
              guardiansPresent,
            })
          }
          pending={schedule.isPending}
          error={schedule.error}
          fields={['startsAt', 'place', 'videoLink', 'agencyIds', 'pupilPresent', 'guardiansPresent']}
          submitLabel={t.submit}
        >
          <TextInput
            type="datetime-local"
            label={t.startsAt}
            description={t.startsAtHelp}
            required
            maw={280}
            error={errors.errorOf('startsAt')}
            value={startsAt}
            onChange={(e) => setStartsAt(e.currentTarget.value)}
          />
          <Text size="sm">{t.placeHelp}</Text>
          <Group align="flex-start" grow maw={720}>
            <TextInput
              label={t.place}
              maxLength={300}
              error={errors.errorOf('place')}
              value={place}
              onChange={(e) => setPlace(e.currentTarget.value)}
            />
            <TextInput
              type="url"
              label={t.videoLink}
              description={t.videoLinkHelp}
              maxLength={2000}
              error={errors.errorOf('videoLink')}
              value={videoLink}
              onChange={(e) => setVideoLink(e.currentTarget.value)}
            />
          </Group>
          <ProblemAlert error={mobilisations.error} />
          <Checkbox.Group
            label={t.participantsLabel}
            description={t.participantsHelp}
            required
            error={errors.errorOf('agencyIds')}
            value={agencyIds}
            onChange={setChosen}
          >
            <Stack gap={6} mt={4}>
              {candidates.map((a) => (
                <Checkbox key={a.id} value={a.id} label={a.name} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group>
            <Checkbox
              label={t.pupilPresent}
              checked={pupilPresent}
              onChange={(e) => setPupilPresent(e.currentTarget.checked)}
              error={errors.errorOf('pupilPresent')}
            />
            <Checkbox
              label={t.guardiansPresent}
              checked={guardiansPresent}
              onChange={(e) => setGuardiansPresent(e.currentTarget.checked)}
              error={errors.errorOf('guardiansPresent')}
            />
          </Group>
        </ApiForm>
      </Stack>
    </Card>
  );
}
