import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@app/http';

const PERSONNUMMER_DOC =
  'Personnummer or samordningsnummer: YYYYMMDDNNNN, YYYYMMDD-NNNN, YYMMDD-NNNN or YYMMDD+NNNN (100 years or older).';

export class GuardianInput {
  @ApiProperty({ example: 'Anna Andersson' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'vårdnadshavare', description: 'How the guardian relates to the pupil.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  relation: string;

  @ApiPropertyOptional({ example: '070-1740605' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ()-]{5,30}$/, { message: 'phone must be a telephone number' })
  phone?: string;

  @ApiPropertyOptional({ example: 'anna@exempel.se' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

export class CreateStudentDto {
  @ApiProperty({ example: '20120315-2388', description: PERSONNUMMER_DOC })
  @IsString()
  @MaxLength(20)
  personnummer: string;

  @ApiProperty({ example: 'Elsa' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName: string;

  @ApiProperty({ example: 'Lind' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName: string;

  @ApiProperty({ format: 'uuid', description: "The pupil's school (an agency of type school)." })
  @IsUUID()
  schoolId: string;

  @ApiProperty({ minimum: 0, maximum: 13, description: '0 is förskoleklass.' })
  @IsInt()
  @Min(0)
  @Max(13)
  grade: number;

  @ApiProperty({ example: '7B' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  className: string;

  @ApiPropertyOptional({ description: "The school system's person id (SS 12000 Person.id)." })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  externalId?: string;

  @ApiPropertyOptional({ description: 'Skyddade personuppgifter.', default: false })
  @IsOptional()
  @IsBoolean()
  protectedIdentity?: boolean;

  @ApiProperty({ type: [GuardianInput] })
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => GuardianInput)
  guardians: GuardianInput[];
}

export class LookupStudentDto {
  @ApiProperty({ example: '20120315-2388', description: PERSONNUMMER_DOC })
  @IsString()
  @MaxLength(20)
  personnummer: string;
}

export class StudentListQuery extends PageQuery {
  @ApiPropertyOptional({ example: '7B' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  className?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 13 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(13)
  grade?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to your own school.' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;
}

export class GuardianDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() relation: string;
  @ApiProperty({ type: String, nullable: true, description: 'Hidden (null) under protected identity.' })
  phone: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Hidden (null) under protected identity.' })
  email: string | null;
  @ApiProperty({ description: 'True when contact details are withheld because of protected identity.' })
  contactHidden: boolean;
}

export class StudentSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '20120315-****', description: 'Masked: lists never show the full number.' })
  personnummerMasked: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty() grade: number;
  @ApiProperty() className: string;
  @ApiProperty() protectedIdentity: boolean;
}

export class StudentDto extends StudentSummaryDto {
  @ApiProperty({ description: 'Samordningsnummer rather than personnummer.' }) coordinationNumber: boolean;
  @ApiProperty({ type: String, nullable: true }) externalId: string | null;
  @ApiProperty() schoolName: string;
  @ApiProperty({ type: [GuardianDto] }) guardians: GuardianDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({
    description: 'Grows with every change; the ETag is `"<version>"`, sent back as If-Match with a PATCH.',
  })
  version: number;
}
