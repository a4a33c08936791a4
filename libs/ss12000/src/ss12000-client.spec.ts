import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Resolver } from './guarded-http';
import { Ss12000Client, Ss12000RequestError } from './ss12000-client';

describe('Ss12000Client: no server-side request forgery in production', () => {
  let server: Server;
  let port: number;
  let hits = 0;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: [], pageToken: null }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => (hits = 0));

  const client = (baseUrl: string, production: boolean, resolver?: Resolver) =>
    new Ss12000Client({ baseUrl, auth: { type: 'none' }, production, resolver, retryBaseMs: 1 });

  it('outside production a local test server is reachable', async () => {
    const page = await client(`http://localhost:${port}`, false).page('/persons', {});
    expect(page.pageToken).toBeNull();
    expect(hits).toBe(1);
  });

  it('a name that resolves to 127.0.0.1 (localhost) is refused at connect time, without retries', async () => {
    const c = client(`http://localhost:${port}`, true);
    await expect(c.page('/persons', {})).rejects.toThrow(/private or loopback/);
    expect(hits).toBe(0);
    expect(c.requests).toBe(1);
  });

  it('DNS rebinding: the address checked is the address connected to (one resolution, in the socket)', async () => {
    // Public when a check would have run, loopback when the connection resolves it again.
    const answers = ['93.184.216.34', '127.0.0.1'];
    let resolutions = 0;
    const rebinding: Resolver = (_host, callback) => {
      const address = answers[Math.min(resolutions++, answers.length - 1)];
      callback(null, [{ address, family: 4 }]);
    };
    // Used once first (as a check before connecting would), then by the connection itself.
    rebinding('ss12000.example.se', () => undefined);
    const error = await client(`http://ss12000.example.se:${port}`, true, rebinding)
      .page('/persons', {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Ss12000RequestError);
    expect((error as Error).message).toMatch(/ss12000\.example\.se: resolves into a private or loopback network/);
    expect(hits).toBe(0);
  });

  it('a name with one private address among public ones is refused; a literal private IP too', async () => {
    const mixed: Resolver = (_host, callback) =>
      callback(null, [
        { address: '93.184.216.34', family: 4 },
        { address: '10.1.2.3', family: 4 },
      ]);
    await expect(client(`http://mixed.example.se:${port}`, true, mixed).page('/persons', {})).rejects.toThrow(
      /private or loopback/,
    );
    await expect(client(`http://127.0.0.1:${port}`, true).page('/persons', {})).rejects.toThrow(/private or loopback/);
    expect(hits).toBe(0);
  });

  it('the OAuth token URL is guarded the same way', async () => {
    const c = new Ss12000Client({
      baseUrl: 'https://ss12000.example.se',
      auth: {
        type: 'oauth2_client_credentials',
        tokenUrl: `http://localhost:${port}/token`,
        clientId: 'a',
        clientSecret: 'b',
      },
      production: true,
      retryBaseMs: 1,
    });
    await expect(c.page('/persons', {})).rejects.toThrow(/localhost: resolves into a private or loopback network/);
    expect(hits).toBe(0);
  });
});
