import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, IsIsoInstant, PageQuery, PersonRefDto, realDate } from '@app/http';

export const NOTICE_METHODS = ['phone', 'sms', 'email', 'letter', 'in_person', 'school_app'] as const;

export class GuardianNoticeQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'date', description: 'The school day. Default: today in Sweden.' })
  @IsOptional()
  @IsCalendarDate(realDate)
  date?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: '`true`: only pupils whose guardians are not yet informed.',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  pending?: 'true' | 'false';

  @ApiPropertyOptional({ example: '7B', description: 'Only this class (a mentor’s own class).' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  className?: string;
}

export class CreateGuardianNoticeDto {
  @ApiProperty({ format: 'date', description: 'The day of the invalid absence.' })
  @IsCalendarDate(realDate)
  date: string;

  @ApiProperty({ enum: NOTICE_METHODS, description: 'How the guardians were told.' })
  @IsIn(NOTICE_METHODS)
  method: (typeof NOTICE_METHODS)[number];

  @ApiProperty({
    format: 'date-time',
    example: '2026-11-20T09:15:00+01:00',
    description: 'When they were told: not in the future, not before the day of the absence.',
  })
  @IsIsoInstant({ message: 'informedAt must be a date-time (ISO 8601)' })
  informedAt: string;
}

export class GuardianNoticeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) studentId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ enum: NOTICE_METHODS }) method: string;
  @ApiProperty({ format: 'date-time' }) informedAt: string;
  @ApiProperty({ type: PersonRefDto, description: 'Who recorded (and informed).' }) recordedBy: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class NoticeInformedDto {
  @ApiProperty({ enum: NOTICE_METHODS }) method: string;
  @ApiProperty({ format: 'date-time' }) informedAt: string;
  @ApiProperty({ type: PersonRefDto }) recordedBy: PersonRefDto;
}

export class GuardianNoticeItemDto {
  @ApiProperty({ format: 'uuid' }) studentId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() className: string;
  @ApiProperty() grade: number;
  @ApiProperty({ example: '20120315-****' }) personnummerMasked: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ description: 'Invalid-absence minutes that day.' }) invalidAbsenceMinutes: number;
  @ApiProperty({
    type: NoticeInformedDto,
    nullable: true,
    description: 'null: guardians not yet recorded as informed.',
  })
  informed: NoticeInformedDto | null;
}
