import { AttendanceRepository, LessonColumns } from '@app/attendance';
import { AgenciesRepository, hashPassword, OrganisationRepository, UsersRepository } from '@app/identity';
import { GuardianRecord, luhnCheckDigit, PupilRecord, StudentRepository } from '@app/students';
import {
  dayAbsence,
  DEMO_AGENCIES,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_USERS,
  demoId,
  FIRST_NAMES,
  LAST_NAMES,
  LESSONS,
  prng,
  profileFor,
} from './demo-data';
import { repository, SeedStep } from './seed-step';

export const DEMO_PUPILS = 300;
const TERM_WEEKS = 14;
const BATCH = 10_000;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The school days (Mon–Fri) of the last TERM_WEEKS weeks, up to and including yesterday. */
export function demoSchoolDays(now: Date): Date[] {
  const days: Date[] = [];
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1));
  for (let back = TERM_WEEKS * 7 - 1; back >= 0; back--) {
    const day = new Date(end.getTime() - back * 86_400_000);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) days.push(day);
  }
  return days;
}

export const organisationsAndAgencies: SeedStep = {
  name: '001-organisations-agencies',
  async run(manager) {
    await repository(OrganisationRepository, manager).insertOrganisations(
      manager,
      DEMO_ORGANISATIONS.map((org) => ({ id: demoId(`org:${org.key}`), name: org.name, kind: org.kind })),
    );
    await repository(AgenciesRepository, manager).insertAgencies(
      manager,
      DEMO_AGENCIES.map((agency) => ({
        id: demoId(`agency:${agency.key}`),
        organisation_id: demoId(`org:${agency.organisation}`),
        name: agency.name,
        type: agency.type,
        school_unit_code: agency.schoolUnitCode,
      })),
    );
  },
};

const emptyLessons = (): LessonColumns => ({
  studentIds: [],
  dates: [],
  startTimes: [],
  offeredMinutes: [],
  attendedMinutes: [],
  validAbsenceMinutes: [],
  invalidAbsenceMinutes: [],
  reasons: [],
});

export const pupilsAndAttendance: SeedStep = {
  name: '002-pupils-attendance',
  async run(manager, now) {
    const random = prng(20_261_123);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const used = new Set<string>();
    const pupils: PupilRecord[] = [];
    const guardians: GuardianRecord[] = [];
    const municipality = demoId('org:ostersund');
    const schoolYearStart = now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;

    for (let index = 0; index < DEMO_PUPILS; index++) {
      const school = index < 180 ? 'storsjo' : 'park';
      const grade = 1 + (index % 9);
      const birthYear = schoolYearStart - 6 - grade;
      let personnummer: string;
      do {
        const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
        const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
        const serial = String(Math.floor(random() * 1000)).padStart(3, '0');
        const nine = `${String(birthYear).slice(2)}${month}${day}${serial}`;
        personnummer = `${birthYear}${month}${day}${serial}${luhnCheckDigit(nine)}`;
      } while (used.has(personnummer));
      used.add(personnummer);
      const id = demoId(`pupil:${index}`);
      const lastName = pick(LAST_NAMES);
      pupils.push({
        id,
        organisation_id: municipality,
        school_id: demoId(`agency:${school}`),
        personnummer,
        first_name: pick(FIRST_NAMES),
        last_name: lastName,
        grade,
        class_name: `${grade}${'ABC'[index % 3]}`,
        external_id: `demo-${index}`,
        protected_identity: index % 50 === 13,
      });
      const count = random() < 0.7 ? 2 : 1;
      for (let g = 0; g < count; g++) {
        const first = pick(FIRST_NAMES);
        guardians.push({
          student_id: id,
          name: `${first} ${lastName}`,
          relation: g === 0 ? 'vårdnadshavare' : 'vårdnadshavare 2',
          // 070-1740605 … 070-1740699 are numbers reserved for fiction.
          phone: `070-17406${String(5 + ((index * 2 + g) % 95)).padStart(2, '0')}`,
          email: `${first.toLowerCase()}.${index}@exempel.se`,
        });
      }
    }
    const students = repository(StudentRepository, manager);
    await students.insertPupils(manager, pupils);
    await students.insertGuardians(manager, guardians);

    const attendance = repository(AttendanceRepository, manager);
    const days = demoSchoolDays(now);
    let lessons = emptyLessons();
    for (const [index, pupil] of pupils.entries()) {
      const profile = profileFor(index);
      const pupilRandom = prng(index + 1);
      const weekdayTarget = index % 2 === 0 ? 1 : 5;
      for (let d = 0; d < days.length; d++) {
        const day = days[d];
        const kind = dayAbsence(
          profile,
          pupilRandom,
          day.getUTCDay(),
          d / (days.length - 1),
          days.length - 1 - d,
          weekdayTarget,
        );
        LESSONS.forEach((lesson, l) => {
          let valid = 0;
          let invalid = 0;
          let reason: string | null = null;
          if (kind === 'valid') [valid, reason] = [lesson.minutes, 'Sjuk'];
          if (kind === 'invalid') [invalid, reason] = [lesson.minutes, 'Ogiltig frånvaro'];
          if (kind === 'late' && l === 0) [invalid, reason] = [10, 'Sen ankomst'];
          lessons.studentIds.push(pupil.id);
          lessons.dates.push(isoDate(day));
          lessons.startTimes.push(lesson.start);
          lessons.offeredMinutes.push(lesson.minutes);
          lessons.attendedMinutes.push(lesson.minutes - valid - invalid);
          lessons.validAbsenceMinutes.push(valid);
          lessons.invalidAbsenceMinutes.push(invalid);
          lessons.reasons.push(reason);
        });
        if (lessons.studentIds.length >= BATCH) {
          await attendance.insertLessons(manager, 'demo', lessons);
          lessons = emptyLessons();
        }
      }
    }
    if (lessons.studentIds.length) await attendance.insertLessons(manager, 'demo', lessons);
    await attendance.refreshAllDays(manager);
  },
};

export const users: SeedStep = {
  name: '003-users',
  async run(manager) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await repository(UsersRepository, manager).insertUsers(
      manager,
      DEMO_USERS.map((user) => ({
        id: demoId(`user:${user.username}`),
        agency_id: demoId(`agency:${user.agency}`),
        username: user.username,
        display_name: user.displayName,
        password_hash: passwordHash,
        roles: [user.role],
      })),
    );
  },
};

/** `elevhalsa@storsjo.demo` → `elevhalsa.storsjo@demo.narvaroteam.se` (a domain that receives nothing). */
export const demoEmail = (username: string) =>
  `${username.replace(/\.demo$/, '').replace('@', '.')}@demo.narvaroteam.se`;

/** Mail addresses for the demo users, so that mail can be tried with SMTP_URL set (it is off by default). */
export const userEmails: SeedStep = {
  name: '007-user-emails',
  async run(manager) {
    await repository(UsersRepository, manager).setEmails(
      manager,
      DEMO_USERS.map((user) => ({ id: demoId(`user:${user.username}`), email: demoEmail(user.username) })),
    );
  },
};
