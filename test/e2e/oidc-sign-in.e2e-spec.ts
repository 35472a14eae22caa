import { generateKeyPair } from 'jose';
import type { AddressInfo } from 'node:net';
import { TestOidcIssuer } from '../support/oidc-issuer';
import { TestApp } from '../support/test-app';

const CLIENT_ID = 'accord-workspace';
const INITIATIVES = '{ initiatives { totalCount } }';

/** A response's cookies by name (the value before the first `;`, and the whole header). */
function cookies(response: Response): Map<string, { value: string; header: string }> {
  const found = new Map<string, { value: string; header: string }>();
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const [name, ...value] = pair!.split('=');
    found.set(name!, { value: value.join('='), header });
  }
  return found;
}

/**
 * The workspace signs in through an OpenID Connect issuer (authorization code flow with PKCE),
 * here a real issuer over HTTP started by the test, and gets the same session a sign-in link
 * gives.
 */
describe('signing in to the workspace through OpenID Connect', () => {
  let issuer: TestOidcIssuer;
  let app: TestApp;
  let origin: string;

  beforeAll(async () => {
    issuer = await TestOidcIssuer.start(CLIENT_ID);
    app = await TestApp.start({
      env: {
        ACCORD_OIDC_ISSUER: issuer.url,
        ACCORD_OIDC_AUDIENCE: 'accord-api',
        ACCORD_OIDC_CLIENT_ID: CLIENT_ID,
      },
    });
    await app.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
    issuer.redirectUris.push(`${origin}/auth/oidc/callback`);
  });
  afterAll(async () => {
    await app.stop();
    await issuer.stop();
  });

  const get = (url: string, cookie?: string) =>
    fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });

  /** The first two legs: to the issuer and back, as the browser would follow them. */
  async function toIssuerAndBack() {
    const start = await get(`${origin}/auth/oidc/sign-in`);
    const pending = cookies(start).get('accord_oidc')!;
    const authorize = new URL(start.headers.get('location')!);
    const back = new URL((await get(authorize.href)).headers.get('location')!);
    return { start, pending, authorize, back };
  }

  const graphql = async (cookie: string) =>
    (await (
      await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: INITIATIVES }),
      })
    ).json()) as { data?: unknown; errors?: Array<{ extensions: { code: string } }> };

  it('redirects to the issuer with PKCE S256, state and nonce; the callback starts the web session', async () => {
    const { start, pending, authorize, back } = await toIssuerAndBack();
    expect(start.status).toBe(302);
    expect(authorize.origin + authorize.pathname).toBe(`${issuer.url}/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: `${origin}/auth/oidc/callback`,
      scope: 'openid',
      code_challenge_method: 'S256',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    // Nothing secret leaves in the URL: the verifier stays in an HttpOnly cookie of /auth/oidc.
    expect(pending.header).toMatch(/HttpOnly/);
    expect(pending.header).toMatch(/SameSite=Lax/);
    expect(pending.header).toMatch(/Path=\/auth\/oidc/);

    const callback = await get(back.href, `accord_oidc=${pending.value}`);
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe('/');
    const session = cookies(callback).get('accord_session')!;
    expect(session.header).toMatch(/HttpOnly/);
    expect(session.header).toMatch(/SameSite=Strict/);
    expect(cookies(callback).get('accord_oidc')?.value).toBe('');
    // The code was redeemed with the verifier whose S256 the authorization request carried.
    expect(issuer.tokenRequests.at(-1)?.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const cookie = `accord_session=${session.value}`;
    const who = await (await get(`${origin}/auth/session`, cookie)).json();
    expect(who).toEqual({ signedIn: true, personId: 'ana', partnerId: 'city-hall' });
    const read = await graphql(cookie);
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({ initiatives: { totalCount: 0 } });

    // Signing out ends it, as for a sign-in link.
    const out = await fetch(`${origin}/auth/sign-out`, { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(204);
    expect((await graphql(cookie)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('tells a signed-out workspace where to sign in, and refuses sign-in links', async () => {
    expect(await (await get(`${origin}/auth/session`)).json()).toEqual({
      signedIn: false,
      signInUrl: '/auth/oidc/sign-in',
    });
    const link = await fetch(`${origin}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'x'.repeat(43) }),
    });
    expect(link.status).toBe(403);
  });

  const refusals: Array<[string, () => Promise<Response>, RegExp]> = [
    [
      'a callback without the pending sign-in cookie (started elsewhere: login CSRF)',
      async () => get((await toIssuerAndBack()).back.href),
      /not started here/,
    ],
    [
      "a callback whose state is not this browser's",
      async () => {
        const { pending, back } = await toIssuerAndBack();
        back.searchParams.set('state', 'x'.repeat(43));
        return get(back.href, `accord_oidc=${pending.value}`);
      },
      /state/,
    ],
    [
      'a code redeemed with another PKCE verifier',
      async () => {
        const { pending, back } = await toIssuerAndBack();
        const kept = JSON.parse(Buffer.from(pending.value, 'base64url').toString());
        const forged = { ...kept, verifier: 'y'.repeat(43) };
        const value = Buffer.from(JSON.stringify(forged)).toString('base64url');
        return get(back.href, `accord_oidc=${value}`);
      },
      /token endpoint answered 400/,
    ],
    [
      'a code used twice',
      async () => {
        const { pending, back } = await toIssuerAndBack();
        expect((await get(back.href, `accord_oidc=${pending.value}`)).status).toBe(303);
        return get(back.href, `accord_oidc=${pending.value}`);
      },
      /token endpoint answered 400/,
    ],
    [
      'an ID token for another nonce',
      async () => {
        issuer.override = { nonce: 'z'.repeat(43) };
        const { pending, back } = await toIssuerAndBack();
        return get(back.href, `accord_oidc=${pending.value}`);
      },
      /nonce/,
    ],
    [
      'an ID token for another client',
      async () => {
        issuer.override = { aud: 'another-client' };
        const { pending, back } = await toIssuerAndBack();
        return get(back.href, `accord_oidc=${pending.value}`);
      },
      /ID token is not valid/,
    ],
    [
      'an ID token signed with a key the issuer does not publish',
      async () => {
        issuer.foreignKey = (await generateKeyPair('RS256')).privateKey;
        const { pending, back } = await toIssuerAndBack();
        return get(back.href, `accord_oidc=${pending.value}`);
      },
      /ID token is not valid/,
    ],
    [
      'a callback where the issuer refused the sign-in',
      async () => {
        const { pending, back } = await toIssuerAndBack();
        back.searchParams.delete('code');
        back.searchParams.set('error', 'access_denied');
        return get(back.href, `accord_oidc=${pending.value}`);
      },
      /issuer refused the sign-in \(access_denied\)/,
    ],
    [
      'an ID token that names no partner',
      async () => {
        issuer.override = { partner: undefined };
        const { pending, back } = await toIssuerAndBack();
        return get(back.href, `accord_oidc=${pending.value}`);
      },
      /names no partner/,
    ],
  ];

  it.each(refusals)('refuses %s, and starts no session', async (_, attempt, reason) => {
    try {
      const response = await attempt();
      expect(response.status).toBe(303);
      const location = response.headers.get('location')!;
      expect(location.startsWith('/sign-in#error=')).toBe(true);
      expect(decodeURIComponent(location.slice('/sign-in#error='.length))).toMatch(reason);
      expect(cookies(response).get('accord_session')).toBeUndefined();
    } finally {
      issuer.override = {};
      issuer.foreignKey = undefined;
    }
  });
});
