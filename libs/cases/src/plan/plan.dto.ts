import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AgencyRefDto, IsCalendarDate, IsIsoInstant, PageQuery, PersonRefDto, realDate } from '@app/http';

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const AGREEMENT_PARTICIPANTS = ['pupil', 'guardian', 'agency'] as const;
export type AgreementParticipant = (typeof AGREEMENT_PARTICIPANTS)[number];

/**
 * Review dates keep their own pattern: an impossible one (2099-02-30) is a 422 from the plan's
 * input rule (`planInputErrors`), as test/plan.e2e-spec.ts asserts, not the 400 of `@IsCalendarDate()`.
 */

/* ---------- input ---------- */

export class GoalTargetInputDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 100, example: 80, description: 'Attendance at least this share (%).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100)
  attendancePercent?: number;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-18', description: 'Reached by this day.' })
  @IsOptional()
  @IsCalendarDate()
  byDate?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'A target in words, when it is not an attendance share.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  text?: string;
}

export class GoalInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing goal of this plan, to keep it (and its id).' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ maxLength: 2000, example: 'Eleven är i skolan varje dag.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text: string;

  @ApiPropertyOptional({
    type: GoalTargetInputDto,
    description: 'A measurable target (at least one member), e.g. attendance ≥ 80 % by a date.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GoalTargetInputDto)
  target?: GoalTargetInputDto;
}

export class ActionInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing action of this plan, to keep it (and its notes).' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ maxLength: 2000, example: 'Samtal med familjen varannan vecka.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The responsible agency: the school or an agency mobilised into the case.',
  })
  @IsUUID()
  agencyId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The responsible person: an active user of that agency.' })
  @IsOptional()
  @IsUUID()
  responsibleUserId?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @ApiProperty({ format: 'date', description: 'Not before startDate.' })
  @IsCalendarDate()
  dueDate: string;

  @ApiProperty({ enum: ACTION_STATUSES })
  @IsIn(ACTION_STATUSES)
  status: ActionStatus;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The intervention (insats) the action uses: an active one of the catalogue of the case's organisation (an action keeps one retired since).",
  })
  @IsOptional()
  @IsUUID()
  interventionId?: string;
}

export class PutPlanDto {
  @ApiProperty({ type: [GoalInputDto], description: 'Goals in order; an existing goal left out is removed.' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => GoalInputDto)
  goals: GoalInputDto[];

  @ApiProperty({ type: [ActionInputDto], description: 'Actions in order; an existing action left out is removed.' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ActionInputDto)
  actions: ActionInputDto[];

  @ApiPropertyOptional({ maxLength: 10000, description: "The pupil's own words about the plan (elevens röst)." })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  pupilView?: string;

  @ApiPropertyOptional({ maxLength: 10000, description: "The guardians' view (vårdnadshavarnas syn)." })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  guardianView?: string;

  @ApiPropertyOptional({ type: [String], format: 'date', description: 'When the plan is followed up. Default: none.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsCalendarDate({ ...realDate, each: true })
  reviewDates?: string[];
}

export class PatchActionDto {
  @ApiPropertyOptional({ enum: ACTION_STATUSES })
  @IsOptional()
  @IsIn(ACTION_STATUSES)
  status?: ActionStatus;

  @ApiPropertyOptional({ maxLength: 5000, description: 'A progress note, signed with you and your agency.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  progressNote?: string;
}

export class AgreementParticipantInputDto {
  @ApiProperty({ enum: AGREEMENT_PARTICIPANTS })
  @IsIn(AGREEMENT_PARTICIPANTS)
  participant: AgreementParticipant;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for `agency` (an agency in the case), else absent.' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiProperty({ maxLength: 200, example: 'Vera Vårdnadshavare' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

export class AgreePlanDto {
  @ApiProperty({ type: [AgreementParticipantInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AgreementParticipantInputDto)
  participants: AgreementParticipantInputDto[];

  @ApiProperty({ format: 'date-time', description: 'When they agreed (not in the future).' })
  @IsIsoInstant()
  agreedAt: string;
}

export class WorkListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Actions you are responsible for.' })
  @IsOptional()
  @IsIn(['true', 'false'])
  mine?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ['true', 'false'], description: "Your agency's actions. Exactly one of mine/agency." })
  @IsOptional()
  @IsIn(['true', 'false'])
  agency?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ACTION_STATUSES })
  @IsOptional()
  @IsIn(ACTION_STATUSES)
  status?: ActionStatus;
}

/* ---------- output ---------- */

export class GoalTargetDto {
  @ApiProperty({ type: Number, nullable: true }) attendancePercent: number | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) byDate: string | null;
  @ApiProperty({ type: String, nullable: true }) text: string | null;
}

export class GoalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: GoalTargetDto, nullable: true }) target: GoalTargetDto | null;
}

export class ProgressNoteDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: PersonRefDto, description: 'Who wrote it (signed).' }) author: PersonRefDto;
  @ApiProperty({ type: AgencyRefDto, description: 'For which agency (signed).' }) agency: AgencyRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ActionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: AgencyRefDto }) agency: AgencyRefDto;
  @ApiProperty({ type: PersonRefDto, nullable: true }) responsible: PersonRefDto | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate: string | null;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ enum: ACTION_STATUSES }) status: ActionStatus;
  @ApiProperty({
    description: "The action's own version: grows with every change of this action (PUT or its agency's PATCH).",
  })
  version: number;
  @ApiProperty({
    example: '"a3"',
    description: "The action's ETag: send it as If-Match with PATCH …/plan/actions/:actionId.",
  })
  etag: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The intervention of the catalogue it uses.',
  })
  interventionId: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: [ProgressNoteDto], description: 'Oldest first.' }) progressNotes: ProgressNoteDto[];
}

export class AgreementDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: AGREEMENT_PARTICIPANTS }) participant: AgreementParticipant;
  @ApiProperty({ type: AgencyRefDto, nullable: true }) agency: AgencyRefDto | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "Who agreed; the pupil's or a guardian's name is null for an outside agency that may not see it.",
  })
  name: string | null;
  @ApiProperty({ format: 'date-time' }) agreedAt: string;
  @ApiProperty({ description: 'The version of the plan they agreed to.' }) planVersion: number;
  @ApiProperty({ type: PersonRefDto, description: 'Who recorded the agreement.' }) recordedBy: PersonRefDto;
}

export class PlanDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ description: 'Grows with every change; the ETag is `"<version>"`.' }) version: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The newest version anyone agreed to (null: not agreed yet).',
  })
  agreedVersion: number | null;
  @ApiProperty({
    description:
      "True when the plan's content was replaced (PUT) after the version agreed: the plan in force is not " +
      'the one agreed. Agencies updating their actions and the agreement itself do not count.',
  })
  changedSinceAgreement: boolean;
  @ApiProperty({ type: [GoalDto] }) goals: GoalDto[];
  @ApiProperty({ type: [ActionDto] }) actions: ActionDto[];
  @ApiProperty({ type: String, nullable: true, description: "The pupil's own words." }) pupilView: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The guardians' view." }) guardianView: string | null;
  @ApiProperty({ type: [String], format: 'date' }) reviewDates: string[];
  @ApiProperty({ type: [AgreementDto], description: 'Who agreed, when, to which version.' })
  agreements: AgreementDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: PersonRefDto }) updatedBy: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class PlanVersionSummaryDto {
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['created', 'replaced', 'action.updated', 'agreed'] }) change: string;
  @ApiProperty({ type: PersonRefDto }) changedBy: PersonRefDto;
  @ApiProperty({ type: AgencyRefDto }) agency: AgencyRefDto;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
}

export class PlanVersionDto extends PlanVersionSummaryDto {
  @ApiProperty({ type: PlanDto, description: 'The plan as it was in this version.' }) plan: PlanDto;
}

export class WorkListItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ description: "The case's neutral reference (never the pupil's name)." }) caseReference: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: AgencyRefDto }) agency: AgencyRefDto;
  @ApiProperty({ type: PersonRefDto, nullable: true }) responsible: PersonRefDto | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate: string | null;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ enum: ACTION_STATUSES }) status: ActionStatus;
  @ApiProperty({ description: 'Not done or cancelled, and due today or within 7 days.' }) due: boolean;
  @ApiProperty({ description: 'Not done or cancelled, and the due date has passed.' }) overdue: boolean;
}
