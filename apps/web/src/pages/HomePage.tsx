import { Text } from '@mantine/core';
import { Navigate } from 'react-router-dom';
import { NAV } from '../components/Shell';
import { Page } from '../components/Page';
import { useSession } from '../session';
import { texts } from '../texts';

/** Start where the role's daily work is: the first page of the menu it has. */
export function HomePage() {
  const { hasRole } = useSession();
  const first = NAV.find((item) => hasRole(...item.roles));
  if (first) return <Navigate to={first.to} replace />;
  return (
    <Page title={texts.common.nav.home}>
      <Text>{texts.common.noAccessHome}</Text>
    </Page>
  );
}
