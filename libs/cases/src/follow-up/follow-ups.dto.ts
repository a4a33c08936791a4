import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { PersonRefDto } from '@app/http';
import { FOLLOW_UP_MONTHS, NEW_INTERVENTIONS, RECORDABLE_DAYS_BEFORE_DUE } from './follow-ups.rules';

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
