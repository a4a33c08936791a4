// Swedish words for the API's machine-readable problem codes: a field error's `code`, an import
// report row's `code`, and a problem's own `code` (409 `flag-exists`) or type (`/problems/<code>`).
// The server's English `message`/`reason`/`detail` never reaches the screen: a code without a
// text here shows the caller's Swedish fallback.
import { ApiError } from './problem';

export const PROBLEM_TEXTS: Record<string, string> = {
  // From the validators (class-validator constraints, libs/http/src/validation.ts).
  required: 'Fältet måste fyllas i.',
  'unknown-field': 'Uppgiften hör inte hit.',
  'not-text': 'Ska vara text.',
  'not-number': 'Ska vara ett tal.',
  'not-whole-number': 'Ska vara ett heltal.',
  'not-boolean': 'Ska vara ja eller nej.',
  'not-list': 'Ska vara en lista.',
  'not-object': 'Uppgiften har fel form.',
  'too-small': 'Värdet är för litet.',
  'too-large': 'Värdet är för stort.',
  'too-short': 'Texten är för kort.',
  'too-long': 'Texten är för lång.',
  'too-few': 'Välj minst ett alternativ.',
  'too-many': 'För många val.',
  duplicate: 'Samma uppgift finns två gånger.',
  'not-a-choice': 'Välj ett av alternativen.',
  'invalid-id': 'Välj ett alternativ i listan.',
  'invalid-format': 'Uppgiften har fel format.',
  'invalid-date': 'Ange ett riktigt datum (åååå-mm-dd).',
  'invalid-email': 'Ange en giltig e-postadress.',
  'invalid-url': 'Ange en giltig länk (https://…).',
  // From the rules of the data.
  blank: 'Fältet får inte vara tomt.',
  'in-future': 'Datumet får inte ligga i framtiden.',
  'not-in-future': 'Tiden måste ligga i framtiden.',
  'range-reversed': 'Från-datumet får inte vara efter till-datumet.',
  'range-too-long': 'Perioden är för lång.',
  'before-start': 'Datumet får inte vara före startdatumet.',
  'before-plan-start': 'Uppföljningen kan inte vara före planens start.',
  'one-of-required': 'Fyll i minst ett av fälten.',
  'not-in-case': 'Välj skolan eller en aktör som är inbjuden till ärendet.',
  'not-allowed-here': 'Uppgiften hör inte hit.',
  'not-in-plan': 'Uppgiften finns inte längre i planen. Ladda om planen.',
  'not-in-catalogue': 'Välj en aktiv insats ur katalogen.',
  'not-a-member': 'Personen hör inte till den valda aktören.',
  unknown: 'Finns inte. Välj ett alternativ i listan.',
  'already-invited': 'Aktören är redan inbjuden till ärendet.',
  'already-exists': 'Finns redan.',
  'not-working-day': 'Välj en arbetsdag efter i dag (inte helg eller helgdag).',
  'invalid-cursor': 'Listan kunde inte visas vidare. Ladda om sidan.',
  'nul-character': 'Texten innehåller ett otillåtet tecken.',
  'too-early': 'Det är för tidigt att registrera uppföljningen.',
  'unknown-term': 'Välj en termin som har börjat.',
  'role-not-allowed': 'Rollen kan inte ges på den här typen av enhet.',
  'role-combination': 'Rollerna kan inte kombineras.',
  'out-of-range': 'Värdet ligger utanför det tillåtna.',
  'out-of-bounds': 'Fristen ligger utanför de tillåtna gränserna.',
  'run-in-progress': 'En gallring pågår redan. Vänta tills den är klar.',
  'too-long-validity': 'Samtycket kan inte gälla så länge.',
  'own-school': 'Skolan behöver inget samtycke för sitt eget ärende.',
  'no-invalid-absence': 'Eleven har ingen ogiltig frånvaro den dagen.',
  'invalid-personnummer': 'Personnumret är inte giltigt.',
  'unsafe-url': 'Adressen måste börja med https:// och får inte peka på ett internt nät.',
  'not-own-school': 'Välj en skola i er organisation.',
  // Import report rows (libs/attendance/src/import).
  'invalid-time': 'Ange en tid som TT:MM.',
  'invalid-minutes': 'Ange hela minuter (0–600).',
  'minutes-exceed-offered': 'Frånvaron är större än lektionens längd.',
  'unknown-pupil': 'Ingen elev med det numret på skolan.',
  'duplicate-lesson': 'Samma lektion finns redan på en tidigare rad.',
  'wrong-field-count': 'Raden har fel antal kolumner.',
  'invalid-header': 'Filens rubrikrad stämmer inte.',
  'invalid-file': 'Filen kunde inte läsas.',
  'invalid-json': 'Raden är inte giltig JSON.',
  'lesson-too-long': 'Lektionen är för lång.',
  'unknown-calendar-event': 'Okänt kalenderpass: importera passen först.',
  'calendar-event-mismatch': 'Kalenderpasset stämmer inte.',
  'calendar-event-cancelled': 'Kalenderpasset är inställt.',
  'not-participating': 'Eleven deltar inte i passet.',
  // Problems as a whole (a problem's `code`, or the last part of its `type`).
  'flag-exists': 'Eleven är redan anmäld till elevhälsan och anmälan väntar på bedömning.',
  'case-open': 'Eleven har redan ett öppet ärende.',
  // Erasure on request refused (409 `erasure-refused`, its `reasons`): what the law keeps.
  'erasure-refused': 'Eleven kan inte raderas: uppgifterna måste sparas enligt lag.',
  'kept-case':
    'Eleven har ett ärende (öppet eller avslutat). Ärendets dokumentation ska sparas enligt arkivlagen och gallras först enligt gallringsreglerna.',
  'kept-flag': 'Eleven har anmälts till elevhälsan. Anmälan ska sparas och gallras enligt gallringsreglerna.',
  'kept-investigation': 'En frånvaroutredning har gjorts (skollagen 7 kap. 19 a §). Utredningen ska sparas.',
  'kept-guardian-notice': 'Vårdnadshavare har informerats om frånvaro (skollagen 7 kap. 19 a §). Uppgiften ska sparas.',
  'precondition-failed': 'Någon annan har ändrat uppgiften sedan du läste den. Läs in den igen och gör om ändringen.',
  'precondition-required': 'Läs in uppgiften igen innan du ändrar den.',
  conflict: 'Ändringen går inte att göra i det läge uppgiften är nu.',
  'concurrent-update': 'Någon annan ändrade samtidigt. Försök igen.',
  unprocessable: 'Uppgifterna går inte ihop. Kontrollera de markerade fälten.',
  validation: 'Kontrollera de markerade fälten.',
  'too-many-requests': 'För många försök. Vänta en stund och försök igen.',
};

/** The Swedish text for a problem code, or `fallback` (Swedish) for a code without one. */
export function problemText(code: string | null | undefined, fallback: string): string {
  return (code && PROBLEM_TEXTS[code]) || fallback;
}

/** A problem's own code: its `code` member, else the last part of its `type` (`/problems/conflict`). */
export function problemCode(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const own = error.problem.code;
  if (typeof own === 'string') return own;
  return error.problem.type?.split('/').pop() ?? null;
}

const GENERIC_FIELD = 'Uppgiften är inte giltig.';

/**
 * The Swedish text of the first field error of `field` (or of a field inside it, `guardians.0.name`
 * under `guardians`) in an API error; undefined when the field has none.
 */
export function fieldProblem(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const hit = (error.problem.errors ?? []).find((e) => e.field === field || e.field.startsWith(`${field}.`));
  return hit ? problemText(hit.code, GENERIC_FIELD) : undefined;
}

/** The fields of an API error that have a field error, for "the rest" lists. */
export function problemFields(error: unknown): string[] {
  return error instanceof ApiError ? (error.problem.errors ?? []).map((e) => e.field) : [];
}

/**
 * Props for a Mantine input showing its field error: `error` is the Swedish text (Mantine sets
 * `aria-invalid` and links the message with `aria-describedby`).
 */
export function fieldErrorProps(error: unknown, field: string): { error?: string } {
  const text = fieldProblem(error, field);
  return text ? { error: text } : {};
}
