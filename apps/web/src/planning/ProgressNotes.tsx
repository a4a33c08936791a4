import { List, Text } from '@mantine/core';
import { formatDateTime } from '../format';
import { texts } from '../texts';
import type { ProgressNote } from './types';

const t = texts.planning.plan;

/** An action's progress notes, oldest first, each signed with author and agency. */
export function ProgressNotes({ notes }: { notes: ProgressNote[] }) {
  if (!notes.length)
    return (
      <Text size="sm" c="dimmed">
        {t.noNotes}
      </Text>
    );
  return (
    <List size="sm" spacing={4}>
      {notes.map((note) => (
        <List.Item key={note.id}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {note.text}
          </Text>
          <Text size="xs" c="dimmed">
            {t.note(note.author.displayName, note.agency.name, formatDateTime(note.createdAt))}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
