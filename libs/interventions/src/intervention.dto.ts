import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { PageQuery } from '@app/http';
import { PROVIDER_AGENCY_TYPES, ProviderAgencyType } from './intervention.rules';

export class CreateInterventionDto {
  @ApiProperty({ maxLength: 200, example: 'MST (multisystemisk terapi)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiProperty({ enum: PROVIDER_AGENCY_TYPES, description: 'The kind of agency that provides it.' })
  @IsIn(PROVIDER_AGENCY_TYPES)
  providerAgencyType: ProviderAgencyType;

  @ApiProperty({ description: 'Evidence-based (evidensbaserad), e.g. MST.' })
  @IsBoolean()
  evidenceBased: boolean;

  @ApiPropertyOptional({ maxLength: 500, example: 'Ungdomar 12–17 år med allvarliga beteendeproblem' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  targetGroup?: string;

  @ApiProperty({ description: 'Offered now. A retired intervention (false) stays for history, never deleted.' })
  @IsBoolean()
  active: boolean;
}

/** Every field optional; `description` and `targetGroup` may be set to null to clear them. */
export class UpdateInterventionDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 4000, nullable: true, type: String })
  @ValidateIf((_o, value) => value !== null)
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({ enum: PROVIDER_AGENCY_TYPES })
  @IsOptional()
  @IsIn(PROVIDER_AGENCY_TYPES)
  providerAgencyType?: ProviderAgencyType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  evidenceBased?: boolean;

  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String })
  @ValidateIf((_o, value) => value !== null)
  @IsOptional()
  @IsString()
  @MaxLength(500)
  targetGroup?: string | null;

  @ApiPropertyOptional({ description: 'false retires it (kept for history); true offers it again.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class InterventionListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only offered (true) or only retired (false) ones.' })
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}

export class InterventionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ enum: PROVIDER_AGENCY_TYPES }) providerAgencyType: ProviderAgencyType;
  @ApiProperty() evidenceBased: boolean;
  @ApiProperty({ type: String, nullable: true }) targetGroup: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** An intervention as a course or a plan action names it. */
export class InterventionRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PROVIDER_AGENCY_TYPES }) providerAgencyType: ProviderAgencyType;
  @ApiProperty() evidenceBased: boolean;
  @ApiProperty({ description: 'false: retired from the catalogue since.' }) active: boolean;
}
