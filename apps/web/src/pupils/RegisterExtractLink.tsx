import { Alert, Button, Group, Text } from '@mantine/core';
import { client, data } from '../client';
import { useApiMutation } from '../query';
import { texts } from '../texts';

const t = texts.pupils.student;

/**
 * The principal's "Registerutdrag" (GDPR art. 15): fetches the printable page with the session
 * (the API wants the access token, which a plain link cannot send) and opens it in a new tab.
 */
export function RegisterExtractLink({ studentId }: { studentId: string }) {
  const opening = useApiMutation({
    mutationFn: async (tab: Window | null) => {
      try {
        const html = await data(
          client.GET('/api/v1/students/{id}/register-extract.html', {
            params: { path: { id: studentId } },
            headers: { Accept: 'text/html' },
            parseAs: 'text',
          }),
        );
        const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
        if (tab) tab.location.href = url;
        else window.location.href = url;
      } catch (error) {
        tab?.close();
        throw error;
      }
    },
  });

  // The tab is opened at once, inside the click, so that no pop-up blocker stops it.
  const open = () => opening.mutate(window.open('', '_blank'));

  return (
    <div>
      <Group gap="sm">
        <Button variant="default" onClick={open} loading={opening.isPending} aria-describedby="register-extract-hint">
          {t.registerExtract}
        </Button>
        <Text size="sm" c="dimmed" id="register-extract-hint">
          {opening.isPending ? t.registerExtractOpening : t.registerExtractHint}
        </Text>
      </Group>
      {opening.isError && (
        <Alert color="red" mt="sm" role="alert">
          {t.registerExtractFailed}
        </Alert>
      )}
    </div>
  );
}
