import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { TestOidcIssuer } from '../support/oidc-issuer';
import { TestApp } from '../support/test-app';
import { axeViolations, buildWorkspace, launchChromium, watchedPage } from './browser';

const CLIENT_ID = 'accord-workspace';

/**
 * Signing in through an OpenID Connect issuer in Chromium: the issuer is a real one over HTTP,
 * started by the test (test/support/oidc-issuer.ts), on an origin of its own.
 */
describe('signing in to the workspace through OpenID Connect, in a browser', () => {
  let issuer: TestOidcIssuer;
  let app: TestApp;
  let browser: Browser;
  let webDir: string;
  let origin: string;

  beforeAll(async () => {
    webDir = buildWorkspace();
    issuer = await TestOidcIssuer.start(CLIENT_ID);
    app = await TestApp.start({
      env: {
        ACCORD_WEB_DIR: webDir,
        ACCORD_OIDC_ISSUER: issuer.url,
        ACCORD_OIDC_AUDIENCE: 'accord-api',
        ACCORD_OIDC_CLIENT_ID: CLIENT_ID,
      },
    });
    await app.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
    issuer.redirectUris.push(`${origin}/auth/oidc/callback`);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await issuer?.stop();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  });

  /** Every problem of the page, but the visits to the issuer: that is where signing in happens. */
  const ownProblems = (problems: string[]) =>
    problems.filter((p) => !p.startsWith(`request to another host: ${issuer.origin}/`));

  it('"Sign in" goes through the issuer and lands signed in; "Sign out" ends it', async () => {
    const { page, problems } = await watchedPage(browser, origin);
    await page.goto(origin);
    await page.getByText('You are not signed in.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'My initiatives' }).waitFor();
    expect(page.url()).toBe(`${origin}/`);
    await page.locator('header .who', { hasText: 'of city-hall' }).waitFor();
    expect(await page.locator('header .who').textContent()).toContain('ana');
    // The session is in an HttpOnly cookie: nothing of it is in reach of the page's scripts.
    expect(await page.evaluate('document.cookie')).toBe('');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are not signed in.').waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(ownProblems(problems())).toEqual([]);
  }, 60_000);

  it('an ID token the workspace refuses leaves the reader signed out, told why', async () => {
    const { page, problems } = await watchedPage(browser, origin);
    issuer.override = { nonce: 'not-the-one-sent' };
    try {
      await page.goto(origin);
      await page.getByRole('link', { name: 'Sign in' }).click();
      await page
        .getByRole('alert')
        .getByText(/Signing in did not work: .*nonce/)
        .waitFor();
    } finally {
      issuer.override = {};
    }
    expect(page.url()).toBe(`${origin}/sign-in`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'My initiatives' }).waitFor();
    expect(ownProblems(problems())).toEqual([]);
  }, 60_000);
});
