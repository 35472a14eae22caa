import type { Actor } from '@accord/domain';
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { SignInRefused } from './sign-in-links';
import {
  OIDC_ALGORITHMS,
  type OidcClientSettings,
  type OidcSettings,
  VALID_ID,
} from './token.service';

/** What the browser keeps between leaving for the issuer and coming back (a short-lived cookie). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  expiresAt: number;
}

interface IssuerMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

/** How long the round trip through the issuer may take. */
export const PENDING_SIGN_IN_TTL_MS = 10 * 60 * 1000;

const random = (): string => randomBytes(32).toString('base64url');
const s256 = (verifier: string): string =>
  createHash('sha256').update(verifier).digest('base64url');

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

async function json(response: Response, what: string): Promise<Record<string, unknown>> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok || typeof body !== 'object' || body === null)
    throw new SignInRefused(`the issuer's ${what} answered ${response.status}`);
  return body as Record<string, unknown>;
}

/**
 * Signing in to the workspace through the OpenID Connect issuer: the authorization code flow
 * with PKCE (S256), `state` against login CSRF and `nonce` against a replayed ID token. The ID
 * token is checked with `jose` against the keys the issuer publishes, as API tokens are.
 */
export class OidcSignIn {
  private metadata?: Promise<IssuerMetadata>;
  private keys?: JWTVerifyGetKey;

  constructor(
    private readonly oidc: OidcSettings,
    private readonly client: OidcClientSettings,
    private readonly now: () => number = () => Date.now(),
  ) {}

  redirectUri(origin: string): string {
    return this.client.redirectUrl ?? `${origin}/auth/oidc/callback`;
  }

  /** The issuer's authorization URL to send the browser to, and what to keep until it returns. */
  async begin(redirectUri: string): Promise<{ url: string; pending: PendingSignIn }> {
    const issuer = await this.issuer();
    const pending: PendingSignIn = {
      state: random(),
      nonce: random(),
      verifier: random(),
      redirectUri,
      expiresAt: this.now() + PENDING_SIGN_IN_TTL_MS,
    };
    const url = new URL(issuer.authorization_endpoint);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', this.client.clientId);
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('scope', this.client.scope);
    url.searchParams.set('state', pending.state);
    url.searchParams.set('nonce', pending.nonce);
    url.searchParams.set('code_challenge', s256(pending.verifier));
    url.searchParams.set('code_challenge_method', 'S256');
    return { url: url.href, pending };
  }

  /** The callback: checks state, redeems the code with the PKCE verifier, verifies the ID token. */
  async finish(query: Record<string, unknown>, pending: PendingSignIn | undefined): Promise<Actor> {
    if (!pending || pending.expiresAt <= this.now())
      throw new SignInRefused('this sign-in was not started here, or took too long: start again');
    if (typeof query.state !== 'string' || !sameText(query.state, pending.state))
      throw new SignInRefused('the answer of the issuer is not for this sign-in (state)');
    if (typeof query.error === 'string')
      throw new SignInRefused(`the issuer refused the sign-in (${query.error.slice(0, 80)})`);
    if (typeof query.code !== 'string' || query.code.length === 0)
      throw new SignInRefused('the issuer sent no authorization code');
    const idToken = await this.redeem(query.code, pending);
    return this.actorOf(await this.verified(idToken, pending.nonce));
  }

  private async redeem(code: string, pending: PendingSignIn): Promise<string> {
    const issuer = await this.issuer();
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: pending.redirectUri,
      code_verifier: pending.verifier,
    });
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    };
    const { clientId, clientSecret } = this.client;
    if (clientSecret) {
      const basic = `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`;
      headers.authorization = `Basic ${Buffer.from(basic).toString('base64')}`;
    } else {
      body.set('client_id', clientId);
    }
    const response = await fetch(issuer.token_endpoint, {
      method: 'POST',
      headers,
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(10_000),
    });
    const tokens = await json(response, 'token endpoint');
    if (typeof tokens.id_token !== 'string')
      throw new SignInRefused('the issuer answered without an ID token');
    return tokens.id_token;
  }

  private async verified(idToken: string, nonce: string): Promise<JWTPayload> {
    const issuer = await this.issuer();
    this.keys ??= createRemoteJWKSet(new URL(issuer.jwks_uri), { timeoutDuration: 5_000 });
    try {
      const { payload } = await jwtVerify(idToken, this.keys, {
        algorithms: OIDC_ALGORITHMS,
        issuer: this.oidc.issuer,
        audience: this.client.clientId,
        requiredClaims: ['sub', 'exp', 'iat', 'nonce'],
      });
      if (typeof payload.nonce !== 'string' || !sameText(payload.nonce, nonce))
        throw new SignInRefused('the ID token is not for this sign-in (nonce)');
      const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
      if (audiences.length > 1 && payload.azp !== this.client.clientId)
        throw new SignInRefused('the ID token was issued to another client (azp)');
      return payload;
    } catch (error) {
      if (error instanceof errors.JOSEError)
        throw new SignInRefused(`the ID token is not valid (${error.code})`);
      throw error;
    }
  }

  private actorOf(payload: JWTPayload): Actor {
    const partner = payload[this.oidc.partnerClaim];
    if (typeof partner !== 'string' || !VALID_ID.test(partner))
      throw new SignInRefused(`the ID token names no partner (claim "${this.oidc.partnerClaim}")`);
    if (!payload.sub || !VALID_ID.test(payload.sub))
      throw new SignInRefused('the ID token names no person');
    return { personId: payload.sub, partnerId: partner };
  }

  /** The issuer's discovery document, fetched once; its `issuer` must be the one configured. */
  private issuer(): Promise<IssuerMetadata> {
    this.metadata ??= (async () => {
      const url = `${this.oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
      const document = await json(
        await fetch(url, { signal: AbortSignal.timeout(5_000) }),
        'discovery document',
      );
      if (document.issuer !== this.oidc.issuer)
        throw new SignInRefused(`the discovery document at ${url} is for another issuer`);
      for (const field of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const)
        if (typeof document[field] !== 'string')
          throw new SignInRefused(`the discovery document at ${url} has no ${field}`);
      return document as unknown as IssuerMetadata;
    })();
    this.metadata.catch(() => (this.metadata = undefined));
    return this.metadata;
  }
}

/** The pending sign-in as a cookie value, and back (anything unreadable is no pending sign-in). */
export const pendingCookie = {
  write: (pending: PendingSignIn): string =>
    Buffer.from(JSON.stringify(pending)).toString('base64url'),
  read(value: string | undefined): PendingSignIn | undefined {
    if (!value) return undefined;
    try {
      const parsed = JSON.parse(Buffer.from(value, 'base64url').toString()) as PendingSignIn;
      const texts = [parsed.state, parsed.nonce, parsed.verifier, parsed.redirectUri];
      if (texts.every((t) => typeof t === 'string') && typeof parsed.expiresAt === 'number')
        return parsed;
    } catch {
      // unreadable: treated as absent
    }
    return undefined;
  },
};
