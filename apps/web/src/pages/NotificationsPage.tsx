import { Anchor, Badge, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { client, data, Schemas } from '../client';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/ProblemAlert';
import { ShowMore } from '../components/ShowMore';
import { formatDateTime } from '../format';
import { keyOf, useApiMutation, usePages } from '../query';
import { texts } from '../texts';

const t = texts.agency.notifications;

type Notification = Schemas['NotificationDto'];

/** Only paths inside this app are followed: a notification's link is data. */
const internal = (link: string | null): link is string => !!link && link.startsWith('/') && !link.startsWith('//');

/** The user's notifications, unread first; each leads to what it is about and can be marked read. */
export function NotificationsPage() {
  const list = usePages(keyOf('/api/v1/notifications'), (cursor) =>
    data(client.GET('/api/v1/notifications', { params: { query: { limit: 30, cursor } } })),
  );
  const { items } = list;
  // The list keeps its order (a read one stays where it was): the answer is put into the cache.
  const mark = useApiMutation({
    mutationFn: (notification: Notification) =>
      data(client.POST('/api/v1/notifications/{id}/read', { params: { path: { id: notification.id } } })),
    invalidates: ['/api/v1/notifications/unread-count'],
    onSuccess: (answer: Notification | undefined, notification) => {
      const readAt = answer?.readAt ?? new Date().toISOString();
      list.update((previous) => previous.map((n) => (n.id === notification.id ? { ...n, readAt } : n)));
    },
  });
  const markRead = (notification: Notification) => mark.mutate(notification);
  const markError = mark.error;

  return (
    <Page title={t.title}>
      <ProblemAlert error={list.error ?? markError} />
      {list.loading && !items.length ? (
        <Loader aria-label={texts.common.loading} />
      ) : !items.length ? (
        !list.error && <Text>{t.empty}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t.caption}>
          {items.map((n) => (
            <Paper component="li" key={n.id} withBorder p="sm" data-testid="notification">
              <Group justify="space-between" align="start" wrap="nowrap">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Badge color={n.readAt ? 'gray.7' : 'blue.9'} variant={n.readAt ? 'outline' : 'filled'}>
                      {n.readAt ? t.read : t.unread}
                    </Badge>
                    {internal(n.link) ? (
                      <Anchor
                        component={Link}
                        to={n.link}
                        fw={n.readAt ? 400 : 700}
                        // Following a notification is reading it.
                        onClick={() => {
                          if (!n.readAt) markRead(n);
                        }}
                      >
                        {n.title}
                      </Anchor>
                    ) : (
                      <Text fw={n.readAt ? 400 : 700}>{n.title}</Text>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(n.createdAt)}
                  </Text>
                </Stack>
                {!n.readAt && (
                  <Button size="xs" variant="light" aria-label={t.markReadFor(n.title)} onClick={() => markRead(n)}>
                    {t.markRead}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <ShowMore list={list} />
    </Page>
  );
}
