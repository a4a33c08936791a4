import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, PageQuery, realDate } from '@app/http';
import { RULE_KINDS } from './rule-evaluation';

export class RuleHitDto {
  @ApiProperty({ enum: RULE_KINDS }) rule: string;
  @ApiProperty({ example: '14 % frånvaro senaste 4 veckorna, varav 6 % ogiltig', description: 'In Swedish.' })
  explanation: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The numbers behind the explanation (percentages, days, weeks, thresholds).',
  })
  figures: Record<string, unknown>;
}

export const WATCHLIST_SORTS = ['absence', 'name', 'rules'] as const;

export class WatchlistQuery extends PageQuery {
  @ApiPropertyOptional({
    format: 'date',
    description: 'Reference day (inclusive end of every window). Default: today in Sweden.',
  })
  @IsOptional()
  @IsCalendarDate(realDate)
  date?: string;

  @ApiPropertyOptional({
    enum: WATCHLIST_SORTS,
    default: 'absence',
    description:
      '`absence`: highest absence % first; `name`: last name, first name; `rules`: most rules hit first, then absence.',
  })
  @IsOptional()
  @IsIn(WATCHLIST_SORTS)
  sort?: (typeof WATCHLIST_SORTS)[number];
}

export class WatchlistCaseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'NT-2026-0042' }) reference: string;
  @ApiProperty({ enum: ['open', 'mapping', 'plan_active', 'follow_up'] }) status: string;
}

export class WatchlistItemDto {
  @ApiProperty({ format: 'uuid' }) studentId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() className: string;
  @ApiProperty() grade: number;
  @ApiProperty({ example: '20120315-****' }) personnummerMasked: string;
  @ApiProperty({ description: 'Absence % over the absence_share window (one decimal).' }) absencePercent: number;
  @ApiProperty({ description: 'Of which invalid (ogiltig), %.' }) invalidAbsencePercent: number;
  @ApiProperty({ type: [RuleHitDto] }) rulesHit: RuleHitDto[];
  @ApiProperty({ description: 'A flag to elevhälsa about the pupil awaits triage.' }) openFlag: boolean;
  @ApiProperty({ description: 'A frånvaroutredning started within the 12 months before the reference day.' })
  investigationStarted: boolean;
  @ApiProperty({
    description:
      'The pupil has an open case (not closed). Told to every reader of the list; the case itself only in `case`.',
  })
  hasOpenCase: boolean;
  @ApiProperty({
    type: WatchlistCaseDto,
    nullable: true,
    description:
      "The pupil's open case, for those who may read the school's cases (principal, elevhälsa); " +
      'null when there is none or the caller may not read cases.',
  })
  case: WatchlistCaseDto | null;
}
