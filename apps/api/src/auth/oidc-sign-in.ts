import type { Actor } from '@accord/domain';
import * as client from 'openid-client';
import { timingSafeEqual } from 'node:crypto';
import { SignInRefused } from './sign-in-links';
import { type OidcClientSettings, type OidcSettings, VALID_ID } from './token.service';

/** What the browser keeps between leaving for the issuer and coming back (a short-lived cookie). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  expiresAt: number;
}

/** How long the round trip through the issuer may take. */
export const PENDING_SIGN_IN_TTL_MS = 10 * 60 * 1000;

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The claim an `openid-client` comparison failed on, when it says which. */
function claimOf(error: client.ClientError): unknown {
  const cause = error.cause as { cause?: { claim?: unknown } } | undefined;
  return cause?.cause?.claim;
}

/** What went wrong with the issuer's answers, in the words the sign-in page shows. */
function refusal(error: unknown): unknown {
  if (error instanceof client.AuthorizationResponseError)
    return new SignInRefused(`the issuer refused the sign-in (${error.error.slice(0, 80)})`);
  if (error instanceof client.ResponseBodyError)
    return new SignInRefused(`the issuer's token endpoint answered ${error.status}`);
  if (!(error instanceof client.ClientError)) return error;
  if (error.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' && error.cause instanceof Response)
    return new SignInRefused(`the issuer answered ${error.cause.status} (${error.cause.url})`);
  const claim = claimOf(error);
  if (claim === 'nonce') return new SignInRefused('the ID token is not for this sign-in (nonce)');
  if (claim === 'azp') return new SignInRefused('the ID token was issued to another client (azp)');
  const what = typeof claim === 'string' ? `claim "${claim}"` : error.message;
  return new SignInRefused(`the ID token is not valid (${what})`);
}

/**
 * Signing in to the workspace through the OpenID Connect issuer with `openid-client`: discovery,
 * the authorization code flow with PKCE (S256), `state` against login CSRF and `nonce` against a
 * replayed ID token, whose signature is checked against the keys the issuer publishes.
 */
export class OidcSignIn {
  private configuration?: Promise<client.Configuration>;

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
    const configuration = await this.configured();
    const pending: PendingSignIn = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      redirectUri,
      expiresAt: this.now() + PENDING_SIGN_IN_TTL_MS,
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: this.client.scope,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, pending };
  }

  /** The callback: checks state, redeems the code with the PKCE verifier, verifies the ID token. */
  async finish(query: Record<string, unknown>, pending: PendingSignIn | undefined): Promise<Actor> {
    if (!pending || pending.expiresAt <= this.now())
      throw new SignInRefused('this sign-in was not started here, or took too long: start again');
    // openid-client checks `state` too, but its error does not say which parameter failed.
    if (typeof query.state !== 'string' || !sameText(query.state, pending.state))
      throw new SignInRefused('the answer of the issuer is not for this sign-in (state)');
    const configuration = await this.configured();
    const callback = new URL(pending.redirectUri);
    for (const [name, value] of Object.entries(query))
      if (typeof value === 'string') callback.searchParams.set(name, value);
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      return this.actorOf(tokens.claims()!);
    } catch (error) {
      throw refusal(error);
    }
  }

  private actorOf(claims: client.IDToken): Actor {
    const partner = claims[this.oidc.partnerClaim];
    if (typeof partner !== 'string' || !VALID_ID.test(partner))
      throw new SignInRefused(`the ID token names no partner (claim "${this.oidc.partnerClaim}")`);
    if (!VALID_ID.test(claims.sub)) throw new SignInRefused('the ID token names no person');
    return { personId: claims.sub, partnerId: partner };
  }

  /** The issuer's discovery document, fetched once (and again after a failure). */
  private configured(): Promise<client.Configuration> {
    this.configuration ??= (async () => {
      const { clientId, clientSecret } = this.client;
      const issuer = new URL(this.oidc.issuer);
      try {
        const configuration = await client.discovery(
          issuer,
          clientId,
          undefined,
          clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(),
          // A plain-HTTP issuer is accepted as before (local issuers in development and tests).
          {
            execute: issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
            timeout: 10,
          },
        );
        // The ID token from the token endpoint is also checked against the issuer's keys.
        client.enableNonRepudiationChecks(configuration);
        return configuration;
      } catch (error) {
        if (error instanceof client.ClientError)
          throw new SignInRefused(
            `the issuer's discovery document is not usable (${error.message})`,
          );
        throw error;
      }
    })();
    this.configuration.catch(() => (this.configuration = undefined));
    return this.configuration;
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
