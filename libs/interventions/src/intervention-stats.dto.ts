import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { TERM_CODE } from '@app/calendar';
import { TermDto } from '@app/identity';
import { InterventionRefDto } from './intervention.dto';
import { BEHAVIOURS } from './intervention.rules';
import { REPORTED_END_REASONS } from './intervention-stats.rules';

export class InterventionStatsQuery {
  @ApiPropertyOptional({
    example: '2026HT',
    description:
      "A term that has begun (year and HT or VT, the organisation's term dates). Default: the current term (Swedish time).",
  })
  @IsOptional()
  @Matches(TERM_CODE, { message: 'term must be a term such as 2026HT or 2027VT' })
  term?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'A school of your organisation. Principals and elevhälsa: their own (the default); admins: default all of it.',
  })
  @IsOptional()
  @IsUUID()
  schoolId?: string;
}

/** A count and its share of its base; both null when suppressed. */
export class CountShareDto {
  @ApiProperty({ type: Number, nullable: true }) count: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'count / base, three decimals.' }) share: number | null;
}

export class InterventionFollowUpStatsDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Ended courses whose follow-up can be recorded by today (from 14 days before it falls due).',
  })
  due: number | null;
  @ApiProperty({ type: CountShareDto, description: 'Followed up (recorded), of those due.' }) followedUp: CountShareDto;
  @ApiProperty({ type: CountShareDto, description: 'In school or work at least 20 h/week, of those followed up.' })
  schoolOrWork20h: CountShareDto;
}

export class BehaviourStatsDto {
  @ApiProperty({ type: CountShareDto, description: 'Referred for the behaviour at the start, of the ended courses.' })
  atStart: CountShareDto;
  @ApiProperty({
    type: Object,
    description: 'A new intervention for the behaviour at the 6- and 18-month follow-up, of those followed up then.',
    additionalProperties: { $ref: '#/components/schemas/CountShareDto' },
  })
  newIntervention: Record<string, CountShareDto>;
}

export class InterventionResultDto {
  @ApiProperty({ type: InterventionRefDto }) intervention: InterventionRefDto;
  @ApiProperty({ type: Number, nullable: true, description: 'Courses ended in the period.' }) coursesEnded:
    number | null;
  @ApiProperty({
    type: Object,
    description: `How they ended, of the courses ended: ${REPORTED_END_REASONS.join(', ')}.`,
    additionalProperties: { $ref: '#/components/schemas/CountShareDto' },
  })
  endReasons: Record<string, CountShareDto>;
  @ApiProperty({
    type: Object,
    description: 'Follow-ups 6 and 18 months after the course’s end ("6", "18").',
    additionalProperties: { $ref: '#/components/schemas/InterventionFollowUpStatsDto' },
  })
  followUps: Record<string, InterventionFollowUpStatsDto>;
  @ApiProperty({
    type: Object,
    description: `Per referred behaviour (${BEHAVIOURS.join(', ')}).`,
    additionalProperties: { $ref: '#/components/schemas/BehaviourStatsDto' },
  })
  behaviours: Record<string, BehaviourStatsDto>;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Median attendance % in the 8 weeks with lessons before the course started.',
  })
  medianAttendanceBeforeStart: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Median attendance % in the 8 weeks with lessons up to the course’s end.',
  })
  medianAttendanceBeforeEnd: number | null;
}

export class InterventionStatsDto {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null: the whole organisation.' })
  schoolId: string | null;
  @ApiProperty({ example: '2026HT' }) term: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: [TermDto], description: 'The current term and the three before it, newest first.' })
  terms: TermDto[];
  @ApiProperty({ type: [InterventionResultDto] }) interventions: InterventionResultDto[];
  @ApiProperty({
    type: [String],
    description: 'The cells that are null because of suppression, as `<interventionId>.<figure>`.',
  })
  suppressed: string[];
}
