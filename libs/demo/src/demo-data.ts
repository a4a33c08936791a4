import { createHash } from 'node:crypto';
import type { AgencyType, Role } from '@app/access';

/** Stable ids derived from a name, so the demo has the same ids on every machine. */
export function demoId(name: string): string {
  const h = createHash('sha1').update(`narvaroteam-demo:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** PRODUCT.md, "Demo": never seeded when NODE_ENV=production. */
export const DEMO_PASSWORD = 'Demo-2026!';

export const DEMO_ORGANISATIONS = [
  { key: 'ostersund', name: 'Östersunds kommun', kind: 'municipality' },
  { key: 'regionjh', name: 'Region Jämtland Härjedalen', kind: 'region' },
] as const;

export const DEMO_AGENCIES: {
  key: string;
  organisation: string;
  name: string;
  type: AgencyType;
  schoolUnitCode: string | null;
}[] = [
  { key: 'storsjo', organisation: 'ostersund', name: 'Storsjöskolan', type: 'school', schoolUnitCode: '23000001' },
  { key: 'park', organisation: 'ostersund', name: 'Parkskolan', type: 'school', schoolUnitCode: '23000002' },
  {
    key: 'soc',
    organisation: 'ostersund',
    name: 'Socialtjänsten Östersund',
    type: 'social_services',
    schoolUnitCode: null,
  },
  { key: 'bup', organisation: 'regionjh', name: 'BUP Östersund', type: 'bup', schoolUnitCode: null },
  {
    key: 'hab',
    organisation: 'regionjh',
    name: 'Habiliteringen Östersund',
    type: 'habilitation',
    schoolUnitCode: null,
  },
];

export const DEMO_USERS: { username: string; displayName: string; role: Role; agency: string }[] = [
  { username: 'admin@ostersund.demo', displayName: 'Anna Administratör', role: 'admin', agency: 'soc' },
  { username: 'auditor@ostersund.demo', displayName: 'Åke Granskare', role: 'auditor', agency: 'soc' },
  { username: 'admin@regionjh.demo', displayName: 'Rut Regionadmin', role: 'admin', agency: 'bup' },
  { username: 'mentor@storsjo.demo', displayName: 'Maja Mentor', role: 'school_staff', agency: 'storsjo' },
  { username: 'rektor@storsjo.demo', displayName: 'Rolf Rektor', role: 'principal', agency: 'storsjo' },
  { username: 'elevhalsa@storsjo.demo', displayName: 'Eva Kurator', role: 'elevhalsa', agency: 'storsjo' },
  { username: 'mentor@park.demo', displayName: 'Per Mentor', role: 'school_staff', agency: 'park' },
  { username: 'elevhalsa@park.demo', displayName: 'Elin Skolsköterska', role: 'elevhalsa', agency: 'park' },
  { username: 'soc@ostersund.demo', displayName: 'Sara Socialsekreterare', role: 'agency_worker', agency: 'soc' },
  { username: 'bup@regionjh.demo', displayName: 'Bo Behandlare', role: 'agency_worker', agency: 'bup' },
  { username: 'hab@regionjh.demo', displayName: 'Hanna Habilitering', role: 'agency_worker', agency: 'hab' },
];

export const FIRST_NAMES = [
  'Alice',
  'Maja',
  'Elsa',
  'Astrid',
  'Wilma',
  'Freja',
  'Olivia',
  'Selma',
  'Ebba',
  'Alma',
  'Vera',
  'Saga',
  'Ella',
  'Nora',
  'Stella',
  'Lucas',
  'William',
  'Hugo',
  'Liam',
  'Noah',
  'Oliver',
  'Elias',
  'Adam',
  'Leo',
  'Alexander',
  'Nils',
  'Ture',
  'Melvin',
  'Sixten',
  'Isak',
  'Amira',
  'Yusuf',
  'Mohammed',
  'Sara',
  'Ali',
  'Hanna',
  'Linnea',
  'Theo',
  'Albin',
  'Juni',
];

export const LAST_NAMES = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Pettersson',
  'Jonsson',
  'Jansson',
  'Hansson',
  'Bengtsson',
  'Jönsson',
  'Lindberg',
  'Jakobsson',
  'Magnusson',
  'Olofsson',
  'Lindström',
  'Lindqvist',
  'Lindgren',
  'Berg',
  'Axelsson',
  'Bergström',
  'Lundberg',
  'Lind',
  'Lundgren',
  'Mattsson',
  'Berglund',
  'Fredriksson',
  'Sandberg',
  'Henriksson',
  'Forsberg',
  'Sjöberg',
  'Wallin',
  'Engström',
  'Danielsson',
  'Håkansson',
];

/** Deterministic PRNG (mulberry32): the same demo on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A school day's lessons: start time and scheduled minutes. */
export const LESSONS = [
  { start: '08:20', minutes: 60 },
  { start: '09:30', minutes: 60 },
  { start: '10:40', minutes: 50 },
  { start: '12:40', minutes: 60 },
  { start: '13:50', minutes: 50 },
];

/**
 * How a demo pupil's absence behaves. Most pupils are rarely away; a few show the patterns the
 * signal rules are made to catch.
 */
export type AbsenceProfile = 'steady' | 'growing' | 'weekday' | 'streak' | 'chronic';

export function profileFor(index: number): AbsenceProfile {
  const bucket = index % 25;
  if (bucket === 3 || bucket === 17) return 'growing';
  if (bucket === 7) return 'weekday';
  if (bucket === 11) return 'streak';
  if (bucket === 21) return 'chronic';
  return 'steady';
}

export interface LessonAbsence {
  attended: number;
  valid: number;
  invalid: number;
  reason: string | null;
}

/**
 * The absence of one pupil on one day (all lessons alike, as a sick day or a skipped day is).
 * `progress` runs from 0 at term start to 1 yesterday; `daysBeforeEnd` counts school days back.
 */
export function dayAbsence(
  profile: AbsenceProfile,
  random: () => number,
  weekday: number,
  progress: number,
  daysBeforeEnd: number,
  weekdayTarget: number,
): 'present' | 'valid' | 'invalid' | 'late' {
  const r = random();
  switch (profile) {
    case 'steady':
      return r < 0.025 ? 'valid' : r < 0.032 ? 'late' : 'present';
    case 'growing': {
      const p = 0.03 + 0.35 * progress * progress;
      return r < p ? (random() < 0.5 ? 'invalid' : 'valid') : 'present';
    }
    case 'weekday':
      if (weekday === weekdayTarget && progress > 0.5) return r < 0.85 ? 'invalid' : 'present';
      return r < 0.03 ? 'valid' : 'present';
    case 'streak':
      if (daysBeforeEnd >= 2 && daysBeforeEnd <= 6) return 'invalid';
      return r < 0.03 ? 'valid' : 'present';
    case 'chronic':
      return r < 0.22 ? (random() < 0.8 ? 'valid' : 'invalid') : 'present';
  }
}
