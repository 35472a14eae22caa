import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Inject,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ACCORD_CONFIG } from '../ledger/ledger.tokens';
import { type AccordConfig } from '../config/accord-config';
import { cookieOf, SESSION_COOKIE, sessionCookie } from './session-cookie';
import { SignInLinks, SignInRefused } from './sign-in-links';

/**
 * Refuses a cross-site request outright. SameSite=Strict already keeps the cookie off them, and
 * the JSON body forces a preflight; this makes "sign a victim in as me" impossible too.
 */
function sameOrigin(req: Request): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new ForbiddenException('cross-site request refused');
  }
  if (host !== req.headers.host) throw new ForbiddenException('cross-site request refused');
}

/**
 * The web workspace's session: a sign-in code exchanged for an HttpOnly, SameSite=Strict cookie
 * that holds a random session id (never a token script could read); the GraphQL guard accepts it.
 */
@Controller('auth')
export class WebSessionController {
  constructor(
    private readonly links: SignInLinks,
    @Inject(ACCORD_CONFIG) private readonly config: AccordConfig,
  ) {}

  @Post('sign-in')
  @HttpCode(200)
  async signIn(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Body() body: unknown,
  ) {
    sameOrigin(req);
    if (this.config.oidc) throw new ForbiddenException('sign in through the OpenID Connect issuer');
    const code = (body as { code?: unknown } | undefined)?.code;
    if (typeof code !== 'string' || code.length === 0 || code.length > 100)
      throw new UnauthorizedException('this sign-in link is unknown, used or expired');
    try {
      const session = await this.links.redeem(code);
      res.cookie(SESSION_COOKIE, session.id, sessionCookie(req.secure, session.expiresAt));
      return { ...session.actor, expiresAt: session.expiresAt.toISOString() };
    } catch (error) {
      if (error instanceof SignInRefused) throw new UnauthorizedException(error.message);
      throw error;
    }
  }

  /** Who the cookie signs in; answered with 200 either way, as not being signed in is no error. */
  @Get('session')
  async session(@Req() req: Request) {
    const id = cookieOf(req, SESSION_COOKIE);
    const actor = id ? await this.links.actorOf(id) : undefined;
    if (actor) return { signedIn: true, ...actor };
    // Where the workspace sends a signed-out reader: the issuer, when one signs people in.
    return this.config.oidc?.client
      ? { signedIn: false, signInUrl: '/auth/oidc/sign-in' }
      : { signedIn: false };
  }

  @Post('sign-out')
  @HttpCode(204)
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    sameOrigin(req);
    const id = cookieOf(req, SESSION_COOKIE);
    if (id) await this.links.end(id);
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/' });
  }
}
