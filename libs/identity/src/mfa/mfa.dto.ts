import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TokenPairDto } from '../auth/auth.dto';

export class TotpEnrolmentDto {
  @ApiProperty({ example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', description: 'Base32; for typing into the app by hand.' })
  secret: string;

  @ApiProperty({
    example:
      'otpauth://totp/N%C3%A4rvaroteam:kim%40example.se?issuer=N%C3%A4rvaroteam&secret=…&algorithm=SHA1&digits=6&period=30',
    description: 'Shown as a QR code for the authenticator app.',
  })
  otpauthUri: string;
}

export class MfaCodeDto {
  @ApiProperty({ example: '123456', description: 'The 6-digit code the authenticator app shows now.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  code: string;
}

export class MfaVerifyDto {
  @ApiProperty({ description: 'From the login answer `{ mfaRequired: true, mfaToken }`.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  mfaToken: string;

  @ApiProperty({
    example: '123456',
    description: 'A 6-digit TOTP code, or an unused recovery code (`XXXX-XXXX-XXXX-XXXX`).',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  code: string;
}

export class RecoveryCodesDto {
  @ApiProperty({
    type: [String],
    example: ['7K3Q-DM0Z-PX2R-WTA9'],
    description: 'Ten one-time recovery codes, shown this once (only their hashes are kept).',
  })
  recoveryCodes: string[];

  @ApiPropertyOptional({
    type: TokenPairDto,
    description: 'Only when enrolling with an enrolment token: the sign-in is complete, here are the tokens.',
  })
  session?: TokenPairDto;
}
