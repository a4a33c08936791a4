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
import { addDays, isIsoDate, swedishDate, swedishDaySql } from '@app/calendar';
import { ApiProblems, ForbiddenError, NotFoundError, ValidationError } from '@app/http';
import { CASE_STATUSES } from '../cases.dto';
import { FOLLOW_UP_MONTHS, NEW_INTERVENTIONS } from './follow-ups';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Cells counting fewer pupils than this are suppressed (null), as are figures derived from them. */
export const MIN_CELL = 5;

const SUPPRESSION_RULE =
  `Small cells are suppressed so that no pupil can be recognised: every count of fewer than ${MIN_CELL} pupils ` +
  '(zero included) is null and named in `suppressed`; a median or share computed from fewer than ' +
  `${MIN_CELL} pupils is null too; and a yes/no count (reached, back in school or work, each kind of new ` +
  `intervention) is null when either it or its complement within the group is below ${MIN_CELL}, ` +
  'since the complement could be derived from it.';

export class OutcomeStatsQuery {
  @ApiPropertyOptional({ format: 'date', description: 'First day of the period. Default: a year before `to`.' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day of the period. Default: today.' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

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
    type: Object,
    description: `Follow-ups that needed a new intervention, per kind (${NEW_INTERVENTIONS.join(', ')}); null when suppressed.`,
    example: { social_services: 7, bup: null, habilitation: null, other: null },
  })
  newInterventions: Record<string, number | null>;
  @ApiProperty({ type: Number, nullable: true, description: 'Median attendance % in the 4 weeks before recording.' })
  medianAttendancePercent: number | null;
}

export class OutcomeStatsDto {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null: the whole organisation.' })
  schoolId: string | null;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({
    type: Object,
    description: 'Cases opened in the period, by their status now.',
    example: { open: null, mapping: null, plan_active: 6, follow_up: null, closed: 12 },
  })
  casesByStatus: Record<string, number | null>;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Median whole days from opening to the plan agreed, over cases opened in the period.',
  })
  medianDaysToPlan: number | null;
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

/** A count with the number of distinct pupils behind it. */
interface Cell {
  n: number;
  p: number;
}

const round = (value: number | string | null, decimals: number) =>
  value === null ? null : Math.round(Number(value) * 10 ** decimals) / 10 ** decimals;

/**
 * Outcome statistics (resultat) for an organisation or one of its schools, in the manner of
 * the MST follow-up figures: all computed by SQL aggregates, small cells suppressed.
 */
@Injectable()
export class OutcomeStatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async outcomes(caller: Caller, query: OutcomeStatsQuery): Promise<OutcomeStatsDto> {
    const to = query.to ?? swedishDate();
    const from = query.from ?? addDays(to, -365);
    if (!isIsoDate(from) || !isIsoDate(to) || from > to) {
      throw new ValidationError([{ field: 'from', message: 'from and to must be real dates, from not after to' }]);
    }
    const schoolId = await this.resolveSchool(caller, query.schoolId);
    const params = [caller.organisationId, schoolId, from, to];
    const scope = `SELECT c.* FROM support_case c JOIN agency a ON a.id = c.school_id
                    WHERE a.organisation_id = $1 AND ($2::uuid IS NULL OR c.school_id = $2::uuid)`;
    const openedInPeriod = `${swedishDaySql('c.opened_at')} BETWEEN $3::date AND $4::date`;
    const closedInPeriod = `${swedishDaySql('c.closed_at')} BETWEEN $3::date AND $4::date`;
    const q = this.dataSource;

    const byStatus: ({ status: string } & Cell)[] = await q.query(
      `SELECT c.status, count(*)::int AS n, count(DISTINCT c.student_id)::int AS p
         FROM (${scope}) c WHERE ${openedInPeriod} GROUP BY c.status`,
      params,
    );
    const [toPlan]: (Cell & { median: number | null })[] = await q.query(
      `SELECT count(*)::int AS n, count(DISTINCT c.student_id)::int AS p,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ${swedishDaySql('c.plan_agreed_at')} - ${swedishDaySql('c.opened_at')}) AS median
         FROM (${scope}) c WHERE ${openedInPeriod} AND c.plan_agreed_at IS NOT NULL`,
      params,
    );
    const [goals]: { n: number; p: number; reached_n: number; reached_p: number; other_p: number }[] = await q.query(
      `SELECT count(*)::int AS n, count(DISTINCT c.student_id)::int AS p,
              count(*) FILTER (WHERE r.goal_reached)::int AS reached_n,
              count(DISTINCT c.student_id) FILTER (WHERE r.goal_reached)::int AS reached_p,
              count(DISTINCT c.student_id) FILTER (WHERE r.goal_reached IS NOT TRUE)::int AS other_p
         FROM (${scope}) c JOIN case_plan pl ON pl.case_id = c.id
         LEFT JOIN LATERAL (SELECT r.goal_reached FROM plan_review r WHERE r.case_id = c.id
                             ORDER BY r.reviewed_on DESC, r.created_at DESC LIMIT 1) r ON true
        WHERE ${openedInPeriod}
          AND EXISTS (SELECT 1 FROM plan_goal g WHERE g.plan_id = pl.id AND g.removed_at IS NULL
                         AND g.target_attendance_percent IS NOT NULL)`,
      params,
    );
    // Each yes/no count comes with the distinct pupils on both sides, for the complement rule.
    const flags: [string, string][] = [
      ['back', 'f.school_or_work_20h'],
      ...NEW_INTERVENTIONS.map((kind): [string, string] => [kind, `'${kind}' = ANY (f.new_interventions)`]),
    ];
    const followUps: Record<string, number | null>[] = await q.query(
      `SELECT f.months, count(*)::int AS n, count(DISTINCT c.student_id)::int AS p,
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
        WHERE ${closedInPeriod} AND f.recorded_at IS NOT NULL
        GROUP BY f.months`,
      params,
    );

    const suppressed: string[] = [];
    /** The count, or null (and listed) when fewer than MIN_CELL pupils are behind it or its complement. */
    const cell = (name: string, n: number, p: number, otherP = MIN_CELL): number | null => {
      if (p < MIN_CELL || otherP < MIN_CELL) {
        suppressed.push(name);
        return null;
      }
      return n;
    };
    const derived = (name: string, value: number | null, p: number): number | null => {
      if (p < MIN_CELL || value === null) {
        suppressed.push(name);
        return null;
      }
      return value;
    };

    const casesByStatus = Object.fromEntries(
      CASE_STATUSES.map((status) => {
        const row = byStatus.find((r) => r.status === status) ?? { n: 0, p: 0 };
        return [status, cell(`casesByStatus.${status}`, row.n, row.p)];
      }),
    );
    const medianDaysToPlan = derived('medianDaysToPlan', round(toPlan.median, 1), toPlan.p);

    let plansWithAttendanceGoal: AttendanceGoalStatsDto | null = null;
    if (goals.p < MIN_CELL) suppressed.push('plansWithAttendanceGoal');
    else {
      const reached = cell('plansWithAttendanceGoal.reached', goals.reached_n, goals.reached_p, goals.other_p);
      plansWithAttendanceGoal = {
        count: goals.n,
        reached,
        share: reached === null ? null : round(reached / goals.n, 3),
      };
      if (reached === null) suppressed.push('plansWithAttendanceGoal.share');
    }

    const followUpStats = Object.fromEntries(
      FOLLOW_UP_MONTHS.map((months) => {
        const row = followUps.find((r) => Number(r.months) === months);
        const at = (key: string) => Number(row?.[key] ?? 0);
        const prefix = `followUps.${months}`;
        const recorded = cell(`${prefix}.recorded`, at('n'), at('p'));
        // Nothing inside a suppressed group is shown.
        const inner = (name: string, key: string) =>
          recorded === null
            ? (suppressed.push(`${prefix}.${name}`), null)
            : cell(`${prefix}.${name}`, at(`${key}_n`), at(`${key}_p`), at(`${key}_other_p`));
        const stats: FollowUpStatsDto = {
          recorded,
          backInSchoolOrWork20h: inner('backInSchoolOrWork20h', 'back'),
          newInterventions: Object.fromEntries(
            NEW_INTERVENTIONS.map((kind) => [kind, inner(`newInterventions.${kind}`, kind)]),
          ),
          medianAttendancePercent: derived(
            `${prefix}.medianAttendancePercent`,
            round(row?.median ?? null, 1),
            recorded === null ? 0 : at('attendance_p'),
          ),
        };
        return [String(months), stats];
      }),
    );

    await this.access.logList(caller, 'stats.outcomes', schoolId ? 'school' : 'organisation', [
      schoolId ?? caller.organisationId,
    ]);
    return {
      organisationId: caller.organisationId,
      schoolId,
      from,
      to,
      casesByStatus,
      medianDaysToPlan,
      plansWithAttendanceGoal,
      followUps: followUpStats,
      suppressed,
    };
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
    summary: 'Outcome statistics (resultat) of an organisation or school for a period, small cells suppressed',
    description:
      'Cases by status, the median lead time to an agreed plan and the share of plans whose attendance goal was ' +
      'reached count the cases **opened** in [from, to]; the follow-up results at 6 and 18 months count the ' +
      'recorded follow-ups of cases **closed** in [from, to]. ' +
      SUPPRESSION_RULE,
  })
  @ApiOkResponse({ type: OutcomeStatsDto })
  @ApiProblems(400, 403, 404)
  outcomes(@CurrentCaller() caller: Caller, @Query() query: OutcomeStatsQuery): Promise<OutcomeStatsDto> {
    return this.stats.outcomes(caller, query);
  }
}
