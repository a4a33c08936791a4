import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessLogService } from '@app/access';
import { APP_CONFIG, AppConfig } from '@app/config';
import { DomainError } from '@app/http';
import { SignInResult } from '../auth/auth.dto';
import { MfaService } from '../mfa/mfa.service';
import { OidcClient } from './oidc-client';
import { OidcRepository } from './oidc.repository';
import {
  isProviderUnavailable,
  OIDC_EXCHANGE_TTL_SECONDS,
  OIDC_SIGN_IN_TTL_SECONDS,
  OidcFailureReason,
  providerCheckedSecondFactor,
  randomToken,
  sha256,
  signInCodePage,
  signInErrorPage,
  userKeyFromClaims,
} from './oidc.rules';

type LogCaller = { userId: string; agencyId: string; organisationId: string } | null;

/** Where the browser goes next, and the browser-binding cookie to set (start only). */
export interface OidcRedirect {
  location: string;
  browserToken?: string;
}

const EXCHANGE_FAILED = 'The sign-in code is unknown, used or expired, or the account is deactivated.';

/**
 * Single sign-on through the organisation's OpenID provider (authorization code flow with PKCE,
 * `state` and `nonce`). Only pre-provisioned, active users sign in; nothing is created. The
 * callback hands the web app a one-time code (never a token in a URL), which it exchanges for
 * our own tokens. Every success and failure is in the access log (`auth.oidc.login`,
 * `auth.oidc.exchange`), with the reason and never the provider's claims.
 */
@Injectable()
export class OidcService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly client: OidcClient,
    private readonly repository: OidcRepository,
    private readonly secondFactor: MfaService,
    private readonly accessLog: AccessLogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.client.settings !== null;
  }

  /** The browser reaches us over https (as the registered redirect URL says): the cookie is Secure. */
  get secureCookie(): boolean {
    return this.client.settings?.redirectUrl.startsWith('https:') ?? false;
  }

  private get settings() {
    const settings = this.client.settings;
    if (!settings) throw new DomainError('oidc-not-configured', 404, 'Not Found', 'Single sign-on is not configured.');
    return settings;
  }

  /** Sends the browser to the provider, bound to it by a cookie. */
  async start(requestId?: string): Promise<OidcRedirect> {
    const settings = this.settings;
    let start;
    try {
      start = await this.client.start(settings);
    } catch (error) {
      return this.fail(isProviderUnavailable(error) ? 'provider-unavailable' : 'failed', null, requestId, 'start');
    }
    const browserToken = randomToken();
    await this.repository.open(
      {
        stateHash: sha256(start.state),
        browserHash: sha256(browserToken),
        nonce: start.nonce,
        codeVerifier: start.codeVerifier,
      },
      OIDC_SIGN_IN_TTL_SECONDS,
    );
    return { location: start.url, browserToken };
  }

  /** The provider's redirect back: checks everything, finds the user, hands the web app a one-time code. */
  async callback(
    query: Record<string, unknown>,
    browserToken: string | null,
    requestId?: string,
  ): Promise<OidcRedirect> {
    const settings = this.settings;
    const state = typeof query.state === 'string' ? query.state : '';
    // Taken (completed) at once, in its own statement: a replayed callback finds nothing.
    const signIn = state ? await this.repository.takeOpen(this.dataSource.manager, sha256(state)) : null;
    if (!signIn) return this.fail('failed', null, requestId, 'state');
    if (!browserToken || sha256(browserToken) !== signIn.browser_hash)
      return this.fail('failed', null, requestId, 'browser');
    if (typeof query.error === 'string') {
      return this.fail(query.error === 'access_denied' ? 'cancelled' : 'failed', null, requestId, 'provider-error');
    }
    let claims: Record<string, unknown>;
    try {
      const search = new URLSearchParams(
        Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
      claims = await this.client.finish(settings, search.toString(), {
        state,
        nonce: signIn.nonce,
        codeVerifier: signIn.code_verifier,
      });
    } catch (error) {
      return this.fail(isProviderUnavailable(error) ? 'provider-unavailable' : 'failed', null, requestId, 'token');
    }
    const key = userKeyFromClaims(claims, settings.userClaim);
    if (!key) return this.fail('failed', null, requestId, 'claim');
    const code = randomToken();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const users = await this.repository.usersNamed(manager, settings.userField, key);
      if (users.length !== 1) return { reason: users.length ? ('failed' as const) : ('unknown-user' as const) };
      const [user] = users;
      const caller = { userId: user.id, agencyId: user.agency_id, organisationId: user.organisation_id };
      if (!user.active) return { reason: 'deactivated' as const, caller };
      await this.repository.complete(
        manager,
        signIn.id,
        {
          userId: user.id,
          secondFactor: providerCheckedSecondFactor(claims, { acr: settings.mfaAcrValues, amr: settings.mfaAmrValues }),
          exchangeHash: sha256(code),
        },
        OIDC_EXCHANGE_TTL_SECONDS,
      );
      await this.log(caller, 'auth.oidc.login', user.id, 'allowed', requestId, null, manager);
      return { reason: null, caller };
    });
    if (outcome.reason) {
      return this.fail(
        outcome.reason,
        outcome.caller ?? null,
        requestId,
        outcome.reason === 'failed' ? 'ambiguous' : undefined,
      );
    }
    return { location: signInCodePage(this.config.appBaseUrl, code) };
  }

  /** The web app's exchange of the one-time code for our tokens. Works once, for two minutes. */
  async exchange(code: string, requestId?: string): Promise<SignInResult> {
    void this.settings;
    const outcome = await this.dataSource.transaction(async (manager) => {
      const signIn = await this.repository.takeExchange(manager, sha256(code));
      const caller = signIn
        ? { userId: signIn.user_id, agencyId: signIn.agency_id, organisationId: signIn.organisation_id }
        : null;
      if (!signIn || !signIn.active) return { caller, tokens: null };
      await this.log(caller, 'auth.oidc.exchange', signIn.user_id, 'allowed', requestId, null, manager);
      const tokens = await this.secondFactor.afterFirstFactor(manager, signIn.user_id, {
        method: 'oidc',
        providerChecked: signIn.second_factor,
      });
      return { caller, tokens };
    });
    if (!outcome.tokens) {
      await this.log(outcome.caller, 'auth.oidc.exchange', outcome.caller?.userId ?? null, 'denied', requestId, null);
      throw new DomainError('sign-in-code-invalid', 401, 'Unauthorized', EXCHANGE_FAILED);
    }
    return outcome.tokens;
  }

  private async fail(
    reason: OidcFailureReason,
    caller: LogCaller,
    requestId: string | undefined,
    step?: string,
  ): Promise<OidcRedirect> {
    await this.log(caller, 'auth.oidc.login', caller?.userId ?? null, 'denied', requestId, {
      reason,
      ...(step ? { step } : {}),
    });
    return { location: signInErrorPage(this.config.appBaseUrl, reason) };
  }

  private log(
    caller: LogCaller,
    action: string,
    userId: string | null,
    outcome: 'allowed' | 'denied',
    requestId: string | undefined,
    detail: Record<string, unknown> | null,
    manager = this.dataSource.manager,
  ): Promise<void> {
    return this.accessLog.record(
      { caller, action, subjectType: 'user', subjectIds: userId ? [userId] : [], outcome, requestId, detail },
      manager,
    );
  }
}
