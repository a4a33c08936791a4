import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessService, Caller, CurrentCaller, RequirePermission } from '@app/access';
import { addDays, swedishDate } from '@app/calendar';
import { ApiProblems, decodeCursor, Page, PageQuery, pageSchema, toPage } from '@app/http';
import { CASE_STATUSES } from '../cases.dto';
import { RECORDABLE_DAYS_BEFORE_DUE } from './follow-ups';

/** A review counts as held for a review date when it was recorded at most this many days before it. */
export const REVIEW_EARLY_DAYS = 7;

export class DueListQuery extends PageQuery {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 365,
    default: 30,
    description: 'Also list what falls due within this many days from today (overdue items are always listed).',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  withinDays: number = 30;
}

class DueCaseDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ example: 'NT-2026-0001' }) reference: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: string;
  @ApiProperty({ format: 'uuid' }) studentId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() className: string;
  @ApiProperty({ description: "The case's coordinator (display name)." }) coordinator: string;
}

export class ReviewDueDto extends DueCaseDto {
  @ApiProperty({ format: 'date', description: "A review date of the plan (the plan's reviewDates)." })
  reviewDate: string;
  @ApiProperty({ format: 'date', type: String, nullable: true, description: "The case's latest review, if any." })
  lastReviewedOn: string | null;
}

export class FollowUpDueDto extends DueCaseDto {
  @ApiProperty({ format: 'uuid' }) followUpId: string;
  @ApiProperty({ enum: [6, 18], description: 'Months after closure.' }) months: number;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({
    format: 'date',
    description: `May be recorded from this day (${RECORDABLE_DAYS_BEFORE_DUE} days before due).`,
  })
  recordableFrom: string;
}

interface DueRow {
  key_id: string;
  case_id: string;
  reference: string;
  status: string;
  student_id: string;
  first_name: string;
  last_name: string;
  class_name: string;
  coordinator: string;
  due: string;
  last_reviewed_on?: string | null;
  months?: number;
}

const CASE_COLUMNS = `c.id AS case_id, c.reference, c.status, s.id AS student_id, s.first_name, s.last_name, s.class_name,
                      u.display_name AS coordinator`;

const toCase = (r: DueRow): DueCaseDto => ({
  caseId: r.case_id,
  reference: r.reference,
  status: r.status,
  studentId: r.student_id,
  firstName: r.first_name,
  lastName: r.last_name,
  className: r.class_name,
  coordinator: r.coordinator,
});

/**
 * Elevhälsa's work lists: the plans' review dates without a review, and the follow-ups after
 * closure not yet recorded, of the cases the caller coordinates at its school. Oldest due first.
 */
@Injectable()
export class DueListsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async reviews(caller: Caller, query: DueListQuery): Promise<Page<ReviewDueDto>> {
    const { sql, params } = this.page(caller, query, 'd', 'c.id');
    const rows: DueRow[] = await this.dataSource.query(
      `SELECT c.id AS key_id, ${CASE_COLUMNS}, to_char(d, 'YYYY-MM-DD') AS due,
              (SELECT to_char(max(r.reviewed_on), 'YYYY-MM-DD') FROM plan_review r WHERE r.case_id = c.id) AS last_reviewed_on
         FROM case_plan cp JOIN support_case c ON c.id = cp.case_id JOIN student s ON s.id = c.student_id
              JOIN app_user u ON u.id = c.coordinator_id, unnest(cp.review_dates) AS d
        WHERE c.status <> 'closed'
          AND NOT EXISTS (SELECT 1 FROM plan_review r WHERE r.case_id = c.id AND r.reviewed_on >= d - ${REVIEW_EARLY_DAYS})
          AND ${sql}`,
      params,
    );
    const page = toPage(
      rows,
      query.limit,
      (r) => [r.due, r.key_id],
      (r): ReviewDueDto => ({ ...toCase(r), reviewDate: r.due, lastReviewedOn: r.last_reviewed_on ?? null }),
    );
    await this.access.logList(caller, 'plan.review.due', 'case', [...new Set(page.items.map((i) => i.caseId))]);
    return page;
  }

  async followUps(caller: Caller, query: DueListQuery): Promise<Page<FollowUpDueDto>> {
    const { sql, params } = this.page(caller, query, 'f.due_on', 'f.id');
    const rows: DueRow[] = await this.dataSource.query(
      `SELECT f.id AS key_id, ${CASE_COLUMNS}, to_char(f.due_on, 'YYYY-MM-DD') AS due, f.months
         FROM case_follow_up f JOIN support_case c ON c.id = f.case_id JOIN student s ON s.id = c.student_id
              JOIN app_user u ON u.id = c.coordinator_id
        WHERE f.recorded_at IS NULL AND c.status = 'closed' AND ${sql}`,
      params,
    );
    const page = toPage(
      rows,
      query.limit,
      (r) => [r.due, r.key_id],
      (r): FollowUpDueDto => ({
        ...toCase(r),
        followUpId: r.key_id,
        months: r.months!,
        dueOn: r.due,
        recordableFrom: addDays(r.due, -RECORDABLE_DAYS_BEFORE_DUE),
      }),
    );
    await this.access.logList(caller, 'followUp.due', 'case', [...new Set(page.items.map((i) => i.caseId))]);
    return page;
  }

  /** The shared tail of both lists: the caller's school's cases, due by the horizon, keyset order. */
  private page(caller: Caller, query: DueListQuery, dateColumn: string, idColumn: string) {
    const cursor = decodeCursor(query.cursor, ['date', 'uuid']);
    const scope = this.access.scope(caller, 'case', 'c.id', 1);
    // Coordination is the school's own: an outside agency's cases never appear here.
    const params: unknown[] = [...scope.params, caller.agencyId, addDays(swedishDate(), query.withinDays)];
    const where = [scope.sql, `c.school_id = $${params.length - 1}`, `${dateColumn} <= $${params.length}::date`];
    if (cursor) {
      params.push(...cursor);
      where.push(`(${dateColumn}, ${idColumn}) > ($${params.length - 1}::date, $${params.length}::uuid)`);
    }
    params.push(query.limit + 1);
    return {
      sql: `${where.join(' AND ')} ORDER BY ${dateColumn}, ${idColumn} LIMIT $${params.length}`,
      params,
    };
  }
}

@ApiTags('plan')
@Controller()
export class DueListsController {
  constructor(private readonly due: DueListsService) {}

  @Get('reviews/due')
  @RequirePermission('case.manage')
  @ApiOperation({
    summary:
      "Elevhälsa's reviews due (avstämningar): review dates of the school's open cases' plans with no review recorded " +
      `from ${REVIEW_EARLY_DAYS} days before, oldest first`,
  })
  @ApiOkResponse({ type: pageSchema(ReviewDueDto) })
  @ApiProblems(400, 403)
  reviews(@CurrentCaller() caller: Caller, @Query() query: DueListQuery): Promise<Page<ReviewDueDto>> {
    return this.due.reviews(caller, query);
  }

  @Get('follow-ups/due')
  @RequirePermission('case.manage')
  @ApiOperation({
    summary:
      "Elevhälsa's follow-ups due: the 6- and 18-month follow-ups of the school's closed cases not yet recorded, oldest first",
  })
  @ApiOkResponse({ type: pageSchema(FollowUpDueDto) })
  @ApiProblems(400, 403)
  followUps(@CurrentCaller() caller: Caller, @Query() query: DueListQuery): Promise<Page<FollowUpDueDto>> {
    return this.due.followUps(caller, query);
  }
}
