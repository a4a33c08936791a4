import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt } from 'class-validator';
import {
  DATA_CLASSES,
  DataClass,
  HELD_CLASSES,
  HeldClass,
  HOLD_REASONS,
  HoldReason,
  RETENTION_UNITS,
  RetentionUnit,
} from './retention.rules';

export class RetentionRuleDto {
  @ApiProperty({ enum: DATA_CLASSES, description: 'The data class the rule keeps.' })
  dataClass: DataClass;
  @ApiProperty({
    enum: RETENTION_UNITS,
    description:
      'Unit of the period. `school_years`: the current school year (from the first day of HT) and the ' +
      '`period − 1` before it are kept.',
  })
  unit: RetentionUnit;
  @ApiProperty({ description: "The organisation's period, in `unit`.", example: 12 })
  period: number;
  @ApiProperty({ description: 'The default period (docs/DATA-PROTECTION.md).' }) defaultPeriod: number;
  @ApiProperty({ description: 'The shortest period allowed.' }) minPeriod: number;
  @ApiProperty({ description: 'The longest period allowed.' }) maxPeriod: number;
  @ApiProperty({ description: 'The legal basis for keeping the data (Swedish).' }) legalBasis: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who last changed the period.' })
  updatedBy: string | null;
}

export class RetentionRuleListDto {
  @ApiProperty({ type: [RetentionRuleDto] }) items: RetentionRuleDto[];
}

export class UpdateRetentionRuleDto {
  @ApiProperty({ description: "The new period, in the rule's unit, within its bounds (else 422).", example: 24 })
  @IsInt()
  period: number;
}

export class RetentionDueDto {
  @ApiProperty({ enum: DATA_CLASSES }) dataClass: DataClass;
  @ApiProperty({
    description:
      'Items due now (lessons, days, flags, cases not held, notifications, imports, sign-in records, access-log ' +
      'rows in whole months past the period).',
  })
  due: number;
  @ApiProperty({ format: 'date-time', description: 'What is older than this is due.' }) cutoff: string;
}

export class RetentionHoldDto {
  @ApiProperty({ enum: HELD_CLASSES, description: 'The class of the item kept.' }) dataClass: HeldClass;
  @ApiProperty({ format: 'uuid', description: 'The item kept: the case, or the investigation.' }) id: string;
  @ApiProperty({
    format: 'uuid',
    description: 'The case concerned: the held case itself, or for an investigation the case that holds it.',
  })
  caseId: string;
  @ApiProperty({ example: 'NT-2019-0042', description: "That case's reference." }) reference: string;
  @ApiProperty({
    format: 'date-time',
    description: "What the item's period counts from: the case's closure, the day the huvudman was informed.",
  })
  since: string;
  @ApiProperty({
    enum: HOLD_REASONS,
    description:
      '`open-investigation`: the pupil has an absence investigation not yet reported to the huvudman; ' +
      '`pending-invitation`: the case has an unanswered invitation; ' +
      "`open-case`: the investigation's pupil has a case that is not closed.",
  })
  reason: HoldReason;
}

export class RetentionPreviewDto {
  @ApiProperty({ format: 'date-time', description: 'The moment the preview was computed for.' }) at: string;
  @ApiProperty({ type: [RetentionDueDto] }) classes: RetentionDueDto[];
  @ApiProperty({
    type: [RetentionHoldDto],
    description: 'Items past their period kept under a legal hold (closed cases, absence investigations).',
  })
  holds: RetentionHoldDto[];
}

export class RetentionRunCountDto {
  @ApiProperty({ enum: DATA_CLASSES }) dataClass: DataClass;
  @ApiProperty({ description: "Rows erased (every table of the class), of your organisation's data." }) rows: number;
  @ApiProperty({ description: 'Items of the class past their period kept under a legal hold.' }) held: number;
}

export class RetentionRunDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['schedule', 'manual'] }) trigger: 'schedule' | 'manual';
  @ApiProperty({ enum: ['running', 'finished', 'failed'] }) status: 'running' | 'finished' | 'failed';
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why a run failed (a code, no data).' })
  failure: string | null;
  @ApiProperty({ type: [RetentionRunCountDto], description: "Counts only, your organisation's." })
  counts: RetentionRunCountDto[];
}
