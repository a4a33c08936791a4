import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { API_BASE, sessionFetch } from '../api';
import { texts } from '../texts';

const t = texts.pupils.student;

/**
 * The principal's "Registerutdrag" (GDPR art. 15): fetches the printable page with the session
 * (the API wants the access token, which a plain link cannot send) and opens it in a new tab.
 */
export function RegisterExtractLink({ studentId }: { studentId: string }) {
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle');

  async function open() {
    // Opened at once, inside the click, so that no pop-up blocker stops it.
    const tab = window.open('', '_blank');
    setState('loading');
    try {
      const response = await sessionFetch(new Request(`${API_BASE}/students/${studentId}/register-extract.html`));
      if (!response.ok) throw new Error(String(response.status));
      const url = URL.createObjectURL(new Blob([await response.text()], { type: 'text/html' }));
      if (tab) tab.location.href = url;
      else window.location.href = url;
      setState('idle');
    } catch {
      tab?.close();
      setState('error');
    }
  }

  return (
    <div>
      <Group gap="sm">
        <Button variant="default" onClick={open} loading={state === 'loading'} aria-describedby="register-extract-hint">
          {t.registerExtract}
        </Button>
        <Text size="sm" c="dimmed" id="register-extract-hint">
          {state === 'loading' ? t.registerExtractOpening : t.registerExtractHint}
        </Text>
      </Group>
      {state === 'error' && (
        <Alert color="red" mt="sm" role="alert">
          {t.registerExtractFailed}
        </Alert>
      )}
    </div>
  );
}
