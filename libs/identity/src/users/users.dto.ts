import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { Role, ROLES } from '@app/access';
import { SetupCodeDto } from '../setup/setup.dto';

export class CreateUserDto {
  @ApiProperty({ example: 'kurator@storsjo.demo', description: 'An e-mail address; used to log in.' })
  @IsEmail()
  @MaxLength(254)
  username: string;

  @ApiProperty({ example: 'Kim Kurator' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  agencyId: string;

  @ApiProperty({
    enum: ROLES,
    isArray: true,
    description: 'admin and auditor are never combined with school_staff, principal, elevhalsa or agency_worker (422).',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];
  // No password: the user chooses one with the setup code in the answer (or in their mail).
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({
    enum: ROLES,
    isArray: true,
    description:
      'Not your own (403). admin and auditor are never combined with a role that reads pupils or cases (422).',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() agencyName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deactivatedAt: string | null;
}

export class CreatedUserDto extends UserDto {
  @ApiProperty({ type: SetupCodeDto, description: 'The one-time code with which the user chooses a password.' })
  setup: SetupCodeDto;
}
