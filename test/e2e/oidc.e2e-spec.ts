import { exportJWK, generateKeyPair, type JWK, type KeyLike, SignJWT, UnsecuredJWT } from 'jose';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { wsClient } from '../support/ws-subscriber';
import { KEY_REFETCH_COOLDOWN_MS } from '../../apps/api/src/auth/token.service';
import { ConfigError, loadConfig } from '../../apps/api/src/config/accord-config';
import { LAUNCH } from '../support/operations';
import { TEST_SECRET, TestApp } from '../support/test-app';

const ISSUER_PATH = '/realms/accord';
const AUDIENCE = 'accord-api';
const launchInput = { input: { name: 'n', problemStatement: 'p', commonAgenda: 'a' } };
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

/** A stand-in OpenID Connect issuer: a discovery document and a key set, over real HTTP. */
class Issuer {
  readonly keys: JWK[] = [];
  requests = 0;
  url = '';
  private readonly server: Server = createServer((req, res) => this.handle(req.url, res));

  static async start(): Promise<Issuer> {
    const issuer = new Issuer();
    await new Promise<void>((resolve) => issuer.server.listen(0, '127.0.0.1', resolve));
    const { port } = issuer.server.address() as AddressInfo;
    issuer.url = `http://127.0.0.1:${port}${ISSUER_PATH}`;
    return issuer;
  }

  private handle(path: string | undefined, res: ServerResponse): void {
    this.requests += 1;
    res.setHeader('content-type', 'application/json');
    if (path === `${ISSUER_PATH}/.well-known/openid-configuration`) {
      res.end(JSON.stringify({ issuer: this.url, jwks_uri: `${this.url}/keys` }));
    } else if (path === `${ISSUER_PATH}/keys`) {
      res.end(JSON.stringify({ keys: this.keys }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  }

  async publish(kid: string): Promise<KeyLike> {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    this.keys.push({ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' });
    return privateKey;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('Tokens from an OpenID Connect issuer (JWKS)', () => {
  let issuer: Issuer;
  let app: TestApp;
  let signingKey: KeyLike;
  let strangerKey: KeyLike;

  const token = (
    claims: Record<string, unknown> = {},
    options: { key?: KeyLike; kid?: string; iss?: string; aud?: string; exp?: number } = {},
  ) =>
    new SignJWT({ partner: 'city-hall', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'main' })
      .setSubject('ana')
      .setIssuer(options.iss ?? issuer.url)
      .setAudience(options.aud ?? AUDIENCE)
      .setExpirationTime(options.exp ?? inAnHour())
      .sign(options.key ?? signingKey);

  beforeAll(async () => {
    issuer = await Issuer.start();
    signingKey = await issuer.publish('main');
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    app = await TestApp.start({
      env: { ACCORD_OIDC_ISSUER: issuer.url, ACCORD_OIDC_AUDIENCE: AUDIENCE },
    });
  });
  afterAll(async () => {
    await app.stop();
    await issuer.stop();
  });

  it("accepts the issuer's token, found through discovery, and records its person and partner", async () => {
    const res = await app.gql(LAUNCH, launchInput, await token());
    expect(res.errors).toBeUndefined();
    const [event] = await app.rawEvents();
    expect(event?.metadata.actor).toEqual({ personId: 'ana', partnerId: 'city-hall' });
    expect(issuer.requests).toBeGreaterThanOrEqual(2);
  });

  it("checks WebSocket connections with the same token service: the issuer's keys are fetched once", async () => {
    const bearer = await token();
    expect((await app.gql(LAUNCH, launchInput, bearer)).errors).toBeUndefined();
    const fetchedForHttp = issuer.requests;
    await app.app.listen(0, '127.0.0.1');
    const { port } = app.app.getHttpServer().address() as AddressInfo;
    const client = wsClient(`ws://127.0.0.1:${port}/graphql`, `Bearer ${bearer}`);
    try {
      const answer = await new Promise((resolve, reject) => {
        client.subscribe(
          { query: '{ __typename }' },
          { next: resolve, error: reject, complete: () => undefined },
        );
      });
      expect(answer).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await client.dispose();
    }
    expect(issuer.requests).toBe(fetchedForHttp);
  });

  const refused: Array<[string, () => Promise<string> | string]> = [
    ['another issuer', () => token({}, { iss: 'https://evil.example' })],
    ['another audience', () => token({}, { aud: 'someone-else' })],
    ['a key the issuer never published', () => token({}, { key: strangerKey })],
    [
      'a published key id but another signature',
      () => token({}, { key: strangerKey, kid: 'main' }),
    ],
    ['an expired token', () => token({}, { exp: Math.floor(Date.now() / 1000) - 60 })],
    [
      'an unsigned token (alg none)',
      () =>
        new UnsecuredJWT({ partner: 'city-hall' })
          .setSubject('ana')
          .setIssuer(issuer.url)
          .setAudience(AUDIENCE)
          .setExpirationTime(inAnHour())
          .encode(),
    ],
    [
      'an HS256 token signed with the public key as the secret',
      async () =>
        new SignJWT({ partner: 'city-hall' })
          .setProtectedHeader({ alg: 'HS256', kid: 'main' })
          .setSubject('ana')
          .setIssuer(issuer.url)
          .setAudience(AUDIENCE)
          .setExpirationTime(inAnHour())
          .sign(new TextEncoder().encode(JSON.stringify(issuer.keys[0]))),
    ],
    [
      'a token whose partner was altered after signing',
      async () => {
        const [header, payload, signature] = (await token()).split('.');
        const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
        const altered = Buffer.from(JSON.stringify({ ...claims, partner: 'food-bank' }));
        return `${header}.${altered.toString('base64url')}.${signature}`;
      },
    ],
    [
      'a local token of the CLI, once an issuer is configured',
      () =>
        new SignJWT({ partner: 'city-hall' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('ana')
          .setIssuer('accord-local')
          .setAudience('accord')
          .setExpirationTime(inAnHour())
          .sign(new TextEncoder().encode(TEST_SECRET)),
    ],
    ['a token that names no partner', () => token({ partner: undefined })],
  ];

  it.each(refused)('UNAUTHENTICATED for %s, and nothing is written', async (_, make) => {
    const before = await app.eventCount();
    const res = await app.gql(LAUNCH, launchInput, await make());
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await app.eventCount()).toBe(before);
  });

  it('follows a key rotation: a token signed with a newly published key is accepted', async () => {
    const rotated = await issuer.publish('next');
    await new Promise((resolve) => setTimeout(resolve, KEY_REFETCH_COOLDOWN_MS + 100));
    const res = await app.gql(LAUNCH, launchInput, await token({}, { key: rotated, kid: 'next' }));
    expect(res.errors).toBeUndefined();
  });

  it('needs an audience with an issuer, and http(s) URLs', () => {
    expect(() =>
      loadConfig({ ACCORD_JWT_SECRET: TEST_SECRET, ACCORD_OIDC_ISSUER: issuer.url }),
    ).toThrow(/ACCORD_OIDC_AUDIENCE/);
    expect(() =>
      loadConfig({
        ACCORD_JWT_SECRET: TEST_SECRET,
        ACCORD_OIDC_ISSUER: 'not a url',
        ACCORD_OIDC_AUDIENCE: AUDIENCE,
      }),
    ).toThrow(ConfigError);
  });
});
