import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, realDate } from '@app/http';

export const AUTH_TYPES = ['none', 'bearer', 'oauth2_client_credentials'] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

export class SourceAuthInput {
  @ApiProperty({ enum: AUTH_TYPES })
  @IsIn(AUTH_TYPES)
  type: AuthType;

  @ApiPropertyOptional({ description: 'type bearer: the token. Stored encrypted, never returned.' })
  @ValidateIf((o: SourceAuthInput) => o.type === 'bearer')
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  token?: string;

  @ApiPropertyOptional({ description: 'type oauth2_client_credentials: the token endpoint.' })
  @ValidateIf((o: SourceAuthInput) => o.type === 'oauth2_client_credentials')
  @IsString()
  @MaxLength(2000)
  tokenUrl?: string;

  @ApiPropertyOptional()
  @ValidateIf((o: SourceAuthInput) => o.type === 'oauth2_client_credentials')
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  clientId?: string;

  @ApiPropertyOptional({ description: 'Stored encrypted, never returned.' })
  @ValidateIf((o: SourceAuthInput) => o.type === 'oauth2_client_credentials')
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  clientSecret?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  scope?: string;
}

export class SourceSchoolInput {
  @ApiProperty({ format: 'uuid', description: 'The SS 12000 Organisation (school unit) id.' })
  @IsUUID()
  organisationId: string;

  @ApiProperty({ format: 'uuid', description: 'Our school agency it is.' })
  @IsUUID()
  agencyId: string;
}

export class CreateSourceDto {
  @ApiProperty({ example: 'Östersunds skoldata' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({
    example: 'https://ss12000.exempel.se/v2.1',
    description: 'https (plain http only on 127.0.0.1 outside production).',
  })
  @IsString()
  @MaxLength(2000)
  baseUrl: string;

  @ApiProperty({ type: SourceAuthInput })
  @ValidateNested()
  @Type(() => SourceAuthInput)
  auth: SourceAuthInput;

  @ApiProperty({
    type: [SourceSchoolInput],
    description:
      'SS 12000 school units mapped to our schools by Organisation id. Schools not mapped here (by any source of ' +
      'the organisation) are matched by their skolenhetskod against `Organisation.schoolUnitCode` at each run.',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SourceSchoolInput)
  schools: SourceSchoolInput[];

  @ApiPropertyOptional({
    example: '2026-08-15',
    description: 'Earliest lesson date read; default the start of the current term.',
  })
  @IsOptional()
  @IsCalendarDate(realDate)
  syncFrom?: string;

  @ApiPropertyOptional({ minimum: 5, maximum: 10080, description: 'Run on a schedule, every this many minutes.' })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(10080)
  syncEveryMinutes?: number;
}

export class PatchSourceDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) baseUrl?: string;

  @ApiPropertyOptional({ type: SourceAuthInput, description: 'Replaces the auth, secret included.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SourceAuthInput)
  auth?: SourceAuthInput;

  @ApiPropertyOptional({ type: [SourceSchoolInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SourceSchoolInput)
  schools?: SourceSchoolInput[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsCalendarDate(realDate)
  syncFrom?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'null: no schedule.' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsInt()
  @Min(5)
  @Max(10080)
  syncEveryMinutes?: number | null;
}

export class SourceAuthDto {
  @ApiProperty({ enum: AUTH_TYPES }) type: AuthType;
  @ApiPropertyOptional() tokenUrl?: string;
  @ApiPropertyOptional() clientId?: string;
  @ApiPropertyOptional() scope?: string;
  @ApiProperty({ description: 'Whether a token or client secret is stored (it is never returned).' })
  secretStored: boolean;
}

export class SourceSchoolDto {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() agencyName: string;
}

export class RunCountsDto {
  @ApiProperty() persons: number;
  @ApiProperty() groups: number;
  @ApiProperty() calendarEvents: number;
  @ApiProperty() attendances: number;
  @ApiProperty() absences: number;
  @ApiProperty() deleted: number;
}

export class RunErrorDto {
  @ApiProperty({ example: 'person' }) entity: string;
  @ApiProperty({ type: String, nullable: true, description: 'The SS 12000 id (never a personnummer or name).' })
  id: string | null;
  @ApiProperty({ example: 'civicNo.value' }) field: string;
  @ApiProperty() reason: string;
}

export class SyncRunDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed'] }) status: string;
  @ApiProperty({ enum: ['manual', 'schedule'] }) trigger: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) startedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finishedAt: string | null;
  @ApiProperty({ type: RunCountsDto }) counts: RunCountsDto;
  @ApiProperty({ type: [RunErrorDto] }) errors: RunErrorDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Why a failed run stopped.' }) failure: string | null;
}

export class RunStartedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed'] }) status: string;
}

export class SourceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() baseUrl: string;
  @ApiProperty({ type: SourceAuthDto }) auth: SourceAuthDto;
  @ApiProperty({ type: [SourceSchoolDto] }) schools: SourceSchoolDto[];
  @ApiProperty({ type: String, nullable: true, example: '2026-08-15' }) syncFrom: string | null;
  @ApiProperty({ type: Number, nullable: true }) syncEveryMinutes: number | null;
  @ApiProperty({ type: SyncRunDto, nullable: true }) lastRun: SyncRunDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
