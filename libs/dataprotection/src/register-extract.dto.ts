import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { AbsenceFigures } from '@app/attendance';
import { PlanDto } from '@app/cases';
import { IsIsoInstant } from '@app/http';

/** At most this many lessons in one extract (about two school years); a period asks for others. */
export const EXTRACT_LESSON_LIMIT = 2000;
/** At most this many access-log rows in one extract, the newest; a period asks for older ones. */
export const EXTRACT_ACCESS_LIMIT = 2000;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class RegisterExtractQuery {
  @ApiPropertyOptional({ description: 'Also list every lesson (lesson-level attendance); default only per week.' })
  @IsOptional()
  @Transform(({ obj, key }) => {
    const raw: unknown = obj[key];
    return raw === 'true' ? true : raw === 'false' ? false : raw;
  })
  @IsBoolean()
  lessons?: boolean;

  @ApiPropertyOptional({ format: 'date', description: 'Lessons from this day (with `lessons=true`).' })
  @IsOptional()
  @Matches(DAY, { message: 'lessonsFrom must be a date YYYY-MM-DD' })
  @IsIsoInstant()
  lessonsFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Lessons up to and including this day.' })
  @IsOptional()
  @Matches(DAY, { message: 'lessonsTo must be a date YYYY-MM-DD' })
  @IsIsoInstant()
  lessonsTo?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Who read or changed the data: from this day.' })
  @IsOptional()
  @Matches(DAY, { message: 'accessFrom must be a date YYYY-MM-DD' })
  @IsIsoInstant()
  accessFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Who read or changed the data: up to and including this day.' })
  @IsOptional()
  @Matches(DAY, { message: 'accessTo must be a date YYYY-MM-DD' })
  @IsIsoInstant()
  accessTo?: string;
}

/** How much of a long section the extract holds: the newest `limit` of `total` in the period asked for. */
export class ExtractListLimitDto {
  @ApiProperty({ description: 'Rows in the period asked for.' }) total: number;
  @ApiProperty({ description: 'Rows in this extract (the newest).' }) shown: number;
  @ApiProperty() limit: number;
  @ApiProperty({ description: 'True when older rows were left out: ask for them with a period.' })
  truncated: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) from: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) to: string | null;
}

export class ExtractGuardianDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() relation: string;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
}

export class ExtractChangeDto {
  @ApiProperty({ example: 'className' }) field: string;
  @ApiProperty({ description: 'The earlier value (JSON).', nullable: true }) oldValue: unknown;
  @ApiProperty({ description: 'The new value (JSON).', nullable: true }) newValue: unknown;
  @ApiProperty({ enum: ['user', 'sync'] }) source: string;
  @ApiProperty({ type: String, nullable: true, description: 'Who changed it (null: the SS 12000 sync).' })
  changedBy: string | null;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
}

export class ExtractPupilDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'In full: the extract is the data held about the pupil.' }) personnummer: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() grade: number;
  @ApiProperty() className: string;
  @ApiProperty({ type: String, nullable: true }) externalId: string | null;
  @ApiProperty({ description: 'Skyddade personuppgifter.' }) protectedIdentity: boolean;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty() schoolName: string;
  @ApiProperty({ description: 'Personuppgiftsansvarig: the organisation responsible.' }) organisationName: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ type: [ExtractGuardianDto] }) guardians: ExtractGuardianDto[];
  @ApiProperty({ type: [ExtractChangeDto], description: 'Every correction, with the earlier value (art. 16).' })
  changes: ExtractChangeDto[];
}

export class ExtractLessonDto {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ example: '08:20' }) startTime: string;
  @ApiProperty() offeredMinutes: number;
  @ApiProperty() attendedMinutes: number;
  @ApiProperty() validAbsenceMinutes: number;
  @ApiProperty() invalidAbsenceMinutes: number;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty() source: string;
}

export class ExtractAttendanceDto {
  @ApiProperty({ type: AbsenceFigures, nullable: true, description: 'Per ISO week; null when nothing is recorded.' })
  perWeek: AbsenceFigures | null;
  @ApiProperty({
    type: [ExtractLessonDto],
    nullable: true,
    description:
      'Only with `?lessons=true`: the newest lessons of the period (`lessonsFrom`, `lessonsTo`), oldest first.',
  })
  lessons: ExtractLessonDto[] | null;
  @ApiProperty({ type: ExtractListLimitDto, nullable: true, description: 'How many lessons there are and are shown.' })
  lessonsShown: ExtractListLimitDto | null;
}

export class ExtractFlagNoteDto {
  @ApiProperty() text: string;
  @ApiProperty() by: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class ExtractFlagDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: ['new', 'accepted', 'dismissed'] }) status: string;
  @ApiProperty({ description: 'The absence figures when flagged.' }) snapshot: unknown;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true }) triagedBy: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) triagedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) dismissReason: string | null;
  @ApiProperty({ type: [ExtractFlagNoteDto] }) notes: ExtractFlagNoteDto[];
}

export class ExtractInvestigationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) startedOn: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) huvudmanInformedOn: string | null;
  @ApiProperty() recordedBy: string;
}

export class ExtractGuardianNoticeDto {
  @ApiProperty({ format: 'date' }) absenceDate: string;
  @ApiProperty() method: string;
  @ApiProperty({ format: 'date-time' }) informedAt: string;
  @ApiProperty() recordedBy: string;
}

export class ExtractEventDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() kind: string;
  @ApiProperty({ type: String, nullable: true }) actor: string | null;
  @ApiProperty({ type: String, nullable: true }) agency: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
}

export class ExtractConsentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() agency: string;
  @ApiProperty({ enum: ['guardian', 'pupil'] }) givenBy: string;
  @ApiProperty() givenByName: string;
  @ApiProperty({ type: [String] }) scope: string[];
  @ApiProperty({ format: 'date' }) givenAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) validUntil: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) withdrawnAt: string | null;
  @ApiProperty() recordedBy: string;
}

export class ExtractInvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() agency: string;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
  @ApiProperty() invitedBy: string;
  @ApiProperty({ format: 'date-time' }) invitedAt: string;
  @ApiProperty({ format: 'date' }) deadline: string;
  @ApiProperty({ enum: ['pending', 'accepted', 'declined'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) representative: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) respondedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) declineReason: string | null;
}

export class ExtractMeetingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ type: String, nullable: true }) place: string | null;
  @ApiProperty({ type: [String] }) agencies: string[];
  @ApiProperty() pupilPresent: boolean;
  @ApiProperty() guardiansPresent: boolean;
  @ApiProperty({ type: String, nullable: true }) minutes: string | null;
  @ApiProperty({ type: String, nullable: true }) decisions: string | null;
}

export class ExtractMappingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() section: string;
  @ApiProperty() agency: string;
  @ApiProperty() author: string;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ExtractPlanVersionDto {
  @ApiProperty() version: number;
  @ApiProperty() change: string;
  @ApiProperty() changedBy: string;
  @ApiProperty() agency: string;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
  @ApiProperty({ type: PlanDto, description: 'The plan as it was in this version.' }) plan: PlanDto;
}

export class ExtractReviewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) reviewedOn: string;
  @ApiProperty({ type: Number, nullable: true }) attendanceBeforePercent: number | null;
  @ApiProperty({ type: Number, nullable: true }) attendanceAfterPercent: number | null;
  @ApiProperty() goalReached: boolean;
  @ApiProperty({ type: String, nullable: true }) decisions: string | null;
  @ApiProperty() recordedBy: string;
}

export class ExtractFollowUpDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: [6, 18] }) months: number;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) recordedAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) attendancePercent: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) schoolOrWork20h: boolean | null;
  @ApiProperty({ type: [String], nullable: true }) newInterventions: string[] | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class ExtractCourseFollowUpDto {
  @ApiProperty({ enum: [6, 18] }) months: number;
  @ApiProperty({ type: [String] }) newInterventionFor: string[];
  @ApiProperty() schoolOrWork20h: boolean;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty() recordedBy: string;
}

export class ExtractCourseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() intervention: string;
  @ApiProperty({ format: 'date' }) startedOn: string;
  @ApiProperty({ type: [String] }) referredBehaviours: string[];
  @ApiProperty({ type: Number, nullable: true }) attendanceBeforeStartPercent: number | null;
  @ApiProperty() startedBy: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) endedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) endReason: string | null;
  @ApiProperty({ type: Number, nullable: true }) attendanceBeforeEndPercent: number | null;
  @ApiProperty({ type: [ExtractCourseFollowUpDto] }) followUps: ExtractCourseFollowUpDto[];
}

export class ExtractCaseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty() status: string;
  @ApiProperty() coordinator: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) firstSignalOn: string | null;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) planAgreedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) closedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) outcome: string | null;
  @ApiProperty({ type: String, nullable: true }) closeReason: string | null;
  @ApiProperty({ type: [ExtractEventDto] }) timeline: ExtractEventDto[];
  @ApiProperty({ type: [ExtractConsentDto] }) consents: ExtractConsentDto[];
  @ApiProperty({ type: [ExtractInvitationDto] }) invitations: ExtractInvitationDto[];
  @ApiProperty({ type: [ExtractMeetingDto] }) meetings: ExtractMeetingDto[];
  @ApiProperty({ type: [ExtractMappingDto] }) mapping: ExtractMappingDto[];
  @ApiProperty({ type: PlanDto, nullable: true, description: 'The plan as it is now.' }) plan: PlanDto | null;
  @ApiProperty({ type: [ExtractPlanVersionDto], description: 'Every version of the plan, oldest first.' })
  planVersions: ExtractPlanVersionDto[];
  @ApiProperty({ type: [ExtractReviewDto] }) reviews: ExtractReviewDto[];
  @ApiProperty({ type: [ExtractFollowUpDto] }) followUps: ExtractFollowUpDto[];
  @ApiProperty({ type: [ExtractCourseDto], description: 'Interventions (insatser) started in the case.' })
  interventionCourses: ExtractCourseDto[];
}

export class ExtractAccessDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ example: 'student.read', description: 'What was done (verb-noun).' }) action: string;
  @ApiProperty({ example: 'case', description: 'Which kind of data.' }) subjectType: string;
  @ApiProperty({ type: String, nullable: true }) user: string | null;
  @ApiProperty({ type: String, nullable: true }) agency: string | null;
  @ApiProperty({ type: String, nullable: true }) organisation: string | null;
}

export class RegisterExtractDto {
  @ApiProperty({ format: 'date-time' }) producedAt: string;
  @ApiProperty({ type: ExtractPupilDto }) pupil: ExtractPupilDto;
  @ApiProperty({ type: ExtractAttendanceDto }) attendance: ExtractAttendanceDto;
  @ApiProperty({ type: [ExtractFlagDto], description: 'Absence reports to elevhälsa.' }) flags: ExtractFlagDto[];
  @ApiProperty({ type: [ExtractInvestigationDto], description: 'Frånvaroutredningar.' })
  investigations: ExtractInvestigationDto[];
  @ApiProperty({ type: [ExtractGuardianNoticeDto] }) guardianNotices: ExtractGuardianNoticeDto[];
  @ApiProperty({ type: [ExtractCaseDto] }) cases: ExtractCaseDto[];
  @ApiProperty({
    type: [ExtractAccessDto],
    description: "Who has read or changed the pupil's data (art. 15(1)(c)): allowed accesses, oldest first.",
  })
  accessedBy: ExtractAccessDto[];
  @ApiProperty({ type: ExtractListLimitDto, description: 'How many access-log rows there are and are shown.' })
  accessedByShown: ExtractListLimitDto;
}
