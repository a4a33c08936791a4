import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate, PageQuery, PersonRefDto, realDate } from '@app/http';

export class CreateInvestigationDto {
  @ApiProperty({
    format: 'date',
    example: '2026-11-16',
    description: 'The day the investigation started; not in the future.',
  })
  @IsCalendarDate(realDate)
  startedOn: string;

  @ApiPropertyOptional({
    format: 'date',
    description:
      'The day the huvudman was informed: not before startedOn, not in the future. May be set later (PATCH).',
  })
  @IsOptional()
  @IsCalendarDate(realDate)
  huvudmanInformedOn?: string;
}

export class UpdateInvestigationDto {
  @ApiProperty({
    format: 'date',
    description: 'The day the huvudman was informed: not before startedOn, not in the future.',
  })
  @IsCalendarDate(realDate)
  huvudmanInformedOn: string;
}

export class InvestigationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) studentId: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ format: 'date' }) startedOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) huvudmanInformedOn: string | null;
  @ApiProperty({ type: PersonRefDto }) recordedBy: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class InvestigationListDto {
  @ApiProperty({ type: [InvestigationDto] }) items: InvestigationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: a pupil has few investigations.' })
  nextCursor: null;
}

export class OverviewQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Reference day. Default: today in Sweden.' })
  @IsOptional()
  @IsCalendarDate(realDate)
  date?: string;
}

export class OverviewItemDto {
  @ApiProperty({ format: 'uuid' }) studentId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() className: string;
  @ApiProperty() grade: number;
  @ApiProperty({ example: '20120315-****' }) personnummerMasked: string;
  @ApiProperty({ description: 'Absence % (valid and invalid) over the last 8 weeks.' }) absencePercent: number;
  @ApiProperty() invalidAbsencePercent: number;
  @ApiProperty() offeredMinutes: number;
  @ApiProperty() absentMinutes: number;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The latest earlier investigation (more than 12 months ago), if any.',
  })
  lastInvestigationStartedOn: string | null;
  @ApiProperty({ description: 'A flag to elevhälsa awaits triage.' }) openFlag: boolean;
}
