import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { OidcSignIn, pendingCookie } from './oidc-sign-in';
import { cookieOf, SESSION_COOKIE, sessionCookie } from './session-cookie';
import { SignInLinks, SignInRefused } from './sign-in-links';

const PENDING_COOKIE = 'accord_oidc';
/**
 * Lax, not Strict: the issuer sends the browser back with a top-level navigation from its own
 * site, which a Strict cookie would not ride along with. It holds only this sign-in's state,
 * nonce and PKCE verifier, for ten minutes, and only /auth/oidc sees it.
 */
const pendingOptions = (req: Request) =>
  ({ httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/auth/oidc' }) as const;

/**
 * Signing in to the workspace through the OpenID Connect issuer, when a client is configured
 * (ACCORD_OIDC_CLIENT_ID): the same session cookie as a sign-in link starts, and signing out
 * (POST /auth/sign-out) ends it the same way.
 */
@Controller('auth/oidc')
export class OidcSignInController {
  constructor(
    private readonly oidc: OidcSignIn,
    private readonly links: SignInLinks,
  ) {}

  @Get('sign-in')
  async signIn(@Req() req: Request, @Res() res: Response): Promise<void> {
    const origin = `${req.protocol}://${req.headers.host}`;
    try {
      const { url, pending } = await this.oidc.begin(this.oidc.redirectUri(origin));
      res.cookie(PENDING_COOKIE, pendingCookie.write(pending), {
        ...pendingOptions(req),
        expires: new Date(pending.expiresAt),
      });
      res.redirect(302, url);
    } catch (error) {
      this.failed(res, error);
    }
  }

  @Get('callback')
  async callback(
    @Req() req: Request,
    @Res() res: Response,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const pending = pendingCookie.read(cookieOf(req, PENDING_COOKIE));
    // Spent whatever happens next: one round trip, one try.
    res.clearCookie(PENDING_COOKIE, pendingOptions(req));
    try {
      const actor = await this.oidc.finish(query, pending);
      const session = await this.links.startSession(actor);
      res.cookie(SESSION_COOKIE, session.id, sessionCookie(req.secure, session.expiresAt));
      res.redirect(303, '/');
    } catch (error) {
      this.failed(res, error);
    }
  }

  /** Back to the workspace's sign-in page, which says why in words (never a token in the URL). */
  private failed(res: Response, error: unknown): void {
    if (!(error instanceof SignInRefused)) throw error;
    res.redirect(303, `/sign-in#error=${encodeURIComponent(error.message)}`);
  }
}
