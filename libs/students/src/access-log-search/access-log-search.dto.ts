import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min, MaxLength } from 'class-validator';
import { IsIsoInstant } from '@app/http';

export const OUTCOMES = ['allowed', 'denied'] as const;

/**
 * `POST /access-log/search`: the auditor's filter. The pupil is named by full personnummer in
 * this body, never in a URL; the server resolves it to the pupil of the auditor's organisation.
 */
export class AccessLogSearchDto {
  @ApiPropertyOptional({
    example: '20120315-2388',
    description: "A pupil's full personnummer or samordningsnummer: entries about the pupil and their cases.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  personnummer?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only entries made by this user.' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only entries made from this agency.' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ example: 'student.read', description: 'Only this action (verb-noun).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ description: 'From this instant (inclusive), ISO 8601.' })
  @IsOptional()
  @IsIsoInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Before this instant (exclusive), ISO 8601.' })
  @IsOptional()
  @IsIsoInstant()
  to?: string;

  @ApiPropertyOptional({ enum: OUTCOMES, description: 'allowed or denied (nekad).' })
  @IsOptional()
  @IsIn(OUTCOMES)
  outcome?: (typeof OUTCOMES)[number];

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page, as given (ignored for CSV).' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;
}

export class AccessLogSearchItem {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: String }) userId: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The acting user's name (staff, not pupils)." })
  userDisplayName: string | null;
  @ApiProperty({ nullable: true, type: String }) agencyId: string | null;
  @ApiProperty({ nullable: true, type: String }) agencyName: string | null;
  @ApiProperty({ example: 'student.read' }) action: string;
  @ApiProperty({ example: 'student' }) subjectType: string;
  @ApiProperty({ type: [String] }) subjectIds: string[];
  @ApiProperty({ enum: OUTCOMES }) outcome: string;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
}
