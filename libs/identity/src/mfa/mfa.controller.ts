import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest as Request } from 'fastify';
import { Caller, CurrentCaller, Public, RequirePermission } from '@app/access';
import { ApiProblems } from '@app/http';
import { TokenPairDto } from '../auth/auth.dto';
import { AccessTokenAuthenticator, bearerToken } from '../auth/access-token';
import { SignInThrottle } from '../auth/sign-in-throttle';
import { MfaCodeDto, MfaVerifyDto, RecoveryCodesDto, TotpEnrolmentDto } from './mfa.dto';
import { EnrolmentSubject, MfaService } from './mfa.service';

type IdRequest = Request & { id?: string };

const NOT_SIGNED_IN = 'Log in first, or send the enrolment token from the login answer as the bearer token.';

/**
 * Enrolment and the second step of a sign-in. The two enrolment routes take either an access
 * token (a signed-in user) or an enrolment token (a user whose role requires a second factor and
 * who has none yet; good for nothing else), so they are public to AccessGuard and check the bearer
 * themselves.
 */
@ApiTags('auth')
@Controller('auth/mfa')
export class MfaController {
  constructor(
    private readonly mfa: MfaService,
    private readonly accessTokens: AccessTokenAuthenticator,
  ) {}

  @Post('totp')
  @Public()
  @SignInThrottle()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Start enrolling an authenticator app (TOTP): a new secret and its otpauth URI (shown as a QR code).',
    description:
      'Bearer: your access token, or the enrolment token. While a confirmed factor exists: 409 ' +
      '`mfa-already-enrolled` (an administrator resets it first). Calling again before confirming replaces the secret.',
  })
  @ApiOkResponse({ type: TotpEnrolmentDto })
  @ApiProblems(401, 409)
  async enrol(@Req() request: IdRequest): Promise<TotpEnrolmentDto> {
    return this.mfa.enrol(await this.subject(request));
  }

  @Post('totp/confirm')
  @Public()
  @SignInThrottle()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Confirm the enrolment with the code the app shows: ten recovery codes, shown once.',
    description:
      'A wrong code is 422 `mfa-code-invalid`. With an enrolment token the sign-in completes: the answer ' +
      'also holds `session` (the token pair).',
  })
  @ApiOkResponse({ type: RecoveryCodesDto })
  @ApiProblems(400, 401, 409, 422)
  async confirm(@Body() body: MfaCodeDto, @Req() request: IdRequest): Promise<RecoveryCodesDto> {
    return this.mfa.confirm(await this.subject(request), body.code);
  }

  @Post('verify')
  @Public()
  @SignInThrottle()
  @HttpCode(200)
  @ApiOperation({
    summary: 'The second step of a sign-in: the mfaToken and a TOTP code or an unused recovery code → the tokens.',
    description:
      'Each code works once. A wrong code is 401 `mfa-code-invalid` (`tokenVoid` says whether this was the ' +
      'fifth, which ends the sign-in); an unknown, used, void or expired mfaToken is 401 `mfa-token-invalid`. ' +
      'Wrong codes do not count toward the password lockout.',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401)
  verify(@Body() body: MfaVerifyDto, @Req() request: IdRequest): Promise<TokenPairDto> {
    return this.mfa.verify(body.mfaToken, body.code, request.id);
  }

  /** The signed-in user (access token) or the enrolment token's user. */
  private async subject(request: IdRequest): Promise<EnrolmentSubject> {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new UnauthorizedException(NOT_SIGNED_IN);
    if (token.split('.').length === 3) {
      // An access token, checked as the AccessGuard checks it.
      const caller = await this.accessTokens.callerOf(request.headers.authorization);
      const user = caller ? await this.mfa.userSubject(caller.userId) : null;
      if (!user) throw new UnauthorizedException(NOT_SIGNED_IN);
      return { user, challengeId: null, requestId: request.id };
    }
    const subject = await this.mfa.enrolmentSubject(token);
    if (!subject) throw new UnauthorizedException(NOT_SIGNED_IN);
    return { ...subject, requestId: request.id };
  }
}

@ApiTags('users')
@Controller('users')
export class UserMfaController {
  constructor(private readonly mfa: MfaService) {}

  @Post(':id/mfa/reset')
  @HttpCode(204)
  @RequirePermission('user.update')
  @ApiOperation({
    summary: "Reset a user's second factor (an administrator of the user's organisation): they enrol again.",
    description:
      'Removes the TOTP secret and the recovery codes and ends open sign-in steps. Logged as `user.mfa.reset`.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  async reset(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.mfa.reset(caller, id);
  }
}
