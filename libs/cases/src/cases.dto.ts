import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { CONSENT_SCOPES } from '@app/access';
import { IsCalendarDate, PageQuery, PersonRefDto } from '@app/http';
import type { CaseStatus } from './case-access';

export const CASE_STATUSES: CaseStatus[] = ['open', 'mapping', 'plan_active', 'follow_up', 'closed'];
export const CASE_OUTCOMES = ['attendance_recovered', 'partly_recovered', 'not_recovered', 'moved', 'other'] as const;

export class OpenCaseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  studentId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "An elevhälsa user of the pupil's school; default: you.",
  })
  @IsOptional()
  @IsUUID()
  coordinatorId?: string;
}

export class AcceptFlagDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "The case's coordinator (an elevhälsa user of the school); default: you, if you are elevhälsa.",
  })
  @IsOptional()
  @IsUUID()
  coordinatorId?: string;
}

export class CaseListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;
}

export class ChangeStatusDto {
  @ApiProperty({ enum: CASE_STATUSES })
  @IsIn(CASE_STATUSES)
  status: CaseStatus;

  @ApiPropertyOptional({ description: 'Why; required when closing.', maxLength: 2000 })
  @ValidateIf((o: ChangeStatusDto) => o.status === 'closed' || o.reason !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ enum: CASE_OUTCOMES, description: 'Required when closing.' })
  @ValidateIf((o: ChangeStatusDto) => o.status === 'closed' || o.outcome !== undefined)
  @IsIn(CASE_OUTCOMES)
  outcome?: (typeof CASE_OUTCOMES)[number];
}

export class HandOverDto {
  @ApiProperty({ format: 'uuid', description: "An active elevhälsa user of the pupil's school." })
  @IsUUID()
  coordinatorId: string;
}

export class LeadTimeQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Cases opened from this day. Default: a year before `to`.' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Cases opened up to this day. Default: today.' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class CasePupilDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() className: string;
  @ApiProperty({ example: '20120315-****' }) personnummerMasked: string;
}

export class CaseSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'NT-2026-0007', description: 'A neutral reference: safe in notifications and print.' })
  reference: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty() schoolName: string;
  @ApiProperty({
    type: CasePupilDto,
    nullable: true,
    description: 'Null for an outside agency whose consent does not include case_summary.',
  })
  pupil: CasePupilDto | null;
  @ApiProperty({ type: PersonRefDto }) coordinator: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
}

export class CaseDto extends CaseSummaryDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) flagId: string | null;
  @ApiProperty({ enum: CASE_OUTCOMES, nullable: true }) outcome: string | null;
  @ApiProperty({ type: String, nullable: true }) closeReason: string | null;
  @ApiProperty({ enum: CASE_STATUSES, isArray: true, description: 'The statuses the case may move to next.' })
  allowedTransitions: CaseStatus[];
  @ApiProperty({ enum: CONSENT_SCOPES, isArray: true, description: 'What of the case you may see.' })
  visibleScopes: string[];
}

export class TimelineEventDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ example: 'case.opened' }) kind: string;
  @ApiProperty({ type: PersonRefDto, nullable: true }) actor: PersonRefDto | null;
  @ApiProperty({ nullable: true, type: Object, example: { id: 'uuid', name: 'Storsjöskolan' } })
  agency: { id: string; name: string } | null;
  @ApiProperty({ type: Object, description: 'Ids and short facts of the event.' }) data: Record<string, unknown>;
}

export class LeadTimesDto {
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'First day the absence rule was met.' })
  firstSignalOn: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) flaggedAt: string | null;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) firstAgencyAcceptedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) firstMeetingAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Set by the plan (next issue).' })
  planAgreedAt: string | null;
  @ApiProperty({
    type: Object,
    description:
      'Whole days from the first signal to each step (null where a step has not happened): flag, caseOpened, firstAgencyAccepted, firstMeeting, planAgreed.',
  })
  daysFromSignal: Record<string, number | null>;
  @ApiProperty({ type: Object, description: 'Whole days from the case opening to each later step.' })
  daysFromOpening: Record<string, number | null>;
}

export class LeadTimeStatDto {
  @ApiProperty({ example: 'openedToFirstAgencyAccepted' }) measure: string;
  @ApiProperty({ description: 'Cases with this step done in the period.' }) cases: number;
  @ApiProperty({ type: Number, nullable: true }) medianDays: number | null;
  @ApiProperty({ type: Number, nullable: true }) p90Days: number | null;
}

export class SchoolLeadTimesDto {
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: [LeadTimeStatDto] }) measures: LeadTimeStatDto[];
}
