import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest as Request } from 'fastify';
import { Caller, CurrentCaller, Public, RequirePermission } from '@app/access';
import { ApiProblems } from '@app/http';
import { SetupCodes } from '../setup/setup-codes.service';
import { SetupDto } from '../setup/setup.dto';
import { ApiSignInResponse, LoginDto, MeDto, RefreshDto, SignInResult, TokenPairDto } from './auth.dto';
import { AuthService } from './auth.service';
import { SignInThrottle } from './sign-in-throttle';
import { LocalAuthGuard } from './strategies';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly setupCodes: SetupCodes,
  ) {}

  @Post('login')
  @Public()
  @SignInThrottle()
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiOperation({
    summary: 'Log in (logga in) with username and password.',
    description:
      'A user with a second factor gets `{ mfaRequired: true, mfaToken }` and no tokens (then POST /auth/mfa/verify); ' +
      'a user whose role requires one (MFA_REQUIRED_ROLES) and who has none gets `{ mfaEnrolmentRequired: true, enrolmentToken }`.',
  })
  @ApiBody({ type: LoginDto })
  @ApiSignInResponse()
  @ApiProblems(400, 401)
  login(@Req() request: Request & { user: SignInResult }): SignInResult {
    return request.user;
  }

  @Post('refresh')
  @Public()
  @SignInThrottle()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair. Each refresh token works once.' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401)
  refresh(@Body() body: RefreshDto, @Req() request: Request & { id?: string }): Promise<TokenPairDto> {
    return this.auth.refresh(body.refreshToken, request.id);
  }

  @Post('setup')
  @Public()
  @SignInThrottle()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Choose your password (välj lösenord) with the one-time setup code from your administrator or mail.',
    description:
      'A code works once, for 72 hours; a newer code voids it. A wrong username or code, or an expired or used ' +
      'code, all answer the same 401. Your other sessions end; then log in with the new password.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 429)
  async setup(@Body() dto: SetupDto, @Req() request: Request & { id?: string }): Promise<void> {
    await this.setupCodes.redeem(dto, request.id);
  }

  @Post('logout')
  @HttpCode(204)
  @RequirePermission('profile.read')
  @ApiOperation({ summary: 'End this login: its refresh tokens and access token stop working.' })
  @ApiNoContentResponse()
  async logout(@CurrentCaller() caller: Caller): Promise<void> {
    await this.auth.logout(caller);
  }

  @Get('me')
  @RequirePermission('profile.read')
  @ApiOperation({ summary: 'Who am I: user, roles and agency.' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentCaller() caller: Caller): MeDto {
    return {
      id: caller.userId,
      username: caller.username,
      displayName: caller.displayName,
      roles: caller.roles,
      agency: {
        id: caller.agencyId,
        type: caller.agencyType,
        name: caller.agencyName,
        organisationId: caller.organisationId,
      },
    };
  }
}
