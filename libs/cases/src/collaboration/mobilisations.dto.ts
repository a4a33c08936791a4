import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AgencyRefDto, IsCalendarDate, PageQuery, PersonRefDto, realDate } from '@app/http';

export const MOBILISATION_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type MobilisationStatus = (typeof MOBILISATION_STATUSES)[number];
/** The inbox filter: a status, or `overdue` (pending past its deadline). */
export const MOBILISATION_FILTERS = [...MOBILISATION_STATUSES, 'overdue'] as const;
export type MobilisationFilter = (typeof MOBILISATION_FILTERS)[number];

export class InviteAgencyDto {
  @ApiProperty({ format: 'uuid', description: 'The agency invited (socialtjänsten, BUP, habiliteringen, other).' })
  @IsUUID()
  agencyId: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    description:
      'A short note to the agency. The agency reads it before consent may be in force: write no personal details here.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  message?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Last day to answer: a working day in the future. Default: 5 working days from today.',
  })
  @IsOptional()
  @IsCalendarDate(realDate)
  deadline?: string;
}

export class AcceptMobilisationDto {
  @ApiProperty({ format: 'uuid', description: "The agency's representative in the case: an active agency worker." })
  @IsUUID()
  representativeUserId: string;
}

export class DeclineMobilisationDto {
  @ApiProperty({ maxLength: 2000, example: 'Ärendet hör inte till vårt uppdrag.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MOBILISATION_FILTERS, description: '`overdue`: pending and past its deadline.' })
  @IsOptional()
  @IsIn(MOBILISATION_FILTERS)
  status?: MobilisationFilter;
}

export class InboxPupilDto {
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() className: string;
}

/** One invitation as the coordinator and (within consent) the invited agency see it. */
export class MobilisationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ description: "The case's neutral reference (never the pupil's name)." }) caseReference: string;
  @ApiProperty({ type: AgencyRefDto }) school: AgencyRefDto;
  @ApiProperty({ type: AgencyRefDto }) agency: AgencyRefDto;
  @ApiProperty({ enum: MOBILISATION_STATUSES }) status: MobilisationStatus;
  @ApiProperty({ description: 'Pending and past its deadline.' }) overdue: boolean;
  @ApiProperty({ format: 'date' }) deadline: string;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
  @ApiProperty({ format: 'date-time' }) invitedAt: string;
  @ApiProperty({ type: PersonRefDto }) invitedBy: PersonRefDto;
  @ApiProperty({ type: PersonRefDto, nullable: true }) representative: PersonRefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) respondedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) declineReason: string | null;
  @ApiProperty({
    type: InboxPupilDto,
    nullable: true,
    description:
      "The pupil's name and class: only while the agency is mobilised and its consent in force covers `case_summary`.",
  })
  pupil: InboxPupilDto | null;
  @ApiProperty({
    description:
      'The invited agency may open the case now: not declined, the case open, and a consent for the agency in ' +
      'force (any scope). False for an accepted invitation whose consent is missing, withdrawn or expired.',
  })
  caseReadable: boolean;
}
