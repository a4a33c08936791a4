import { Body, Controller, Get, Injectable, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Caller, CurrentCaller, RequirePermission } from '@app/access';
import { addDays, isIsoDate, swedishDate } from '@app/calendar';
import { ApiProblems, pageSchema, PersonRefDto, UnprocessableError, ValidationError } from '@app/http';
import { CaseAccess, requireActive } from '../case-access';
import { recordEvent } from '../timeline';
import { attendancePercent, toNumber } from './attendance-percent';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class RecordReviewDto {
  @ApiProperty({ format: 'date', example: '2026-11-23', description: 'The day of the review (not in the future).' })
  @Matches(DATE, { message: 'reviewedOn must be a date YYYY-MM-DD' })
  reviewedOn: string;

  @ApiProperty({ description: "Whether the plan's goal was reached (the team's judgement at the review)." })
  @IsBoolean()
  goalReached: boolean;

  @ApiPropertyOptional({ description: 'What the team decided (beslut).', maxLength: 4000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  decisions?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 26,
    default: 4,
    description: 'Length in weeks of both measured periods: before the plan started and up to the review.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(26)
  periodWeeks?: number;
}

export class AttendancePeriodDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Närvaro: 100 − absence % of offered minutes, one decimal; null when no lessons were offered.',
  })
  attendancePercent: number | null;
}

export class ReviewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ format: 'date' }) reviewedOn: string;
  @ApiProperty({ type: AttendancePeriodDto, description: 'The weeks before the plan started (computed).' })
  before: AttendancePeriodDto;
  @ApiProperty({ type: AttendancePeriodDto, description: 'The weeks up to the review, from the plan start at most.' })
  after: AttendancePeriodDto;
  @ApiProperty() goalReached: boolean;
  @ApiProperty({ type: String, nullable: true }) decisions: string | null;
  @ApiProperty({ type: PersonRefDto }) recordedBy: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

interface ReviewRow {
  id: string;
  case_id: string;
  reviewed_on: string;
  period_before_from: string;
  period_before_to: string;
  attendance_before_percent: string | null;
  period_after_from: string;
  period_after_to: string;
  attendance_after_percent: string | null;
  goal_reached: boolean;
  decisions: string | null;
  recorded_by: string;
  recorded_by_name: string;
  created_at: Date;
}

const REVIEW_SELECT = `SELECT r.id, r.case_id, to_char(r.reviewed_on, 'YYYY-MM-DD') AS reviewed_on,
         to_char(r.period_before_from, 'YYYY-MM-DD') AS period_before_from, to_char(r.period_before_to, 'YYYY-MM-DD') AS period_before_to,
         r.attendance_before_percent,
         to_char(r.period_after_from, 'YYYY-MM-DD') AS period_after_from, to_char(r.period_after_to, 'YYYY-MM-DD') AS period_after_to,
         r.attendance_after_percent, r.goal_reached, r.decisions, r.recorded_by, u.display_name AS recorded_by_name, r.created_at
    FROM plan_review r JOIN app_user u ON u.id = r.recorded_by`;

const toDto = (r: ReviewRow): ReviewDto => ({
  id: r.id,
  caseId: r.case_id,
  reviewedOn: r.reviewed_on,
  before: {
    from: r.period_before_from,
    to: r.period_before_to,
    attendancePercent: toNumber(r.attendance_before_percent),
  },
  after: { from: r.period_after_from, to: r.period_after_to, attendancePercent: toNumber(r.attendance_after_percent) },
  goalReached: r.goal_reached,
  decisions: r.decisions,
  recordedBy: { id: r.recorded_by, displayName: r.recorded_by_name },
  createdAt: r.created_at.toISOString(),
});

/**
 * The day the plan started: its first version, else the plan row, else the case's opening (no
 * plan yet). A Swedish calendar day.
 */
export async function planStartedOn(manager: EntityManager, caseId: string): Promise<string> {
  const [row]: { started: Date }[] = await manager.query(
    `SELECT coalesce(
              (SELECT min(v.changed_at) FROM plan_version v JOIN case_plan p ON p.id = v.plan_id WHERE p.case_id = c.id),
              (SELECT p.created_at FROM case_plan p WHERE p.case_id = c.id),
              c.opened_at) AS started
       FROM support_case c WHERE c.id = $1`,
    [caseId],
  );
  return swedishDate(row.started);
}

/**
 * Reviews (uppföljning vid avstämning): attendance before the plan and up to the review, both
 * computed from the attendance data, the goal reached or not, and the decisions.
 */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseAccess,
    private readonly access: AccessService,
  ) {}

  async list(caller: Caller, caseId: string): Promise<ReviewDto[]> {
    // The plan and what follows from it: an outside agency needs consent scope `plan`, and `attendance` for figures.
    const facts = await this.cases.require(caller, caseId, { action: 'read', log: 'plan.review.list' });
    await this.cases.requireScope(caller, facts, 'plan', 'plan.review.list');
    const figures = facts.scopes.has('attendance');
    const rows: ReviewRow[] = await this.dataSource.query(
      `${REVIEW_SELECT} WHERE r.case_id = $1 ORDER BY r.reviewed_on, r.created_at, r.id`,
      [caseId],
    );
    return rows
      .map(toDto)
      .map((r) =>
        figures
          ? r
          : { ...r, before: { ...r.before, attendancePercent: null }, after: { ...r.after, attendancePercent: null } },
      );
  }

  async record(caller: Caller, caseId: string, dto: RecordReviewDto): Promise<ReviewDto> {
    if (!isIsoDate(dto.reviewedOn)) {
      throw new ValidationError([
        { field: 'reviewedOn', code: 'invalid-date', message: 'reviewedOn must be a real date' },
      ]);
    }
    const weeks = dto.periodWeeks ?? 4;
    return this.dataSource.transaction(async (manager) => {
      const facts = await this.cases.requireCoordination(caller, caseId, { log: 'plan.review', tx: manager });
      requireActive(facts);
      const started = await planStartedOn(manager, caseId);
      const problems = [];
      if (dto.reviewedOn > swedishDate()) {
        problems.push({
          field: 'reviewedOn',
          code: 'in-future',
          message: 'a review cannot be recorded for a future day',
        });
      } else if (dto.reviewedOn < started) {
        problems.push({
          field: 'reviewedOn',
          code: 'before-plan-start',
          message: `the plan started on ${started}; a review comes after it`,
        });
      }
      if (problems.length) throw new UnprocessableError('The review cannot be recorded.', { errors: problems });

      const before = { from: addDays(started, -7 * weeks), to: addDays(started, -1) };
      const afterFrom = addDays(dto.reviewedOn, -7 * weeks + 1);
      const after = { from: afterFrom < started ? started : afterFrom, to: dto.reviewedOn };
      const beforePercent = await attendancePercent(manager, facts.studentId, before.from, before.to);
      const afterPercent = await attendancePercent(manager, facts.studentId, after.from, after.to);
      const [{ id }] = await manager.query(
        `INSERT INTO plan_review (case_id, reviewed_on, period_before_from, period_before_to, attendance_before_percent,
                                  period_after_from, period_after_to, attendance_after_percent, goal_reached, decisions, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          caseId,
          dto.reviewedOn,
          before.from,
          before.to,
          beforePercent,
          after.from,
          after.to,
          afterPercent,
          dto.goalReached,
          dto.decisions?.trim() ?? null,
          caller.userId,
        ],
      );
      await recordEvent(manager, caseId, caller, 'plan.reviewed', { reviewId: id, goalReached: dto.goalReached });
      await this.access.logChange(caller, 'plan.review', 'plan_review', [id], manager);
      const [row]: ReviewRow[] = await manager.query(`${REVIEW_SELECT} WHERE r.id = $1`, [id]);
      return toDto(row);
    });
  }
}

@ApiTags('plan')
@Controller('cases/:id/reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @RequirePermission('case.read')
  @ApiOperation({ summary: "The plan's reviews, oldest first (outside agencies: consent scope plan)" })
  @ApiOkResponse({ type: pageSchema(ReviewDto) })
  @ApiProblems(400, 403, 404)
  async list(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string) {
    return { items: await this.reviews.list(caller, id), nextCursor: null };
  }

  @Post()
  @RequirePermission('case.manage')
  @ApiOperation({
    summary:
      'Record a review (avstämning): attendance in the weeks before the plan and up to the review is computed from attendance data',
  })
  @ApiCreatedResponse({ type: ReviewDto })
  @ApiProblems(400, 403, 404, 409, 422)
  record(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: RecordReviewDto,
  ): Promise<ReviewDto> {
    return this.reviews.record(caller, id, dto);
  }
}
