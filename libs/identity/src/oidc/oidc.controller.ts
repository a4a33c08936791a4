import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@app/access';
import { ApiProblems } from '@app/http';
import { ApiSignInResponse, SignInResult } from '../auth/auth.dto';
import { SignInThrottle } from '../auth/sign-in-throttle';
import { OidcExchangeDto, OidcStatusDto } from './oidc.dto';
import { OIDC_BROWSER_COOKIE, OIDC_SIGN_IN_TTL_SECONDS, readCookie } from './oidc.rules';
import { OidcRedirect, OidcService } from './oidc.service';

const COOKIE_PATH = '/api/v1/auth/oidc';

/** The browser cookie's Set-Cookie value (as Express's res.cookie wrote it), or its removal. */
function browserCookie(value: string | null, secure: boolean): string {
  if (value === null) return `${OIDC_BROWSER_COOKIE}=; Path=${COOKIE_PATH}; Expires=${new Date(0).toUTCString()}`;
  const expires = new Date(Date.now() + OIDC_SIGN_IN_TTL_SECONDS * 1000).toUTCString();
  return (
    `${OIDC_BROWSER_COOKIE}=${encodeURIComponent(value)}; Max-Age=${OIDC_SIGN_IN_TTL_SECONDS}; Path=${COOKIE_PATH}; ` +
    // Lax: sent on the provider's top-level redirect back, never on a cross-site subrequest.
    `Expires=${expires}; HttpOnly;${secure ? ' Secure;' : ''} SameSite=Lax`
  );
}

@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  constructor(private readonly oidc: OidcService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether single sign-on is configured (the login page shows its button then).' })
  @ApiOkResponse({ type: OidcStatusDto })
  status(): OidcStatusDto {
    return { enabled: this.oidc.enabled };
  }

  @Get('login')
  @Public()
  @SignInThrottle()
  @ApiOperation({
    summary: "Sign in through the organisation's identity provider (OpenID Connect): a browser navigation.",
    description:
      'Redirects to the provider (authorization code flow with PKCE S256, `state` and `nonce`) and sets a ' +
      'short-lived HttpOnly cookie binding the sign-in to this browser. If the provider cannot be reached, ' +
      "redirects to the web app's sign-in error page (`/logga-in/fel?orsak=provider-unavailable`). " +
      '404 when single sign-on is not configured.',
  })
  @ApiFoundResponse({ description: 'To the provider, or to the sign-in error page.' })
  @ApiProblems(404)
  async login(@Req() request: FastifyRequest, @Res() response: FastifyReply): Promise<void> {
    const redirect = await this.oidc.start(request.id);
    this.send(response, redirect, request);
  }

  @Get('callback')
  @Public()
  @SignInThrottle()
  @ApiOperation({
    summary: "The provider's redirect back (the registered redirect URL, `OIDC_REDIRECT_URL`).",
    description:
      "Checks state, the browser cookie, the ID token (issuer, audience, signature against the provider's " +
      'JWKS, expiry, nonce) and finds the pre-provisioned, active user by the configured claim. Redirects to ' +
      'the web app with a one-time code in the fragment (`/logga-in/kommunens-konto#kod=…`), or to its ' +
      'sign-in error page with a reason (`/logga-in/fel?orsak=unknown-user|deactivated|cancelled|' +
      'provider-unavailable|failed`). Never a token in a URL; no account is created.',
  })
  @ApiFoundResponse({ description: 'To the web app.' })
  @ApiProblems(404)
  async callback(
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ): Promise<void> {
    const redirect = await this.oidc.callback(
      query,
      readCookie(request.headers.cookie, OIDC_BROWSER_COOKIE),
      request.id,
    );
    response.header('Set-Cookie', browserCookie(null, false));
    this.send(response, redirect, request);
  }

  @Post('exchange')
  @Public()
  @SignInThrottle()
  @HttpCode(200)
  @ApiOperation({
    summary: "Exchange the one-time sign-in code for Närvaroteam's tokens.",
    description:
      'The code works once, for two minutes. A wrong, used or expired code is 401 `sign-in-code-invalid`. ' +
      'Unless the provider said it checked a second factor (OIDC_MFA_ACR_VALUES / OIDC_MFA_AMR_VALUES), a user ' +
      'with a TOTP factor gets the TOTP step, as after a password.',
  })
  @ApiSignInResponse()
  @ApiProblems(400, 401, 404)
  exchange(@Body() body: OidcExchangeDto, @Req() request: FastifyRequest): Promise<SignInResult> {
    return this.oidc.exchange(body.code, request.id);
  }

  private send(response: FastifyReply, redirect: OidcRedirect, request: FastifyRequest): void {
    if (redirect.browserToken) {
      response.header(
        'Set-Cookie',
        browserCookie(redirect.browserToken, this.oidc.secureCookie || request.protocol === 'https'),
      );
    }
    void response.redirect(redirect.location, 302);
  }
}
