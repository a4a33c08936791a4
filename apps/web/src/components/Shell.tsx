import { AppShell, Badge, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { client, data } from '../client';
import { keyOf } from '../query';
import { useSession } from '../session';
import { texts } from '../texts';

const t = texts.common;

interface NavItem {
  to: string;
  label: string;
  roles: string[];
}

// Which pages each role starts from; the API decides what each page may show.
export const NAV: NavItem[] = [
  { to: '/anmalningar', label: t.nav.flags, roles: ['elevhalsa'] },
  { to: '/bevakning', label: t.nav.watchlist, roles: ['school_staff', 'principal', 'elevhalsa'] },
  { to: '/inbjudningar', label: t.nav.invitations, roles: ['agency_worker'] },
  { to: '/arenden', label: t.nav.cases, roles: ['elevhalsa', 'principal', 'agency_worker'] },
  { to: '/atgarder', label: t.nav.actions, roles: ['agency_worker'] },
  { to: '/oversikt', label: t.nav.overview, roles: ['principal', 'elevhalsa'] },
  { to: '/skolans-konton', label: t.nav.accounts, roles: ['principal'] },
  { to: '/narvaroimport', label: texts.screens.nav.imports, roles: ['school_staff', 'principal'] },
  { to: '/lektionsnarvaro', label: texts.followUp.nav.lessons, roles: ['school_staff', 'principal'] },
  { to: '/avstamningar', label: texts.followUp.nav.reviews, roles: ['elevhalsa'] },
  { to: '/uppfoljningar', label: texts.followUp.nav.followUps, roles: ['elevhalsa'] },
  { to: '/vardnadshavarbesked', label: texts.screens.nav.notices, roles: ['school_staff', 'principal'] },
  { to: '/franvaroutredningar', label: texts.screens.nav.investigations, roles: ['principal'] },
  { to: '/franvaroregler', label: texts.screens.nav.rules, roles: ['principal'] },
  { to: '/anvandare', label: texts.screens.nav.users, roles: ['admin'] },
  { to: '/verksamheter', label: texts.screens.nav.agencies, roles: ['admin'] },
  { to: '/atkomstlogg', label: texts.screens.nav.accessLog, roles: ['auditor'] },
  { to: '/resultat-per-insats', label: texts.interventions.nav.results, roles: ['principal', 'elevhalsa', 'admin'] },
  { to: '/insatser', label: texts.interventions.nav.catalogue, roles: ['admin', 'elevhalsa'] },
  { to: '/skoldata', label: t.nav.schoolData, roles: ['admin'] },
  { to: '/gallring', label: texts.retention.nav, roles: ['admin', 'auditor'] },
];

/**
 * The menu's count of unread notifications: from the query cache (marking one read invalidates
 * it), asked again every minute and on each change of page.
 */
function useUnreadCount(): number | null {
  const { pathname } = useLocation();
  const query = useQuery({
    queryKey: keyOf('/api/v1/notifications/unread-count'),
    queryFn: () => data(client.GET('/api/v1/notifications/unread-count')),
    refetchInterval: 60_000,
  });
  const { refetch } = query;
  const shownAt = useRef(pathname);
  useEffect(() => {
    // The first page's count is being fetched already: only a later page asks again.
    if (shownAt.current === pathname) return;
    shownAt.current = pathname;
    void refetch();
  }, [pathname, refetch]);
  return query.data?.count ?? null;
}

export function Shell() {
  const { me, logout, hasRole } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const unread = useUnreadCount();
  useEffect(close, [location.pathname, close]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t.skipToContent}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t.nav.label} />
            <Text component={Link} to="/" fw={700} size="lg" c="blue.9">
              {t.appName}
            </Text>
          </Group>
          <Group gap="sm">
            <Text size="sm" visibleFrom="sm" data-testid="who-am-i">
              {me?.displayName} · {me?.agency.name} · {me?.roles.map((role) => t.roles[role] ?? role).join(', ')}
            </Text>
            <Button variant="default" size="xs" onClick={() => void logout()}>
              {t.nav.logout}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t.nav.label}>
        {NAV.filter((item) => hasRole(...item.roles)).map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            active={location.pathname.startsWith(item.to)}
          />
        ))}
        <NavLink
          component={Link}
          to="/notiser"
          label={t.nav.notifications}
          active={location.pathname.startsWith('/notiser')}
          rightSection={
            unread ? (
              <Badge size="sm" color="red" aria-label={t.nav.unread(unread)} data-testid="unread-count">
                {unread}
              </Badge>
            ) : null
          }
        />
        <NavLink
          component={Link}
          to="/tvastegsverifiering"
          label={texts.signIn.nav}
          active={location.pathname.startsWith('/tvastegsverifiering')}
        />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
