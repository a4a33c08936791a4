import { parsePersonnummer } from '@app/students';

/** One problem of a run's report: never a personnummer or a name, only the SS 12000 id. */
export interface SyncError {
  entity: string;
  id: string | null;
  field: string;
  reason: string;
}

export const MAX_RUN_ERRORS = 200;

export interface SyncCounts {
  persons: number;
  groups: number;
  calendarEvents: number;
  attendances: number;
  absences: number;
  deleted: number;
}

export const emptyCounts = (): SyncCounts => ({
  persons: 0,
  groups: 0,
  calendarEvents: 0,
  attendances: 0,
  absences: 0,
  deleted: 0,
});

/** A guardian as SS 12000 names them on the pupil (`responsibles`). */
export interface GuardianRead {
  externalId: string;
  name: string;
  relation: string;
}

/** A pupil as one SS 12000 Person at one school unit says it. */
export interface PupilRead {
  externalId: string;
  /** Canonical 12 digits; null for a temporary number (then `temporaryNumber`). */
  personnummer: string | null;
  temporaryNumber: string | null;
  firstName: string;
  lastName: string;
  grade: number | null;
  protectedIdentity: boolean;
  enrolled: boolean;
  guardians: GuardianRead[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A temporary number of the school register: the date, then two letters, then two digits (`20130101TF01`). */
const TEMPORARY_NUMBER = /^\d{8}[A-Za-z]{2}\d{2}$/;
const SECURITY_MARKINGS = ['Ingen', 'Sekretessmarkering', 'Skyddad folkbokföring'];
const PERSON_STATUSES = ['Aktiv', 'Utvandrad', 'Avliden'];
const RELATION_TYPES: Record<string, string> = {
  Vårdnadshavare: 'vårdnadshavare',
  'Annan god man': 'god man',
  'Särskilt förordnad vårdnadshavare': 'särskilt förordnad vårdnadshavare',
  Kontaktperson: 'kontaktperson',
  Ombud: 'ombud',
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * Reads an SS 12000 Person as a pupil of the school unit `organisationRef`. An invalid object is
 * an error naming its id and field (and never its civicNo or name); a person without an enrolment
 * at that unit is `null` with no error (not ours).
 */
export function readPupil(
  value: unknown,
  organisationRef: string,
  today: string,
): { pupil: PupilRead | null; errors: SyncError[] } {
  const id = isObj(value) && typeof value.id === 'string' ? value.id : null;
  const err = (field: string, reason: string) => ({ pupil: null, errors: [{ entity: 'person', id, field, reason }] });
  if (!isObj(value) || !id || !UUID.test(id)) return err('id', 'not a uuid');
  const enrolments = Array.isArray(value.enrolments) ? value.enrolments.filter(isObj) : [];
  const here = enrolments.filter((e) => isObj(e.enroledAt) && e.enroledAt.id === organisationRef);
  if (!here.length) return { pupil: null, errors: [] };
  const current = here.find((e) => e.cancelled !== true && (!str(e.endDate) || String(e.endDate) >= today)) ?? null;

  const firstName = str(value.givenName);
  const lastName = str(value.familyName);
  if (!firstName) return err('givenName', 'missing');
  if (!lastName) return err('familyName', 'missing');

  const civic = isObj(value.civicNo) ? str(value.civicNo.value) : null;
  let personnummer: string | null = null;
  let temporaryNumber: string | null = null;
  if (!civic) return err('civicNo.value', 'missing');
  if (TEMPORARY_NUMBER.test(civic)) temporaryNumber = civic.toUpperCase();
  else {
    const parsed = parsePersonnummer(civic);
    if (!parsed.ok) return err('civicNo.value', `not a valid personnummer or samordningsnummer (${parsed.reason})`);
    personnummer = parsed.canonical;
  }

  const marking = value.securityMarking ?? 'Ingen';
  if (typeof marking !== 'string' || !SECURITY_MARKINGS.includes(marking)) {
    return err('securityMarking', 'not a value of the standard');
  }
  const status = value.personStatus ?? 'Aktiv';
  if (typeof status !== 'string' || !PERSON_STATUSES.includes(status)) {
    return err('personStatus', 'not a value of the standard');
  }
  const year = (current ?? here[0]).schoolYear;
  if (year !== undefined && year !== null && !(Number.isInteger(year) && Number(year) >= 0 && Number(year) <= 13)) {
    return err('enrolments.schoolYear', 'must be a whole number 0–13');
  }

  const guardians: GuardianRead[] = [];
  for (const r of Array.isArray(value.responsibles) ? value.responsibles : []) {
    if (!isObj(r) || !isObj(r.person) || typeof r.person.id !== 'string') continue;
    const relation = typeof r.relationType === 'string' ? r.relationType : 'Vårdnadshavare';
    guardians.push({
      externalId: r.person.id,
      name: str(r.person.displayName) ?? 'Vårdnadshavare',
      relation: RELATION_TYPES[relation] ?? relation.toLowerCase(),
    });
  }

  return {
    pupil: {
      externalId: id,
      personnummer,
      temporaryNumber,
      firstName,
      lastName,
      grade: typeof year === 'number' ? year : null,
      protectedIdentity: marking !== 'Ingen',
      enrolled: status === 'Aktiv' && current !== null,
      guardians,
    },
    errors: [],
  };
}

/** The class (a group of type `Klass`) of each member today: pupil external id → class name. */
export function readClassGroup(value: unknown, today: string): { classes: Map<string, string>; errors: SyncError[] } {
  const classes = new Map<string, string>();
  if (!isObj(value) || typeof value.id !== 'string') {
    return { classes, errors: [{ entity: 'group', id: null, field: 'id', reason: 'missing' }] };
  }
  if (value.groupType !== 'Klass') return { classes, errors: [] };
  const name = str(value.displayName);
  if (!name || name.length > 20) {
    return {
      classes,
      errors: [{ entity: 'group', id: value.id, field: 'displayName', reason: 'missing or longer than 20' }],
    };
  }
  for (const m of Array.isArray(value.groupMemberships) ? value.groupMemberships : []) {
    if (!isObj(m) || !isObj(m.person) || typeof m.person.id !== 'string') continue;
    if (str(m.startDate) && String(m.startDate) > today) continue;
    if (str(m.endDate) && String(m.endDate) < today) continue;
    classes.set(m.person.id, name);
  }
  return { classes, errors: [] };
}

/** An absence (`Anmäld frånvaro`, `Beviljad ledighet`): the pupil and the time it covers. */
export function readAbsence(value: unknown): {
  absence: { id: string; student: string; start: string; end: string } | null;
  errors: SyncError[];
} {
  const id = isObj(value) && typeof value.id === 'string' ? value.id : null;
  const err = (field: string, reason: string) => ({
    absence: null,
    errors: [{ entity: 'absence', id, field, reason }],
  });
  if (!isObj(value) || !id) return err('id', 'missing');
  if (value.type !== 'Anmäld frånvaro' && value.type !== 'Beviljad ledighet')
    return err('type', 'not a value of the standard');
  if (!isObj(value.student) || typeof value.student.id !== 'string') return err('student.id', 'missing');
  const start = Date.parse(String(value.startTime));
  const end = Date.parse(String(value.endTime));
  if (Number.isNaN(start)) return err('startTime', 'not a date-time');
  if (Number.isNaN(end) || end <= start) return err('endTime', 'not a date-time after startTime');
  return {
    absence: { id, student: value.student.id, start: new Date(start).toISOString(), end: new Date(end).toISOString() },
    errors: [],
  };
}

/** A guardian's own contact details, from their SS 12000 Person (null: the source has none). */
export interface GuardianContactRead {
  externalId: string;
  phone: string | null;
  email: string | null;
}

/** As a guardian's phone is checked when typed in. */
const PHONE = /^\+?[0-9 ()-]{5,30}$/;

/**
 * Reads a responsible's Person (`/persons?relationship.entity.type=responsibleFor.enrolment`): the
 * phone (a mobile first, then home, then work) and e-mail (private first). A detail the source
 * does not have is null, and null never clears what is stored.
 */
export function readGuardianContact(value: unknown): { contact: GuardianContactRead | null; errors: SyncError[] } {
  const id = isObj(value) && typeof value.id === 'string' ? value.id : null;
  if (!isObj(value) || !id || !UUID.test(id)) {
    return { contact: null, errors: [{ entity: 'person', id, field: 'id', reason: 'not a uuid' }] };
  }
  const phones = (Array.isArray(value.phoneNumbers) ? value.phoneNumbers : [])
    .filter(isObj)
    .filter((p) => PHONE.test(str(p.value) ?? ''));
  const rank = (p: Obj) => (p.mobile !== false ? 0 : p.type === 'Hem' ? 1 : 2);
  const phone = phones.sort((a, b) => rank(a) - rank(b))[0];
  const emails = (Array.isArray(value.emails) ? value.emails : [])
    .filter(isObj)
    .filter((e) => str(e.value) && /^[^@\s]+@[^@\s]+$/.test(str(e.value)!) && str(e.value)!.length <= 200);
  const email = emails.find((e) => e.type === 'Privat') ?? emails[0];
  return {
    contact: {
      externalId: id,
      phone: phone ? str(phone.value) : null,
      email: email ? str(email.value) : null,
    },
    errors: [],
  };
}
