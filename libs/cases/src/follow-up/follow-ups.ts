import { Body, Controller, Get, Injectable, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Caller, CurrentCaller, RequirePermission } from '@app/access';
import { addDays, swedishDate } from '@app/calendar';
import { ApiProblems, ConflictError, pageSchema, PersonRefDto, UnprocessableError, ValidationError } from '@app/http';
import { CaseAccess } from '../case-access';
import { recordEvent } from '../timeline';
import { attendancePercent, toNumber } from './attendance-percent';

export const FOLLOW_UP_MONTHS = [6, 18] as const;
export const NEW_INTERVENTIONS = ['social_services', 'bup', 'habilitation', 'other'] as const;
/** A follow-up may be recorded from two weeks before it is due. */
export const RECORDABLE_DAYS_BEFORE_DUE = 14;
/** Attendance at a follow-up: the last 4 weeks up to the day it is recorded. */
const FOLLOW_UP_ATTENDANCE_DAYS = 28;

export class RecordFollowUpDto {
  @ApiProperty({
    description: 'In school, a work placement or work at least 20 hours a week (fungerande sysselsättning, as in MST).',
  })
  @IsBoolean()
  schoolOrWork20h: boolean;

  @ApiProperty({
    enum: NEW_INTERVENTIONS,
    isArray: true,
    description: 'New interventions needed since closure, by whom; empty for none.',
  })
  @IsArray()
  @ArrayMaxSize(NEW_INTERVENTIONS.length)
  @ArrayUnique()
  @IsIn(NEW_INTERVENTIONS, { each: true })
  newInterventions: (typeof NEW_INTERVENTIONS)[number][];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note?: string;
}

export class FollowUpDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: [...FOLLOW_UP_MONTHS], description: 'Months after closure.' }) months: number;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({
    format: 'date',
    description: `May be recorded from this day (${RECORDABLE_DAYS_BEFORE_DUE} days before due).`,
  })
  recordableFrom: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) recordedAt: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Attendance in the 4 weeks up to recording, computed; null when no lessons were offered.',
  })
  attendancePercent: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) schoolOrWork20h: boolean | null;
  @ApiProperty({ enum: NEW_INTERVENTIONS, isArray: true, nullable: true }) newInterventions: string[] | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) recordedBy: PersonRefDto | null;
}

interface FollowUpRow {
  id: string;
  case_id: string;
  months: number;
  due_on: string;
  recorded_at: Date | null;
  attendance_percent: string | null;
  school_or_work_20h: boolean | null;
  new_interventions: string[] | null;
  note: string | null;
  recorded_by: string | null;
  recorded_by_name: string | null;
}

const FOLLOW_UP_SELECT = `SELECT f.id, f.case_id, f.months, to_char(f.due_on, 'YYYY-MM-DD') AS due_on, f.recorded_at,
         f.attendance_percent, f.school_or_work_20h, f.new_interventions, f.note, f.recorded_by, u.display_name AS recorded_by_name
    FROM case_follow_up f LEFT JOIN app_user u ON u.id = f.recorded_by`;

const toDto = (r: FollowUpRow): FollowUpDto => ({
  id: r.id,
  caseId: r.case_id,
  months: r.months,
  dueOn: r.due_on,
  recordableFrom: addDays(r.due_on, -RECORDABLE_DAYS_BEFORE_DUE),
  recordedAt: r.recorded_at?.toISOString() ?? null,
  attendancePercent: toNumber(r.attendance_percent),
  schoolOrWork20h: r.school_or_work_20h,
  newInterventions: r.new_interventions,
  note: r.note,
  recordedBy: r.recorded_by ? { id: r.recorded_by, displayName: r.recorded_by_name! } : null,
});

/**
 * Schedules the follow-ups 6 and 18 months after closure, in the transaction that closes the
 * case (`closedOn` is the Swedish day of closure). Already scheduled ones stay as they are.
 */
export async function scheduleFollowUps(
  manager: EntityManager,
  caseId: string,
  closedOn: string,
  caller: Caller | null,
): Promise<void> {
  const rows: { id: string; months: number; due_on: string }[] = await manager.query(
    `INSERT INTO case_follow_up (case_id, months, due_on)
     SELECT $1, m, ($2::date + make_interval(months => m))::date FROM unnest($3::int[]) AS m
     ON CONFLICT ON CONSTRAINT case_follow_up_key DO NOTHING
     RETURNING id, months, to_char(due_on, 'YYYY-MM-DD') AS due_on`,
    [caseId, closedOn, FOLLOW_UP_MONTHS],
  );
  for (const row of rows) {
    await recordEvent(manager, caseId, caller, 'follow_up.scheduled', {
      followUpId: row.id,
      months: row.months,
      dueOn: row.due_on,
    });
  }
}

/** Follow-ups 6 and 18 months after closure (uppföljning efter avslut, in the style of MST's). */
@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseAccess,
    private readonly access: AccessService,
  ) {}

  async list(caller: Caller, caseId: string): Promise<FollowUpDto[]> {
    const facts = await this.cases.requireFollowUps(caller, caseId, 'followUp.list');
    await this.cases.requireScope(caller, facts, 'plan', 'followUp.list');
    const figures = facts.scopes.has('attendance');
    // Follow-ups come after closure: an outside agency sees those that name it (its kind of agency).
    const outside = caller.agencyId !== facts.schoolId;
    const rows: FollowUpRow[] = await this.dataSource.query(
      `${FOLLOW_UP_SELECT} WHERE f.case_id = $1
         ${outside ? 'AND f.recorded_at IS NOT NULL AND $2 = ANY (f.new_interventions)' : ''}
        ORDER BY f.months`,
      outside ? [caseId, caller.agencyType] : [caseId],
    );
    return rows.map(toDto).map((f) => (figures ? f : { ...f, attendancePercent: null }));
  }

  async record(caller: Caller, caseId: string, monthsParam: string, dto: RecordFollowUpDto): Promise<FollowUpDto> {
    const months = Number(monthsParam);
    if (!(FOLLOW_UP_MONTHS as readonly number[]).includes(months)) {
      throw new ValidationError([{ field: 'months', code: 'not-a-choice', message: 'months must be 6 or 18' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const facts = await this.cases.requireCoordination(caller, caseId, { log: 'followUp.record', tx: manager });
      if (facts.status !== 'closed') {
        throw new ConflictError('Follow-ups are recorded after the case is closed.');
      }
      let row = await this.find(manager, caseId, months);
      if (!row) {
        // A case closed before follow-ups were scheduled: schedule them from its closing day now.
        const [{ closed_at: closedAt }] = await manager.query(`SELECT closed_at FROM support_case WHERE id = $1`, [
          caseId,
        ]);
        await scheduleFollowUps(manager, caseId, swedishDate(closedAt), caller);
        row = (await this.find(manager, caseId, months))!;
      }
      if (row.recorded_at) throw new ConflictError(`The ${months}-month follow-up is already recorded.`);
      const today = swedishDate();
      const recordableFrom = addDays(row.due_on, -RECORDABLE_DAYS_BEFORE_DUE);
      if (today < recordableFrom) {
        throw new UnprocessableError(
          `The ${months}-month follow-up is due on ${row.due_on}; it can be recorded from ${recordableFrom}.`,
          {
            errors: [{ field: 'months', code: 'too-early', message: `too early: recordable from ${recordableFrom}` }],
            recordableFrom,
          },
        );
      }
      const percent = await attendancePercent(
        manager,
        facts.studentId,
        addDays(today, -FOLLOW_UP_ATTENDANCE_DAYS + 1),
        today,
      );
      await manager.query(
        `UPDATE case_follow_up SET recorded_at = now(), recorded_by = $2, attendance_percent = $3, school_or_work_20h = $4,
                new_interventions = $5, note = $6
          WHERE id = $1`,
        [row.id, caller.userId, percent, dto.schoolOrWork20h, dto.newInterventions, dto.note?.trim() ?? null],
      );
      await recordEvent(manager, caseId, caller, 'follow_up.recorded', { followUpId: row.id, months });
      await this.access.logChange(caller, 'followUp.record', 'case_follow_up', [row.id], manager);
      return toDto((await this.find(manager, caseId, months))!);
    });
  }

  private async find(manager: EntityManager, caseId: string, months: number): Promise<FollowUpRow | undefined> {
    const [row]: FollowUpRow[] = await manager.query(
      `${FOLLOW_UP_SELECT} WHERE f.case_id = $1 AND f.months = $2 FOR UPDATE OF f`,
      [caseId, months],
    );
    return row;
  }
}

@ApiTags('plan')
@Controller('cases/:id/follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  @RequirePermission('case.read')
  @ApiOperation({
    summary:
      'The follow-ups 6 and 18 months after closure, scheduled when the case closes; an outside agency sees the recorded ones that name its kind for new interventions (consent in force with scope plan)',
  })
  @ApiOkResponse({ type: pageSchema(FollowUpDto) })
  @ApiProblems(400, 403, 404)
  async list(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string) {
    return { items: await this.followUps.list(caller, id), nextCursor: null };
  }

  @Post(':months')
  @RequirePermission('case.manage')
  @ApiOperation({
    summary:
      'Record the 6- or 18-month follow-up of a closed case (from 14 days before it is due); attendance over the last 4 weeks is computed',
  })
  @ApiParam({ name: 'months', enum: [...FOLLOW_UP_MONTHS] })
  @ApiCreatedResponse({ type: FollowUpDto })
  @ApiProblems(400, 403, 404, 409, 422)
  record(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('months') months: string,
    @Body() dto: RecordFollowUpDto,
  ): Promise<FollowUpDto> {
    return this.followUps.record(caller, id, months, dto);
  }
}
