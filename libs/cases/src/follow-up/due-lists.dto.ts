import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQuery } from '@app/http';
import { CASE_STATUSES } from '../cases.dto';
import { RECORDABLE_DAYS_BEFORE_DUE } from './follow-ups.rules';

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

export class DueCaseDto {
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
