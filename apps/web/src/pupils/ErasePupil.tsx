import { Alert, Button, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../problem';
import { client, data } from '../client';
import { ApiForm } from '../components/Form';
import { problemText } from '../problem-texts';
import { useApiMutation } from '../query';
import { texts } from '../texts';

const t = texts.pupils.student.erase;

/** The reasons a 409 gives for keeping the data (art. 17(3)), as codes. */
function keptReasons(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.status !== 409 || !Array.isArray(error.problem.reasons)) return [];
  return (error.problem.reasons as { code?: unknown }[])
    .map((r) => r.code)
    .filter((c): c is string => typeof c === 'string');
}

/**
 * The principal's "Radera elev (registrerad av misstag)" (GDPR art. 17): asks for confirmation,
 * then `DELETE /students/:id`. When a statutory duty keeps the data the API answers 409 with the
 * reasons, which are shown in Swedish; nothing is erased then.
 */
export function ErasePupil({ studentId, name, onErased }: { studentId: string; name: string; onErased(): void }) {
  const [confirming, setConfirming] = useState(false);
  const erase = useApiMutation({
    mutationFn: () => data(client.DELETE('/api/v1/students/{id}', { params: { path: { id: studentId } } })),
    invalidates: ['/api/v1/students'],
    onSuccess: onErased,
  });
  const reasons = keptReasons(erase.error);
  const close = () => {
    setConfirming(false);
    erase.reset();
  };
  return (
    <div>
      <Stack gap="xs" align="flex-start">
        <Button color="red" variant="outline" onClick={() => setConfirming(true)} aria-describedby="erase-hint">
          {t.open}
        </Button>
        <Text size="sm" c="dimmed" id="erase-hint">
          {t.hint}
        </Text>
      </Stack>
      <Modal
        opened={confirming}
        closeButtonProps={{ 'aria-label': texts.common.close }}
        onClose={close}
        title={t.title}
      >
        {reasons.length > 0 ? (
          <Stack>
            <Alert color="yellow" role="alert" title={t.keptTitle}>
              <Text size="sm">{t.keptIntro}</Text>
              <List size="sm" mt="xs">
                {reasons.map((code) => (
                  <List.Item key={code}>{problemText(code, t.keptOther)}</List.Item>
                ))}
              </List>
            </Alert>
            <Button variant="default" onClick={close}>
              {texts.common.close}
            </Button>
          </Stack>
        ) : (
          <ApiForm
            label={t.title}
            onSubmit={() => erase.mutate(undefined)}
            pending={erase.isPending}
            error={erase.error}
            fields={[]}
            submitLabel={t.submit}
            extraActions={
              <Button variant="default" onClick={close}>
                {texts.common.cancel}
              </Button>
            }
          >
            <Text>{t.confirm(name)}</Text>
          </ApiForm>
        )}
      </Modal>
    </div>
  );
}
