import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { AgencyType } from '@app/access';

export const AGENCY_TYPES: AgencyType[] = ['school', 'social_services', 'bup', 'habilitation', 'other'];

export class CreateAgencyDto {
  @ApiProperty({ example: 'Fältskolan' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: AGENCY_TYPES })
  @IsIn(AGENCY_TYPES)
  type: AgencyType;

  @ApiPropertyOptional({
    description: 'Skolenhetskod (8 digits); required for schools, refused for others.',
    example: '12345678',
  })
  @ValidateIf((o: CreateAgencyDto) => o.type === 'school' || o.schoolUnitCode !== undefined)
  @IsString()
  @Matches(/^\d{8}$/, { message: 'schoolUnitCode must be the 8-digit skolenhetskod' })
  schoolUnitCode?: string;
}

export class AgencyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: AGENCY_TYPES }) type: AgencyType;
  @ApiProperty({ nullable: true, type: String }) schoolUnitCode: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
