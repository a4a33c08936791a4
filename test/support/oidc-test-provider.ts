import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/** Who signs in at the provider next, with what the provider says about them. */
export interface ProviderLogin {
  /** The `sub`. */
  subject: string;
  claims: Record<string, unknown>;
  acr?: string;
  amr?: string[];
}

/** Changes the ID token the token endpoint answers with, before the client sees it. */
export type IdTokenTampering =
  /** New claims, re-signed with the provider's own key (a valid signature over wrong claims). */
  | { resign: (claims: Record<string, unknown>) => Record<string, unknown> }
  /** New claims, the original signature kept (so it no longer matches). */
  | { alter: (claims: Record<string, unknown>) => Record<string, unknown> }
  /** The same claims, signed by a key the provider's JWKS does not hold. */
  | { foreignKey: true };

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The environment that points the app at this provider. */
  env(redirectUrl: string): Record<string, string>;
  /** Set before each sign-in: who the provider signs in. */
  nextLogin: ProviderLogin | null;
  /** Set to change the next ID token(s) the token endpoint hands out; null: untouched. */
  tampering: IdTokenTampering | null;
  /** Stops answering (the port is closed) until `resume()`. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A real OpenID provider (`oidc-provider`, OpenID Certified) in the test process, with one
 * confidential client. Its login and consent pages are replaced by a handler that signs in
 * `nextLogin` at once, so a test drives the whole authorization-code flow over HTTP; `tampering`
 * rewrites the ID token on its way out of the token endpoint, for the refusals a client must make.
 */
export async function startTestProvider(redirectUrl: string): Promise<TestProvider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const clientId = 'narvaroteam-test';
  const clientSecret = 'a-client-secret-for-tests-only';

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;

  const state: TestProvider = {
    issuer,
    clientId,
    clientSecret,
    nextLogin: null,
    tampering: null,
    env: (redirect) => ({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_REDIRECT_URL: redirect,
      OIDC_MFA_AMR_VALUES: 'mfa',
    }),
    pause: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    resume: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: async () => {
      if (!server.listening) return;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const accounts = new Map<string, ProviderLogin>();

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUrl],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key'] },
    claims: {
      acr: null,
      amr: null,
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username'],
    },
    features: { devInteractions: { enabled: false }, claimsParameter: { enabled: true } },
    pkce: { required: () => true },
    findAccount: (_ctx, id) => {
      const login = accounts.get(id);
      return login ? { accountId: id, claims: () => ({ sub: id, ...login.claims }) } : undefined;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  });

  const handler = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      try {
        if (req.url?.startsWith('/interaction/')) {
          // The person at the provider: signs in as `nextLogin` and consents, at once.
          const details = await provider.interactionDetails(req, res);
          const login = state.nextLogin;
          if (!login) throw new Error('set nextLogin before a sign-in');
          accounts.set(login.subject, login);
          const grant = new provider.Grant({ accountId: login.subject, clientId: details.params.client_id as string });
          grant.addOIDCScope('openid email profile');
          const grantId = await grant.save();
          await provider.interactionFinished(
            req,
            res,
            { login: { accountId: login.subject, acr: login.acr, amr: login.amr }, consent: { grantId } },
            { mergeWithLastSubmission: false },
          );
          return;
        }
        if (req.url?.startsWith('/token') && state.tampering) rewriteIdToken(res, state.tampering);
        await handler(req, res);
      } catch (error) {
        res.statusCode = 500;
        res.end(String(error));
      }
    })();
  });

  /** Rewrites the JSON body's `id_token` as the response is ended (Koa ends it in one piece). */
  function rewriteIdToken(res: ServerResponse, tampering: IdTokenTampering) {
    const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
    res.end = ((chunk?: unknown) => {
      void (async () => {
        const body = JSON.parse(String(chunk)) as { id_token?: string };
        if (body.id_token) {
          const [header, payload, signature] = body.id_token.split('.');
          const claims = decode(payload);
          if ('resign' in tampering) {
            body.id_token = await new CompactSign(Buffer.from(JSON.stringify(tampering.resign(claims))))
              .setProtectedHeader(decode(header) as { alg: string })
              .sign(privateKey);
          } else if ('alter' in tampering) {
            body.id_token = `${header}.${encode(tampering.alter(claims))}.${signature}`;
          } else {
            body.id_token = await new CompactSign(Buffer.from(JSON.stringify(claims)))
              .setProtectedHeader(decode(header) as { alg: string })
              .sign(foreign.privateKey);
          }
        }
        const text = JSON.stringify(body);
        res.setHeader('content-length', Buffer.byteLength(text));
        end(text);
      })();
      return res;
    }) as typeof res.end;
  }

  return state;
}

/** A browser's cookie jar for one host, enough for the provider's interaction cookies. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Plays the browser at the provider: follows its redirects from the authorization URL (through
 * the sign-in) until it sends the browser back to `redirectUrl`, and returns that address.
 */
export async function browseProvider(authorizationUrl: string, redirectUrl: string): Promise<URL> {
  const jar = new CookieJar();
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(redirectUrl)) return new URL(url);
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(response);
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider answered ${response.status} at ${url}: ${await response.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('the provider redirected too often');
}
