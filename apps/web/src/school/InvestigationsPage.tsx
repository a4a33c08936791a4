import { Badge, Button, Group, List, Modal, Paper, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { Page } from '../components/Page';
import { PagedTable } from '../components/PagedTable';
import { formatDate, formatPercent, todayIso } from '../format';
import { keyOf, useApiMutation, usePages } from '../query';
import { useSession } from '../session';
import { texts } from '../texts';

const t = texts.screens.investigations;
type Item = Schemas['OverviewItemDto'];
type Investigation = Schemas['InvestigationDto'];
interface Started {
  name: string;
  investigation: Investigation;
}

function StartInvestigation({ item, onDone }: { item: Item; onDone(started?: Started): void }) {
  const name = `${item.firstName} ${item.lastName}`;
  const [startedOn, setStartedOn] = useState(todayIso());
  const [informedOn, setInformedOn] = useState('');
  const start = useApiMutation({
    mutationFn: (body: Schemas['CreateInvestigationDto']) =>
      data(
        client.POST('/api/v1/students/{id}/absence-investigations', { params: { path: { id: item.studentId } }, body }),
      ),
    invalidates: ['/api/v1/schools', `/api/v1/students/${item.studentId}`],
    onSuccess: (investigation) => onDone({ name, investigation }),
  });
  const errors = formErrors(start.error);
  return (
    <Modal
      opened
      closeButtonProps={{ 'aria-label': texts.common.close }}
      onClose={() => onDone()}
      title={t.startFor(name)}
    >
      <ApiForm
        onSubmit={() => start.mutate({ startedOn, ...(informedOn ? { huvudmanInformedOn: informedOn } : {}) })}
        pending={start.isPending}
        error={start.error}
        fields={['startedOn', 'huvudmanInformedOn']}
        submitLabel={t.submit}
      >
        <TextInput
          label={t.startedOn}
          type="date"
          value={startedOn}
          onChange={(e) => setStartedOn(e.currentTarget.value)}
          error={errors.errorOf('startedOn')}
          required
        />
        <TextInput
          label={t.huvudmanInformedOn}
          type="date"
          value={informedOn}
          onChange={(e) => setInformedOn(e.currentTarget.value)}
          error={errors.errorOf('huvudmanInformedOn')}
        />
      </ApiForm>
    </Modal>
  );
}

function ReportToHuvudman({ started, onDone }: { started: Started; onDone(updated?: Investigation): void }) {
  const [on, setOn] = useState(todayIso());
  const report = useApiMutation({
    mutationFn: (body: Schemas['UpdateInvestigationDto']) =>
      data(
        client.PATCH('/api/v1/absence-investigations/{id}', {
          params: { path: { id: started.investigation.id } },
          body,
        }),
      ),
    invalidates: [`/api/v1/students/${started.investigation.studentId}`],
    onSuccess: (updated) => onDone(updated),
  });
  const errors = formErrors(report.error);
  return (
    <Modal
      opened
      closeButtonProps={{ 'aria-label': texts.common.close }}
      onClose={() => onDone()}
      title={t.reportFor(started.name)}
    >
      <ApiForm
        onSubmit={() => report.mutate({ huvudmanInformedOn: on })}
        pending={report.isPending}
        error={report.error}
        fields={['huvudmanInformedOn']}
        submitLabel={t.reportSubmit}
      >
        <TextInput
          label={t.reportDate}
          type="date"
          value={on}
          onChange={(e) => setOn(e.currentTarget.value)}
          error={errors.errorOf('huvudmanInformedOn')}
          required
        />
      </ApiForm>
    </Modal>
  );
}

/** The principal's absence investigations: pupils with much absence and none started; start one; report it. */
export function InvestigationsPage() {
  const { me } = useSession();
  const schoolId = me?.agency.id ?? '';
  const [starting, setStarting] = useState<Item | null>(null);
  const [started, setStarted] = useState<Started[]>([]);
  const [reporting, setReporting] = useState<Started | null>(null);
  const list = usePages(
    keyOf(`/api/v1/schools/${schoolId}/investigation-overview`),
    (cursor) =>
      data(
        client.GET('/api/v1/schools/{id}/investigation-overview', {
          params: { path: { id: schoolId }, query: { limit: 100, cursor } },
        }),
      ),
    !!me,
  );
  return (
    <Page title={t.title}>
      <Text>{t.intro}</Text>
      {started.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="started-title">
          <Title order={2} size="h3" id="started-title" mb="xs">
            {t.started}
          </Title>
          <List data-testid="started-investigations">
            {started.map((s) => (
              <List.Item key={s.investigation.id}>
                <Group gap="xs">
                  <Text>
                    {t.startedItem(s.name, formatDate(s.investigation.startedOn))}
                    {s.investigation.huvudmanInformedOn
                      ? `, ${t.reported(formatDate(s.investigation.huvudmanInformedOn))}`
                      : ''}
                  </Text>
                  {!s.investigation.huvudmanInformedOn && (
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t.reportFor(s.name)}
                      onClick={() => setReporting(s)}
                    >
                      {t.report}
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
      <PagedTable
        list={list}
        empty={t.empty}
        caption={t.caption(list.items.length, list.hasMore)}
        testId="overview-table"
        rowKey={(item) => item.studentId}
        columns={[
          { header: t.columns.pupil, cell: (item) => `${item.firstName} ${item.lastName}` },
          { header: t.columns.className, cell: (item) => item.className },
          { header: t.columns.absence, cell: (item) => formatPercent(item.absencePercent, true) },
          { header: t.columns.invalid, cell: (item) => formatPercent(item.invalidAbsencePercent, true) },
          {
            header: t.columns.flag,
            cell: (item) => (item.openFlag ? <Badge variant="light">{texts.common.yes}</Badge> : texts.common.no),
          },
          {
            header: <VisuallyHidden>{t.start}</VisuallyHidden>,
            cell: (item) => (
              <Button
                size="xs"
                variant="default"
                aria-label={t.startFor(`${item.firstName} ${item.lastName}`)}
                onClick={() => setStarting(item)}
              >
                {t.start}
              </Button>
            ),
          },
        ]}
      />
      {starting && (
        <StartInvestigation
          item={starting}
          onDone={(s) => {
            setStarting(null);
            if (s) setStarted((previous) => [s, ...previous]);
          }}
        />
      )}
      {reporting && (
        <ReportToHuvudman
          started={reporting}
          onDone={(updated) => {
            setReporting(null);
            if (updated)
              setStarted((previous) =>
                previous.map((s) => (s.investigation.id === updated.id ? { ...s, investigation: updated } : s)),
              );
          }}
        />
      )}
    </Page>
  );
}
