import { Button, Checkbox, Group, Modal, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
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
      <QueryState query={list} empty={t.empty} isEmpty={list.items.length === 0}>
        <Table.ScrollContainer minWidth={700}>
          <Table striped data-testid="notices-table">
            <Table.Caption>{t.caption(list.items.length, list.hasMore)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.columns.pupil}</Table.Th>
                <Table.Th scope="col">{t.columns.className}</Table.Th>
                <Table.Th scope="col">{t.columns.minutes}</Table.Th>
                <Table.Th scope="col">{t.columns.informed}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((item) => (
                <Table.Tr key={item.studentId}>
                  <Table.Th scope="row" fw={500}>
                    {item.firstName} {item.lastName}
                  </Table.Th>
                  <Table.Td>{item.className}</Table.Td>
                  <Table.Td>{t.minutes(item.invalidAbsenceMinutes)}</Table.Td>
                  <Table.Td>
                    {item.informed ? (
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
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {list.hasMore && (
          <Group justify="center">
            <Button variant="default" loading={list.loadingMore} onClick={list.loadMore}>
              {texts.common.showMore}
            </Button>
          </Group>
        )}
      </QueryState>
      {recording && <RecordNotice item={recording} date={date} onClose={() => setRecording(null)} />}
    </Page>
  );
}
