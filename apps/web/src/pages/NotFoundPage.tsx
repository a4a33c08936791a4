import { Text } from '@mantine/core';
import { Page } from '../components/Page';
import { texts } from '../texts';

export function NotFoundPage() {
  return (
    <Page title={texts.common.notFoundTitle}>
      <Text>{texts.common.errors.notFound}</Text>
    </Page>
  );
}
