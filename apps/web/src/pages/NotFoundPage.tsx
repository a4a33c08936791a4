import { Text } from '@mantine/core';
import { Page } from '../components/Page';
import { texts } from '../texts';

export function NotFoundPage() {
  return (
    <Page title="Sidan finns inte">
      <Text>{texts.common.errors.notFound}</Text>
    </Page>
  );
}
