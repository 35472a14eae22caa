import type { Actor } from '@accord/domain';
import {
  createRemoteJWKSet,
  errors,
  type JWTPayload,
  jwtVerify,
  type JWTVerifyGetKey,
  SignJWT,
} from 'jose';
import { NamedError } from '../ledger/ledger.errors';

/** Local tokens: HS256 with a key of this installation, issued by `npm run accord -- token`. */
export interface TokenSettings {
  secret: Uint8Array;
  issuer: string;
  audience: string;
}

/** The workspace as a client of the OpenID Connect issuer (authorization code flow with PKCE). */
export interface OidcClientSettings {
  clientId: string;
  /** For a confidential client (client_secret_basic); without it, a public client with PKCE. */
  clientSecret?: string;
  /** Where the issuer sends the browser back; by default /auth/oidc/callback on the request's host. */
  redirectUrl?: string;
  scope: string;
}

/** Tokens of an OpenID Connect issuer, checked against the keys it publishes (JWKS). */
export interface OidcSettings {
  issuer: string;
  audience: string;
  /** Where its keys are; when absent, read from the issuer's discovery document. */
  jwksUrl?: URL;
  /** The claim naming the partner organisation the person acts for. */
  partnerClaim: string;
  /** The workspace's sign-in through the issuer, when a client is registered for it. */
  client?: OidcClientSettings;
}

export class InvalidTokenError extends NamedError {}

export const KEY_REFETCH_COOLDOWN_MS = 1_000;

/** What a person or partner id may look like. */
export const VALID_ID = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}$/;

/** Asymmetric algorithms only: a token "signed" with the public key as an HMAC secret, or with `none`, fails. */
export const OIDC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'EdDSA',
];

/**
 * Verifies the bearer tokens of requests, with `jose`. `sub` is the person and a partner claim
 * names the partner organisation they act for. With an OIDC issuer configured only its tokens
 * count; otherwise local HS256 tokens do.
 */
export class TokenService {
  private remoteKeys?: Promise<JWTVerifyGetKey>;

  constructor(
    private readonly local: TokenSettings,
    private readonly oidc?: OidcSettings,
  ) {}

  async issue(actor: Actor, expiresIn = '12h'): Promise<string> {
    if (this.oidc) {
      throw new InvalidTokenError(
        `tokens come from the OpenID Connect issuer ${this.oidc.issuer}; local tokens are not accepted`,
      );
    }
    if (!VALID_ID.test(actor.personId))
      throw new InvalidTokenError(`person id "${actor.personId}" is not a valid id`);
    if (!VALID_ID.test(actor.partnerId))
      throw new InvalidTokenError(`partner id "${actor.partnerId}" is not a valid id`);
    return new SignJWT({ partner: actor.partnerId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(actor.personId)
      .setIssuer(this.local.issuer)
      .setAudience(this.local.audience)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(this.local.secret);
  }

  async verify(token: string): Promise<Actor> {
    try {
      const payload = await this.verified(token);
      return this.actorOf(payload);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      if (error instanceof errors.JWTExpired) throw new InvalidTokenError('the token has expired');
      if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
        throw new InvalidTokenError('the key set of the token issuer could not be read');
      }
      if (error instanceof errors.JOSEError)
        throw new InvalidTokenError(`the token is not valid (${error.code})`);
      throw error;
    }
  }

  private async verified(token: string): Promise<JWTPayload> {
    const required = { requiredClaims: ['sub', 'exp'] };
    if (this.oidc) {
      const { issuer, audience } = this.oidc;
      const options = { algorithms: OIDC_ALGORITHMS, issuer, audience, ...required };
      const keys = await this.issuerKeys(this.oidc);
      return (await jwtVerify(token, keys, options)).payload;
    }
    const { issuer, audience, secret } = this.local;
    const options = { algorithms: ['HS256'], issuer, audience, ...required };
    return (await jwtVerify(token, secret, options)).payload;
  }

  /**
   * The issuer's key set. jose caches it and refetches it for a key id it does not know (a
   * rotation), at most once per KEY_REFETCH_COOLDOWN_MS so forged key ids cannot flood the issuer.
   */
  private issuerKeys(oidc: OidcSettings): Promise<JWTVerifyGetKey> {
    this.remoteKeys ??= discoverJwks(oidc).then((jwksUrl) =>
      createRemoteJWKSet(jwksUrl, {
        timeoutDuration: 5_000,
        cooldownDuration: KEY_REFETCH_COOLDOWN_MS,
      }),
    );
    this.remoteKeys.catch(() => (this.remoteKeys = undefined));
    return this.remoteKeys;
  }

  private actorOf(payload: JWTPayload): Actor {
    const partner = payload[this.oidc?.partnerClaim ?? 'partner'];
    if (typeof partner !== 'string' || !VALID_ID.test(partner))
      throw new InvalidTokenError('the token names no partner');
    if (!payload.sub || !VALID_ID.test(payload.sub))
      throw new InvalidTokenError('the token names no person');
    return { personId: payload.sub, partnerId: partner };
  }
}

/** The JWKS URL: configured, or the `jwks_uri` of the issuer's OpenID Connect discovery document. */
async function discoverJwks(oidc: OidcSettings): Promise<URL> {
  if (oidc.jwksUrl) return oidc.jwksUrl;
  const discovery = `${oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  try {
    const response = await fetch(discovery, { signal: AbortSignal.timeout(5_000) });
    const document = (await response.json()) as { jwks_uri?: unknown };
    if (typeof document.jwks_uri === 'string') return new URL(document.jwks_uri);
  } catch {
    // reported below, without the details of a network failure
  }
  throw new InvalidTokenError(`the key set of the token issuer could not be found at ${discovery}`);
}
