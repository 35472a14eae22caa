import { TestOidcIssuer } from '../support/oidc-issuer';
import { axeViolations, watchedPage, workspaceInBrowser } from './browser';

const CLIENT_ID = 'accord-workspace';

/**
 * Signing in through an OpenID Connect issuer in Chromium: the issuer is a real one over HTTP,
 * started by the test (test/support/oidc-issuer.ts), on an origin of its own.
 */
describe('signing in to the workspace through OpenID Connect, in a browser', () => {
  let issuer: TestOidcIssuer;

  beforeAll(async () => {
    issuer = await TestOidcIssuer.start(CLIENT_ID);
  });
  afterAll(async () => {
    await issuer?.stop();
  });
  const web = workspaceInBrowser({
    env: () => ({
      ACCORD_OIDC_ISSUER: issuer.url,
      ACCORD_OIDC_AUDIENCE: 'accord-api',
      ACCORD_OIDC_CLIENT_ID: CLIENT_ID,
    }),
    seed: (_app, origin) => {
      issuer.redirectUris.push(`${origin}/auth/oidc/callback`);
    },
  });

  /** Every problem of the page, but the visits to the issuer: that is where signing in happens. */
  const ownProblems = (problems: string[]) =>
    problems.filter((p) => !p.startsWith(`request to another host: ${issuer.origin}/`));

  it('"Sign in" goes through the issuer and lands signed in; "Sign out" ends it', async () => {
    const { page, problems } = await watchedPage(web.browser, web.origin);
    await page.goto(web.origin);
    await page.getByText('You are not signed in.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'My initiatives' }).waitFor();
    expect(page.url()).toBe(`${web.origin}/`);
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
    const { page, problems } = await watchedPage(web.browser, web.origin);
    issuer.override = { nonce: 'not-the-one-sent' };
    try {
      await page.goto(web.origin);
      await page.getByRole('link', { name: 'Sign in' }).click();
      await page
        .getByRole('alert')
        .getByText(/Signing in did not work: .*nonce/)
        .waitFor();
    } finally {
      issuer.override = {};
    }
    expect(page.url()).toBe(`${web.origin}/sign-in`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'My initiatives' }).waitFor();
    expect(ownProblems(problems())).toEqual([]);
  }, 60_000);
});
