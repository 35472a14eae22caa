import type { Actor } from '@accord/domain';
import { errors, jwtVerify, SignJWT } from 'jose';

export interface TokenSettings {
  secret: Uint8Array;
  issuer: string;
  audience: string;
}

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}$/;

/** HS256 tokens: `sub` is the person, `partner` the partner organisation they act for. */
export class TokenService {
  constructor(private readonly settings: TokenSettings) {}

  async issue(actor: Actor, expiresIn = '12h'): Promise<string> {
    if (!ID.test(actor.personId))
      throw new InvalidTokenError(`person id "${actor.personId}" is not a valid id`);
    if (!ID.test(actor.partnerId))
      throw new InvalidTokenError(`partner id "${actor.partnerId}" is not a valid id`);
    return new SignJWT({ partner: actor.partnerId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(actor.personId)
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(this.settings.secret);
  }

  async verify(token: string): Promise<Actor> {
    try {
      const { payload } = await jwtVerify(token, this.settings.secret, {
        algorithms: ['HS256'],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        requiredClaims: ['sub', 'exp'],
      });
      const partner = payload.partner;
      if (typeof partner !== 'string' || !ID.test(partner))
        throw new InvalidTokenError('the token names no partner');
      if (!payload.sub || !ID.test(payload.sub))
        throw new InvalidTokenError('the token names no person');
      return { personId: payload.sub, partnerId: partner };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      if (error instanceof errors.JWTExpired) throw new InvalidTokenError('the token has expired');
      if (error instanceof errors.JOSEError)
        throw new InvalidTokenError(`the token is not valid (${error.code})`);
      throw error;
    }
  }
}
