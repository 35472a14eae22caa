import type { Actor } from '@accord/domain';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
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

/** Who a page request's session cookie signs in, if anyone. */
type SessionOf = (req: Request) => Promise<Actor | undefined>;

/**
 * index.html with who is signed in written into it (a meta tag the app reads at once), so the
 * first screen asks for its data without first asking the server who the reader is: one round
 * trip less on every first load. Only the reader's own ids, on a page sent to them alone.
 */
function pageFor(html: string, actor: Actor | undefined) {
  if (!actor) return html;
  const content = encodeURIComponent(
    JSON.stringify({ personId: actor.personId, partnerId: actor.partnerId }),
  );
  return html.replace('</head>', `<meta name="accord-session" content="${content}" />\n  </head>`);
}

/**
 * Serves the built web workspace at `/`: its files (hashed assets cached for a year), and
 * index.html for every client route, so a shared link to /initiatives/x/decisions opens.
 * Without a build (the tests of the API alone) nothing is served and nothing else changes.
 */
export function serveWorkspace(
  app: NestExpressApplication,
  webDir: string,
  sessionOf: SessionOf = () => Promise.resolve(undefined),
): void {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) return;
  const html = readFileSync(index, 'utf8');
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
    sessionOf(req)
      .catch(() => undefined)
      .then((actor) => {
        secureHeaders(res);
        // Per reader: never kept by a shared cache, and asked again on every load.
        res.setHeader('Cache-Control', 'no-cache, private');
        res.type('html').send(pageFor(html, actor));
      })
      .catch(next);
  });
}
