import { absenceFigures, refreshAttendanceDays } from '@app/attendance';
import { addDays, addWorkingDays, swedishDate } from '@app/calendar';
import { DataSource, EntityManager } from 'typeorm';
import { loadPlan } from '@app/cases';
import { hashPassword } from '@app/identity';
import { NOTIFICATION_EVENTS } from '@app/notifications';
import { luhnCheckDigit } from '@app/students';
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

export const DEMO_PUPILS = 300;
const TERM_WEEKS = 14;
const BATCH = 10_000;

/**
 * One named, idempotent step of the demo. Each runs in its own transaction and is recorded in
 * seed_run, so a crash mid-seed leaves nothing half-written and the next start finishes the job.
 * Later issues add steps at the end; a step never changes once it has shipped.
 */
interface SeedStep {
  name: string;
  run(manager: EntityManager, now: Date): Promise<void>;
}

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

const organisationsAndAgencies: SeedStep = {
  name: '001-organisations-agencies',
  async run(manager) {
    for (const org of DEMO_ORGANISATIONS) {
      await manager.query(`INSERT INTO organisation (id, name, kind) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [
        demoId(`org:${org.key}`),
        org.name,
        org.kind,
      ]);
    }
    for (const agency of DEMO_AGENCIES) {
      await manager.query(
        `INSERT INTO agency (id, organisation_id, name, type, school_unit_code) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
        [
          demoId(`agency:${agency.key}`),
          demoId(`org:${agency.organisation}`),
          agency.name,
          agency.type,
          agency.schoolUnitCode,
        ],
      );
    }
  },
};

const pupilsAndAttendance: SeedStep = {
  name: '002-pupils-attendance',
  async run(manager, now) {
    const random = prng(20_261_123);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const used = new Set<string>();
    const pupils: { id: string; index: number }[] = [];
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
      pupils.push({ id, index });
      await manager.query(
        `INSERT INTO student (id, organisation_id, school_id, personnummer, first_name, last_name, grade, class_name, external_id, protected_identity)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          id,
          municipality,
          demoId(`agency:${school}`),
          personnummer,
          pick(FIRST_NAMES),
          lastName,
          grade,
          `${grade}${'ABC'[index % 3]}`,
          `demo-${index}`,
          index % 50 === 13,
        ],
      );
      const guardians = random() < 0.7 ? 2 : 1;
      for (let g = 0; g < guardians; g++) {
        const first = pick(FIRST_NAMES);
        await manager.query(
          `INSERT INTO guardian (student_id, name, relation, phone, email) VALUES ($1, $2, $3, $4, $5)`,
          [
            id,
            `${first} ${lastName}`,
            g === 0 ? 'vårdnadshavare' : 'vårdnadshavare 2',
            // 070-1740605 … 070-1740699 are numbers reserved for fiction.
            `070-17406${String(5 + ((index * 2 + g) % 95)).padStart(2, '0')}`,
            `${first.toLowerCase()}.${index}@exempel.se`,
          ],
        );
      }
    }

    const days = demoSchoolDays(now);
    const columns: unknown[][] = [[], [], [], [], [], [], [], []];
    const flush = async () => {
      if (!columns[0].length) return;
      await manager.query(
        `INSERT INTO attendance_lesson (student_id, lesson_date, start_time, offered_minutes, attended_minutes,
                                        valid_absence_minutes, invalid_absence_minutes, reason, source)
         SELECT s, d, t, o, a, v, i, r, 'demo'
           FROM unnest($1::uuid[], $2::date[], $3::time[], $4::int[], $5::int[], $6::int[], $7::int[], $8::text[]) AS x(s, d, t, o, a, v, i, r)`,
        columns,
      );
      columns.forEach((c) => (c.length = 0));
    };
    for (const pupil of pupils) {
      const profile = profileFor(pupil.index);
      const pupilRandom = prng(pupil.index + 1);
      const weekdayTarget = pupil.index % 2 === 0 ? 1 : 5;
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
          const row = [
            pupil.id,
            isoDate(day),
            lesson.start,
            lesson.minutes,
            lesson.minutes - valid - invalid,
            valid,
            invalid,
            reason,
          ];
          row.forEach((value, c) => columns[c].push(value));
        });
        if (columns[0].length >= BATCH) await flush();
      }
    }
    await flush();
    await refreshAttendanceDays(manager, `SELECT student_id, lesson_date FROM attendance_lesson`);
  },
};

const users: SeedStep = {
  name: '003-users',
  async run(manager) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const user of DEMO_USERS) {
      await manager.query(
        `INSERT INTO app_user (id, agency_id, username, display_name, password_hash, roles) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO NOTHING`,
        [
          demoId(`user:${user.username}`),
          demoId(`agency:${user.agency}`),
          user.username,
          user.displayName,
          passwordHash,
          [user.role],
        ],
      );
    }
  },
};

/** A few flags to elevhälsa (new and triaged), an investigation under way and a guardian notice. */
const flagsAndNotices: SeedStep = {
  name: '004-flags-investigations-notices',
  async run(manager, now) {
    const to = addDays(swedishDate(now), -1);
    const from = addDays(to, -27);
    const flags: { pupil: number; by: string; text: string; dismissedBy?: string }[] = [
      {
        pupil: 3,
        by: 'mentor@storsjo.demo',
        text: 'Allt mer frånvaro sedan höstlovet. Har pratat med eleven och ringt hem.',
      },
      {
        pupil: 7,
        by: 'mentor@storsjo.demo',
        text: 'Borta nästan varje måndag. Vårdnadshavare säger att eleven har ont i magen.',
      },
      { pupil: 203, by: 'mentor@park.demo', text: 'Ökande ogiltig frånvaro, svarar inte på meddelanden.' },
      {
        pupil: 28,
        by: 'mentor@storsjo.demo',
        text: 'Flera sjukdagar i rad.',
        dismissedBy: 'elevhalsa@storsjo.demo',
      },
    ];
    for (const flag of flags) {
      const studentId = demoId(`pupil:${flag.pupil}`);
      const snapshot = await absenceFigures(manager, `SELECT $1::uuid AS id`, [studentId], from, to);
      await manager.query(
        `INSERT INTO absence_flag (id, student_id, school_id, created_by, text, snapshot, status, triaged_by, triaged_at, dismiss_reason)
         SELECT $1, s.id, s.school_id, $3, $4, $5, $6, $7, CASE WHEN $7::uuid IS NULL THEN NULL ELSE now() END, $8
           FROM student s WHERE s.id = $2
         ON CONFLICT (id) DO NOTHING`,
        [
          demoId(`flag:${flag.pupil}`),
          studentId,
          demoId(`user:${flag.by}`),
          flag.text,
          JSON.stringify(snapshot),
          flag.dismissedBy ? 'dismissed' : 'new',
          flag.dismissedBy ? demoId(`user:${flag.dismissedBy}`) : null,
          flag.dismissedBy ? 'Styrkt sjukdom, läkarintyg finns. Mentor följer upp.' : null,
        ],
      );
    }
    await manager.query(
      `INSERT INTO absence_investigation (id, student_id, school_id, started_on, huvudman_informed_on, recorded_by)
       SELECT $1, s.id, s.school_id, $3::date, $3::date + 2, $4 FROM student s WHERE s.id = $2
       ON CONFLICT (id) DO NOTHING`,
      [demoId('investigation:21'), demoId('pupil:21'), addDays(to, -21), demoId('user:rektor@storsjo.demo')],
    );
    // Yesterday's first pupil with invalid absence at Storsjöskolan: guardians were phoned.
    await manager.query(
      `INSERT INTO guardian_notice (student_id, absence_date, method, informed_at, recorded_by)
       SELECT d.student_id, d.day, 'phone', d.day + time '10:30', $2
         FROM attendance_day d JOIN student s ON s.id = d.student_id
        WHERE d.day = $1::date AND d.invalid_absence_minutes > 0 AND s.school_id = $3
        ORDER BY s.last_name, s.id LIMIT 1
       ON CONFLICT DO NOTHING`,
      [to, demoId('user:mentor@storsjo.demo'), demoId('agency:storsjo')],
    );
  },
};

/**
 * One case in every status at Storsjöskolan, with consent, invitations, a meeting and mapping,
 * so each journey has something to show. Dates lie in the past relative to `now`.
 */
const cases: SeedStep = {
  name: '005-cases',
  async run(manager, now) {
    const today = swedishDate(now);
    const at = (daysAgo: number, time = '09:00') => `${addDays(today, -daysAgo)}T${time}:00+01:00`;
    const coordinator = demoId('user:elevhalsa@storsjo.demo');
    const school = demoId('agency:storsjo');
    const demoCases: {
      pupil: number;
      status: string;
      openedDaysAgo: number;
      agencies: { key: string; status: 'pending' | 'accepted' | 'declined'; consent: string[] | null }[];
      meetingDaysAgo?: number;
      outcome?: string;
    }[] = [
      {
        pupil: 53,
        status: 'open',
        openedDaysAgo: 2,
        agencies: [{ key: 'soc', status: 'pending', consent: ['case_summary'] }],
      },
      {
        pupil: 78,
        status: 'mapping',
        openedDaysAgo: 12,
        agencies: [
          { key: 'soc', status: 'accepted', consent: ['case_summary', 'attendance', 'mapping'] },
          { key: 'bup', status: 'accepted', consent: ['case_summary', 'health_notes', 'mapping'] },
        ],
        meetingDaysAgo: 5,
      },
      {
        pupil: 103,
        status: 'plan_active',
        openedDaysAgo: 40,
        agencies: [
          { key: 'soc', status: 'accepted', consent: ['case_summary', 'attendance', 'mapping', 'plan'] },
          { key: 'hab', status: 'accepted', consent: ['case_summary', 'mapping', 'plan'] },
        ],
        meetingDaysAgo: 30,
      },
      {
        pupil: 128,
        status: 'follow_up',
        openedDaysAgo: 80,
        agencies: [{ key: 'bup', status: 'accepted', consent: ['case_summary', 'health_notes', 'plan'] }],
        meetingDaysAgo: 70,
      },
      {
        pupil: 153,
        status: 'closed',
        openedDaysAgo: 95,
        agencies: [{ key: 'soc', status: 'declined', consent: null }],
        outcome: 'attendance_recovered',
      },
    ];
    for (const [n, c] of demoCases.entries()) {
      const caseId = demoId(`case:${c.pupil}`);
      const opened = at(c.openedDaysAgo);
      await manager.query(
        `INSERT INTO support_case (id, reference, student_id, school_id, coordinator_id, status, opened_at, first_signal_on,
                                   closed_at, outcome, close_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $9, $10, $11)`,
        [
          caseId,
          `NT-DEMO-${String(n + 1).padStart(3, '0')}`,
          demoId(`pupil:${c.pupil}`),
          school,
          coordinator,
          c.status,
          opened,
          addDays(today, -c.openedDaysAgo - 10),
          c.status === 'closed' ? at(5) : null,
          c.outcome ?? null,
          c.status === 'closed' ? 'Närvaron är tillbaka över 90 % sedan sex veckor.' : null,
        ],
      );
      const event = (kind: string, when: string, data: object, actor = coordinator, agency = school) =>
        manager.query(
          `INSERT INTO case_event (case_id, at, actor_id, agency_id, kind, data) VALUES ($1, $2, $3, $4, $5, $6)`,
          [caseId, when, actor, agency, kind, JSON.stringify(data)],
        );
      await event('case.opened', opened, { coordinatorId: coordinator, flagId: null });
      for (const a of c.agencies) {
        const agencyId = demoId(`agency:${a.key}`);
        const worker = DEMO_USERS.find((u) => u.agency === a.key && u.role === 'agency_worker')!;
        const workerId = demoId(`user:${worker.username}`);
        if (a.consent) {
          await manager.query(
            `INSERT INTO consent (case_id, agency_id, given_by, given_by_name, scope, given_at, valid_until, recorded_by)
             VALUES ($1, $2, 'guardian', 'Vårdnadshavare (demo)', $3, $4::date, $5::date, $6)`,
            [caseId, agencyId, a.consent, addDays(today, -c.openedDaysAgo), addDays(today, 365), coordinator],
          );
          await event('consent.given', opened, { agencyId, givenBy: 'guardian', scope: a.consent });
        }
        await manager.query(
          `INSERT INTO mobilisation (case_id, agency_id, message, invited_by, invited_at, deadline, status,
                                     representative_id, responded_by, responded_at, decline_reason)
           VALUES ($1, $2, 'Välkomna till ett första möte om eleven.', $3, $4, $5::date, $6, $7, $8, $9, $10)`,
          [
            caseId,
            agencyId,
            coordinator,
            opened,
            addWorkingDays(addDays(today, -c.openedDaysAgo), 5),
            a.status,
            a.status === 'accepted' ? workerId : null,
            a.status === 'pending' ? null : workerId,
            a.status === 'pending' ? null : at(c.openedDaysAgo - 2),
            a.status === 'declined' ? 'Ärendet är inte aktuellt för oss just nu.' : null,
          ],
        );
        await event('mobilisation.invited', opened, { agencyId });
        if (a.status !== 'pending') {
          await event(`mobilisation.${a.status}`, at(c.openedDaysAgo - 2), { agencyId }, workerId, agencyId);
        }
        if (a.status === 'accepted' && a.consent?.includes('mapping')) {
          await manager.query(
            `INSERT INTO mapping_contribution (case_id, section, agency_id, author_id, text, created_at, updated_at)
             VALUES ($1, 'home_family', $2, $3, $4, $5, $5)`,
            [
              caseId,
              agencyId,
              workerId,
              'Familjen har haft kontakt med oss tidigare; stödet avslutades för ett år sedan.',
              at(c.openedDaysAgo - 3),
            ],
          );
        }
      }
      if (c.meetingDaysAgo !== undefined) {
        await manager.query(
          `INSERT INTO case_meeting (case_id, starts_at, place, agency_ids, pupil_present, guardians_present, minutes, decisions, created_by)
           VALUES ($1, $2, 'Storsjöskolan, elevhälsans rum', $3, true, true, $4, $5, $6)`,
          [
            caseId,
            at(c.meetingDaysAgo, '13:00'),
            [school, ...c.agencies.filter((a) => a.status === 'accepted').map((a) => demoId(`agency:${a.key}`))],
            'Eleven berättade om oro inför idrottslektionerna. Vårdnadshavarna vill ha tätare kontakt med mentor.',
            'Kartläggning av skolsituationen; mentor ringer hem varje fredag.',
            coordinator,
          ],
        );
        await event('meeting.scheduled', at(c.meetingDaysAgo + 3), {});
        await manager.query(
          `INSERT INTO mapping_contribution (case_id, section, agency_id, author_id, text, created_at, updated_at)
           VALUES ($1, 'pupil_view', $2, $3, $4, $5, $5), ($1, 'school', $2, $3, $6, $5, $5)`,
          [
            caseId,
            school,
            coordinator,
            'Jag vill gå till skolan men det känns jobbigt på morgonen.',
            at(c.meetingDaysAgo, '15:00'),
            'Frånvaron har ökat sedan höstlovet, mest måndagar och idrott.',
          ],
        );
      }
      const path = ['open', 'mapping', 'plan_active', 'follow_up'];
      const steps = c.status === 'closed' ? ['closed'] : path.slice(1, path.indexOf(c.status) + 1);
      let from = 'open';
      for (const [i, to] of steps.entries()) {
        await event('case.status', at(Math.max(c.openedDaysAgo - 7 * (i + 1), 1)), { from, to });
        from = to;
      }
    }
  },
};

/**
 * Plans in different states on the demo cases: a draft in mapping, an agreed plan under way, one
 * reviewed in follow-up, and a finished one on the closed case with its follow-ups scheduled.
 */
const plans: SeedStep = {
  name: '006-plans',
  async run(manager, now) {
    const today = swedishDate(now);
    const coordinator = demoId('user:elevhalsa@storsjo.demo');
    const school = demoId('agency:storsjo');
    const at = (daysAgo: number) => `${addDays(today, -daysAgo)}T10:00:00+01:00`;
    const demoPlans: {
      pupil: number;
      startedDaysAgo: number;
      agreedDaysAgo: number | null;
      partners: string[];
      actionStatus: string;
      review?: { daysAgo: number; before: number; after: number; reached: boolean };
      closedDaysAgo?: number;
    }[] = [
      { pupil: 78, startedDaysAgo: 3, agreedDaysAgo: null, partners: ['soc', 'bup'], actionStatus: 'planned' },
      { pupil: 103, startedDaysAgo: 25, agreedDaysAgo: 24, partners: ['soc', 'hab'], actionStatus: 'in_progress' },
      {
        pupil: 128,
        startedDaysAgo: 60,
        agreedDaysAgo: 58,
        partners: ['bup'],
        actionStatus: 'done',
        review: { daysAgo: 14, before: 71.5, after: 86.0, reached: true },
      },
      { pupil: 153, startedDaysAgo: 80, agreedDaysAgo: 79, partners: [], actionStatus: 'done', closedDaysAgo: 5 },
    ];
    for (const d of demoPlans) {
      const caseId = demoId(`case:${d.pupil}`);
      const planId = demoId(`plan:${d.pupil}`);
      await manager.query(
        `INSERT INTO case_plan (id, case_id, version, pupil_view, guardian_view, review_dates, created_by, created_at,
                                updated_by, updated_at)
         VALUES ($1, $2, 1, $3, $4, $5::date[], $6, $7, $6, $7)`,
        [
          planId,
          caseId,
          'Jag vill börja med halva dagar och ha någon att gå till på rasterna.',
          'Vi vill ha kontakt med mentor varje vecka och hjälp med morgnarna.',
          [addDays(today, 14), addDays(today, 56)],
          coordinator,
          at(d.startedDaysAgo),
        ],
      );
      await manager.query(
        `INSERT INTO plan_goal (plan_id, position, text, target_attendance_percent, target_date)
         VALUES ($1, 0, 'Närvaron ökar till minst 80 % inom sex veckor.', 80, $2::date),
                ($1, 1, 'Eleven har en vuxen att vända sig till varje skoldag.', NULL, NULL)`,
        [planId, addDays(today, 42 - d.startedDaysAgo)],
      );
      const actions: [string, string, string | null][] = [
        [school, 'Anpassat schema med halva dagar de första två veckorna.', demoId('user:mentor@storsjo.demo')],
        [school, 'Mentor ringer hem varje fredag och stämmer av veckan.', demoId('user:mentor@storsjo.demo')],
        ...d.partners.map((key): [string, string, string | null] => {
          const worker = DEMO_USERS.find((u) => u.agency === key && u.role === 'agency_worker')!;
          const what =
            key === 'soc'
              ? 'Föräldrastöd i hemmet, ett samtal i veckan.'
              : key === 'bup'
                ? 'Bedömning av oro och sömn.'
                : 'Stöd kring struktur och rutiner.';
          return [demoId(`agency:${key}`), what, demoId(`user:${worker.username}`)];
        }),
      ];
      for (const [i, [agencyId, description, responsible]] of actions.entries()) {
        await manager.query(
          `INSERT INTO plan_action (plan_id, case_id, position, description, agency_id, responsible_user_id, start_date,
                                    due_date, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8::date, $9)`,
          [
            planId,
            caseId,
            i,
            description,
            agencyId,
            responsible,
            addDays(today, -d.startedDaysAgo),
            addDays(today, 28 - d.startedDaysAgo + 7 * i),
            d.actionStatus,
          ],
        );
      }
      const snapshot = async (version: number, change: string, daysAgo: number) => {
        await manager.query(`UPDATE case_plan SET version = $2, updated_at = $3 WHERE id = $1`, [
          planId,
          version,
          at(daysAgo),
        ]);
        await manager.query(
          `INSERT INTO plan_version (plan_id, version, snapshot, changed_by, agency_id, change, changed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [planId, version, JSON.stringify(await loadPlan(manager, caseId)), coordinator, school, change, at(daysAgo)],
        );
        await manager.query(
          `INSERT INTO case_event (case_id, at, actor_id, agency_id, kind, data) VALUES ($1, $2, $3, $4, $5, $6)`,
          [
            caseId,
            at(daysAgo),
            coordinator,
            school,
            change === 'created' ? 'plan.created' : 'plan.agreed',
            JSON.stringify({ version }),
          ],
        );
      };
      await snapshot(1, 'created', d.startedDaysAgo);
      if (d.agreedDaysAgo !== null) {
        const participants: [string, string | null, string][] = [
          ['pupil', null, 'Eleven'],
          ['guardian', null, 'Vårdnadshavare (demo)'],
          ['agency', school, 'Storsjöskolan'],
          ...d.partners.map((key): [string, string | null, string] => [
            'agency',
            demoId(`agency:${key}`),
            DEMO_AGENCIES.find((a) => a.key === key)!.name,
          ]),
        ];
        for (const [participant, agencyId, name] of participants) {
          await manager.query(
            `INSERT INTO plan_agreement (plan_id, plan_version, participant, agency_id, name, agreed_at, recorded_by)
             VALUES ($1, 1, $2, $3, $4, $5, $6)`,
            [planId, participant, agencyId, name, at(d.agreedDaysAgo), coordinator],
          );
        }
        await manager.query(`UPDATE support_case SET plan_agreed_at = $2 WHERE id = $1`, [caseId, at(d.agreedDaysAgo)]);
        await snapshot(2, 'agreed', d.agreedDaysAgo);
      }
      if (d.review) {
        const reviewed = addDays(today, -d.review.daysAgo);
        const started = addDays(today, -d.startedDaysAgo);
        await manager.query(
          `INSERT INTO plan_review (case_id, reviewed_on, period_before_from, period_before_to, attendance_before_percent,
                                    period_after_from, period_after_to, attendance_after_percent, goal_reached, decisions, recorded_by)
           VALUES ($1, $2::date, $3::date, $4::date, $5, $6::date, $2::date, $7, $8, $9, $10)`,
          [
            caseId,
            reviewed,
            addDays(started, -28),
            addDays(started, -1),
            d.review.before,
            addDays(reviewed, -27) > started ? addDays(reviewed, -27) : started,
            d.review.after,
            d.review.reached,
            'Målet nått. Planen följs upp i fyra veckor till, sedan avslut.',
            coordinator,
          ],
        );
      }
      if (d.closedDaysAgo !== undefined) {
        await manager.query(
          `INSERT INTO case_follow_up (case_id, months, due_on)
           SELECT $1, m, ($2::date + make_interval(months => m))::date FROM unnest(ARRAY[6, 18]) AS m`,
          [caseId, addDays(today, -d.closedDaysAgo)],
        );
      }
    }
  },
};

/** `elevhalsa@storsjo.demo` → `elevhalsa.storsjo@demo.narvaroteam.se` (a domain that receives nothing). */
export const demoEmail = (username: string) =>
  `${username.replace(/\.demo$/, '').replace('@', '.')}@demo.narvaroteam.se`;

/** Mail addresses for the demo users, so that mail can be tried with SMTP_URL set (it is off by default). */
const userEmails: SeedStep = {
  name: '007-user-emails',
  async run(manager) {
    for (const user of DEMO_USERS) {
      await manager.query(`UPDATE app_user SET email = $2 WHERE id = $1`, [
        demoId(`user:${user.username}`),
        demoEmail(user.username),
      ]);
    }
  },
};

/**
 * The inbox as the demo's invitations left it: each invitation told its agency, each answer the
 * coordinator (read once answered, so the inbox has both). Same dedupe keys as the Notifier's,
 * so nothing is told twice; reminders come from the sweep at start-up.
 */
const notifications: SeedStep = {
  name: '008-notifications',
  async run(manager) {
    const invitations: {
      id: string;
      case_id: string;
      agency_id: string;
      agency_name: string;
      reference: string;
      coordinator_id: string;
      status: 'pending' | 'accepted' | 'declined';
      invited_at: Date;
      responded_at: Date | null;
    }[] = await manager.query(
      `SELECT m.id, m.case_id, m.agency_id, a.name AS agency_name, c.reference, c.coordinator_id, m.status,
              m.invited_at, m.responded_at
         FROM mobilisation m JOIN support_case c ON c.id = m.case_id JOIN agency a ON a.id = m.agency_id
        ORDER BY m.invited_at, m.id`,
    );
    /** Tells the users `who` ($8 is `whoParam`) about invitation `m`. */
    const insert = async (
      kind: keyof typeof NOTIFICATION_EVENTS,
      m: (typeof invitations)[number],
      who: string,
      whoParam: string,
      at: Date,
      readAt: Date | null,
    ) => {
      const event = NOTIFICATION_EVENTS[kind];
      const title = event.title({ reference: m.reference, agencyName: m.agency_name, date: '', months: null });
      const link = event.link({ key: m.id, caseId: m.case_id });
      await manager.query(
        `INSERT INTO notification (recipient_id, kind, case_id, title, link, dedupe_key, created_at, read_at)
         SELECT u.id, $1, $2, $3, $4, $5, $6, $7 FROM app_user u WHERE ${who}
         ON CONFLICT (recipient_id, dedupe_key) DO NOTHING`,
        [kind, m.case_id, title, link, `${kind}:${m.id}`, at, readAt, whoParam],
      );
    };
    for (const m of invitations) {
      const workers = `u.agency_id = $8 AND 'agency_worker' = ANY (u.roles)`;
      await insert('mobilisation.invited', m, workers, m.agency_id, m.invited_at, m.responded_at);
      if (m.status === 'accepted') {
        await insert('mobilisation.accepted', m, 'u.id = $8', m.coordinator_id, m.responded_at!, null);
      } else if (m.status === 'declined') {
        await insert('mobilisation.declined', m, 'u.id = $8', m.coordinator_id, m.responded_at!, null);
      }
    }
  },
};

/**
 * The municipality's intervention catalogue (insatskatalog): what the agencies around the pupils
 * offer, so that plan actions and pupils' courses can name them. One retired entry shows that
 * retired interventions stay for history.
 */
export const DEMO_INTERVENTIONS = [
  {
    key: 'mst',
    name: 'MST (multisystemisk terapi)',
    description: 'Intensiv familje- och nätverksbaserad behandling i hemmet under 3–5 månader.',
    providerAgencyType: 'social_services',
    evidenceBased: true,
    targetGroup: 'Ungdomar 12–17 år med allvarliga beteendeproblem',
    active: true,
  },
  {
    key: 'komet',
    name: 'Komet (föräldraprogram)',
    description: 'Föräldraprogram i grupp för föräldrar till barn med utagerande beteende.',
    providerAgencyType: 'social_services',
    evidenceBased: true,
    targetGroup: 'Föräldrar till barn 3–18 år',
    active: true,
  },
  {
    key: 'narvaroteam',
    name: 'Närvaroteamets stödinsats',
    description: 'Samordnat stöd från skola, socialtjänst och region för att eleven ska komma tillbaka till skolan.',
    providerAgencyType: 'school',
    evidenceBased: false,
    targetGroup: 'Elever med problematisk skolfrånvaro',
    active: true,
  },
  {
    key: 'bup',
    name: 'BUP behandling',
    description: 'Utredning och behandling inom barn- och ungdomspsykiatrin.',
    providerAgencyType: 'bup',
    evidenceBased: true,
    targetGroup: 'Barn och unga med psykisk ohälsa',
    active: true,
  },
  {
    key: 'habilitering',
    name: 'Habiliteringens stöd vid NPF',
    description: 'Stöd och anpassningar för barn med neuropsykiatriska funktionsnedsättningar och deras familjer.',
    providerAgencyType: 'habilitation',
    evidenceBased: false,
    targetGroup: 'Barn och unga med NPF-diagnos',
    active: true,
  },
  {
    key: 'lagerverksamhet',
    name: 'Lägerverksamhet (avslutad)',
    description: 'Sommarläger för unga; erbjuds inte längre.',
    providerAgencyType: 'other',
    evidenceBased: false,
    targetGroup: null,
    active: false,
  },
] as const;

const interventions: SeedStep = {
  name: '009-interventions',
  async run(manager) {
    const admin = demoId('user:admin@ostersund.demo');
    for (const i of DEMO_INTERVENTIONS) {
      await manager.query(
        `INSERT INTO intervention (id, organisation_id, name, description, provider_agency_type, evidence_based,
                                   target_group, active, created_by, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (id) DO NOTHING`,
        [
          demoId(`intervention:${i.key}`),
          demoId('org:ostersund'),
          i.name,
          i.description,
          i.providerAgencyType,
          i.evidenceBased,
          i.targetGroup,
          i.active,
          admin,
        ],
      );
    }
  },
};

export const DEMO_STEPS: SeedStep[] = [
  organisationsAndAgencies,
  pupilsAndAttendance,
  users,
  flagsAndNotices,
  cases,
  plans,
  userEmails,
  notifications,
  interventions,
];

/**
 * Seeds the demo on an empty database and completes a partly seeded one; does nothing when
 * every step has run. Steps are skipped, not repeated, so running it twice changes nothing.
 * Refuses to run with NODE_ENV=production.
 */
export async function seedDemo(dataSource: DataSource, now = new Date()): Promise<string[]> {
  if (process.env.NODE_ENV === 'production') throw new Error('the demo seed never runs in production');
  const ran: string[] = [];
  for (const step of DEMO_STEPS) {
    const did = await dataSource.transaction(async (manager) => {
      // One seeder at a time across instances: the lock is released with the transaction.
      await manager.query(`SELECT pg_advisory_xact_lock(74262027)`);
      const [done] = await manager.query(`SELECT 1 FROM seed_run WHERE name = $1`, [step.name]);
      if (done) return false;
      await step.run(manager, now);
      await manager.query(`INSERT INTO seed_run (name) VALUES ($1)`, [step.name]);
      return true;
    });
    if (did) ran.push(step.name);
  }
  return ran;
}
