import { SignJWT, UnsecuredJWT } from 'jose';
import { LAUNCH } from '../support/operations';
import { TEST_SECRET, TestApp } from '../support/test-app';

const secret = new TextEncoder().encode(TEST_SECRET);
const launchInput = { input: { name: 'n', problemStatement: 'p', commonAgenda: 'a' } };

function signed(
  claims: { sub?: string; partner?: string; iss?: string; aud?: string; exp?: number },
  key = secret,
) {
  const jwt = new SignJWT(
    claims.partner === undefined ? {} : { partner: claims.partner },
  ).setProtectedHeader({ alg: 'HS256' });
  if (claims.sub) jwt.setSubject(claims.sub);
  if (claims.iss) jwt.setIssuer(claims.iss);
  if (claims.aud) jwt.setAudience(claims.aud);
  if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
  return jwt.sign(key);
}

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;
const good = { sub: 'ana', partner: 'city-hall', iss: 'accord-local', aud: 'accord' };

describe('Authentication', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.stop());

  it('accepts a token signed with the configured secret, and records its person and partner as the actor', async () => {
    const res = await app.gql(LAUNCH, launchInput, await signed({ ...good, exp: inAnHour() }));
    expect(res.errors).toBeUndefined();
    const [event] = await app.rawEvents();
    expect(event?.metadata.actor).toEqual({ personId: 'ana', partnerId: 'city-hall' });
  });

  const forged: Array<[string, () => Promise<string> | string]> = [
    ['a garbage token', () => 'not-a-jwt'],
    [
      'a token signed with another secret',
      () => signed({ ...good, exp: inAnHour() }, new TextEncoder().encode('x'.repeat(40))),
    ],
    ['an expired token', () => signed({ ...good, exp: Math.floor(Date.now() / 1000) - 60 })],
    ['a token without expiry', () => signed(good)],
    ['a token from another issuer', () => signed({ ...good, iss: 'evil', exp: inAnHour() })],
    ['a token for another audience', () => signed({ ...good, aud: 'other-app', exp: inAnHour() })],
    ['a token without a partner', () => signed({ ...good, partner: undefined, exp: inAnHour() })],
    [
      'an unsigned token (alg none)',
      () =>
        new UnsecuredJWT({ partner: 'city-hall' })
          .setSubject('ana')
          .setIssuer('accord-local')
          .setAudience('accord')
          .setExpirationTime('1h')
          .encode(),
    ],
    [
      'a token whose payload was altered after signing',
      async () => {
        const [header, , signature] = (await signed({ ...good, exp: inAnHour() })).split('.');
        const payload = Buffer.from(
          JSON.stringify({ ...good, partner: 'food-bank', exp: inAnHour() }),
        ).toString('base64url');
        return `${header}.${payload}.${signature}`;
      },
    ],
  ];

  it.each(forged)('UNAUTHENTICATED for %s, and nothing is written', async (_name, make) => {
    const before = await app.eventCount();
    const res = await app.gql(LAUNCH, launchInput, await make());
    expect(res.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(res.data?.launchInitiative ?? null).toBeNull();
    expect(await app.eventCount()).toBe(before);
  });

  it('UNAUTHENTICATED without an Authorization header, for mutations and queries alike', async () => {
    const before = await app.eventCount();
    const mutation = await app.gql(LAUNCH, launchInput, null);
    expect(mutation.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(mutation.errors?.[0]?.message).toContain('npm run accord -- token');
    const query = await app.gql('{ initiatives { totalCount } }', {}, null);
    expect(query.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(await app.eventCount()).toBe(before);
  });

  it('UNAUTHENTICATED for an Authorization header that is not a bearer token', async () => {
    const res = await app.gql('{ initiatives { totalCount } }', {}, null, {
      authorization: 'Basic YW5hOnNlY3JldA==',
    });
    expect(res.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });
});
