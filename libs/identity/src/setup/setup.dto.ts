import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../passwords';
import { SETUP_CODE_TTL_HOURS } from './setup-code.rules';

export class SetupCodeDto {
  @ApiProperty({
    enum: ['email', 'shown'],
    description:
      '`email`: mailed to the user (SMTP is configured), not in this answer; `shown`: in `setupCode`, this once.',
  })
  delivered: 'email' | 'shown';

  @ApiPropertyOptional({
    example: '7K3QD-M0ZPX-2RWTA-9HFCN',
    description: 'Only when `delivered` is `shown`: give it to the user; it is never shown again.',
  })
  setupCode?: string;

  @ApiProperty({ format: 'date-time', description: `${SETUP_CODE_TTL_HOURS} hours after issue.` })
  expiresAt: string;
}

export class SetupDto {
  @ApiProperty({ example: 'kurator@storsjo.demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  username: string;

  @ApiProperty({ example: '7K3QD-M0ZPX-2RWTA-9HFCN', description: 'The one-time setup code (engångskod).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, description: `At least ${PASSWORD_MIN_LENGTH} characters.` })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}
