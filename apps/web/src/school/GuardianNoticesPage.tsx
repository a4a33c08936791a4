import { Button, Checkbox, Group, Modal, NativeSelect, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { Page } from '../components/Page';
import { PagedTable } from '../components/PagedTable';
import { formatDateTime, todayIso } from '../format';
import { keyOf, useApiMutation, usePages } from '../query';
import { useSession } from '../session';
import { texts } from '../texts';

const t = texts.screens.notices;
type Item = Schemas['GuardianNoticeItemDto'];
type Method = Schemas['CreateGuardianNoticeDto']['method'];
const METHODS = Object.keys(t.methods) as Method[];

/** Now as the value of a datetime-local input (local time, minutes). */
function nowLocal(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

function RecordNotice({ item, date, onClose }: { item: Item; date: string; onClose(): void }) {
  const [method, setMethod] = useState<Method>('phone');
  const [at, setAt] = useState(nowLocal());
  const record = useApiMutation({
    mutationFn: (body: Schemas['CreateGuardianNoticeDto']) =>
      data(client.POST('/api/v1/students/{id}/guardian-notices', { params: { path: { id: item.studentId } }, body })),
    invalidates: ['/api/v1/schools'],
    onSuccess: onClose,
  });
  const errors = formErrors(record.error);
  return (
    <Modal
      opened
      closeButtonProps={{ 'aria-label': texts.common.close }}
      onClose={onClose}
      title={t.recordFor(`${item.firstName} ${item.lastName}`)}
    >
      <ApiForm
        onSubmit={() => record.mutate({ date, method, informedAt: at ? new Date(at).toISOString() : '' })}
        pending={record.isPending}
        error={record.error}
        fields={['method', 'informedAt']}
        submitLabel={t.submit}
      >
        <NativeSelect
          label={t.method}
          data={METHODS.map((value) => ({ value, label: t.methods[value] }))}
          value={method}
          onChange={(e) => setMethod(e.currentTarget.value as Method)}
          error={errors.errorOf('method')}
        />
        <TextInput
          label={t.informedAt}
          type="datetime-local"
          value={at}
          onChange={(e) => setAt(e.currentTarget.value)}
          error={errors.errorOf('informedAt') ?? errors.errorOf('date')}
          required
        />
      </ApiForm>
    </Modal>
  );
}

/** The mentor's list of today's invalid absences whose guardians are to be told, and recording that they were. */
export function GuardianNoticesPage() {
  const { me } = useSession();
  const [date, setDate] = useState(todayIso());
  const [onlyUninformed, setOnlyUninformed] = useState(false);
  const [recording, setRecording] = useState<Item | null>(null);
  const schoolId = me?.agency.id ?? '';
  const list = usePages(
    keyOf(`/api/v1/schools/${schoolId}/guardian-notices`, date, onlyUninformed),
    (cursor) =>
      data(
        client.GET('/api/v1/schools/{id}/guardian-notices', {
          params: {
            path: { id: schoolId },
            query: { date, limit: 200, cursor, ...(onlyUninformed ? { pending: 'true' as const } : {}) },
          },
        }),
      ),
    !!me,
  );
  return (
    <Page title={t.title}>
      <Text>{t.intro}</Text>
      <Group align="end">
        <TextInput
          label={t.date}
          type="date"
          value={date}
          onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)}
        />
        <Checkbox
          label={t.onlyUninformed}
          checked={onlyUninformed}
          onChange={(e) => setOnlyUninformed(e.currentTarget.checked)}
        />
      </Group>
      <PagedTable
        list={list}
        empty={t.empty}
        caption={t.caption(list.items.length, list.hasMore)}
        testId="notices-table"
        rowKey={(item) => item.studentId}
        columns={[
          { header: t.columns.pupil, cell: (item) => `${item.firstName} ${item.lastName}` },
          { header: t.columns.className, cell: (item) => item.className },
          { header: t.columns.minutes, cell: (item) => t.minutes(item.invalidAbsenceMinutes) },
          {
            header: t.columns.informed,
            cell: (item) =>
              item.informed ? (
                t.informed(
                  t.methods[item.informed.method] ?? item.informed.method,
                  formatDateTime(item.informed.informedAt),
                  item.informed.recordedBy.displayName,
                )
              ) : (
                <Group gap="xs">
                  <Text size="sm">{t.notInformed}</Text>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t.recordFor(`${item.firstName} ${item.lastName}`)}
                    onClick={() => setRecording(item)}
                  >
                    {t.record}
                  </Button>
                </Group>
              ),
          },
        ]}
      />
      {recording && <RecordNotice item={recording} date={date} onClose={() => setRecording(null)} />}
    </Page>
  );
}
