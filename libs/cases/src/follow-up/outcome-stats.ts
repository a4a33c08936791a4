import { Controller, Get, Injectable, Query } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessService, Caller, CurrentCaller, RequirePermission } from '@app/access';
import {
  addDays,
  swedishDate,
  swedishDaySql,
  TERM_CODE,
  TermBounds,
  termBounds,
  TermDates,
  termOf,
} from '@app/calendar';
import { ApiProblems, ForbiddenError, NotFoundError, ValidationError } from '@app/http';
import { OrganisationTermsService, TermDto } from '@app/identity';
import { CASE_STATUSES } from '../cases.dto';
import { FOLLOW_UP_MONTHS, NEW_INTERVENTIONS } from './follow-ups';
import { LEAD_TIME_MEASURES, LEAD_TIMES_SELECT, leadTimeDaysSql, wholeDays } from '../lead-times.sql';
import { CountCells, DerivedCells, MIN_CELL, ORGANISATION, suppressSmallCells } from './suppression.rules';

/** How many terms the chooser offers: the current one and those before it. */
const CHOOSABLE_TERMS = 4;
/** Terms before this year are unknown (400): nothing was recorded then. */
const FIRST_YEAR = 2000;

const SUPPRESSION_RULE =
  `Small cells are suppressed so that no pupil can be recognised: every count of fewer than ${MIN_CELL} pupils ` +
  '(zero included) is null and named in `suppressed`; a median or share computed from fewer than ' +
  `${MIN_CELL} pupils is null too; and a yes/no count (reached, back in school or work, each kind of new ` +
  `intervention) is null when either it or its complement within the group is below ${MIN_CELL}, ` +
  'since the complement could be derived from it. Complementary suppression: the figures are decided once for ' +
  'the whole organisation and all its schools, so an admin and each school see the same cells; for every count ' +
  `the organisation's figure minus the shown schools' figures is 0 or at least ${MIN_CELL} (also without any one ` +
  "hidden school, whose staff know its figures), otherwise more schools' figures, or the organisation's, are null. " +
  'Periods are whole terms, so no two periods overlap.';

export class OutcomeStatsQuery {
  @ApiPropertyOptional({
    example: '2026HT',
    description:
      "A term that has begun: year and HT (autumn) or VT (spring), bounded by the organisation's term dates " +
      '(`GET /organisation/terms`; default HT 15 Aug–15 Jan, VT 16 Jan–14 Aug). Default: the current term (Swedish time).',
  })
  @IsOptional()
  @Matches(TERM_CODE, { message: 'term must be a term such as 2026HT or 2027VT' })
  term?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'A school of your organisation. Principals and elevhälsa: their own school only (the default); admins: default the whole organisation.',
  })
  @IsOptional()
  @IsUUID()
  schoolId?: string;
}

export class AttendanceGoalStatsDto {
  @ApiProperty({ description: 'Plans (of cases opened in the period) with an attendance target in a goal.' })
  count: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "Of those, plans whose latest review recorded the goal as reached (a plan not yet reviewed hasn't).",
  })
  reached: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'reached / count, three decimals.' })
  share: number | null;
}

export class FollowUpStatsDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Follow-ups recorded (of cases closed in the period).' })
  recorded: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'In school or work at least 20 h/week.' })
  backInSchoolOrWork20h: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number', nullable: true },
    description: `Follow-ups that needed a new intervention, per kind (${NEW_INTERVENTIONS.join(', ')}); null when suppressed.`,
    example: { social_services: 7, bup: null, habilitation: null, other: null },
  })
  newInterventions: Record<string, number | null>;
  @ApiProperty({ type: Number, nullable: true, description: 'Median attendance % in the 4 weeks before recording.' })
  medianAttendancePercent: number | null;
}

export class LeadTimeFigureDto {
  @ApiProperty({ enum: LEAD_TIME_MEASURES, example: 'openedToPlanAgreed' }) measure: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Median whole days between the two steps, over cases opened in the term that reached both.',
  })
  medianDays: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '90th percentile, whole days.' })
  p90Days: number | null;
}

export class OutcomeStatsDto {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null: the whole organisation.' })
  schoolId: string | null;
  @ApiProperty({ example: '2026HT', description: 'The term the figures are for.' }) term: string;
  @ApiProperty({ format: 'date', description: 'First day of the term.' }) from: string;
  @ApiProperty({ format: 'date', description: 'Last day of the term (inclusive).' }) to: string;
  @ApiProperty({
    type: [TermDto],
    description: `The current term and the ${CHOOSABLE_TERMS - 1} before it, newest first: the terms to choose from.`,
  })
  terms: TermDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number', nullable: true },
    description: 'Cases opened in the period, by their status now.',
    example: { open: null, mapping: null, plan_active: 6, follow_up: null, closed: 12 },
  })
  casesByStatus: Record<string, number | null>;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Median whole days from opening to the plan agreed, over cases opened in the period (rounded).',
  })
  medianDaysToPlan: number | null;
  @ApiProperty({
    type: [LeadTimeFigureDto],
    description:
      'Lead times of the cases opened in the term, per measure (first signal → flag → case opened → first agency ' +
      'accepted → first meeting → plan agreed): median and 90th percentile in whole days, null (named in ' +
      '`suppressed` as `leadTimes.<measure>.median`/`.p90`) when fewer than 5 pupils are behind them.',
  })
  leadTimes: LeadTimeFigureDto[];
  @ApiProperty({ type: AttendanceGoalStatsDto, nullable: true, description: 'Null when fewer than 5 pupils.' })
  plansWithAttendanceGoal: AttendanceGoalStatsDto | null;
  @ApiProperty({
    type: Object,
    description: 'Follow-up results by months after closure ("6", "18"), over cases closed in the period.',
    additionalProperties: { $ref: '#/components/schemas/FollowUpStatsDto' },
  })
  followUps: Record<string, FollowUpStatsDto>;
  @ApiProperty({
    type: [String],
    description: 'The cells that are null because of suppression, e.g. `casesByStatus.open`, `followUps.18.recorded`.',
  })
  suppressed: string[];
}

/** A row of an aggregate over GROUPING SETS: one school's, or (total) the whole organisation's. */
interface UnitRow {
  school_id: string | null;
  total: boolean;
}
const unitOf = (row: UnitRow) => (row.total ? ORGANISATION : row.school_id!);

const round = (value: number | string | null, decimals: number) =>
  value === null ? null : Math.round(Number(value) * 10 ** decimals) / 10 ** decimals;

/**
 * The statistics of one term for the organisation and each of its schools, before suppression:
 * the counts and derived figures per unit, and the shown value of each.
 */
interface OutcomeTable {
  schools: string[];
  counts: CountCells[];
  derived: DerivedCells[];
  /** Each derived figure's value per unit (a count's value is its `n`). */
  derivedValues: Map<string, Record<string, number | null>>;
}

/**
 * Outcome statistics (resultat) for an organisation or one of its schools, in the manner of
 * the MST follow-up figures: computed by SQL aggregates for the whole organisation × its schools
 * for one term, suppressed once (suppression.rules.ts), and the caller's slice returned.
 */
@Injectable()
export class OutcomeStatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly organisationTerms: OrganisationTermsService,
  ) {}

  async outcomes(caller: Caller, query: OutcomeStatsQuery): Promise<OutcomeStatsDto> {
    const dates = await this.organisationTerms.termDates(caller.organisationId);
    const today = swedishDate();
    const current = termOf(today, dates);
    // The year is checked first: termBounds cannot date a term past year 9998.
    const year = Number(query.term?.slice(0, 4));
    const known = query.term === undefined || (year >= FIRST_YEAR && year <= Number(today.slice(0, 4)));
    const period = query.term === undefined ? current : known ? termBounds(query.term, dates) : null;
    if (!period || period.from > today) {
      throw new ValidationError([
        { field: 'term', code: 'unknown-term', message: `term must be a term that has begun, such as ${current.term}` },
      ]);
    }
    const schoolId = await this.resolveSchool(caller, query.schoolId);
    const table = await this.table(caller.organisationId, period);
    const suppression = suppressSmallCells(table);
    const unit = schoolId ?? ORGANISATION;

    const values = new Map<string, Record<string, number | null>>(table.derivedValues);
    for (const cells of table.counts) {
      values.set(cells.name, Object.fromEntries(Object.entries(cells.units).map(([u, count]) => [u, count.n])));
    }
    /** The unit's figure, or null when suppressed. A count missing from the rows is 0. */
    const value = (name: string): number | null =>
      suppression.isSuppressed(unit, name) ? null : (values.get(name)?.[unit] ?? 0);

    const casesByStatus = Object.fromEntries(CASE_STATUSES.map((status) => [status, value(`casesByStatus.${status}`)]));
    const goalCount = value('plansWithAttendanceGoal');
    const plansWithAttendanceGoal: AttendanceGoalStatsDto | null =
      goalCount === null
        ? null
        : {
            count: goalCount,
            reached: value('plansWithAttendanceGoal.reached'),
            share: value('plansWithAttendanceGoal.share'),
          };
    const followUps = Object.fromEntries(
      FOLLOW_UP_MONTHS.map((months): [string, FollowUpStatsDto] => {
        const prefix = `followUps.${months}`;
        return [
          String(months),
          {
            recorded: value(`${prefix}.recorded`),
            backInSchoolOrWork20h: value(`${prefix}.backInSchoolOrWork20h`),
            newInterventions: Object.fromEntries(
              NEW_INTERVENTIONS.map((kind) => [kind, value(`${prefix}.newInterventions.${kind}`)]),
            ),
            medianAttendancePercent: value(`${prefix}.medianAttendancePercent`),
          },
        ];
      }),
    );
    // A suppressed group is named once, not with everything inside it.
    const suppressed = suppression
      .of(unit)
      .filter((name) => goalCount !== null || !name.startsWith('plansWithAttendanceGoal.'));

    await this.access.logList(caller, 'stats.outcomes', schoolId ? 'school' : 'organisation', [
      schoolId ?? caller.organisationId,
    ]);
    return {
      organisationId: caller.organisationId,
      schoolId,
      term: period.term,
      from: period.from,
      to: period.to,
      terms: this.choosableTerms(current, dates),
      casesByStatus,
      medianDaysToPlan: value('medianDaysToPlan'),
      leadTimes: LEAD_TIME_MEASURES.map((measure) => ({
        measure,
        medianDays: value(`leadTimes.${measure}.median`),
        p90Days: value(`leadTimes.${measure}.p90`),
      })),
      plansWithAttendanceGoal,
      followUps,
      suppressed,
    };
  }

  private choosableTerms(current: TermBounds, dates: TermDates): TermBounds[] {
    const terms = [current];
    while (terms.length < CHOOSABLE_TERMS) terms.push(termOf(addDays(terms[terms.length - 1].from, -1), dates));
    return terms;
  }

  /** Every figure of the term for the organisation and each of its schools (GROUPING SETS: both at once). */
  private async table(organisationId: string, period: TermBounds): Promise<OutcomeTable> {
    const params = [organisationId, period.from, period.to];
    const scope = `SELECT c.* FROM support_case c JOIN agency a ON a.id = c.school_id WHERE a.organisation_id = $1`;
    const openedInTerm = `${swedishDaySql('c.opened_at')} BETWEEN $2::date AND $3::date`;
    const closedInTerm = `${swedishDaySql('c.closed_at')} BETWEEN $2::date AND $3::date`;
    const unit = `c.school_id, grouping(c.school_id) = 1 AS total`;
    const q = this.dataSource;

    const schools: { id: string }[] = await q.query(
      `SELECT id FROM agency WHERE organisation_id = $1 AND type = 'school' ORDER BY id`,
      [organisationId],
    );
    const byStatus: (UnitRow & { status: string; n: number; p: number })[] = await q.query(
      `SELECT ${unit}, c.status, count(*)::int AS n, count(DISTINCT c.student_id)::int AS p
         FROM (${scope}) c WHERE ${openedInTerm}
        GROUP BY GROUPING SETS ((c.school_id, c.status), (c.status))`,
      params,
    );
    const toPlan: (UnitRow & { p: number; median: number | null })[] = await q.query(
      `SELECT ${unit}, count(DISTINCT c.student_id)::int AS p,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ${swedishDaySql('c.plan_agreed_at')} - ${swedishDaySql('c.opened_at')}) AS median
         FROM (${scope}) c WHERE ${openedInTerm} AND c.plan_agreed_at IS NOT NULL
        GROUP BY GROUPING SETS ((c.school_id), ())`,
      params,
    );
    const leadTimes: (UnitRow & { measure: string; p: number; median: number | null; p90: number | null })[] =
      await q.query(
        `WITH lt AS (${LEAD_TIMES_SELECT} JOIN agency a ON a.id = c.school_id WHERE a.organisation_id = $1 AND ${openedInTerm}),
              days AS (${leadTimeDaysSql('lt')})
         SELECT school_id, grouping(school_id) = 1 AS total, measure,
                count(DISTINCT student_id) FILTER (WHERE d IS NOT NULL)::int AS p,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS median,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY d) AS p90
           FROM days GROUP BY GROUPING SETS ((school_id, measure), (measure))`,
        params,
      );
    const goals: (UnitRow & { n: number; p: number; reached_n: number; reached_p: number; other_p: number })[] =
      await q.query(
        `SELECT ${unit}, count(*)::int AS n, count(DISTINCT c.student_id)::int AS p,
                count(*) FILTER (WHERE r.goal_reached)::int AS reached_n,
                count(DISTINCT c.student_id) FILTER (WHERE r.goal_reached)::int AS reached_p,
                count(DISTINCT c.student_id) FILTER (WHERE r.goal_reached IS NOT TRUE)::int AS other_p
           FROM (${scope}) c JOIN case_plan pl ON pl.case_id = c.id
           LEFT JOIN LATERAL (SELECT r.goal_reached FROM plan_review r WHERE r.case_id = c.id
                               ORDER BY r.reviewed_on DESC, r.created_at DESC LIMIT 1) r ON true
          WHERE ${openedInTerm}
            AND EXISTS (SELECT 1 FROM plan_goal g WHERE g.plan_id = pl.id AND g.removed_at IS NULL
                           AND g.target_attendance_percent IS NOT NULL)
          GROUP BY GROUPING SETS ((c.school_id), ())`,
        params,
      );
    // Each yes/no count comes with the distinct pupils on both sides, for the complement rule.
    const flags: [string, string][] = [
      ['backInSchoolOrWork20h', 'f.school_or_work_20h'],
      ...NEW_INTERVENTIONS.map((kind): [string, string] => [
        `newInterventions.${kind}`,
        `'${kind}' = ANY (f.new_interventions)`,
      ]),
    ];
    const followUps: (UnitRow & Record<string, number | null>)[] = await q.query(
      `SELECT ${unit}, f.months, count(*)::int AS n, count(DISTINCT c.student_id)::int AS p,
              ${flags
                .map(
                  ([name, condition]) =>
                    `count(*) FILTER (WHERE ${condition})::int AS "${name}_n",
                     count(DISTINCT c.student_id) FILTER (WHERE ${condition})::int AS "${name}_p",
                     count(DISTINCT c.student_id) FILTER (WHERE (${condition}) IS NOT TRUE)::int AS "${name}_other_p"`,
                )
                .join(',\n')},
              count(DISTINCT c.student_id) FILTER (WHERE f.attendance_percent IS NOT NULL)::int AS attendance_p,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY f.attendance_percent) AS median
         FROM (${scope}) c JOIN case_follow_up f ON f.case_id = c.id
        WHERE ${closedInTerm} AND f.recorded_at IS NOT NULL
        GROUP BY GROUPING SETS ((c.school_id, f.months), (f.months))`,
      params,
    );

    const counts: CountCells[] = [];
    const derived: DerivedCells[] = [];
    const derivedValues = new Map<string, Record<string, number | null>>();
    /** One count per unit from the rows: n, distinct pupils and, for a yes/no count, the pupils of "no". */
    const countCells = <R extends UnitRow>(
      name: string,
      rows: R[],
      pick: (row: R) => { n: number; pupils: number; complementPupils?: number },
      partOf?: string,
    ) => counts.push({ name, partOf, units: Object.fromEntries(rows.map((row) => [unitOf(row), pick(row)])) });
    const derivedCells = <R extends UnitRow>(
      name: string,
      rows: R[],
      pick: (row: R) => { pupils: number; value: number | null },
      dependsOn?: string[],
    ) => {
      derived.push({ name, dependsOn, pupils: Object.fromEntries(rows.map((row) => [unitOf(row), pick(row).pupils])) });
      derivedValues.set(name, Object.fromEntries(rows.map((row) => [unitOf(row), pick(row).value])));
    };

    for (const status of CASE_STATUSES) {
      countCells(
        `casesByStatus.${status}`,
        byStatus.filter((row) => row.status === status),
        (row) => ({ n: row.n, pupils: row.p }),
      );
    }
    derivedCells('medianDaysToPlan', toPlan, (row) => ({ pupils: row.p, value: wholeDays(row.median) }));
    for (const measure of LEAD_TIME_MEASURES) {
      const rows = leadTimes.filter((row) => row.measure === measure);
      derivedCells(`leadTimes.${measure}.median`, rows, (row) => ({ pupils: row.p, value: wholeDays(row.median) }));
      derivedCells(`leadTimes.${measure}.p90`, rows, (row) => ({ pupils: row.p, value: wholeDays(row.p90) }));
    }
    countCells('plansWithAttendanceGoal', goals, (row) => ({ n: row.n, pupils: row.p }));
    countCells(
      'plansWithAttendanceGoal.reached',
      goals,
      (row) => ({ n: row.reached_n, pupils: row.reached_p, complementPupils: row.other_p }),
      'plansWithAttendanceGoal',
    );
    // A share beside its base gives the count back: it goes wherever the count goes.
    derivedCells(
      'plansWithAttendanceGoal.share',
      goals,
      (row) => ({ pupils: row.p, value: row.n ? round(row.reached_n / row.n, 3) : null }),
      ['plansWithAttendanceGoal.reached'],
    );
    for (const months of FOLLOW_UP_MONTHS) {
      const prefix = `followUps.${months}`;
      const rows = followUps.filter((row) => Number(row.months) === months);
      const at = (row: Record<string, number | string | null>, key: string) => Number(row[key] ?? 0);
      countCells(`${prefix}.recorded`, rows, (row) => ({ n: at(row, 'n'), pupils: at(row, 'p') }));
      for (const [name] of flags) {
        countCells(
          `${prefix}.${name}`,
          rows,
          (row) => ({
            n: at(row, `${name}_n`),
            pupils: at(row, `${name}_p`),
            complementPupils: at(row, `${name}_other_p`),
          }),
          `${prefix}.recorded`,
        );
      }
      derivedCells(
        `${prefix}.medianAttendancePercent`,
        rows,
        (row) => ({ pupils: at(row, 'attendance_p'), value: round(row.median, 1) }),
        [`${prefix}.recorded`],
      );
    }
    // Every school of the organisation is a unit, one without cases too (its zeros are small cells).
    const schoolIds = new Set(schools.map((school) => school.id));
    for (const row of [...byStatus, ...toPlan, ...leadTimes, ...goals, ...followUps])
      if (!row.total) schoolIds.add(row.school_id!);
    return { schools: [...schoolIds], counts, derived, derivedValues };
  }

  /**
   * Whose statistics: admins choose a school of their own organisation or none (all of it);
   * principals and elevhälsa see their own school. Another organisation's school does not exist
   * for the caller (404); another school of the same organisation is not theirs to see (403).
   */
  private async resolveSchool(caller: Caller, schoolId: string | undefined): Promise<string | null> {
    if (schoolId) {
      const [school] = await this.dataSource.query(
        `SELECT 1 FROM agency WHERE id = $1 AND type = 'school' AND organisation_id = $2`,
        [schoolId, caller.organisationId],
      );
      if (!school) throw new NotFoundError('school');
    }
    if (caller.roles.includes('admin')) return schoolId ?? null;
    const ownSchool = caller.agencyType === 'school' ? caller.agencyId : null;
    if (!ownSchool || (schoolId && schoolId !== ownSchool)) {
      throw new ForbiddenError('You see the statistics of your own school only.');
    }
    return ownSchool;
  }
}

@ApiTags('statistics')
@ApiExtraModels(FollowUpStatsDto)
@Controller('stats')
export class OutcomeStatsController {
  constructor(private readonly stats: OutcomeStatsService) {}

  @Get('outcomes')
  @RequirePermission('stats.read')
  @ApiOperation({
    summary: 'Outcome statistics (resultat) of an organisation or school for a term, small cells suppressed',
    description:
      'For one term (`term`, default the current one). Cases by status, the median lead time to an agreed plan and ' +
      'the share of plans whose attendance goal was reached count the cases **opened** in the term; the follow-up ' +
      'results at 6 and 18 months count the recorded follow-ups of cases **closed** in the term. ' +
      SUPPRESSION_RULE,
  })
  @ApiOkResponse({ type: OutcomeStatsDto })
  @ApiProblems(400, 403, 404)
  outcomes(@CurrentCaller() caller: Caller, @Query() query: OutcomeStatsQuery): Promise<OutcomeStatsDto> {
    return this.stats.outcomes(caller, query);
  }
}
