import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { AbsenceFigures } from '@app/attendance';
import { PageQuery, PersonRefDto } from '@app/http';
import { RuleHitDto } from './watchlist.dto';

export const FLAG_STATUSES = ['new', 'accepted', 'dismissed'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

export class CreateFlagDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 4000,
    example: 'Borta varje måndag sedan höstlovet. Har pratat med eleven och ringt hem två gånger.',
    description: 'What you see, and what you have tried.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  text: string;
}

export class DismissFlagDto {
  @ApiProperty({ minLength: 1, maxLength: 2000, example: 'Frånvaron är utredd: planerad operation, giltig.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class FlagListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FLAG_STATUSES, description: 'Default: every status. `new` is the inbox.' })
  @IsOptional()
  @IsIn(FLAG_STATUSES)
  status?: FlagStatus;
}

export class FlagSnapshotDto {
  @ApiProperty({ format: 'date-time' }) takenAt: string;
  @ApiProperty({
    type: AbsenceFigures,
    description: 'Absence over the last 4 weeks (28 days) up to the day of flagging.',
  })
  figures: AbsenceFigures;
  @ApiProperty({ type: [RuleHitDto], description: 'The watch-list rules the pupil hit at that moment.' })
  rulesHit: RuleHitDto[];
}

export class AddFlagNoteDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 4000,
    example: 'Borta även i dag; eleven säger att magen värker.',
    description: 'What you add to the flag: a new observation about the same worry.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  text: string;
}

export class FlagNoteDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: PersonRefDto }) createdBy: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** What a 409 on a new flag points at: the pupil's untriaged flag, or their open case. */
export class ExistingWorryDto {
  @ApiProperty({ enum: ['flag', 'case'] }) type: 'flag' | 'case';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'NT-2026-0042',
    description: "The case's reference; null for a flag.",
  })
  reference: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the flag was made, or the case opened.' })
  createdAt: string;
}

export class FlagDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) studentId: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() className: string;
  @ApiProperty() grade: number;
  @ApiProperty({ example: '20120315-****' }) personnummerMasked: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: FLAG_STATUSES }) status: FlagStatus;
  @ApiProperty({ type: FlagSnapshotDto }) snapshot: FlagSnapshotDto;
  @ApiProperty({ type: PersonRefDto }) createdBy: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: PersonRefDto, nullable: true }) triagedBy: PersonRefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) triagedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) dismissReason: string | null;
  @ApiProperty({ type: [FlagNoteDto], description: 'Later observations added to this flag, oldest first.' })
  notes: FlagNoteDto[];
}
