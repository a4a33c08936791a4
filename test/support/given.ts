import { randomBytes } from 'node:crypto';
import { addDays, swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { luhnCheckDigit } from '@app/students';

/**
 * Test data builders: each creates exactly the rows a test needs, in the test's own database copy
 * (through the superuser's pool of `TestApp.db`), with values no demo row and no other builder call
 * has, and returns the ids the test needs. Use them instead of raw INSERTs and instead of looking
 * for a demo pupil that happens to be free:
 *
 *   const given = givenFor(t.db);
 *   const pupil = await given.pupil();                              // a fresh Storsjöskolan pupil
 *   const { caseId } = await given.caseWithConsent(pupil, SOC);     // mobilised, consent in force
 *
 * Defaults are the demo's Storsjöskolan and its elevhälsa (the coordinator, who invites and records).
 */

/** Anything with `query(sql, params)`: a pg Pool or client. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: any[] }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export type Ref = string | { id: string };
const idOf = (ref: Ref): string => (typeof ref === 'string' ? ref : ref.id);

export const STORSJO = demoId('agency:storsjo');
export const STORSJO_ELEVHALSA = demoId('user:elevhalsa@storsjo.demo');

/** Unique within a test run: a random run part and a counter. */
const run = randomBytes(3).toString('hex');
let serial = 0;
const next = () => ++serial;
/** A name part of letters only, unique in the run: 'Qbx…'. */
const letters = (n: number) => {
  let v = n + (parseInt(run, 16) % 10_000) * 1000;
  let out = '';
  do {
    out += String.fromCharCode(97 + (v % 26));
    v = Math.floor(v / 26);
  } while (v > 0);
  return out;
};

/**
 * A personnummer no demo pupil has: born on the 1st–28th of a month in 2010–2014, serial 900–999
 * (the demo draws serials 000–999 too, so the 12 digits are checked against the table), valid check digit.
 */
let pnr = Math.floor(Math.random() * 100_000);
function personnummerCandidate(): string {
  pnr = (pnr + 7919) % 168_000;
  const year = 2010 + (pnr % 5);
  const month = String(1 + (Math.floor(pnr / 5) % 12)).padStart(2, '0');
  const day = String(1 + (Math.floor(pnr / 60) % 28)).padStart(2, '0');
  const last3 = String(900 + (Math.floor(pnr / 1680) % 100));
  const nine = `${String(year).slice(2)}${month}${day}${last3}`;
  return `${year}${month}${day}${last3}${luhnCheckDigit(nine)}`;
}

const stockholmNoon = (day: string) => `${day} 12:00`;

/** This moment `months` months ago (for cases opened or closed that long ago). */
export function monthsAgo(months: number): Date {
  const at = new Date();
  at.setMonth(at.getMonth() - months);
  return at;
}

export interface GivenPupil {
  id: string;
  schoolId: string;
  organisationId: string;
  personnummer: string | null;
  firstName: string;
  lastName: string;
  /** "First Last", as lists show it. */
  name: string;
  className: string;
  grade: number;
}

export interface PupilOptions {
  /** The school (agency id); Storsjöskolan unless given. */
  school?: string;
  firstName?: string;
  lastName?: string;
  grade?: number;
  className?: string;
  personnummer?: string | null;
  externalId?: string | null;
  temporaryNumber?: string | null;
  protectedIdentity?: boolean;
}

export interface CaseOptions {
  reference?: string;
  coordinator?: string;
  status?: 'open' | 'mapping' | 'plan_active' | 'follow_up' | 'closed';
  /** SQL-free dates: a timestamp string or a Date. */
  openedAt?: string | Date;
  planAgreedAt?: string | Date | null;
  closedAt?: string | Date | null;
  outcome?: string | null;
  closeReason?: string | null;
  flag?: string | null;
}

export interface ConsentOptions {
  scope?: string[];
  givenBy?: 'guardian' | 'pupil';
  givenByName?: string;
  /** YYYY-MM-DD; today (Swedish date) unless given. */
  givenAt?: string;
  /** YYYY-MM-DD, or null for no end; a year after `givenAt` unless given. */
  validUntil?: string | null;
  recordedBy?: string;
}

export interface InvitationOptions {
  /** YYYY-MM-DD; a week from today unless given. */
  deadline?: string;
  invitedBy?: string;
}

export interface UserOptions {
  agency: string;
  roles: string[];
  username?: string;
  displayName?: string;
  /** Signs in with the demo password unless another hash is given. */
  passwordHash?: string;
}

export interface LessonRow {
  date: string;
  /** HH:MM; 08:00 unless given. */
  start?: string;
  offered?: number;
  attended: number;
  valid?: number;
  invalid?: number;
  reason?: string | null;
  source?: 'manual' | 'csv' | 'ss12000' | 'demo';
}

/** [day, offered, valid absence, invalid absence] minutes; `lessons` 5 unless given. */
export type DayRow = [string, number, number, number] | [string, number, number, number, number];

export function givenFor(db: Queryable) {
  const one = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows[0];
  const organisationOfAgency = new Map<string, string>();
  async function organisationOf(agency: string): Promise<string> {
    let org = organisationOfAgency.get(agency);
    if (!org) {
      org = (await one(`SELECT organisation_id FROM agency WHERE id = $1`, [agency])).organisation_id as string;
      organisationOfAgency.set(agency, org);
    }
    return org;
  }

  const given = {
    /** A municipality (or region) of its own, with a unique name. */
    async organisation(options: { name?: string; kind?: 'municipality' | 'region' } = {}): Promise<string> {
      const row = await one(`INSERT INTO organisation (name, kind) VALUES ($1, $2) RETURNING id`, [
        options.name ?? `Testkommun ${run}-${next()}`,
        options.kind ?? 'municipality',
      ]);
      return row.id;
    },

    /** A school (agency of type school) in `organisation`, with a unique school unit code. */
    async school(organisation: string, options: { name?: string; schoolUnitCode?: string } = {}): Promise<string> {
      const n = next();
      const row = await one(
        `INSERT INTO agency (organisation_id, name, type, school_unit_code) VALUES ($1, $2, 'school', $3) RETURNING id`,
        [
          organisation,
          options.name ?? `Testskolan ${run}-${n}`,
          options.schoolUnitCode ??
            `9${String(parseInt(run, 16) % 10_000).padStart(4, '0')}${String(n).padStart(3, '0')}`,
        ],
      );
      organisationOfAgency.set(row.id, organisation);
      return row.id;
    },

    /**
     * An account at `agency` with `roles`. It signs in with the demo password (the hash is a demo
     * user's), so `bearer(t.http, username)` works.
     */
    /** Krokoms kommun with its school and that school's principal (the demo password): someone of another organisation. */
    async principalOfKrokom(): Promise<string> {
      const school = await this.school(await this.organisation({ name: 'Krokoms kommun' }), { name: 'Krokomsskolan' });
      const user = await this.user({
        agency: school,
        roles: ['principal'],
        username: 'rektor@krokom.test',
        displayName: 'Krokom Rektor',
      });
      return user.username;
    },

    async user(options: UserOptions): Promise<{ id: string; username: string }> {
      const username = options.username ?? `user-${run}-${next()}@test.demo`;
      const row = await one(
        `INSERT INTO app_user (agency_id, username, display_name, password_hash, roles)
         VALUES ($1, $2, $3, COALESCE($4, (SELECT password_hash FROM app_user WHERE username = 'bup@regionjh.demo')), $5)
         RETURNING id`,
        [
          options.agency,
          username,
          options.displayName ?? `Test Användare ${next()}`,
          options.passwordHash ?? null,
          options.roles,
        ],
      );
      return { id: row.id, username };
    },

    /** A pupil of `school` (Storsjöskolan) with a unique, valid personnummer and name; no guardians, no attendance. */
    async pupil(options: PupilOptions = {}): Promise<GivenPupil> {
      const school = options.school ?? STORSJO;
      const organisationId = await organisationOf(school);
      const n = next();
      const grade = options.grade ?? 8;
      const firstName = options.firstName ?? `Testa${letters(n)}`;
      const lastName = options.lastName ?? `Testsson${letters(n)}`;
      const className = options.className ?? `${grade}T`;
      for (let attempt = 0; ; attempt++) {
        const personnummer = options.personnummer !== undefined ? options.personnummer : personnummerCandidate();
        const row = await one(
          `INSERT INTO student (organisation_id, school_id, personnummer, first_name, last_name, grade, class_name,
                                external_id, temporary_number, protected_identity)
           SELECT $1::uuid, $2::uuid, $3::text, $4::text, $5::text, $6::smallint, $7::text, $8::text, $9::text, $10::boolean
            WHERE $3::text IS NULL OR NOT EXISTS (SELECT 1 FROM student WHERE organisation_id = $1 AND personnummer = $3)
           RETURNING id`,
          [
            organisationId,
            school,
            personnummer,
            firstName,
            lastName,
            grade,
            className,
            options.externalId !== undefined ? options.externalId : `given-${run}-${n}`,
            options.temporaryNumber ?? null,
            options.protectedIdentity ?? false,
          ],
        );
        if (row) {
          return {
            id: row.id,
            schoolId: school,
            organisationId,
            personnummer,
            firstName,
            lastName,
            name: `${firstName} ${lastName}`,
            className,
            grade,
          };
        }
        if (options.personnummer !== undefined || attempt > 20)
          throw new Error(`personnummer ${personnummer} is taken`);
      }
    },

    /** `count` fresh pupils of one school. */
    async pupils(count: number, options: PupilOptions = {}): Promise<GivenPupil[]> {
      const pupils: GivenPupil[] = [];
      for (let i = 0; i < count; i++) pupils.push(await given.pupil(options));
      return pupils;
    },

    /** The ids of `count` fresh pupils of one school. */
    async pupilIds(count: number, options: PupilOptions = {}): Promise<string[]> {
      return (await given.pupils(count, options)).map((p) => p.id);
    },

    async guardian(
      pupil: Ref,
      options: { name?: string; relation?: string; phone?: string | null; email?: string | null } = {},
    ): Promise<string> {
      const row = await one(
        `INSERT INTO guardian (student_id, name, relation, phone, email) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [
          idOf(pupil),
          options.name ?? `Vera Vårdnadshavare ${next()}`,
          options.relation ?? 'vårdnadshavare',
          options.phone !== undefined ? options.phone : '070-1740699',
          options.email !== undefined ? options.email : `vh-${run}-${next()}@exempel.se`,
        ],
      );
      return row.id;
    },

    /** An absence flag on the pupil at its school, `new` unless a status is given. */
    async flag(
      pupil: Ref,
      options: {
        createdBy?: string;
        text?: string;
        snapshot?: object;
        status?: 'new' | 'accepted' | 'dismissed';
        triagedBy?: string;
        triagedAt?: string | Date;
        dismissReason?: string | null;
        createdAt?: string | Date;
      } = {},
    ): Promise<string> {
      const status = options.status ?? 'new';
      const triaged = status !== 'new';
      const row = await one(
        `INSERT INTO absence_flag (student_id, school_id, created_by, text, snapshot, status, triaged_by, triaged_at,
                                   dismiss_reason, created_at)
         SELECT id, school_id, $2::uuid, $3::text, $4::jsonb, $5::text, $6::uuid, $7::timestamptz, $8::text,
                COALESCE($9::timestamptz, now())
           FROM student WHERE id = $1
         RETURNING id`,
        [
          idOf(pupil),
          options.createdBy ?? STORSJO_ELEVHALSA,
          options.text ?? 'Hög frånvaro.',
          JSON.stringify(options.snapshot ?? {}),
          status,
          triaged ? (options.triagedBy ?? options.createdBy ?? STORSJO_ELEVHALSA) : null,
          triaged ? (options.triagedAt ?? new Date()) : null,
          options.dismissReason ?? null,
          options.createdAt ?? null,
        ],
      );
      return row.id;
    },

    /** A note on the flag. */
    async flagNote(flagId: string, text: string, by: string = STORSJO_ELEVHALSA): Promise<void> {
      await db.query(`INSERT INTO absence_flag_note (flag_id, text, created_by) VALUES ($1, $2, $3)`, [
        flagId,
        text,
        by,
      ]);
    },

    /**
     * A support case for the pupil at its school (raw, as an import of history would: no case
     * events), open and coordinated by Storsjöskolan's elevhälsa unless options say otherwise.
     */
    async case(pupil: Ref, options: CaseOptions = {}): Promise<string> {
      const status = options.status ?? 'open';
      const closed = status === 'closed';
      const row = await one(
        `INSERT INTO support_case (reference, student_id, school_id, coordinator_id, status, opened_at, plan_agreed_at,
                                   closed_at, outcome, close_reason, flag_id)
         SELECT $1::text, id, school_id, $3::uuid, $4::text, COALESCE($5::timestamptz, now()), $6::timestamptz, $7::timestamptz,
                $8::text, $9::text, $10::uuid
           FROM student WHERE id = $2
         RETURNING id`,
        [
          options.reference ?? `T-${run}-${next()}`,
          idOf(pupil),
          options.coordinator ?? STORSJO_ELEVHALSA,
          status,
          options.openedAt ?? null,
          options.planAgreedAt ?? null,
          options.closedAt !== undefined ? options.closedAt : closed ? new Date() : null,
          options.outcome !== undefined ? options.outcome : closed ? 'improved' : null,
          options.closeReason !== undefined ? options.closeReason : closed ? 'Närvaron är tillbaka.' : null,
          options.flag ?? null,
        ],
      );
      return row.id;
    },

    /** An event in the case's timeline (append-only: inserting is allowed), by the coordinator at the school. */
    async event(
      caseId: string,
      kind: string,
      options: { actor?: string; agency?: string; data?: object } = {},
    ): Promise<void> {
      await db.query(`INSERT INTO case_event (case_id, actor_id, agency_id, kind, data) VALUES ($1, $2, $3, $4, $5)`, [
        caseId,
        options.actor ?? STORSJO_ELEVHALSA,
        options.agency ?? STORSJO,
        kind,
        JSON.stringify(options.data ?? {}),
      ]);
    },

    /** A pending invitation of `agency` to the case. */
    async invitation(caseId: string, agency: string, options: InvitationOptions = {}): Promise<string> {
      const row = await one(
        `INSERT INTO mobilisation (case_id, agency_id, invited_by, deadline) VALUES ($1, $2, $3, $4::date) RETURNING id`,
        [caseId, agency, options.invitedBy ?? STORSJO_ELEVHALSA, options.deadline ?? addDays(swedishDate(), 7)],
      );
      return row.id;
    },

    /** `agency` mobilised in the case: invited and accepted, with `representative` as its representative. */
    async mobilisation(
      caseId: string,
      agency: string,
      representative: string,
      options: InvitationOptions = {},
    ): Promise<string> {
      const row = await one(
        `INSERT INTO mobilisation (case_id, agency_id, invited_by, deadline, status, representative_id, responded_by, responded_at)
         VALUES ($1, $2, $3, $4::date, 'accepted', $5, $5, now()) RETURNING id`,
        [
          caseId,
          agency,
          options.invitedBy ?? STORSJO_ELEVHALSA,
          options.deadline ?? addDays(swedishDate(), 7),
          representative,
        ],
      );
      return row.id;
    },

    /** The guardian's consent for `agency` in the case, in force from today for a year unless options say otherwise. */
    async consent(caseId: string, agency: string, options: ConsentOptions = {}): Promise<string> {
      const givenAt = options.givenAt ?? swedishDate();
      const row = await one(
        `INSERT INTO consent (case_id, agency_id, given_by, given_by_name, scope, given_at, valid_until, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6::date, $7::date, $8) RETURNING id`,
        [
          caseId,
          agency,
          options.givenBy ?? 'guardian',
          options.givenByName ?? 'Vera Vårdnadshavare',
          options.scope ?? ['case_summary'],
          givenAt,
          options.validUntil !== undefined ? options.validUntil : addDays(givenAt, 365),
          options.recordedBy ?? STORSJO_ELEVHALSA,
        ],
      );
      return row.id;
    },

    /**
     * A case for the pupil in which `agency` is mobilised (accepted by `representative`, or only
     * invited when none is given) and has consent in force.
     */
    async caseWithConsent(
      pupil: Ref,
      agency: string,
      options: { representative?: string; case?: CaseOptions; consent?: ConsentOptions; deadline?: string } = {},
    ): Promise<{ caseId: string; mobilisationId: string; consentId: string }> {
      const caseId = await given.case(pupil, options.case);
      const invitedBy = options.case?.coordinator;
      const mobilisationId = options.representative
        ? await given.mobilisation(caseId, agency, options.representative, { deadline: options.deadline, invitedBy })
        : await given.invitation(caseId, agency, { deadline: options.deadline, invitedBy });
      const consentId = await given.consent(caseId, agency, { recordedBy: invitedBy, ...options.consent });
      return { caseId, mobilisationId, consentId };
    },

    /** A meeting of the case (at `place`, with `agencies`), created by the coordinator. */
    async meeting(
      caseId: string,
      options: { startsAt: string | Date; place?: string; agencies: string[]; createdBy?: string },
    ): Promise<string> {
      const row = await one(
        `INSERT INTO case_meeting (case_id, starts_at, place, agency_ids, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [caseId, options.startsAt, options.place ?? 'Skolan', options.agencies, options.createdBy ?? STORSJO_ELEVHALSA],
      );
      return row.id;
    },

    /** An agency's contribution to a section of the case's mapping. */
    async contribution(
      caseId: string,
      options: { section: string; agency: string; author: string; text?: string },
    ): Promise<string> {
      const row = await one(
        `INSERT INTO mapping_contribution (case_id, section, agency_id, author_id, text) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [caseId, options.section, options.agency, options.author, options.text ?? 'Kartläggning.'],
      );
      return row.id;
    },

    /**
     * A plan for the case, started on `startedOn` (YYYY-MM-DD, at noon Swedish time; now unless
     * given), with its first version when `withVersion`.
     */
    async plan(
      caseId: string,
      options: {
        startedOn?: string;
        pupilView?: string | null;
        guardianView?: string | null;
        reviewDates?: string[];
        by?: string;
        agency?: string;
        withVersion?: boolean;
      } = {},
    ): Promise<string> {
      const by = options.by ?? STORSJO_ELEVHALSA;
      const at = options.startedOn ? stockholmNoon(options.startedOn) : null;
      const row = await one(
        `INSERT INTO case_plan (case_id, pupil_view, guardian_view, review_dates, created_by, updated_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4::date[], $5, $5,
                 COALESCE($6::timestamp AT TIME ZONE 'Europe/Stockholm', now()),
                 COALESCE($6::timestamp AT TIME ZONE 'Europe/Stockholm', now())) RETURNING id`,
        [caseId, options.pupilView ?? null, options.guardianView ?? null, options.reviewDates ?? [], by, at],
      );
      if (options.withVersion) {
        await db.query(
          `INSERT INTO plan_version (plan_id, version, snapshot, changed_by, agency_id, change, changed_at)
           VALUES ($1, 1, '{}', $2, $3, 'created', COALESCE($4::timestamp AT TIME ZONE 'Europe/Stockholm', now()))`,
          [row.id, by, options.agency ?? STORSJO, at],
        );
      }
      return row.id;
    },

    /** A goal of the plan. */
    async goal(
      planId: string,
      options: { position?: number; text?: string; targetPercent?: number | null; targetDate?: string | null } = {},
    ): Promise<string> {
      const row = await one(
        `INSERT INTO plan_goal (plan_id, position, text, target_attendance_percent, target_date)
         VALUES ($1, $2, $3, $4, $5::date) RETURNING id`,
        [
          planId,
          options.position ?? 1,
          options.text ?? 'Närvaro',
          options.targetPercent ?? null,
          options.targetDate ?? null,
        ],
      );
      return row.id;
    },

    /** An action of the plan, `planned` and the school's unless options say otherwise. */
    async action(
      planId: string,
      caseId: string,
      options: {
        position?: number;
        description?: string;
        agency?: string;
        responsible?: string | null;
        startDate?: string | null;
        dueDate: string;
        status?: 'planned' | 'in_progress' | 'done' | 'cancelled';
      },
    ): Promise<string> {
      const row = await one(
        `INSERT INTO plan_action (plan_id, case_id, position, description, agency_id, responsible_user_id, start_date, due_date, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8::date, $9) RETURNING id`,
        [
          planId,
          caseId,
          options.position ?? 1,
          options.description ?? 'Åtgärd',
          options.agency ?? STORSJO,
          options.responsible ?? null,
          options.startDate ?? null,
          options.dueDate,
          options.status ?? 'planned',
        ],
      );
      return row.id;
    },

    /** A participant's agreement to version `version` (1) of the plan, now. */
    async agreement(
      planId: string,
      options: {
        participant: 'pupil' | 'guardian' | 'agency';
        name: string;
        agency?: string;
        version?: number;
        recordedBy?: string;
      },
    ): Promise<void> {
      await db.query(
        `INSERT INTO plan_agreement (plan_id, plan_version, participant, agency_id, name, agreed_at, recorded_by)
         VALUES ($1, $2, $3, $4, $5, now(), $6)`,
        [
          planId,
          options.version ?? 1,
          options.participant,
          options.agency ?? null,
          options.name,
          options.recordedBy ?? STORSJO_ELEVHALSA,
        ],
      );
    },

    /** A review of the case's plan on `reviewedOn`, its periods as given. */
    async review(
      caseId: string,
      options: {
        reviewedOn: string;
        before: [string, string];
        after: [string, string];
        goalReached: boolean;
        recordedBy?: string;
      },
    ): Promise<void> {
      await db.query(
        `INSERT INTO plan_review (case_id, reviewed_on, period_before_from, period_before_to, period_after_from,
                                  period_after_to, goal_reached, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          caseId,
          options.reviewedOn,
          ...options.before,
          ...options.after,
          options.goalReached,
          options.recordedBy ?? STORSJO_ELEVHALSA,
        ],
      );
    },

    /** A follow-up of a closed case: due on `dueOn`, recorded when `recordedAt` is given. */
    async followUp(
      caseId: string,
      options: {
        months: 6 | 18;
        dueOn: string;
        recordedAt?: string | null;
        attendancePercent?: number | null;
        schoolOrWork20h?: boolean | null;
        newInterventions?: string[] | null;
        note?: string | null;
        recordedBy?: string;
      },
    ): Promise<string> {
      const recorded = options.recordedAt != null;
      const row = await one(
        `INSERT INTO case_follow_up (case_id, months, due_on, recorded_at, attendance_percent, school_or_work_20h,
                                     new_interventions, note, recorded_by)
         VALUES ($1, $2, $3::date, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          caseId,
          options.months,
          options.dueOn,
          options.recordedAt ?? null,
          options.attendancePercent ?? null,
          options.schoolOrWork20h ?? null,
          options.newInterventions ?? null,
          options.note ?? null,
          recorded ? (options.recordedBy ?? STORSJO_ELEVHALSA) : null,
        ],
      );
      return row.id;
    },

    /** The 6- and 18-month follow-ups of a closed case, due on the given days, not recorded. */
    async followUpsDue(caseId: string, sixMonths: string, eighteenMonths: string): Promise<void> {
      await db.query(
        `INSERT INTO case_follow_up (case_id, months, due_on) VALUES ($1, 6, $2::date), ($1, 18, $3::date)`,
        [caseId, sixMonths, eighteenMonths],
      );
    },

    /** An entry of the organisation's intervention catalogue. */
    async intervention(
      organisation: string,
      options: { name?: string; provider?: string; evidenceBased?: boolean; targetGroup?: string | null } = {},
    ): Promise<string> {
      const row = await one(
        `INSERT INTO intervention (organisation_id, name, provider_agency_type, evidence_based, target_group)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [
          organisation,
          options.name ?? `Insats ${run}-${next()}`,
          options.provider ?? 'social_services',
          options.evidenceBased ?? true,
          options.targetGroup ?? null,
        ],
      );
      return row.id;
    },

    /** A course of `intervention` in the case, started on `startedOn`; ended when `ended` is given. */
    async course(
      caseId: string,
      intervention: string,
      options: {
        startedOn: string;
        behaviours?: string[];
        attendanceBeforeStart?: number | null;
        by?: string;
        ended?: { on: string; reason: string; attendanceBeforeEnd?: number | null };
      },
    ): Promise<string> {
      const by = options.by ?? STORSJO_ELEVHALSA;
      const ended = options.ended;
      const row = await one(
        `INSERT INTO intervention_course (case_id, intervention_id, started_on, referred_behaviours, attendance_before_start,
                                          ended_on, end_reason, attendance_before_end, started_by, ended_by, ended_at)
         VALUES ($1, $2, $3::date, $4, $5, $6::date, $7, $8, $9, $10, $11) RETURNING id`,
        [
          caseId,
          intervention,
          options.startedOn,
          options.behaviours ?? ['school_absence'],
          options.attendanceBeforeStart ?? null,
          ended?.on ?? null,
          ended?.reason ?? null,
          ended?.attendanceBeforeEnd ?? null,
          by,
          ended ? by : null,
          ended ? new Date() : null,
        ],
      );
      return row.id;
    },

    /** The 6- or 18-month follow-up of an intervention course, recorded now. */
    async courseFollowUp(
      courseId: string,
      options: { months: 6 | 18; newInterventionFor?: string[]; schoolOrWork20h: boolean; by?: string },
    ): Promise<void> {
      await db.query(
        `INSERT INTO intervention_follow_up (course_id, months, new_intervention_for, school_or_work_20h, recorded_by)
         VALUES ($1, $2, $3, $4, $5)`,
        [
          courseId,
          options.months,
          options.newInterventionFor ?? [],
          options.schoolOrWork20h,
          options.by ?? STORSJO_ELEVHALSA,
        ],
      );
    },

    /** An absence investigation of the pupil at its school (`huvudman` informed on the day given, or not). */
    async investigation(
      pupil: Ref,
      options: { startedOn: string; huvudmanInformedOn?: string | null; recordedBy?: string },
    ): Promise<string> {
      const row = await one(
        `INSERT INTO absence_investigation (student_id, school_id, started_on, huvudman_informed_on, recorded_by)
         SELECT id, school_id, $2::date, $3::date, $4::uuid FROM student WHERE id = $1 RETURNING id`,
        [idOf(pupil), options.startedOn, options.huvudmanInformedOn ?? null, options.recordedBy ?? STORSJO_ELEVHALSA],
      );
      return row.id;
    },

    /** A guardian informed of the pupil's absence on `absenceDate` (by phone at 10:30 unless given). */
    async notice(
      pupil: Ref,
      options: { absenceDate: string; method?: string; informedAt?: string; recordedBy?: string },
    ): Promise<string> {
      const row = await one(
        `INSERT INTO guardian_notice (student_id, absence_date, method, informed_at, recorded_by)
         VALUES ($1, $2::date, $3, COALESCE($4::timestamptz, $2::date + time '10:30'), $5) RETURNING id`,
        [
          idOf(pupil),
          options.absenceDate,
          options.method ?? 'phone',
          options.informedAt ?? null,
          options.recordedBy ?? STORSJO_ELEVHALSA,
        ],
      );
      return row.id;
    },

    /** A finished CSV import of the school's attendance, started and finished at `at`. */
    async importRun(school: string, options: { by: string; at: string | Date; mode?: string }): Promise<string> {
      const row = await one(
        `INSERT INTO attendance_import (organisation_id, school_id, created_by, format, mode, status, started_at, finished_at)
         SELECT organisation_id, id, $2, 'csv', $3, 'completed', $4, $4 FROM agency WHERE id = $1 RETURNING id`,
        [school, options.by, options.mode ?? 'partial', options.at],
      );
      return row.id;
    },

    /** A refresh token of the user that expires at `expiresAt` (a token of its own family). */
    async refreshToken(user: string, expiresAt: string | Date): Promise<string> {
      const row = await one(
        `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at)
         VALUES ($1, gen_random_uuid(), $2, $3) RETURNING id`,
        [user, `given-${run}-${next()}`, expiresAt],
      );
      return row.id;
    },

    /** An SS 12000 source of the organisation (no schools mapped, nothing listening: a run ends at once). */
    async ss12000Source(organisation: string, options: { name?: string; baseUrl?: string } = {}): Promise<string> {
      const row = await one(
        `INSERT INTO ss12000_source (organisation_id, name, base_url, auth_type) VALUES ($1, $2, $3, 'none') RETURNING id`,
        [organisation, options.name ?? `Källa ${run}-${next()}`, options.baseUrl ?? 'http://127.0.0.1:9/v2'],
      );
      return row.id;
    },

    /** A finished, successful manual sync run of the source. */
    async syncRun(source: string): Promise<string> {
      const row = await one(
        `INSERT INTO ss12000_sync_run (source_id, status, trigger, started_at, finished_at)
         VALUES ($1, 'succeeded', 'manual', now(), now()) RETURNING id`,
        [source],
      );
      return row.id;
    },

    /** A retention run going on (as if another instance had started one on its schedule). */
    async retentionRunGoingOn(): Promise<string> {
      const row = await one(
        `INSERT INTO retention_run (trigger, clock_at) VALUES ('schedule', now()) RETURNING id`,
        [],
      );
      return row.id;
    },

    /** A notification for `recipient` (`review.due` about nothing unless options say otherwise), unread. */
    async notification(
      recipient: string,
      options: {
        kind?: string;
        caseId?: string | null;
        title?: string;
        link?: string;
        dedupeKey?: string;
        createdAt?: string | Date;
      } = {},
    ): Promise<string> {
      const row = await one(
        `INSERT INTO notification (recipient_id, kind, case_id, title, link, dedupe_key, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7::timestamptz, now())) RETURNING id`,
        [
          recipient,
          options.kind ?? 'review.due',
          options.caseId ?? null,
          options.title ?? 'Test',
          options.link ?? '/notifications',
          options.dedupeKey ?? `given:${run}:${next()}`,
          options.createdAt ?? null,
        ],
      );
      return row.id;
    },

    /** A mail of the notification waiting in the outbox; returns its message id. */
    async mail(
      notificationId: string,
      options: { recipient?: string; subject?: string; body?: string; messageId?: string } = {},
    ): Promise<string> {
      const row = await one(
        `INSERT INTO mail_outbox (notification_id, recipient, subject, body, message_id)
         VALUES ($1, $2, $3, $4, $5) RETURNING message_id`,
        [
          notificationId,
          options.recipient ?? 'test@narvaro.test',
          options.subject ?? 'Nytt i Närvaroteam',
          options.body ?? 'x',
          options.messageId ?? `<given-${run}-${next()}@narvaro.test>`,
        ],
      );
      return row.message_id;
    },

    /**
     * Lessons of the pupil (`source` manual unless given), and its per-day aggregate brought up to
     * date as the app's writers do (`refreshDays: false` leaves `attendance_day` alone).
     */
    async lessons(pupil: Ref, rows: LessonRow[], options: { refreshDays?: boolean } = {}): Promise<void> {
      for (const r of rows) {
        await db.query(
          `INSERT INTO attendance_lesson (student_id, lesson_date, start_time, offered_minutes, attended_minutes,
                                          valid_absence_minutes, invalid_absence_minutes, reason, source)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            idOf(pupil),
            r.date,
            r.start ?? '08:00',
            r.offered ?? 60,
            r.attended,
            r.valid ?? 0,
            r.invalid ?? 0,
            r.reason ?? null,
            r.source ?? 'manual',
          ],
        );
      }
      if (options.refreshDays === false || rows.length === 0) return;
      await db.query(
        `INSERT INTO attendance_day (student_id, day, lessons, offered_minutes, valid_absence_minutes, invalid_absence_minutes)
         SELECT student_id, lesson_date, count(*), sum(offered_minutes), sum(valid_absence_minutes), sum(invalid_absence_minutes)
           FROM attendance_lesson
          WHERE student_id = $1 AND lesson_date = ANY($2::date[]) AND reported
          GROUP BY student_id, lesson_date
         ON CONFLICT (student_id, day) DO UPDATE
            SET lessons = excluded.lessons, offered_minutes = excluded.offered_minutes,
                valid_absence_minutes = excluded.valid_absence_minutes,
                invalid_absence_minutes = excluded.invalid_absence_minutes`,
        [idOf(pupil), [...new Set(rows.map((r) => r.date))]],
      );
    },

    /**
     * A 60-minute lesson at 08:00 on each weekday of the last `weeks` weeks up to yesterday, every
     * `absentEvery`-th missed (invalid absence): enough for figures and weeks on every screen.
     */
    async recentLessons(pupil: Ref, options: { weeks?: number; absentEvery?: number } = {}): Promise<void> {
      const absentEvery = options.absentEvery ?? 3;
      const rows: LessonRow[] = [];
      const today = swedishDate();
      for (let back = 7 * (options.weeks ?? 4); back >= 1; back--) {
        const date = addDays(today, -back);
        const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
        if (weekday === 0 || weekday === 6) continue;
        const absent = rows.length % absentEvery === 0;
        rows.push({ date, attended: absent ? 0 : 60, invalid: absent ? 60 : 0 });
      }
      await given.lessons(pupil, rows);
    },

    /** The pupil's attendance days, replacing any it had. */
    async days(pupil: Ref, rows: DayRow[]): Promise<void> {
      await db.query(`DELETE FROM attendance_day WHERE student_id = $1`, [idOf(pupil)]);
      await given.addDays(pupil, rows);
    },

    /** More attendance days for the pupil. */
    async addDays(pupil: Ref, rows: DayRow[]): Promise<void> {
      for (const [day, offered, valid, invalid, lessons] of rows) {
        await db.query(
          `INSERT INTO attendance_day (student_id, day, lessons, offered_minutes, valid_absence_minutes, invalid_absence_minutes)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [idOf(pupil), day, lessons ?? 5, offered, valid, invalid],
        );
      }
    },
  };
  return given;
}

export type Given = ReturnType<typeof givenFor>;
