import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate, PersonRefDto } from '@app/http';

export class RecordReviewDto {
  @ApiProperty({ format: 'date', example: '2026-11-23', description: 'The day of the review (not in the future).' })
  @IsCalendarDate()
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
