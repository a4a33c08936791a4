import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'mentor@storsjo.demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  username: string;

  @ApiProperty({ example: 'Demo-2026!' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class TokenPairDto {
  @ApiProperty({ description: 'JWT for the Authorization: Bearer header.' }) accessToken: string;
  @ApiProperty({ description: 'Opaque; exchange it once at /auth/refresh.' }) refreshToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires.', example: 900 }) expiresIn: number;
}

export class AgencySummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['school', 'social_services', 'bup', 'habilitation', 'other'] }) type: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({ type: AgencySummaryDto }) agency: AgencySummaryDto;
}

export class MfaRequiredDto {
  @ApiProperty({ enum: [true], description: 'The password (or the provider) was right; a second factor must follow.' })
  mfaRequired: true;
  @ApiProperty({ description: 'Opaque; send it with a code to POST /auth/mfa/verify. Void after five wrong codes.' })
  mfaToken: string;
  @ApiProperty({ description: 'Seconds the mfaToken works.', example: 300 })
  expiresIn: number;
}

export class MfaEnrolmentRequiredDto {
  @ApiProperty({ enum: [true], description: 'Your role requires a second factor and you have none: enrol first.' })
  mfaEnrolmentRequired: true;
  @ApiProperty({
    description:
      'Opaque; good only as `Authorization: Bearer` for POST /auth/mfa/totp and POST /auth/mfa/totp/confirm.',
  })
  enrolmentToken: string;
  @ApiProperty({ description: 'Seconds the enrolmentToken works.', example: 900 })
  expiresIn: number;
}

/** What a first factor (password or provider) leads to: the tokens, or the second factor's step. */
export type SignInResult = TokenPairDto | MfaRequiredDto | MfaEnrolmentRequiredDto;

/** OpenAPI: the answer of a first factor (login, the single sign-on exchange). */
export const ApiSignInResponse = () =>
  applyDecorators(
    ApiExtraModels(TokenPairDto, MfaRequiredDto, MfaEnrolmentRequiredDto),
    ApiOkResponse({
      description:
        'The tokens; or, with a second factor, `{ mfaRequired, mfaToken }`; or, when your role requires one ' +
        'and you have none, `{ mfaEnrolmentRequired, enrolmentToken }` (MFA_REQUIRED_ROLES).',
      schema: {
        oneOf: [
          { $ref: getSchemaPath(TokenPairDto) },
          { $ref: getSchemaPath(MfaRequiredDto) },
          { $ref: getSchemaPath(MfaEnrolmentRequiredDto) },
        ],
      },
    }),
  );
