import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate, PageQuery, realDate } from '@app/http';

export class DateRangeQuery {
  @ApiPropertyOptional({ format: 'date', description: 'First day (inclusive). Default: 12 weeks before `to`.' })
  @IsOptional()
  @IsCalendarDate(realDate)
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day (inclusive). Default: today.' })
  @IsOptional()
  @IsCalendarDate(realDate)
  to?: string;
}

export class LessonListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate(realDate)
  from?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate(realDate)
  to?: string;
}

export class RecordLessonDto {
  @ApiProperty({ format: 'date', example: '2026-11-20' })
  @IsString()
  date: string;

  @ApiProperty({ example: '08:10' })
  @IsString()
  startTime: string;

  @ApiProperty({ example: 60, description: 'Scheduled (offered) minutes.' })
  @IsInt()
  @Min(1)
  @Max(600)
  offeredMinutes: number;

  @ApiPropertyOptional({ description: 'Default: offered minus absent minutes.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600)
  attendanceMinutes?: number;

  @ApiProperty({ example: 0 })
  @IsInt()
  @Min(0)
  @Max(600)
  validAbsenceMinutes: number;

  @ApiProperty({ example: 60 })
  @IsInt()
  @Min(0)
  @Max(600)
  invalidAbsenceMinutes: number;

  @ApiPropertyOptional({ example: 'Ogiltig frånvaro' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;

  @ApiPropertyOptional({ description: "The school system's id of this attendance record." })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  externalId?: string;
}

export class LessonDto {
  @ApiProperty({ format: 'uuid' }) studentId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ example: '08:10' }) startTime: string;
  @ApiProperty() offeredMinutes: number;
  @ApiProperty() attendanceMinutes: number;
  @ApiProperty() validAbsenceMinutes: number;
  @ApiProperty() invalidAbsenceMinutes: number;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({
    description:
      'False for an SS 12000 lesson not yet reported (isReported=false): no minutes yet, and left out of the ' +
      'absence figures and the watch list until it is reported.',
  })
  reported: boolean;
  @ApiProperty({ enum: ['manual', 'csv', 'ss12000', 'demo'] }) source: string;
  @ApiProperty({ type: String, nullable: true }) externalId: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
