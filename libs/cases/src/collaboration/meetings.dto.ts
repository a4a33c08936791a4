import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { AgencyRefDto, PageQuery, PersonRefDto } from '@app/http';

/** An ISO 8601 date-time with an explicit offset: a meeting time must never depend on the server's zone. */
const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

export class ScheduleMeetingDto {
  @ApiProperty({
    format: 'date-time',
    example: '2026-11-24T13:00:00+01:00',
    description: 'In the future, with offset.',
  })
  @IsString()
  @Matches(DATE_TIME_WITH_OFFSET, { message: 'startsAt must be an ISO 8601 date-time with an offset' })
  startsAt: string;

  @ApiPropertyOptional({
    maxLength: 300,
    example: 'Storsjöskolan, elevhälsans rum',
    description: 'Place or videoLink.',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  place?: string;

  @ApiPropertyOptional({ maxLength: 2000, example: 'https://meet.example.se/abc', description: 'An https link.' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'videoLink must be an https URL' })
  @MaxLength(2000)
  videoLink?: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: "Participating agencies: the pupil's school or agencies mobilised into the case.",
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  agencyIds: string[];

  @ApiProperty({ description: 'Is the pupil taking part?' })
  @IsBoolean()
  pupilPresent: boolean;

  @ApiProperty({ description: 'Are the guardians taking part?' })
  @IsBoolean()
  guardiansPresent: boolean;
}

export class RecordMinutesDto {
  @ApiPropertyOptional({ maxLength: 10000, description: 'Short minutes (minnesanteckningar).' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  minutes?: string;

  @ApiPropertyOptional({ maxLength: 10000, description: 'What was decided, and by whom.' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  decisions?: string;
}

export class MeetingListQuery extends PageQuery {}

export class MeetingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ type: String, nullable: true }) place: string | null;
  @ApiProperty({ type: String, nullable: true }) videoLink: string | null;
  @ApiProperty({ type: [AgencyRefDto] }) agencies: AgencyRefDto[];
  @ApiProperty() pupilPresent: boolean;
  @ApiProperty() guardiansPresent: boolean;
  @ApiProperty({ type: String, nullable: true }) minutes: string | null;
  @ApiProperty({ type: String, nullable: true }) decisions: string | null;
  @ApiProperty({ type: PersonRefDto }) createdBy: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
