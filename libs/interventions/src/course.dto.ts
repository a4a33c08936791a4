import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsUUID, Matches } from 'class-validator';
import { InterventionRefDto } from './intervention.dto';
import {
  Behaviour,
  BEHAVIOURS,
  COURSE_FOLLOW_UP_MONTHS,
  END_REASONS,
  EndReason,
  RECORDABLE_DAYS_BEFORE_DUE,
} from './intervention.rules';
import { PersonRefDto } from '@app/http';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class StartCourseDto {
  @ApiProperty({ format: 'uuid', description: "An active intervention of the catalogue of the case's organisation." })
  @IsUUID()
  interventionId: string;

  @ApiProperty({ format: 'date', description: 'Not in the future.' })
  @Matches(DATE, { message: 'startedOn must be a date YYYY-MM-DD' })
  startedOn: string;

  @ApiProperty({
    enum: BEHAVIOURS,
    isArray: true,
    description: 'The behaviours the pupil was referred for (remitterade beteenden); at least one.',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(BEHAVIOURS.length)
  @ArrayUnique()
  @IsIn(BEHAVIOURS, { each: true })
  referredBehaviours: Behaviour[];
}

export class EndCourseDto {
  @ApiProperty({ format: 'date', description: 'Not in the future, not before the course started.' })
  @Matches(DATE, { message: 'endedOn must be a date YYYY-MM-DD' })
  endedOn: string;

  @ApiProperty({
    enum: END_REASONS,
    description: 'Completed (fullföljd), ended by a placement outside the home, by lack of engagement, moved, other.',
  })
  @IsIn(END_REASONS)
  reason: EndReason;
}

export class RecordCourseFollowUpDto {
  @ApiProperty({
    enum: BEHAVIOURS,
    isArray: true,
    description:
      'Behaviours for which the pupil got a new intervention (from social services or the prison and probation service) since the end; empty for none.',
  })
  @IsArray()
  @ArrayMaxSize(BEHAVIOURS.length)
  @ArrayUnique()
  @IsIn(BEHAVIOURS, { each: true })
  newInterventionFor: Behaviour[];

  @ApiProperty({ description: 'In school, a work placement or work at least 20 hours a week.' })
  @IsBoolean()
  schoolOrWork20h: boolean;
}

export class CourseFollowUpDto {
  @ApiProperty({ enum: [...COURSE_FOLLOW_UP_MONTHS], description: "Months after the course's end." }) months: number;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({
    format: 'date',
    description: `May be recorded from this day (${RECORDABLE_DAYS_BEFORE_DUE} days before due).`,
  })
  recordableFrom: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) recordedAt: string | null;
  @ApiProperty({ enum: BEHAVIOURS, isArray: true, nullable: true }) newInterventionFor: string[] | null;
  @ApiProperty({ type: Boolean, nullable: true }) schoolOrWork20h: boolean | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) recordedBy: PersonRefDto | null;
}

export class CourseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ type: InterventionRefDto }) intervention: InterventionRefDto;
  @ApiProperty({ format: 'date' }) startedOn: string;
  @ApiProperty({ enum: BEHAVIOURS, isArray: true }) referredBehaviours: string[];
  @ApiProperty({ type: String, format: 'date', nullable: true }) endedOn: string | null;
  @ApiProperty({ enum: END_REASONS, nullable: true }) endReason: EndReason | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Attendance % in the 8 most recent weeks with lessons before the start, computed when it was recorded; null without lessons or without the attendance scope.',
  })
  attendanceBeforeStart: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The same for the 8 weeks with lessons up to the end (the end day included).',
  })
  attendanceBeforeEnd: number | null;
  @ApiProperty({ type: PersonRefDto }) startedBy: PersonRefDto;
  @ApiProperty({ type: PersonRefDto, nullable: true }) endedBy: PersonRefDto | null;
  @ApiProperty({
    type: [CourseFollowUpDto],
    description: 'Once the course has ended: its 6- and 18-month follow-ups, recorded or not; empty before.',
  })
  followUps: CourseFollowUpDto[];
}
