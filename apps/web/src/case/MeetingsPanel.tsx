import { Anchor, Badge, Button, Card, Checkbox, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { api } from '../api';
import { useQuery } from '@tanstack/react-query';
import { client, data } from '../client';
import { keyOf } from '../query';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDateTime, stockholmDateTime } from '../format';
import { useDraft } from '../session';
import { texts } from '../texts';
import { Fact, Facts, Loading, Saved } from '../triage/components';
import { loaded, useCanCoordinate, useCase, useCaseMobilisations } from '../triage/hooks';
import type { CaseDetail, Meeting } from '../triage/types';
import type { PanelProps } from './CasePage';
import type { AgencyRef } from '../api-types';
import { fieldErrorProps } from '../problem-texts';

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
              <MeetingCard
                meeting={m}
                canRecord={canCoordinate && active}
                onSaved={() => {
                  setSaved(t.minutesSaved);
                  meetings.reload();
                }}
              />
            </li>
          ))}
        </Stack>
      )}
      <Saved message={saved} />
      {canCoordinate && found.data && !active && <Text size="sm">{t.closed}</Text>}
      {canCoordinate && active && found.data && (
        <ScheduleForm
          c={found.data}
          onSaved={() => {
            setSaved(t.saved);
            meetings.reload();
          }}
        />
      )}
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
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.patch(`/cases/${meeting.caseId}/meetings/${meeting.id}`, { minutes, decisions });
      clearMinutes();
      clearDecisions();
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <Textarea
          label={t.minutes}
          autosize
          minRows={3}
          maxLength={10000}
          value={minutes}
          onChange={(e) => setMinutes(e.currentTarget.value)}
        />
        <Textarea
          label={t.decisions}
          autosize
          minRows={2}
          maxLength={10000}
          value={decisions}
          onChange={(e) => setDecisions(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" variant="light" loading={busy}>
            {t.saveMinutes}
          </Button>
        </Group>
        <ProblemAlert error={error} />
      </Stack>
    </form>
  );
}

function ScheduleForm({ c, onSaved }: { c: CaseDetail; onSaved(): void }) {
  const mobilisations = useCaseMobilisations(c.id);
  const school: AgencyRef = { id: c.schoolId, name: c.schoolName, type: 'school' };
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
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Everyone in the case takes part unless the coordinator says otherwise.
  const agencyIds = chosen ?? candidates.map((a) => a.id);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // Swedish time whatever the browser's zone: the typed wall clock with Stockholm's offset.
      await api.post(`/cases/${c.id}/meetings`, {
        startsAt: stockholmDateTime(startsAt) ?? startsAt,
        ...(place.trim() ? { place: place.trim() } : {}),
        ...(videoLink.trim() ? { videoLink: videoLink.trim() } : {}),
        agencyIds,
        pupilPresent,
        guardiansPresent,
      });
      clearPlace();
      clearVideoLink();
      setStartsAt('');
      setChosen(null);
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      withBorder
      component="form"
      onSubmit={(e: FormEvent) => void submit(e)}
      noValidate
      aria-labelledby="meeting-form"
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id="meeting-form">
          {t.form}
        </Title>
        <TextInput
          type="datetime-local"
          label={t.startsAt}
          description={t.startsAtHelp}
          required
          maw={280}
          {...fieldErrorProps(error, 'startsAt')}
          value={startsAt}
          onChange={(e) => setStartsAt(e.currentTarget.value)}
        />
        <Text size="sm">{t.placeHelp}</Text>
        <Group align="flex-start" grow maw={720}>
          <TextInput
            label={t.place}
            maxLength={300}
            {...fieldErrorProps(error, 'place')}
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
          />
          <TextInput
            type="url"
            label={t.videoLink}
            description={t.videoLinkHelp}
            maxLength={2000}
            {...fieldErrorProps(error, 'videoLink')}
            value={videoLink}
            onChange={(e) => setVideoLink(e.currentTarget.value)}
          />
        </Group>
        <ProblemAlert error={mobilisations.error} />
        <Checkbox.Group
          label={t.participantsLabel}
          description={t.participantsHelp}
          required
          {...fieldErrorProps(error, 'agencyIds')}
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
          />
          <Checkbox
            label={t.guardiansPresent}
            checked={guardiansPresent}
            onChange={(e) => setGuardiansPresent(e.currentTarget.checked)}
          />
        </Group>
        <Group>
          <Button type="submit" loading={busy}>
            {t.submit}
          </Button>
        </Group>
        <ProblemAlert error={error} />
      </Stack>
    </Card>
  );
}
