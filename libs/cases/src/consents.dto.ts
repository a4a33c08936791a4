import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { CONSENT_SCOPES } from '@app/access';
import { IsCalendarDate } from '@app/http';

export class GiveConsentDto {
  @ApiProperty({ format: 'uuid', description: 'The agency the consent lets in (not the school itself).' })
  @IsUUID()
  agencyId: string;

  @ApiProperty({
    enum: ['guardian', 'pupil'],
    description: 'Whose consent it is: the right to decide moves to the child with maturity.',
  })
  @IsIn(['guardian', 'pupil'])
  givenBy: 'guardian' | 'pupil';

  @ApiProperty({ example: 'Anna Lind' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  givenByName: string;

  @ApiProperty({ enum: CONSENT_SCOPES, isArray: true, description: 'What the agency may see: consent may be partial.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(CONSENT_SCOPES.length)
  @ArrayUnique()
  @IsIn(CONSENT_SCOPES, { each: true })
  scope: string[];

  @ApiProperty({ format: 'date', example: '2026-11-23', description: 'The day consent was given (not in the future).' })
  @IsCalendarDate()
  givenAt: string;

  @ApiPropertyOptional({
    format: 'date',
    description:
      'The last day it is valid; expiry works like withdrawal. Absent: the default validity ' +
      '(CONSENT_DEFAULT_VALIDITY_MONTHS, 12 months from givenAt); at most CONSENT_MAX_VALIDITY_MONTHS (24) after givenAt.',
  })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string;

  @ApiPropertyOptional({ description: 'Where the signed consent is kept (diarienummer, document id).' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  documentReference?: string;
}

export class ConsentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() agencyName: string;
  @ApiProperty({ enum: ['guardian', 'pupil'] }) givenBy: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "Who gave it; null for an outside agency that may not see the pupil's or guardians' names.",
  })
  givenByName: string | null;
  @ApiProperty({ enum: CONSENT_SCOPES, isArray: true }) scope: string[];
  @ApiProperty({ format: 'date' }) givenAt: string;
  @ApiProperty({ format: 'date', description: 'The last day it is valid (inclusive); every consent ends.' })
  validUntil: string;
  @ApiProperty({ type: String, nullable: true }) documentReference: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) withdrawnAt: string | null;
  @ApiProperty({ description: 'Given, not expired, not withdrawn: the agency has access while mobilised.' })
  inForce: boolean;
}
