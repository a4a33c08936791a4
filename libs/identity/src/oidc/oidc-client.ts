import { Inject, Injectable } from '@nestjs/common';
import * as client from 'openid-client';
import { APP_CONFIG, AppConfig, OidcConfig } from '@app/config';

/** Seconds the provider has to answer each request (discovery, JWKS, token endpoint). */
const PROVIDER_TIMEOUT_SECONDS = 10;

/** The authorization request to send the browser to, and what the callback must find again. */
export interface AuthorizationStart {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * The provider, through `openid-client` (OpenID Certified): discovery of its metadata (cached;
 * a failed discovery is retried at the next sign-in), the authorization URL with PKCE (S256),
 * `state` and `nonce`, and the code exchange, which checks the ID token as the spec requires:
 * issuer, audience, signature against the provider's JWKS (`enableNonRepudiationChecks`), expiry,
 * `iat`, `nonce` and `state`; claims the ID token lacks are read from the UserInfo endpoint.
 */
@Injectable()
export class OidcClient {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly appConfig: AppConfig) {}

  get settings(): OidcConfig | null {
    return this.appConfig.oidc;
  }

  private discover(settings: OidcConfig): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        { client_secret: settings.clientSecret, redirect_uris: [settings.redirectUrl], response_types: ['code'] },
        client.ClientSecretBasic(settings.clientSecret),
        {
          timeout: PROVIDER_TIMEOUT_SECONDS,
          execute: [
            // The ID token's signature is checked against the provider's JWKS too, not only TLS
            // (which the spec allows for the token endpoint): a token is verifiable evidence.
            client.enableNonRepudiationChecks,
            // Plain http only where the configuration allows it (never in production).
            ...(new URL(settings.issuer).protocol === 'http:' ? [client.allowInsecureRequests] : []),
          ],
        },
      )
      .catch((error: unknown) => {
        this.configuration = null;
        throw error;
      });
    return this.configuration;
  }

  async start(settings: OidcConfig): Promise<AuthorizationStart> {
    const configuration = await this.discover(settings);
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUrl,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      // Ask for the authentication's `acr` and `amr` in the ID token (whether the provider checked a
      // second factor), where the provider takes the claims parameter (OIDC Core 5.5).
      ...(configuration.serverMetadata().claims_parameter_supported
        ? { claims: JSON.stringify({ id_token: { acr: null, amr: null } }) }
        : {}),
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  /** Exchanges the callback's code; returns the checked ID token's claims. Throws on anything wrong. */
  async finish(
    settings: OidcConfig,
    callbackQuery: string,
    expected: { state: string; nonce: string; codeVerifier: string },
  ): Promise<Record<string, unknown>> {
    const configuration = await this.discover(settings);
    const callbackUrl = new URL(settings.redirectUrl);
    callbackUrl.search = callbackQuery;
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims() as Record<string, unknown> | undefined;
    if (!claims) throw new Error('The provider answered without an ID token.');
    if (claims[settings.userClaim] !== undefined || !configuration.serverMetadata().userinfo_endpoint) return claims;
    // Many providers put profile claims (email …) only in the UserInfo answer: it is asked for the
    // ID token's subject (openid-client refuses another `sub`); the ID token's own claims win.
    const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub as string);
    return { ...userInfo, ...claims };
  }
}
