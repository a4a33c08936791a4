import { Anchor, Badge, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/ProblemAlert';
import { ShowMore } from '../components/ShowMore';
import { formatDateTime } from '../format';
import { usePaged } from '../paging';
import { texts } from '../texts';

const t = texts.agency.notifications;

interface Notification {
  id: string;
  kind: string;
  title: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** Only paths inside this app are followed: a notification's link is data. */
const internal = (link: string | null): link is string => !!link && link.startsWith('/') && !link.startsWith('//');

/** The user's notifications, unread first; each leads to what it is about and can be marked read. */
export function NotificationsPage() {
  const list = usePaged<Notification>('/notifications?limit=30');
  const { items } = list;
  const [markError, setMarkError] = useState<unknown>(null);

  async function markRead(notification: Notification) {
    setMarkError(null);
    try {
      const answer = await api.post<Notification | undefined>(`/notifications/${notification.id}/read`);
      const readAt = answer?.readAt ?? new Date().toISOString();
      list.update((previous) => previous.map((n) => (n.id === notification.id ? { ...n, readAt } : n)));
    } catch (failure) {
      setMarkError(failure);
    }
  }

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
                          if (!n.readAt) void markRead(n);
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
                  <Button
                    size="xs"
                    variant="light"
                    aria-label={t.markReadFor(n.title)}
                    onClick={() => void markRead(n)}
                  >
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
