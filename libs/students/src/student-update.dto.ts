import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class PatchGuardianInput {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing guardian of the pupil; leave out for a new one.' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'Anna Andersson' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'vårdnadshavare' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  relation: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Left out: kept as stored. null: cleared (only by a caller who sees it).',
  })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @Matches(/^\+?[0-9 ()-]{5,30}$/, { message: 'phone must be a telephone number' })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'As phone.' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;
}

/**
 * A change of a pupil: only the fields sent change. Class and grade: the school's staff;
 * guardians, protected identity and externalId: the school's principal and elevhälsa.
 */
export class PatchStudentDto {
  @ApiPropertyOptional({ example: '7B' })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  className?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 13 })
  @ValidateIf((_, v) => v !== undefined)
  @IsInt()
  @Min(0)
  @Max(13)
  grade?: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: "The school system's person id; null removes it." })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  externalId?: string | null;

  @ApiPropertyOptional({ description: 'Skyddade personuppgifter.' })
  @ValidateIf((_, v) => v !== undefined)
  @IsBoolean()
  protectedIdentity?: boolean;

  @ApiPropertyOptional({
    type: [PatchGuardianInput],
    description: 'The complete list: listed with id are updated, without id added, the others removed.',
  })
  @ValidateIf((_, v) => v !== undefined)
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => PatchGuardianInput)
  guardians?: PatchGuardianInput[];
}

export class ChangeAuthorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class StudentChangeDto {
  @ApiProperty({ description: 'Grows with every change; the order of the history.' }) id: string;
  @ApiProperty({ example: 'className' }) field: string;
  @ApiProperty({
    nullable: true,
    description: 'The earlier value (guardians: a list; contacts hidden as on the pupil).',
  })
  oldValue: unknown;
  @ApiProperty({ nullable: true }) newValue: unknown;
  @ApiProperty({ enum: ['user', 'sync'] }) source: 'user' | 'sync';
  @ApiProperty({ type: ChangeAuthorDto, nullable: true, description: 'The user; null for a sync.' })
  changedBy: ChangeAuthorDto | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The SS 12000 source of a sync.' })
  syncSourceId: string | null;
  @ApiProperty({ description: "The pupil's version after the change (its ETag)." }) version: number;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
}
