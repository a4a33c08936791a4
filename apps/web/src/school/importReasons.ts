import { problemText } from '../problem-texts';
import { texts } from '../texts';

// A rejected line's reason is shown as the Swedish text of its machine-readable code
// (problem-texts.ts), never the server's English.
const REASON_FALLBACK = 'Raden kunde inte läsas.';

export function importReasonText(reason: { code?: string }): string {
  return problemText(reason.code, REASON_FALLBACK);
}

export function importFieldText(field: string): string {
  return texts.screens.imports.fields[field] ?? (field === 'row' ? 'raden' : field);
}
