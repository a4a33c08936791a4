import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../problem';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/ProblemAlert';
import { ShowMore } from '../components/ShowMore';
import { formatDate } from '../format';
import { client, data } from '../client';
import { keyOf, usePages } from '../query';
import { ActionUpdateForm } from '../planning/ActionUpdateForm';
import { ProgressNotes } from '../planning/ProgressNotes';
import { ACTION_STATUSES, WorkListItem } from '../planning/types';
import { usePlan } from '../planning/usePlan';
import { texts } from '../texts';

const t = texts.agency.actions;

/** The update of one action from the work list: reads the case's plan (for its ETag) and PATCHes the action. */
function UpdateDialog({ item, onClose, onSaved }: { item: WorkListItem; onClose(): void; onSaved(): void }) {
  const loaded = usePlan(item.caseId);
  const action = loaded.plan?.actions.find((a) => a.id === item.id);
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': texts.common.close }}
      title={t.updateFor(item.description)}
      size="lg"
    >
      {loaded.error ? (
        <ProblemAlert error={loaded.error} />
      ) : !action || !loaded.etag ? (
        loaded.loading ? (
          <Loader aria-label={texts.common.loading} />
        ) : (
          <ProblemAlert error={new ApiError({ status: 404 })} />
        )
      ) : (
        <Stack>
          <Text size="sm">
            {texts.planning.plan.columns.status}: {texts.planning.actionStatus[action.status]} ·{' '}
            {texts.planning.plan.columns.due}: {formatDate(action.dueDate)}
          </Text>
          <Title order={3} size="h5">
            {t.notes}
          </Title>
          <ProgressNotes notes={action.progressNotes} />
          <ActionUpdateForm
            caseId={item.caseId}
            action={action}
            etag={loaded.etag}
            onSaved={(plan, etag) => {
              loaded.replace(plan, etag);
              onSaved();
            }}
            onReload={async () => {
              await loaded.reload();
            }}
          />
        </Stack>
      )}
    </Modal>
  );
}

/** The agency's work list: the plan actions it (or the user) is responsible for, by due date. */
export function ActionsPage() {
  const [scope, setScope] = useState<'agency' | 'mine'>('agency');
  const [status, setStatus] = useState('');
  const [updating, setUpdating] = useState<WorkListItem | null>(null);
  const list = usePages(keyOf('/api/v1/actions', scope, status), (cursor) =>
    data(
      client.GET('/api/v1/actions', {
        params: {
          query: {
            limit: 50,
            [scope]: 'true',
            status: (status || undefined) as WorkListItem['status'] | undefined,
            cursor,
          },
        },
      }),
    ),
  );
  const { items } = list;

  return (
    <Page title={t.title}>
      <Text>{t.intro}</Text>
      <Group align="end">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="actions-scope">
            {t.scope}
          </Text>
          <SegmentedControl
            aria-labelledby="actions-scope"
            value={scope}
            onChange={(value) => setScope(value as 'agency' | 'mine')}
            data={[
              { value: 'agency', label: t.scopes.agency },
              { value: 'mine', label: t.scopes.mine },
            ]}
          />
        </Stack>
        <NativeSelect
          label={t.statusFilter}
          w={200}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[
            { value: '', label: t.allStatuses },
            ...ACTION_STATUSES.map((value) => ({ value, label: texts.planning.actionStatus[value] })),
          ]}
        />
      </Group>
      <ProblemAlert error={list.error} />
      {list.loading && !items.length ? (
        <Loader aria-label={texts.common.loading} />
      ) : !items.length ? (
        !list.error && <Text>{t.empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" striped>
            <Table.Caption>{t.caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.columns.reference}</Table.Th>
                <Table.Th scope="col">{t.columns.what}</Table.Th>
                <Table.Th scope="col">{t.columns.person}</Table.Th>
                <Table.Th scope="col">{t.columns.due}</Table.Th>
                <Table.Th scope="col">{t.columns.status}</Table.Th>
                <Table.Th scope="col">{t.columns.update}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id} data-testid={`action-${item.id}`}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/arenden/${item.caseId}?flik=plan`}
                      aria-label={t.openPlan(item.caseReference)}
                    >
                      {item.caseReference}
                    </Anchor>
                  </Table.Td>
                  <Table.Th scope="row" fw={400}>
                    {item.description}
                  </Table.Th>
                  <Table.Td>{item.responsible?.displayName ?? t.noPerson}</Table.Td>
                  <Table.Td>
                    {formatDate(item.dueDate)}{' '}
                    {item.overdue ? (
                      <Badge color="red.9" variant="filled">
                        {t.overdue}
                      </Badge>
                    ) : item.due ? (
                      <Badge color="yellow.9" variant="filled">
                        {t.dueSoon}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{texts.planning.actionStatus[item.status]}</Table.Td>
                  <Table.Td>
                    <Button size="xs" aria-label={t.updateFor(item.description)} onClick={() => setUpdating(item)}>
                      {t.update}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ShowMore list={list} />
      {updating && <UpdateDialog item={updating} onClose={() => setUpdating(null)} onSaved={list.reload} />}
    </Page>
  );
}
