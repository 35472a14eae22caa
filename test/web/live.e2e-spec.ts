import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { signInLinkCommand } from '../../apps/api/src/auth/sign-in-link.command';
import { expectNoErrors, launchWithPartners, ONE_YEAR_AHEAD } from '../support/fixtures';
import { AMEND, MAKE } from '../support/operations';
import { FOOD_BANK, SCHOOLS, TestApp } from '../support/test-app';
import { axeViolations, buildWorkspace, launchChromium, watchedPage } from './browser';

/** How long one probe may take to show before another is written (a retry, not a wait for sync). */
const PROBE_RETRY_MS = 1_000;

/**
 * Live updates in Chromium: the page subscribes over graphql-ws with its HttpOnly session
 * cookie, and what another person records through the API appears without a reload.
 */
describe('the workspace updates live', () => {
  let app: TestApp;
  let browser: Browser;
  let webDir: string;
  let origin: string;
  let initiativeId: string;

  beforeAll(async () => {
    webDir = buildWorkspace();
    app = await TestApp.start({ env: { ACCORD_WEB_DIR: webDir } });
    await app.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
    initiativeId = await launchWithPartners(app);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  });

  it("the overview's latest changes show what another partner records, without reloading the page", async () => {
    const link = await signInLinkCommand(
      ['--person', FOOD_BANK.personId, '--partner', FOOD_BANK.partnerId, '--url', origin],
      app.config,
    );
    const { page, problems } = await watchedPage(browser, origin);
    await page.goto(link);
    await page.getByRole('heading', { name: 'My initiatives' }).waitFor();
    await page.goto(`${origin}/initiatives/${initiativeId}`);
    await page.getByRole('heading', { name: 'Latest changes' }).waitFor();
    // Gone if the page were loaded again.
    await page.evaluate('window.stillTheSamePage = true');

    // Agenda amendments until one shows: from then on the subscription is certainly live.
    for (let probe = 1; ; probe++) {
      const agenda = `Every child reads by nine (probe ${probe})`;
      expectNoErrors(await app.gql(AMEND, { input: { initiativeId, commonAgenda: agenda } }));
      const shown = await page
        .getByText(agenda, { exact: true })
        .waitFor({ timeout: PROBE_RETRY_MS })
        .then(() => true)
        .catch(() => false);
      if (shown) break;
      if (probe === 15) throw new Error('no agenda amendment ever showed on the page');
    }

    const make = {
      commitmentId: 'library-cards',
      initiativeId,
      partnerId: SCHOOLS.partnerId,
      description: 'A library card for every pupil',
      dueDate: ONE_YEAR_AHEAD,
    };
    expectNoErrors(await app.gql(MAKE, { input: make }, SCHOOLS));
    const row = page.getByRole('row', { name: /commitment library-cards/ });
    await row.waitFor();
    expect(await row.textContent()).toContain(SCHOOLS.personId);
    expect(await page.evaluate('window.stillTheSamePage')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems()).toEqual([]);
  }, 60_000);
});
