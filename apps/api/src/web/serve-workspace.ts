import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Paths the server answers itself; everything else that asks for HTML is a route of the app. */
const SERVER_PATHS =
  /^\/(graphql|graphiql-assets|health|ready|metrics|auth|assets|checkpoint|proof|export)(\/|$)/;

/**
 * The workspace may load nothing from elsewhere: scripts, styles, fonts, images and requests
 * all come from this server, and no other site may frame it.
 */
export const WORKSPACE_CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function secureHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', WORKSPACE_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

/**
 * Serves the built web workspace at `/`: its files (hashed assets cached for a year), and
 * index.html for every client route, so a shared link to /initiatives/x/decisions opens.
 * Without a build (the tests of the API alone) nothing is served and nothing else changes.
 */
export function serveWorkspace(app: NestExpressApplication, webDir: string): void {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) return;
  app.useStaticAssets(webDir, {
    index: false,
    setHeaders: (res: Response, path: string) => {
      secureHeaders(res);
      res.setHeader(
        'Cache-Control',
        path.includes(`${join(webDir, 'assets')}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const wantsPage =
      (req.method === 'GET' || req.method === 'HEAD') &&
      !SERVER_PATHS.test(req.path) &&
      // A browser opening a page names text/html; scripts and scrapers (curl's */*) get the API.
      (req.headers.accept?.includes('text/html') === true || req.path === '/');
    if (!wantsPage) return next();
    secureHeaders(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
