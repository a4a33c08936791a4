import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { TERM_CODE } from '@app/calendar';
import { TermDto } from '@app/identity';
import { LEAD_TIME_MEASURES } from '../lead-times.sql';
import { NEW_INTERVENTIONS } from './follow-ups.rules';
import { CHOOSABLE_TERMS } from './statistics.rules';

export class OutcomeStatsQuery {
  @ApiPropertyOptional({
    example: '2026HT',
    description:
      "A term that has begun: year and HT (autumn) or VT (spring), bounded by the organisation's term dates " +
      '(`GET /organisation/terms`; default HT 15 Aug–15 Jan, VT 16 Jan–14 Aug). Default: the current term (Swedish time).',
  })
  @IsOptional()
  @Matches(TERM_CODE, { message: 'term must be a term such as 2026HT or 2027VT' })
  term?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'A school of your organisation. Principals and elevhälsa: their own school only (the default); admins: default the whole organisation.',
  })
  @IsOptional()
  @IsUUID()
  schoolId?: string;
}

export class AttendanceGoalStatsDto {
  @ApiProperty({ description: 'Plans (of cases opened in the period) with an attendance target in a goal.' })
  count: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "Of those, plans whose latest review recorded the goal as reached (a plan not yet reviewed hasn't).",
  })
  reached: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'reached / count, three decimals.' })
  share: number | null;
}

export class FollowUpStatsDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Follow-ups recorded (of cases closed in the period).' })
  recorded: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'In school or work at least 20 h/week.' })
  backInSchoolOrWork20h: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number', nullable: true },
    description: `Follow-ups that needed a new intervention, per kind (${NEW_INTERVENTIONS.join(', ')}); null when suppressed.`,
    example: { social_services: 7, bup: null, habilitation: null, other: null },
  })
  newInterventions: Record<string, number | null>;
  @ApiProperty({ type: Number, nullable: true, description: 'Median attendance % in the 4 weeks before recording.' })
  medianAttendancePercent: number | null;
}

export class LeadTimeFigureDto {
  @ApiProperty({ enum: LEAD_TIME_MEASURES, example: 'openedToPlanAgreed' }) measure: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Median whole days between the two steps, over cases opened in the term that reached both.',
  })
  medianDays: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '90th percentile, whole days.' })
  p90Days: number | null;
}

export class OutcomeStatsDto {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null: the whole organisation.' })
  schoolId: string | null;
  @ApiProperty({ example: '2026HT', description: 'The term the figures are for.' }) term: string;
  @ApiProperty({ format: 'date', description: 'First day of the term.' }) from: string;
  @ApiProperty({ format: 'date', description: 'Last day of the term (inclusive).' }) to: string;
  @ApiProperty({
    type: [TermDto],
    description: `The current term and the ${CHOOSABLE_TERMS - 1} before it, newest first: the terms to choose from.`,
  })
  terms: TermDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number', nullable: true },
    description: 'Cases opened in the period, by their status now.',
    example: { open: null, mapping: null, plan_active: 6, follow_up: null, closed: 12 },
  })
  casesByStatus: Record<string, number | null>;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Median whole days from opening to the plan agreed, over cases opened in the period (rounded).',
  })
  medianDaysToPlan: number | null;
  @ApiProperty({
    type: [LeadTimeFigureDto],
    description:
      'Lead times of the cases opened in the term, per measure (first signal → flag → case opened → first agency ' +
      'accepted → first meeting → plan agreed): median and 90th percentile in whole days, null (named in ' +
      '`suppressed` as `leadTimes.<measure>.median`/`.p90`) when fewer than 5 pupils are behind them.',
  })
  leadTimes: LeadTimeFigureDto[];
  @ApiProperty({ type: AttendanceGoalStatsDto, nullable: true, description: 'Null when fewer than 5 pupils.' })
  plansWithAttendanceGoal: AttendanceGoalStatsDto | null;
  @ApiProperty({
    type: Object,
    description: 'Follow-up results by months after closure ("6", "18"), over cases closed in the period.',
    additionalProperties: { $ref: '#/components/schemas/FollowUpStatsDto' },
  })
  followUps: Record<string, FollowUpStatsDto>;
  @ApiProperty({
    type: [String],
    description: 'The cells that are null because of suppression, e.g. `casesByStatus.open`, `followUps.18.recorded`.',
  })
  suppressed: string[];
}
